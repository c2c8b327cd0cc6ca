#!/usr/bin/env node
// The `coach` command. In a source checkout (src/ present) it runs the TypeScript
// directly through tsx, so `npm ci` is all a fresh clone needs; in the built image
// (no src/, compiled dist/) it runs the compiled JavaScript.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let entry = join(root, 'dist', 'main.js');
if (existsSync(join(root, 'src', 'main.ts'))) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = join(root, 'src', 'main.ts');
}
const { run } = await import(pathToFileURL(entry).href);
process.exitCode = await run(process.argv.slice(2));
