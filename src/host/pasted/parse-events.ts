// `docker events` lines → engine events. Only container events, and only the attributes the
// rules read (name, image, exitCode): a pasted exec line's command is never kept.
import type { EngineEvent } from '../inspector.ts';

const LINE =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})) container ([a-z_]{2,20})(?::[^\n(]{0,200})? ([0-9a-f]{12,64}) \(([^)\n]{0,2000})\)/;
const KEEP = new Set(['name', 'image', 'exitCode', 'signal']);

export function parseEvents(lines: string[]): EngineEvent[] {
  const out: EngineEvent[] = [];
  for (const line of lines) {
    const m = LINE.exec(line.trim());
    if (!m) continue;
    const [, when = '', action = '', id = '', attrs = ''] = m;
    if (action.startsWith('exec')) continue;
    const attributes: Record<string, string> = {};
    for (const pair of attrs.split(', ')) {
      const eq = pair.indexOf('=');
      const key = pair.slice(0, eq);
      if (eq > 0 && KEEP.has(key)) attributes[key] = pair.slice(eq + 1);
    }
    const time = Math.floor(Date.parse(when) / 1000);
    out.push({ Type: 'container', Action: action, Actor: { ID: id, Attributes: attributes }, time, timeNano: time * 1e9 });
  }
  return out;
}
