// DESIGN.md's rules, enforced: dependencies point inward, adapters never import each other,
// config.ts is the only reader of process.env, and natural is never imported whole.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const SRC = join(ROOT, 'src');
const all = files(SRC).map((p) => ({ path: relative(ROOT, p), text: readFileSync(p, 'utf8') }));
// TypeScript's own scanner: every import, export-from, dynamic import and inline `import('…')` type.
const importsOf = (text: string) => ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
/** Where a relative import lands, as a path from the repo root (`src/adapters/slack/render.ts`). */
const target = (from: string, spec: string) => relative(ROOT, resolve(ROOT, dirname(from), spec));
/** Every folder under src/adapters/, found now: a new adapter is covered without editing this file. */
const ADAPTERS = readdirSync(join(SRC, 'adapters')).filter((n) => statSync(join(SRC, 'adapters', n)).isDirectory());
const adapterOf = (path: string) => /^src\/adapters\/([^/]+)\//.exec(path)?.[1];
const SDKS = [/^@slack\//, /^discord\.js$/, /^@discordjs\//, /^dockerode$/, /^docker-modem$/];

describe('architecture', () => {
  it('core/, nlu/ and knowledge/ import no SDK, no host and no adapter', () => {
    const bad = all
      .filter((f) => /^src\/(core|nlu|knowledge)\//.test(f.path))
      .flatMap((f) =>
        importsOf(f.text)
          .filter((i) => SDKS.some((s) => s.test(i)) || /\/(host|adapters)\//.test(i))
          .map((i) => `${f.path} → ${i}`),
      );
    expect(bad).toEqual([]);
  });

  it('core/ imports nothing outside core/', () => {
    const bad = all
      .filter((f) => f.path.startsWith('src/core/'))
      .flatMap((f) =>
        importsOf(f.text)
          .filter((i) => i.startsWith('.') && !i.startsWith('./'))
          .map((i) => `${f.path} → ${i}`),
      );
    expect(bad).toEqual([]);
  });

  it('finds every adapter folder, each with source files', () => {
    expect(ADAPTERS).toEqual(expect.arrayContaining(['cli', 'discord', 'slack']));
    for (const a of ADAPTERS) expect(all.some((f) => adapterOf(f.path) === a)).toBe(true);
  });

  it.each(ADAPTERS)('adapter %s imports no other adapter', (adapter) => {
    const bad = all
      .filter((f) => adapterOf(f.path) === adapter)
      .flatMap((f) =>
        importsOf(f.text)
          .filter((i) => i.startsWith('.'))
          .filter((i) => {
            const other = adapterOf(target(f.path, i));
            return other !== undefined && other !== adapter;
          })
          .map((i) => `${f.path} → ${i}`),
      );
    expect(bad).toEqual([]);
  });

  it('host/ imports no adapter', () => {
    const bad = all
      .filter((f) => f.path.startsWith('src/host/'))
      .flatMap((f) =>
        importsOf(f.text)
          .filter((i) => i.startsWith('.') && adapterOf(target(f.path, i)) !== undefined)
          .map((i) => `${f.path} → ${i}`),
      );
    expect(bad).toEqual([]);
  });

  it('only src/config.ts reads process.env', () => {
    const code = (t: string) =>
      t
        .split('\n')
        .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
        .join('\n');
    const readers = all.filter((f) => f.path !== 'src/config.ts' && /process\.env/.test(code(f.text))).map((f) => f.path);
    expect(readers).toEqual([]);
  });

  it('natural is imported by deep path only (its index takes ~1 s and runs dotenv)', () => {
    const bad = all.flatMap((f) =>
      importsOf(f.text)
        .filter((i) => i === 'natural' || i === 'natural/lib/natural' || i === 'natural/lib/natural/index.js')
        .map((i) => `${f.path} → ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('source files stay small', () => {
    const big = all.map((f) => ({ path: f.path, lines: f.text.split('\n').length })).filter((f) => f.lines > 400);
    expect(big).toEqual([]);
  });
});
