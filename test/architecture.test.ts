// DESIGN.md's rules, enforced: dependencies point inward, adapters never import each other,
// config.ts is the only reader of process.env, and natural is never imported whole.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/spawn.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const SRC = join(ROOT, 'src');
const all = files(SRC).map((p) => ({ path: relative(ROOT, p), text: readFileSync(p, 'utf8') }));
const importsOf = (text: string) => [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
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

  it('adapters never import each other, and host/ imports no adapter', () => {
    const bad = all.flatMap((f) => {
      const m = /^src\/adapters\/([^/]+)\//.exec(f.path);
      return importsOf(f.text)
        .filter((i) => {
          const other = /adapters\/([^/]+)\//.exec(i)?.[1] ?? /^\.\.\/(slack|discord|cli)\//.exec(i)?.[1];
          if (f.path.startsWith('src/host/')) return /adapters\//.test(i);
          return m && other && other !== m[1];
        })
        .map((i) => `${f.path} → ${i}`);
    });
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
