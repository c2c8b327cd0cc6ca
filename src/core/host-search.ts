// "why web" with no host named, from a channel that may see several hosts: look on each of
// them (at most MAX_HOSTS, in parallel, each under the road's own deadline) and answer from
// the one where `web` is; when it is on several, say where, so nobody debugs the wrong engine.
import type { HostRoad } from './host-road.ts';
import { MAX_NAME_CHARS } from './input.ts';
import type { DiagnoseRequest } from './ports.ts';
import type { Diagnosis, FindingCode, Question } from './types.ts';

/** Bounds the fan-out of one question. */
export const MAX_HOSTS = 5;

/** Findings that mean "the subject is not (usably) here". */
const ABSENT: ReadonlySet<FindingCode> = new Set(['not_found', 'name_mismatch', 'invalid_name', 'daemon_unreachable']);

export interface HostFound {
  /** The question, pinned to the host to answer from. */
  q: Question;
  /** That host's diagnosis, when it was already read (so it is not asked twice). */
  diagnosis?: Diagnosis;
  notice?: string;
}

export async function findSubject(road: HostRoad, q: Question, req: DiagnoseRequest): Promise<HostFound> {
  const names = road.allowedNames(q);
  const subject = req.subject;
  if (q.host !== undefined || subject === undefined || names.length < 2) return { q };
  const tried = names.slice(0, MAX_HOSTS);
  const results = await Promise.all(
    tried.map(async (name) => {
      const res = await road.query({ ...q, host: name }, (h) => h.diagnose(req));
      return { name, diagnosis: res.ok ? res.value : undefined };
    }),
  );
  const found = results.filter((r) => r.diagnosis && !r.diagnosis.findings.some((f) => ABSENT.has(f.code)));
  const chosen = found[0] ?? results[0];
  if (!chosen) return { q };
  const pinned = { ...q, host: chosen.name };
  const base = chosen.diagnosis ? { q: pinned, diagnosis: chosen.diagnosis } : { q: pinned };
  const list = (xs: { name: string }[]) => xs.map((x) => `\`${x.name}\``).join(', ');
  if (found.length === 0)
    return { ...base, notice: `I looked for \`${subject}\` on ${list(results)}; this answer is from \`${chosen.name}\`.` };
  if (found.length === 1) return { ...base, notice: `Found \`${subject}\` on host \`${chosen.name}\`.` };
  const others = found.slice(1).map((f) => f.name);
  return {
    ...base,
    notice: `\`${subject}\` is on several hosts: ${list(found)}. This is \`${chosen.name}\`; for another, ask \`why ${subject} --host ${others[0] ?? ''}\`.`,
  };
}

/**
 * Names for autocomplete, through the same access rule and deadline as a question: from every
 * host open here (at most MAX_HOSTS), the picked one first, merged.
 */
export async function suggestNames(road: HostRoad, q: Question, limit: number): Promise<string[]> {
  const partial = typeof q.text === 'string' ? q.text.slice(0, MAX_NAME_CHARS) : '';
  const names = q.host !== undefined ? [q.host] : road.allowedNames(q).slice(0, MAX_HOSTS);
  const lists = await Promise.all(
    (names.length > 0 ? names : [undefined]).map(async (host) => {
      const res = await road.query(host === undefined ? q : { ...q, host }, (h) => h.suggestNames(partial, limit));
      return res.ok ? res.value : [];
    }),
  );
  return [...new Set(lists.flat())].slice(0, limit);
}
