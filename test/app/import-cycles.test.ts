// No import cycles in src/, type-only ones included: eslint's import-x/no-cycle skips
// `import type`, so this test reads every import (static, dynamic, `import type`, inline
// `import('…').T`) and looks for strongly connected files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/spawn.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every file → the src files it imports (relative specifiers only). */
export function importGraph(srcDir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files(srcDir)) {
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.[^'"]+)['"]/g)].map((m) => m[1]!);
    graph.set(
      relative(ROOT, file),
      specs.map((s) => relative(ROOT, resolve(dirname(file), s))),
    );
  }
  return graph;
}

/** Groups of files that import each other, directly or around a circle (Tarjan's algorithm). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

describe('import cycles', () => {
  it('the detector finds a type-only circle', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts']],
      ['c.ts', ['a.ts']],
    ]);
    expect(cycles(g)).toEqual([['a.ts', 'b.ts']]);
  });

  it('the composition root (src/main.ts, src/app/) and src/runtime/ are in no cycle', () => {
    const mine = /^src\/(main\.ts|app\/|runtime\/|http\/|ops\/|config\.ts)/;
    const bad = cycles(importGraph(join(ROOT, 'src'))).filter((group) => group.some((f) => mine.test(f)));
    expect(bad).toEqual([]);
  });

  it('no file imports the entry src/main.ts', () => {
    const importers = [...importGraph(join(ROOT, 'src')).entries()].filter(([, to]) => to.includes('src/main.ts')).map(([f]) => f);
    expect(importers).toEqual([]);
  });
});
