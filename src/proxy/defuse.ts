// The shared redaction (src/host/redact.ts) takes time that grows with the square of the longest
// run of name characters ([A-Za-z0-9_.-]) in a string: measured, a 40 KB label of one letter
// repeated took 8.5 s, and a 1 MB body of 128-character runs 0.6 s. No name, flag or word is
// that long; a run like that is a token, a blob or an attack on the scanner. So a string holding
// one is taken out whole, before any pattern runs over it — found with a linear scan.
import { REDACTED } from '../host/redact.ts';

/** Longer runs of name characters than this are never scanned. */
export const MAX_RUN = 128;
/** Longer strings than this are never scanned (the cost also grows with the length). */
export const MAX_STRING = 64 * 1024;

/** Is this a name character, [A-Za-z0-9_.-]? */
function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
}

export function hasLongRun(s: string, max = MAX_RUN): boolean {
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    run = isNameChar(s.charCodeAt(i)) ? run + 1 : 0;
    if (run > max) return true;
  }
  return false;
}

/** Safe to hand to the pattern scan? */
export function scannable(s: string): boolean {
  return s.length <= MAX_STRING && !hasLongRun(s);
}

/** A string the scan must not see: `NAME=…` keeps a short name (an env entry), anything else goes whole. */
export function defuseString(s: string): string {
  if (scannable(s)) return s;
  const eq = s.indexOf('=');
  return eq > 0 && eq <= MAX_RUN && scannable(s.slice(0, eq)) ? `${s.slice(0, eq)}=${REDACTED}` : REDACTED;
}

/** Text with every line the scan must not see replaced whole. */
export function defuseLines(text: string): string {
  return text
    .split('\n')
    .map((line) => (scannable(line) ? line : REDACTED))
    .join('\n');
}

/** Every string in a JSON value (and every key) made safe to scan; everything else as it was. */
export function defuse(value: unknown): unknown {
  if (typeof value === 'string') return defuseString(value);
  if (Array.isArray(value)) return value.map(defuse);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // A key too long to scan goes, with its value.
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      if (scannable(k)) out[k] = defuse(v);
      else out[REDACTED] = REDACTED;
    return out;
  }
  return value;
}
