#!/usr/bin/env node
// Removes production packages the compiled app can never load. Runs in the Dockerfile, after
// `npm ci --omit=dev`, against the compiled dist/.
//
// Why: `natural` declares storage backends (mongoose, pg, redis, memjs) and 35 MB of WordNet
// data as dependencies of its top-level module. The app imports only a few `natural` files by
// deep path (see src/nlu/natural-modules.d.ts), which never touch them — yet they were more
// than half of the image.
//
// How, without a hand-kept list: scan dist/ for the packages it imports. A package imported by
// its name anywhere keeps all of its dependencies. A package imported only by deep path keeps
// just the packages its reachable files `require` (followed through relative requires). Then
// walk package-lock.json from the root with node's resolution rules and delete every installed
// package the walk never reached. Anything the scan cannot follow (a computed require) keeps
// the whole package. Also drops files node never loads: type declarations, source maps, docs.
//
// Usage: node prune-deps.mjs APP_DIR   (APP_DIR holds package-lock.json, dist/, node_modules/)
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';

const app = process.argv[2] ?? '.';
const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8'));
const packages = lock.packages ?? {};

const specifierPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
const computedRequire = /\brequire\s*\(\s*[^'"\s)]/;

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isBare(specifier) {
  return !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('node:') && !isBuiltin(specifier);
}

function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(path);
    return /\.(m|c)?js$/.test(entry.name) ? [path] : [];
  });
}

// Node's lookup: from a package at lock path P, a dependency D is P/node_modules/D, else up the tree.
function resolveFrom(fromPath, name) {
  let base = fromPath;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

function resolveFile(path) {
  for (const candidate of [path, `${path}.js`, `${path}.json`, `${path}/index.js`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

// The bare packages a deep-imported package's files require, or undefined when it can't tell.
function requiredByDeepFiles(pkgPath, subpaths) {
  const needed = new Set();
  const seen = new Set();
  const queue = subpaths.map((sub) => resolveFile(join(app, pkgPath, sub)));
  while (queue.length > 0) {
    const file = queue.pop();
    if (file === undefined) return undefined; // unresolvable: keep everything
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.json')) continue;
    const text = readFileSync(file, 'utf8');
    if (computedRequire.test(text)) return undefined;
    for (const [, spec] of text.matchAll(specifierPattern)) {
      if (spec.startsWith('.')) queue.push(resolveFile(join(dirname(file), spec)));
      else if (isBare(spec)) needed.add(packageName(spec));
    }
  }
  return needed;
}

// What dist/ imports: package name -> 'whole' or the deep subpaths used.
const imports = new Map();
for (const file of jsFiles(join(app, 'dist'))) {
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(specifierPattern)) {
    if (!isBare(spec)) continue;
    const name = packageName(spec);
    const sub = spec.slice(name.length + 1);
    const current = imports.get(name);
    if (!sub || current === 'whole') imports.set(name, 'whole');
    else imports.set(name, [...(current ?? []), sub]);
  }
}

const deepOnly = new Map(); // lock path -> the bare names it really needs
for (const [name, use] of imports) {
  if (use === 'whole') continue;
  const pkgPath = resolveFrom('', name);
  if (!pkgPath) continue;
  const needed = requiredByDeepFiles(pkgPath, use);
  if (needed) deepOnly.set(pkgPath, needed);
}

const reached = new Set();
const queue = [['', Object.keys({ ...packages['']?.dependencies, ...packages['']?.optionalDependencies })]];
while (queue.length > 0) {
  const [from, names] = queue.pop();
  for (const name of names) {
    const path = resolveFrom(from, name);
    if (!path || reached.has(path)) continue;
    reached.add(path);
    const info = packages[path];
    const deps = deepOnly.get(path) ?? Object.keys({ ...info.dependencies, ...info.optionalDependencies, ...info.peerDependencies });
    queue.push([path, [...deps]]);
  }
}

function sizeOf(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + sizeOf(join(path, entry)), 0);
}

let removed = 0;
const names = [];
// Deepest paths first, so a nested package is counted before its parent directory goes.
for (const path of Object.keys(packages).sort((a, b) => b.length - a.length)) {
  if (!path.startsWith('node_modules/') || reached.has(path) || packages[path].link) continue;
  const dir = join(app, path);
  if (!existsSync(dir)) continue;
  removed += sizeOf(dir);
  rmSync(dir, { recursive: true, force: true });
  names.push(path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
}

// Files node never loads at run time.
const droppable = /(\.d\.(m|c)?ts|\.map|\.md|\.markdown)$/i;
function dropFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) dropFiles(path);
    else if (droppable.test(entry.name) && !/^licen[cs]e/i.test(entry.name)) {
      removed += statSync(path).size;
      rmSync(path);
    }
  }
}
dropFiles(join(app, 'node_modules'));

const deep = [...deepOnly.keys()].map((p) => p.replace(/^node_modules\//, '')).join(', ') || 'none';
console.log(`prune-deps: imported by deep path only: ${deep}`);
console.log(`prune-deps: removed ${names.length} unreachable packages and unused files, ${(removed / 1e6).toFixed(1)} MB`);
if (names.length > 0) console.log(`prune-deps: ${names.sort().join(' ')}`);
