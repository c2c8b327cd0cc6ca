// Where a test run keeps the shared bot image build's lock and result, and how to read the
// builder's output (no vitest import: the global setup uses this too).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where a run keeps its build's lock and result (one pair per tag). */
export function botImageFiles(tag: string): { lock: string; result: string } {
  const base = join(ROOT, '.cache', `bot-image-${tag.replace(/[^a-z0-9]/gi, '-')}`);
  return { lock: `${base}.lock`, result: `${base}.json` };
}

/** The image ids the (classic) builder printed: stage images it leaves untagged. */
export function builtIds(output: string): string[] {
  return [...output.matchAll(/^ ---> ([0-9a-f]{12})\s*$/gm)].map((m) => m[1] ?? '').filter(Boolean);
}
