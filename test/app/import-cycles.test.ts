// No import cycles in src/, type-only ones included: eslint's import-x/no-cycle skips
// `import type`, so this test reads every import (static, dynamic, `import type`, inline
// `import('…').T`) and looks for strongly connected files.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from '../helpers/import-graph.ts';
import { ROOT } from '../helpers/spawn.ts';

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
