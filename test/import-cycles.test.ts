// No import cycles in src/, type-only ones included. import-x/no-cycle skips `import type` and
// inline `import('…').T` types, so this builds the graph itself with TypeScript's own scanner
// (ts.preProcessFile: every import, export-from, dynamic import and import type, never text in
// strings or comments) and lists each cycle it finds.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

type Graph = Map<string, string[]>;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The file a relative specifier names, among `known` (the project imports with `.ts`). */
function resolveRelative(from: string, spec: string, known: Set<string>): string | null {
  const base = resolve(dirname(from), spec);
  const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((c) => known.has(c)) ?? null;
}

/** Edges from each file to the files it imports relatively, in any form. */
function importGraph(files: Map<string, string>): Graph {
  const known = new Set(files.keys());
  const graph: Graph = new Map();
  for (const [path, text] of files) {
    const specs = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
    const targets = specs.filter((s) => s.startsWith('.')).map((s) => resolveRelative(path, s, known));
    graph.set(path, [...new Set(targets.filter((t): t is string => t !== null))].sort());
  }
  return graph;
}

/** Tarjan: the strongly connected components with a cycle in them (size > 1, or a self-import). */
function cyclicComponents(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

/** The shortest way round from the component's first file back to itself: `a → b → a`. */
function shortestCycle(graph: Graph, scc: string[]): string[] {
  const inScc = new Set(scc);
  const start = scc[0]!;
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!inScc.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(prev.get(path[0]!)!);
        return [...path, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return scc;
}

/** One line per cycle, paths relative to `root`. */
function describeCycles(graph: Graph, root: string): string[] {
  return cyclicComponents(graph).map((scc) => {
    const cycle = shortestCycle(graph, scc);
    const others = scc.filter((p) => !cycle.includes(p)).map((p) => relative(root, p));
    const rest = others.length ? ` (tied in the same knot: ${others.join(', ')})` : '';
    return `${cycle.map((p) => relative(root, p)).join(' → ')}${rest}`;
  });
}

describe('import cycles', () => {
  it('finds a cycle made only of type imports (the detector can fail)', () => {
    const files = new Map([
      ['/p/a.ts', "import type { B } from './b.ts';\nexport interface A { b: B }"],
      ['/p/b.ts', "export interface B { a: import('./a.ts').A }"],
      ['/p/c.ts', "import type { A } from './a.ts';\nexport const s = `import('./c.ts')`; // import('./c.ts')"],
      ['/p/d.ts', "export * from './e.ts';"],
      ['/p/e.ts', "export const f = () => import('./d.ts');"],
    ]);
    expect(describeCycles(importGraph(files), '/p')).toEqual(['a.ts → b.ts → a.ts', 'd.ts → e.ts → d.ts']);
  });

  it('src/ has none, type-only ones included', () => {
    const src = join(ROOT, 'src');
    expect(existsSync(src)).toBe(true);
    const files = new Map(tsFiles(src).map((p) => [p, readFileSync(p, 'utf8')]));
    expect(describeCycles(importGraph(files), ROOT)).toEqual([]);
  });
});
