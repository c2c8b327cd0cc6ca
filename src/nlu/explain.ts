// The docker command explainer: finds the first docker command line in a message and explains
// it part by part (subcommand, each flag with its value, image reference, build context,
// container, the command after the image), with warnings where a common mistake applies.
// Flags come from the table in docker-flags.ts; a flag that is not there is reported as unknown.
import type { ExplainedPart, Explanation } from '../core/ports.ts';
import type { CommandMistake } from '../core/types.ts';
import { ALIASES, MANAGEMENT, SUBCOMMANDS, findFlag, type ArgRole, type FlagSpec, type SubcommandSpec } from './docker-flags.ts';
import { explainContext, explainCpPath, explainEnv, explainImage, explainPublish, explainRestart, explainVolume } from './explain-parts.ts';
import { explainChain } from './explain-chain.ts';
import { COMPOSE_WITH_VALUE, composeOptions } from './explain-compose.ts';
import { execWarning, optionsAfterImage, warningsFor, type MisplacedOptions } from './explain-warnings.ts';
import { parseImageRef } from './image-ref.ts';
import { readMessage } from './reader/read-message.ts';

const MAX_CHARS = 20_000;
const GLOBAL_WITH_VALUE = new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level']);

interface Found {
  line: string;
  words: string[];
}

export function explainCommand(text: string): Explanation | null {
  if (typeof text !== 'string') return null;
  const capped = text.slice(0, MAX_CHARS);
  // The reader knows where a command ends in a sentence and keeps `$(…)` whole.
  const commands = readMessage(capped).commands;
  const read = commands[0];
  if (read) {
    const chain = commands.filter((c) => c === read || (read.chain >= 0 && c.chain === read.chain));
    if (chain.length === 1 && !read.others && !read.xargs) return explainWords(read.words, read.chainText ?? read.text);
    return explainChain(chain, (c) => explainWords(c.words, c.text));
  }
  const found = findCommandLine(capped);
  return found ? explainWords(found.words, found.line) : null;
}

/** Explains a command already split into shell words (`docker`, `run`, `-d`, …). */
export function explainWords(w: string[], line: string): Explanation | null {
  let i = 1;
  const compose = w[0] === 'docker-compose';
  while (!compose && i < w.length && (w[i] as string).startsWith('-')) i += GLOBAL_WITH_VALUE.has(w[i] as string) ? 2 : 1;
  let key: string;
  if (compose) key = `compose ${w[i] ?? ''}`;
  else if (MANAGEMENT.has(w[i] ?? '')) key = `${w[i]} ${w[i + 1] ?? ''}`;
  else key = w[i] ?? '';
  if (key.startsWith('compose ')) {
    // `docker compose -f a.yml -p shop up`: Compose's own options come before its subcommand.
    let j = compose ? 1 : i + 1;
    while (j < w.length && (w[j] as string).startsWith('-')) j += COMPOSE_WITH_VALUE.has(w[j] as string) ? 2 : 1;
    key = `compose ${w[j] ?? ''}`;
    const spec = SUBCOMMANDS[ALIASES[key] ?? key];
    if (!spec) return null;
    return build(line, key, ALIASES[key] ?? key, spec, w.slice(j + 1), composeOptions(w.slice(compose ? 1 : i + 1, j)));
  }
  const spec = SUBCOMMANDS[ALIASES[key] ?? key];
  if (!spec) return null;
  const start = i + key.split(' ').length;
  const sub = ALIASES[key] ?? key;
  return build(line, key, sub, spec, w.slice(start));
}

/** The first line with `docker …` on it, from `docker` to the end of that line (or the closing backtick). */
function findCommandLine(text: string): Found | null {
  for (const rawLine of text.split('\n')) {
    const m = /(^|[\s`$(>])(docker(?:-compose)?)[ \t]+\S/.exec(rawLine);
    if (!m) continue;
    const at = m.index + (m[1] as string).length;
    let line = rawLine.slice(at);
    if (m[1] === '`' || rawLine.slice(0, at).includes('`')) line = line.split('`')[0] as string;
    line = line.replace(/[`\s]+$/, '');
    if (/\?$/.test(line)) line = line.replace(/\s+(do|does|mean|means)?\s*\?+$/, '').replace(/\?+$/, '');
    const words = shellWords(line);
    if (words.words.length < 2) continue;
    return { line: line.slice(0, words.end).trim(), words: words.words };
  }
  return null;
}

/** Words back into one line a shell reads the same way: a word with spaces or shell characters in single quotes. */
function shellLine(words: readonly string[]): string {
  return words.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** Splits like a shell (quotes kept together) and stops at `|`, `&&`, `;`, `>` or `#`. */
function shellWords(line: string): { words: string[]; end: number } {
  const words: string[] = [];
  let cur = '';
  let quote = '';
  let has = false;
  for (let k = 0; k < line.length; k++) {
    const c = line[k] as string;
    if (quote) {
      if (c === quote) quote = '';
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === ' ' || c === '\t') {
      if (has) words.push(cur);
      cur = '';
      has = false;
    } else if ((c === '|' || c === ';' || c === '>' || c === '&' || c === '#') && !has) {
      return { words, end: k };
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) words.push(cur);
  return { words, end: line.length };
}

function build(
  line: string,
  written: string,
  sub: string,
  spec: SubcommandSpec,
  args: string[],
  before: ExplainedPart[] = [],
): Explanation {
  const parts: ExplainedPart[] = [{ part: written, kind: 'subcommand', meaning: capital(spec.summary) }, ...before];
  const warnings: string[] = [];
  const seen = new Map<string, string>(); // canonical flag → value ('' for booleans)
  const positional: string[] = [];
  const roles = [...spec.args];
  let flagsDone = false;
  for (let k = 0; k < args.length; k++) {
    const a = args[k] as string;
    if (flagsDone || !a.startsWith('-') || a === '-') {
      positional.push(a);
      // after `docker run IMAGE` every word belongs to the program, even ones starting with -
      if (roles[positional.length] === 'command...' || roles[positional.length - 1] === 'command...') flagsDone = true;
      continue;
    }
    if (a === '--') {
      flagsDone = true;
      continue;
    }
    k += flagPart(a, args[k + 1], sub, spec, parts, seen);
  }
  const mistakes: CommandMistake[] = [];
  // The same line with Docker's options moved before the image: everything up to the image, then them, then the rest.
  const fixLine = (m: MisplacedOptions): string => {
    const upToImage = args.slice(0, args.length - m.moved.length - m.rest.length);
    return shellLine(['docker', ...written.split(' '), ...upToImage.slice(0, -1), ...m.moved, ...upToImage.slice(-1), ...m.rest]);
  };
  explainPositional(positional, roles, sub, parts, warnings, mistakes, fixLine);
  warningsFor(sub, seen, positional, warnings);
  const uniq = [...new Set(warnings)];
  return {
    line,
    subcommand: written,
    summary: summarize(sub, spec, seen, positional),
    parts,
    warnings: uniq,
    ...(mistakes.length > 0 ? { mistakes } : {}),
    ...(spec.intent ? { intent: spec.intent } : {}),
  };
}

/** Adds the part for one flag token; returns 1 when it also used the next word as its value. */
function flagPart(
  a: string,
  next: string | undefined,
  sub: string,
  spec: SubcommandSpec,
  parts: ExplainedPart[],
  seen: Map<string, string>,
): number {
  const unknown = (p: string) =>
    parts.push({ part: p, kind: 'unknown', meaning: `not a flag I know for docker ${sub} — check \`docker ${sub} --help\`` });
  if (a.startsWith('--')) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    const flag = findFlag(spec, name);
    if (!flag) return (unknown(a), 0);
    if (!flag.value) {
      seen.set(canon(flag), '');
      parts.push({ part: a, kind: 'flag', meaning: flag.meaning });
      return 0;
    }
    const value = eq < 0 ? next : a.slice(eq + 1);
    parts.push(valuePart(eq < 0 && value !== undefined ? `${a} ${value}` : a, flag, value, sub));
    seen.set(canon(flag), value ?? '');
    return eq < 0 && value !== undefined ? 1 : 0;
  }
  // Short flags, possibly combined: -it, -dit, -p8080:80
  const meanings: string[] = [];
  for (let c = 1; c < a.length; c++) {
    const flag = findFlag(spec, `-${a[c]}`);
    if (!flag) {
      unknown(`-${a[c]}`);
      continue;
    }
    if (flag.value) {
      const inline = a.slice(c + 1);
      const value = inline !== '' ? inline : next;
      if (meanings.length) parts.push({ part: a.slice(0, c), kind: 'flag', meaning: meanings.join('; ') });
      parts.push(valuePart(inline !== '' ? `-${a[c]}${inline}` : value !== undefined ? `-${a[c]} ${value}` : `-${a[c]}`, flag, value, sub));
      seen.set(canon(flag), value ?? '');
      return inline === '' && value !== undefined ? 1 : 0;
    }
    seen.set(canon(flag), '');
    meanings.push(a.length > 2 ? `-${a[c]} ${flag.meaning}` : flag.meaning);
  }
  if (meanings.length) parts.push({ part: a, kind: 'flag', meaning: meanings.join('; ') });
  return 0;
}

function valuePart(part: string, flag: FlagSpec, value: string | undefined, sub: string): ExplainedPart {
  if (value === undefined) return { part, kind: 'flag', meaning: `${flag.meaning} (the value is missing)` };
  const n = canon(flag);
  let meaning = `${flag.meaning} (here \`${value}\`)`;
  if (n === '--publish') meaning = explainPublish(value);
  else if (n === '--volume') meaning = explainVolume(value);
  else if (n === '--env') meaning = explainEnv(value);
  else if (n === '--restart') meaning = explainRestart(value);
  else if (n === '--name')
    meaning = `names the container \`${value}\`, so you can use that instead of its ID (names must be unique on the host)`;
  else if (n === '--tag' && (sub === 'build' || sub === 'compose build'))
    meaning = `names and tags the resulting image: ${explainImage(value, 'use').meaning}`;
  return { part, kind: 'flag', meaning: `${meaning}${substitutionNote(value)}` };
}

/** `-v $(pwd):/app`: the shell fills a substitution in before docker sees the value. */
function substitutionNote(value: string): string {
  const m = /\$\(([^()]{1,200})\)|`([^`]{1,200})`|\$\{?(PWD)\}?|%cd%/i.exec(value);
  if (!m) return '';
  const inner = (m[1] ?? m[2] ?? m[3] ?? 'cd').trim();
  const what = /^(?:pwd|PWD|cd)$/i.test(inner) ? 'the current folder' : `the output of \`${inner}\``;
  return ` — the shell replaces \`${m[0]}\` with ${what} before docker sees it`;
}

function explainPositional(
  pos: string[],
  roles: ArgRole[],
  sub: string,
  parts: ExplainedPart[],
  warnings: string[],
  mistakes: CommandMistake[],
  fixLine: (m: MisplacedOptions) => string,
): void {
  let r = 0;
  for (let k = 0; k < pos.length; k++) {
    const a = pos[k] as string;
    const role = roles[Math.min(r, roles.length - 1)];
    const inner = substitution(a);
    if (inner !== null) {
      if (role !== undefined && !role.endsWith('...')) r++;
      parts.push({ part: a, kind: 'argument', meaning: substitutionMeaning(inner, role) });
      continue;
    }
    if (role === undefined || (r >= roles.length && !role.endsWith('...'))) {
      parts.push({
        part: a,
        kind: 'unknown',
        meaning: `an extra argument docker ${sub} does not expect here — check \`docker ${sub} --help\``,
      });
      continue;
    }
    if (!role.endsWith('...')) r++;
    if (role === 'command...') {
      const cmd = pos.slice(k).join(' ');
      parts.push({
        part: cmd,
        kind: 'command',
        meaning:
          sub === 'run' || sub === 'create'
            ? "the command to run in the container, instead of the image's default CMD"
            : 'the command to run inside the container',
      });
      if (sub === 'exec' || sub === 'compose exec') execWarning(pos[k] as string, pos.slice(k + 1), warnings);
      const misplaced = sub === 'run' || sub === 'create' ? optionsAfterImage(sub, pos.slice(k)) : null;
      if (misplaced) {
        warnings.push(misplaced.text);
        mistakes.push({ kind: 'options_after_image', text: misplaced.text, fix: fixLine(misplaced) });
      }
      return;
    }
    if (role === 'image' || role === 'images...' || role === 'target-image') {
      const ex = explainImage(a, sub === 'rmi' ? 'remove' : role === 'target-image' ? 'name' : 'use');
      parts.push({ part: a, kind: 'image', meaning: ex.meaning });
      if (ex.latestWarning && sub !== 'rmi' && sub !== 'history') warnings.push(ex.latestWarning);
    } else if (role === 'context') {
      parts.push({ part: a, kind: 'context', meaning: explainContext(a) });
    } else if (role === 'path') {
      parts.push({ part: a, kind: 'argument', meaning: explainCpPath(a) });
    } else if (role === 'services...') {
      parts.push({ part: a, kind: 'argument', meaning: `the Compose service \`${a}\` (only the services named here)` });
    } else {
      const looksLikeImage = sub === 'rm' && /[:/@]/.test(a) && parseImageRef(a) !== null;
      parts.push({
        part: a,
        kind: 'argument',
        meaning: looksLikeImage
          ? `\`${a}\` looks like an image reference, but docker rm takes containers (name or ID)`
          : `the container \`${a}\` (its name or ID)`,
      });
      if (looksLikeImage)
        warnings.push(
          `\`${a}\` looks like an image: \`docker rm\` removes containers only. To remove the image use \`docker rmi ${a}\` (after removing the containers created from it).`,
        );
    }
  }
  if ((sub === 'run' || sub === 'create') && !pos.length) warnings.push(`docker ${sub} needs an image to create the container from.`);
  if (sub === 'build' && !pos.length) warnings.push('docker build needs a build context, usually `.` (the current folder).');
}

/** `$(docker images -q)` or `\`docker ps -aq\``: the command inside, else null. */
function substitution(a: string): string | null {
  const m = /^\$\((.{1,500})\)$/.exec(a) ?? /^`(.{1,500})`$/.exec(a);
  return m ? (m[1] ?? '').trim() : null;
}

function substitutionMeaning(inner: string, role: ArgRole | undefined): string {
  const ex = inner.startsWith('docker') ? explainCommand(inner) : null;
  const what = role?.startsWith('image') ? 'image IDs' : role?.startsWith('container') ? 'container IDs' : 'words';
  const quiet = /(?:^|\s)-(?:[a-z]*q[a-z]*|-quiet)(?:\s|$)/.test(inner);
  const prints = ex ? `${ex.summary.replace(/\.$/, '')}${quiet ? ', printing only their IDs' : ''}` : `whatever \`${inner}\` prints`;
  return `the shell first runs \`${inner}\` (${prints}) and puts its output here, so this acts on every one of those ${what}; if it prints nothing, the command gets no argument and complains`;
}

function summarize(sub: string, spec: SubcommandSpec, seen: Map<string, string>, pos: string[]): string {
  if (sub === 'run' || sub === 'create') {
    const img = pos[0] ? ` from \`${pos[0]}\`` : '';
    const bits = [
      seen.has('--detach') ? 'in the background' : '',
      seen.get('--name') ? `named \`${seen.get('--name')}\`` : '',
      seen.get('--publish') ? `with ${publishShort(seen.get('--publish') as string)}` : '',
    ].filter(Boolean);
    return `${sub === 'run' ? 'Creates and starts' : 'Creates (without starting)'} a new container${img}${bits.length ? `, ${bits.join(', ')}` : ''}.`;
  }
  if (sub === 'build') {
    const ctx = pos[0] === '.' ? 'the current folder' : pos[0] ? `\`${pos[0]}\`` : 'the build context';
    const tag = seen.get('--tag');
    return `Builds an image from the Dockerfile in ${ctx}${tag ? ` and tags it \`${tag}\`` : ''}.`;
  }
  if ((sub === 'exec' || sub === 'compose exec') && pos.length >= 2)
    return `Runs \`${pos.slice(1).join(' ')}\` inside the running container \`${pos[0]}\`.`;
  const targets =
    pos.length && !spec.args.includes('command...')
      ? ` (here: ${pos
          .slice(0, 3)
          .map((x) => `\`${x}\``)
          .join(', ')})`
      : '';
  return `${capital(spec.summary)}${targets}.`;
}

function publishShort(v: string): string {
  const p = v.replace(/\/(tcp|udp|sctp)$/, '').split(':');
  if (p.length === 1) return `container port ${p[0]} published on a random host port`;
  const [h, c] = p.length === 3 ? [p[1], p[2]] : [p[0], p[1]];
  return `host port ${h} forwarded to container port ${c}`;
}

function canon(flag: FlagSpec): string {
  return flag.names.find((n) => n.startsWith('--')) ?? (flag.names[0] as string);
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
