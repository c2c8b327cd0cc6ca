// One diagnosis: check the subject can be a Docker name at all, read a snapshot (a constant
// number of engine requests), run the pure rules. An engine that cannot be reached gives its
// daemon_unreachable finding, never an exception; a name the engine refuses (HTTP 400) gives
// invalid_name. Every finding is redacted on the way out.
import { HostUnreachableError } from '../core/errors.ts';
import type { DiagnoseRequest } from '../core/ports.ts';
import type { Diagnosis } from '../core/types.ts';
import type { ReadOnlyInspector } from './inspector.ts';
import { redactFinding } from './redact.ts';
import { checkSubject, invalidNameFinding, MAX_REFERENCE_CHARS } from './reference.ts';
import { runRules } from './rules/index.ts';
import { readSnapshot } from './snapshot.ts';
import { InvalidReferenceError } from './unreachable.ts';

export async function diagnose(inspector: ReadOnlyInspector, req: DiagnoseRequest, opts: { now?: () => number } = {}): Promise<Diagnosis> {
  const subject = req.subject?.trim() || null;
  const host = inspector.description;
  if (subject !== null) {
    const check = checkSubject(subject);
    if (!check.ok) {
      // Not even asked of the engine; a huge subject is not echoed back whole.
      const shown = subject.length > MAX_REFERENCE_CHARS ? `${subject.slice(0, 79)}…` : subject;
      return { host, subject: shown, findings: [redactFinding(invalidNameFinding(subject, check.problem))] };
    }
  }
  try {
    const snapshot = await readSnapshot(inspector, req, (opts.now ?? Date.now)());
    return { host, subject, findings: runRules(snapshot).map(redactFinding) };
  } catch (err) {
    if (err instanceof HostUnreachableError) return { host, subject, findings: [redactFinding(err.finding)] };
    if (err instanceof InvalidReferenceError && subject !== null)
      return {
        host,
        subject,
        findings: [redactFinding(invalidNameFinding(subject, 'the engine does not accept it as a name', err.message))],
      };
    throw err;
  }
}
