// Lint: typescript-eslint (type-aware, strict), import hygiene (no cycles; test/import-cycles.test.ts
// adds the type-only ones), and the dependency direction of shared/DESIGN.md enforced as import rules
// (test/lint-rules.test.ts proves each one fires).
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// The composition root: the only code that wires real implementations together, and so the only
// code that may import an adapter. Entries directly under src/. Being consolidated into one place
// (issue 10, item 7): when it moves, change this list and nothing else.
export const COMPOSITION_ROOT = ['main.ts', 'app'];

// The pure inside: imports no SDK and nothing from the outer layers.
const INNER = ['core', 'nlu', 'knowledge'];

const SRC = `${import.meta.dirname}/src`;
const entries = (dir) => readdirSync(`${SRC}/${dir}`, { withFileTypes: true });
/** Every folder under src/adapters/: a new adapter is covered without touching this file. */
export const ADAPTERS = entries('adapters')
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
/** Top-level files and folders of src/ (config.ts, core, host, …). */
const TOP = entries('.').map((d) => d.name);

const src = (name) => `src/${name}`;
const files = (name) => (name.endsWith('.ts') ? [src(name)] : [`${src(name)}/**/*.ts`]);

const SDKS = ['@slack/*', 'discord.js', '@discordjs/*', 'dockerode', 'docker-modem', 'pino', 'pino-*', 'prom-client', 'dotenv'];
const SDK_MESSAGE = 'core/, nlu/ and knowledge/ import no SDK: adapters and host/ translate to the core (shared/DESIGN.md).';
const NATURAL = { name: 'natural', message: 'Import natural by deep path: its index takes ~1 s and runs dotenv.' };
// As a regex for an esquery selector, which cannot escape `/`: any character stands in for it.
const sdkPattern = (s) => s.replace('.', '\\.').replace('/', '.').replace('*', '.*');

const zones = [
  {
    target: INNER.map(src),
    from: TOP.filter((n) => !INNER.includes(n) && n !== 'config.ts').map(src),
    message: 'core/, nlu/ and knowledge/ import nothing from the outer layers (shared/DESIGN.md: dependencies point inward).',
  },
  {
    target: src('core'),
    from: TOP.filter((n) => n !== 'core').map(src),
    message: 'core/ imports nothing outside core/.',
  },
  {
    target: TOP.filter((n) => n !== 'adapters' && !COMPOSITION_ROOT.includes(n)).map(src),
    from: src('adapters'),
    message: `Only the composition root (${COMPOSITION_ROOT.map(src).join(', ')}) imports adapters.`,
  },
  ...ADAPTERS.map((a) => ({
    target: src(`adapters/${a}`),
    from: src('adapters'),
    except: [`./${a}`],
    message: 'Adapters never import each other: shared code belongs in core/.',
  })),
];

export default defineConfig(
  { ignores: ['node_modules/', 'dist/', 'coverage/', '.cache/', 'bin/', 'test/fixtures/', '.tmp/'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { typescript: true, node: true } },
    rules: {
      'import-x/no-cycle': ['error', { allowUnsafeDynamicCyclicDependency: false }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `const { secret: _, ...rest } = o` is how an object drops a field.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones }],
      'no-restricted-imports': ['error', { paths: [NATURAL] }],
    },
  },
  {
    files: INNER.flatMap(files),
    rules: {
      'no-restricted-imports': ['error', { paths: [NATURAL], patterns: [{ group: SDKS, message: SDK_MESSAGE }] }],
      // no-restricted-imports does not see inline type imports: `import('dockerode').ContainerInfo`.
      'no-restricted-syntax': [
        'error',
        { selector: `TSImportType[source.value=/^(${SDKS.map(sdkPattern).join('|')})$/]`, message: SDK_MESSAGE },
      ],
    },
  },
  {
    // Plain Node scripts (this file, deploy/prune-deps.mjs): no types to check them against.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // Tests and benchmarks read JSON from engines, stand-ins and fixtures and assert on it; a
    // failed `!` or an unexpected shape fails the test loudly, which is what a test wants. Their
    // fakes implement async ports with plain values: `async` keeps a throw a rejection, as in the
    // real port.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  prettier,
);
