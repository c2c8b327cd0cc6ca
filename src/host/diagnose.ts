// One diagnosis: read a snapshot (a constant number of engine requests), run the pure rules.
// An engine that cannot be reached gives its daemon_unreachable finding, never an exception.
import { HostUnreachableError } from '../core/errors.ts';
import type { DiagnoseRequest } from '../core/ports.ts';
import type { Diagnosis } from '../core/types.ts';
import type { ReadOnlyInspector } from './inspector.ts';
import { redactFinding } from './redact.ts';
import { runRules } from './rules/index.ts';
import { readSnapshot } from './snapshot.ts';

export async function diagnose(inspector: ReadOnlyInspector, req: DiagnoseRequest, opts: { now?: () => number } = {}): Promise<Diagnosis> {
  const subject = req.subject?.trim() || null;
  const host = inspector.description;
  try {
    const snapshot = await readSnapshot(inspector, req, (opts.now ?? Date.now)());
    return { host, subject, findings: runRules(snapshot).map(redactFinding) };
  } catch (err) {
    if (err instanceof HostUnreachableError) return { host, subject, findings: [redactFinding(err.finding)] };
    throw err;
  }
}
