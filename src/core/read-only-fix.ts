// For a container the person did not name, a fix may only read: logs, inspect, ps, `why NAME`.
// Never a command that removes, re-creates or changes it (or its image).
import type { Finding } from './types.ts';

const READ_ONLY = /^docker (logs|inspect|ps|port|events|images|image (inspect|ls)|compose (-p \S+ )?(ps|logs)|stats|top|info|context ls)\b/;

export function isReadOnlyCommand(line: string): boolean {
  return READ_ONLY.test(line);
}

export function readOnlyFinding(f: Finding): Finding {
  const name = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(f.subject) ? f.subject : 'NAME';
  const kept = f.fix.filter(isReadOnlyCommand);
  return { ...f, fix: [...kept, `Ask \`why ${name}\` for what to change.`] };
}
