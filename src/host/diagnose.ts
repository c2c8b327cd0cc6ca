// One diagnosis: check the subject can be a Docker name at all, read a snapshot (a constant
// number of engine requests), run the pure rules. An engine that cannot be reached gives its
// daemon_unreachable finding, never an exception; a name the engine refuses (HTTP 400) gives
// invalid_name. Every finding is redacted on the way out.
import { HostUnreachableError } from '../core/errors.ts';
import type { DiagnoseRequest } from '../core/ports.ts';
import type { Diagnosis, HostOverview } from '../core/types.ts';
import type { ReadOnlyInspector } from './inspector.ts';
import { redactFinding, redactSecrets } from './redact.ts';
import { checkSubject, invalidNameFinding, MAX_REFERENCE_CHARS } from './reference.ts';
import { runOverview, runRules } from './rules/index.ts';
import { ownContainerId } from './self.ts';
import { readSnapshot } from './snapshot.ts';
import { InvalidReferenceError } from './unreachable.ts';

export interface DiagnoseOptions {
  now?: () => number;
  /** The bot's own container id (left out of the host-wide look); found from /proc when not given. */
  selfId?: string | null;
}

export async function diagnose(inspector: ReadOnlyInspector, req: DiagnoseRequest, opts: DiagnoseOptions = {}): Promise<Diagnosis> {
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
    const selfId = opts.selfId === undefined ? ownContainerId() : opts.selfId;
    const snapshot = await readSnapshot(inspector, req, (opts.now ?? Date.now)(), selfId);
    if (subject !== null) return { host, subject, findings: runRules(snapshot).map(redactFinding) };
    const { findings, overview } = runOverview(snapshot);
    return { host, subject, findings: findings.map(redactFinding), overview: redactOverview(overview) };
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

/** Project labels and names are engine text: redacted like the findings (a label may carry a secret). */
function redactOverview(o: HostOverview): HostOverview {
  return {
    ...o,
    groups: o.groups.map((g) => ({
      project: g.project === null ? null : redactSecrets(g.project).slice(0, 80),
      subjects: g.subjects.map(redactSecrets),
    })),
  };
}
