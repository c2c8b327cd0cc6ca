// The dependency-direction rules of eslint.config.js, proven to fire: each snippet is linted with
// the repo's own config as if it lived at the given path, so a rule that silently stops matching
// (a renamed folder, a plugin upgrade) fails here instead of letting the layering rot. The folders
// are discovered, and the composition root is read from the config, so nothing here needs editing
// when an adapter or a layer is added.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const RULES = new Set(['import-x/no-restricted-paths', 'no-restricted-imports', 'no-restricted-syntax']);
// Only the import rules run, and they need no types: without the project service a snippet may
// live at a path that does not exist, and linting takes milliseconds instead of a type-check.
const eslint = new ESLint({
  cwd: ROOT,
  ruleFilter: ({ ruleId }) => RULES.has(ruleId),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});
const { COMPOSITION_ROOT } = (await import(pathToFileURL(join(ROOT, 'eslint.config.js')).href)) as { COMPOSITION_ROOT: string[] };

/** The rule ids reported for `code` at `filePath`; a parse error fails the test outright. */
async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  expect(messages.filter((m) => m.fatal).map((m) => m.message)).toEqual([]);
  return messages.map((m) => m.ruleId ?? '');
}

/** A real .ts file under src/<entry> (or the entry itself), so an import of it resolves. */
function realFile(entry: string): string {
  const p = join(SRC, entry);
  if (!statSync(p).isDirectory()) return entry;
  const names = readdirSync(p).sort();
  const ts = names.find((n) => n.endsWith('.ts') && !n.endsWith('.d.ts'));
  if (ts) return `${entry}/${ts}`;
  const dir = names.find((n) => statSync(join(p, n)).isDirectory());
  if (!dir) throw new Error(`no .ts file under src/${entry}`);
  return realFile(`${entry}/${dir}`);
}

/** Where a snippet for this top-level entry of src/ lives, and how it reaches src/ from there. */
const at = (entry: string) => (entry.endsWith('.ts') ? { path: `src/${entry}`, up: './' } : { path: `src/${entry}/x.ts`, up: '../' });

const TOP = readdirSync(SRC).filter((n) => !n.endsWith('.d.ts'));
const INNER = ['core', 'nlu', 'knowledge'];
const OUTER = TOP.filter((n) => !INNER.includes(n) && n !== 'config.ts');
const adapters = readdirSync(join(SRC, 'adapters')).filter((n) => statSync(join(SRC, 'adapters', n)).isDirectory());
const NOT_ROOT = TOP.filter((n) => n !== 'adapters' && !COMPOSITION_ROOT.includes(n));

describe('dependency-direction lint rules', () => {
  it('knows the layers and adapters it guards', () => {
    expect(OUTER).toEqual(expect.arrayContaining(['adapters', 'host', 'http', 'ops']));
    expect(adapters).toEqual(expect.arrayContaining(['cli', 'discord', 'slack']));
    expect(COMPOSITION_ROOT.every((e) => TOP.includes(e))).toBe(true);
  });

  it.each([
    ['src/core/x.ts', "import Docker from 'dockerode';\nexport type D = Docker;"],
    ['src/nlu/x.ts', "import type { App } from '@slack/bolt';\nexport type A = App;"],
    ['src/knowledge/x.ts', "import { Client } from 'discord.js';\nexport const c = Client;"],
    ['src/core/x.ts', "import { pino } from 'pino';\nexport const l = pino;"],
    ['src/nlu/x.ts', "import client from 'prom-client';\nexport const c = client;"],
  ])('%s may not import an SDK: %s', async (path, code) => {
    expect(await violations(path, code)).toContain('no-restricted-imports');
  });

  it('catches an SDK type imported inline in the inner layers', async () => {
    expect(await violations('src/knowledge/x.ts', "export type C = import('dockerode').ContainerInfo;")).toContain('no-restricted-syntax');
  });

  const innerToOuter = OUTER.map((outer, i) => [INNER[i % INNER.length]!, realFile(outer)] as const);
  it.each(innerToOuter)('%s/ may not import src/%s', async (inner, target) => {
    expect(await violations(`src/${inner}/x.ts`, `export * from '../${target}';`)).toContain('import-x/no-restricted-paths');
  });

  it.each(['nlu', 'knowledge', 'config.ts'])('core/ may not import src/%s', async (entry) => {
    expect(await violations('src/core/x.ts', `export * from '../${realFile(entry)}';`)).toContain('import-x/no-restricted-paths');
  });

  it('sees type-only and dynamic imports of an outer layer too', async () => {
    const typeOnly = `import type { Snapshot } from '../${realFile('host')}';\nexport type S = Snapshot;`;
    expect(await violations('src/core/x.ts', typeOnly)).toContain('import-x/no-restricted-paths');
    const dynamic = `export const h = () => import('../${realFile('host')}');`;
    expect(await violations('src/core/x.ts', dynamic)).toContain('import-x/no-restricted-paths');
  });

  const pairs = adapters.flatMap((a) => adapters.filter((b) => b !== a).map((b) => [a, b] as const));
  it.each(pairs)('adapter %s may not import adapter %s', async (from, to) => {
    const code = `export * from '../../${realFile(`adapters/${to}`)}';`;
    expect(await violations(`src/adapters/${from}/x.ts`, code)).toContain('import-x/no-restricted-paths');
  });

  it.each(adapters)('adapter %s may import its own files and the core', async (a) => {
    const code = `export * from '../../${realFile(`adapters/${a}`)}';\nexport * from '../../core/types.ts';`;
    expect(await violations(`src/adapters/${a}/x.ts`, code)).toEqual([]);
  });

  it.each(NOT_ROOT)('src/%s is not the composition root: it may not import an adapter', async (entry) => {
    const { path, up } = at(entry);
    const code = `export * from '${up}${realFile(`adapters/${adapters[0]!}`)}';`;
    expect(await violations(path, code)).toContain('import-x/no-restricted-paths');
  });

  it.each(COMPOSITION_ROOT)('the composition root (src/%s) may import every adapter', async (entry) => {
    const { path, up } = at(entry);
    const code = adapters.map((a) => `export * from '${up}${realFile(`adapters/${a}`)}';`).join('\n');
    expect(await violations(path, code)).toEqual([]);
  });

  it('the inner layers may import each other (core aside) and plain libraries', async () => {
    const code = "export * from '../core/types.ts';\nexport * from '../knowledge/schema.ts';\nexport { z } from 'zod';";
    expect(await violations('src/nlu/x.ts', code)).toEqual([]);
  });

  it('natural is imported by deep path only, anywhere in src/', async () => {
    expect(await violations('src/host/x.ts', "import natural from 'natural';\nexport const n = natural;")).toContain(
      'no-restricted-imports',
    );
  });
});
