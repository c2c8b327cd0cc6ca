// Entities from free text: container/image names, image references, ports, exit codes and the
// docker subcommands mentioned. Called on every question, so it is one linear pass over
// whitespace-separated tokens; every regex runs on a single short token, anchored, with no
// nested quantifiers, so hostile input (100 KB, binary) cannot make it backtrack.
//
// Decisions:
// - `subcommands` holds the word right after `docker` (or `docker-compose` → `compose`):
//   `docker compose up` → `compose`, `docker image rm` → `image`. Management commands are kept
//   as written rather than mapped (`image rm` → `rmi`), so the list says what the person typed.
// - `images` holds references with a tag, digest or registry host. An untagged image named as a
//   docker argument (`docker rmi myapp`) goes to `names`, with container names. A Dockerfile's
//   `FROM` image comes after the others: it is the base, not the image the person builds or runs.
// - A number is a port only in port context (`port 3000`, `-p`, `localhost:`, `8080:80`, `->`)
//   and an exit code only in exit context (`exit code`, `Exited (1)`, `code 0`), never both.
import type { Entities, PortEntity } from '../core/types.ts';
import { COMMON_WORDS, NEVER_A_NAME } from './common-words.ts';
import { CONTAINER_ARG, IMAGE_ARG, KNOWN_SUBCOMMANDS, SUBCOMMANDS, findFlag } from './docker-flags.ts';
import { parseImageRef } from './image-ref.ts';

const MAX_CHARS = 200_000;
const MAX_EACH = 20;

const STOP = new Set(
  `docker docker-compose container containers image images ps latest localhost compose the a an my our your this that these those
  it its is are was were be been it's i you we they he she me us them to of in on at by for from with without as and or but not no
  if then than so too very just only also still again all any some every each one two both new old same other another
  what which who whom why how when where there here do does did doesn't don't didn't can can't could should would will won't
  shows says gives prints returns hangs fails works keeps takes outputs exits throws gets seems stops starts runs crashes restarts
  show say give print return hang fail work keep take output exit throw get seem stop start run crash restart up down
  command commands output nothing something anything error errors warning name names tag tags port ports code status
  after before while during into onto over under about against between through because since until please thanks hello hi hey
  node_modules read-only built-in up-to-date long-running multi-stage step-by-step real-world one-off side-by-side back-to-back
  so-called well-known non-root re-create re-run pre-built open-source hands-on follow-up e-mail x-ray plug-in check-in sign-in
  log-in set-up start-up clean-up read-write run-time build-time runtime buildtime day-to-day state-of-the-art end-to-end
  yes no true false null none default sudo sh bash zsh`.split(/\s+/),
);
for (const s of KNOWN_SUBCOMMANDS) STOP.add(s);

const HYPHEN_PREFIX =
  /^(?:re|pre|non|multi|self|co|un|anti|semi|sub|de|ex|cross|well|high|low|auto|out|over|under|in|on|off|full|half|long|short)-/;
const IDENT = /^[a-z0-9]+(?:[-_][a-z0-9]+)+$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
const FILE_LIKE =
  /\.(?:ya?ml|json|js|ts|mjs|cjs|py|rb|go|java|txt|sh|env|conf|cfg|ini|md|lock|log|toml|xml|html|css|sql|tar|gz|zip|dockerfile)$/i;
const IMAGE_STOP = new Set([
  'localhost',
  'sha256',
  'http',
  'https',
  'tcp',
  'udp',
  'port',
  'ports',
  'code',
  'exit',
  'exited',
  'status',
  'host',
  'container',
  'image',
  'name',
  'tag',
  'key',
  'value',
  'path',
  'src',
  'dst',
  'source',
  'target',
  'type',
  'mode',
  'step',
  'error',
  'warning',
  'note',
  'time',
  'ctrl',
]);
const NOT_REGISTRY = /^(?:www\.|github\.com$|gitlab\.com$|bitbucket\.org$|stackoverflow\.com$)/;
const LEAD = /^[([{<"'`“‘$*_]+/;
const TRAIL = /[)\]}>"'`”’.,;:!?*]+$/;
const OWNERS = new Set(['my', 'the', 'our', 'this', 'that', 'your']);
const QUOTES = '`"\'“”‘’';
const EXIT_CONTEXT = new Set(['code', 'exitcode', 'exited', 'exit', 'status', 'exits']);
const PORT_CONTEXT = new Set(['port', 'ports', '-p', '--publish', '--expose', 'expose', 'publish', 'publishes']);

interface Token {
  /** Cleaned of surrounding punctuation and quotes. */
  text: string;
  lower: string;
  /** Written as one `quoted` or "quoted" word. */
  quoted: boolean;
}

export function extractEntities(text: string): Entities {
  const out = {
    names: new Set<string>(),
    images: new Set<string>(),
    bases: new Set<string>(),
    ports: new Map<string, PortEntity>(),
    exitCodes: new Set<number>(),
    subcommands: new Set<string>(),
  };
  const tokens = tokenize(typeof text === 'string' ? text.slice(0, MAX_CHARS) : '');
  const used = new Set<number>();

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1]?.lower ?? '';
    if (t.lower === 'docker' || t.lower === 'docker-compose') {
      subcommandAt(tokens, i, out.names, out.subcommands, used);
      continue;
    }
    const port = portOf(t.text, prev, tokens[i - 2]?.lower ?? '');
    if (port) {
      add(out.ports, port.raw, port);
      continue;
    }
    const code = exitCodeOf(t.text, prev, tokens[i - 2]?.lower ?? '');
    if (code !== null) {
      if (out.exitCodes.size < MAX_EACH) out.exitCodes.add(code);
      continue;
    }
    if (isImage(t.text)) {
      const into = tokens[i - 1]?.text === 'FROM' ? out.bases : out.images;
      if (out.images.size + out.bases.size < MAX_EACH) into.add(t.text);
      continue;
    }
    if (used.has(i)) continue;
    if (t.lower.startsWith('--name=')) addName(out.names, t.text.slice(7));
    else if (isNameHere(t, prev, tokens[i + 1]?.lower ?? '')) addName(out.names, t.text);
  }
  return {
    names: [...out.names],
    images: [...new Set([...out.images, ...out.bases])],
    ports: [...out.ports.values()],
    exitCodes: [...out.exitCodes],
    subcommands: [...out.subcommands],
  };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    let raw = m[0];
    if (raw.length > 300) continue;
    const trimmed = raw.replace(/[.,;:!?)]+$/, '');
    const quoted = trimmed.length > 2 && QUOTES.includes(trimmed[0] as string) && QUOTES.includes(trimmed[trimmed.length - 1] as string);
    raw = raw.replace(LEAD, '').replace(TRAIL, '');
    if (raw === '') continue;
    tokens.push({ text: raw, lower: raw.toLowerCase(), quoted });
    if (tokens.length > 20_000) break;
  }
  return tokens;
}

/** `docker <sub> [flags] <first argument>`: records the subcommand and a named container or image. */
function subcommandAt(tokens: Token[], i: number, names: Set<string>, subs: Set<string>, used: Set<number>): void {
  let j = i + 1;
  while (j < tokens.length && (tokens[j] as Token).lower.startsWith('-'))
    j += ['-h', '--host', '-c', '--context', '--config', '-l', '--log-level'].includes((tokens[j] as Token).lower) ? 2 : 1;
  const first = tokens[j];
  if (!first) return;
  const sub = tokens[i]?.lower === 'docker-compose' ? 'compose' : first.lower;
  if (tokens[i]?.lower === 'docker-compose') j -= 1;
  else if (!KNOWN_SUBCOMMANDS.has(sub)) return;
  if (subs.size < MAX_EACH) subs.add(sub);
  used.add(j);
  if (!CONTAINER_ARG.has(sub) && !IMAGE_ARG.has(sub)) return;
  const spec = SUBCOMMANDS[sub];
  let k = j + 1;
  while (k < tokens.length) {
    const tk = tokens[k] as Token;
    if (!tk.lower.startsWith('-')) break;
    if (sub === 'run' && (tk.lower === '--name' || tk.lower.startsWith('--name='))) break; // handled as a name below
    const flag = spec ? findFlag(spec, tk.lower.split('=')[0] as string) : undefined;
    const takesValue = flag?.value !== undefined && !tk.lower.includes('=') && !/^-[a-z]{2,}$/.test(tk.lower);
    k += takesValue ? 2 : 1;
  }
  const arg = tokens[k];
  if (!arg || arg.lower.startsWith('-') || STOP.has(arg.lower) || !NAME.test(arg.text) || FILE_LIKE.test(arg.text)) return;
  // "does docker rm delete volumes?": a verb in the sentence, not a container called `delete`.
  if (!arg.quoted && NEVER_A_NAME.has(arg.lower)) return;
  if (isImage(arg.text)) return;
  used.add(k);
  addName(names, arg.text);
}

function portOf(tok: string, prev: string, prev2: string): PortEntity | null {
  let t = tok.replace(/^--publish=/, '').replace(/^-p(?=\d)/, '');
  const scheme = t.indexOf('://');
  if (scheme >= 0) t = t.slice(scheme + 3).split('/')[0] ?? '';
  const arrow = t.indexOf('->');
  if (arrow >= 0) {
    const left = /(\d{1,5})$/.exec(t.slice(0, arrow));
    const right = /^(\d{1,5})(?:\/(?:tcp|udp|sctp))?$/.exec(t.slice(arrow + 2));
    if (left && right) return mkPort(`${left[1]}:${right[1]}`, Number(left[1]), Number(right[1]));
    return null;
  }
  let m = /^(?:\d{1,3}(?:\.\d{1,3}){3}:)?(\d{1,5}):(\d{1,5})(?:\/(?:tcp|udp|sctp))?$/.exec(t);
  if (m) {
    const h = Number(m[1]);
    const c = Number(m[2]);
    if (prev === 'at' && h < 24 && c < 60) return null; // a time of day
    return mkPort(`${m[1]}:${m[2]}`, h, c);
  }
  m = /^(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|host\.docker\.internal|\[::1?\]|::1?):(\d{1,5})$/i.exec(t);
  if (m) return mkPort(m[1] as string, Number(m[1]));
  m = /^(\d{1,5})\/(?:tcp|udp|sctp)$/.exec(t);
  if (m) return mkPort(m[1] as string, undefined, Number(m[1]));
  if (/^\d{1,5}$/.test(t)) {
    const afterPort = PORT_CONTEXT.has(prev) || ((prev === 'and' || prev === 'or' || prev === '&') && prevIsPort(prev2));
    if (afterPort) {
      const n = Number(t);
      return prev === '-p' || prev === '--publish' ? mkPort(t, undefined, n) : mkPort(t, n);
    }
  }
  return null;
}

function prevIsPort(prev2: string): boolean {
  return /^\d{1,5}$/.test(prev2);
}

function mkPort(raw: string, host?: number, container?: number): PortEntity | null {
  for (const n of [host, container]) if (n !== undefined && (n < 1 || n > 65535)) return null;
  return { raw, ...(host !== undefined ? { host } : {}), ...(container !== undefined ? { container } : {}) };
}

/** "exits with 139", "died with 137", "crashed with 1": a code after `with` and a verb of ending. */
const ENDED_WITH = /^(?:exit(?:s|ed)?|die[sd]?|crash(?:es|ed)?|quit(?:s|ted)?|terminate[sd]?|killed|stop(?:s|ped))$/;

function exitCodeOf(tok: string, prev: string, prev2: string): number | null {
  if (!/^-?\d{1,3}$/.test(tok)) return null;
  if (!EXIT_CONTEXT.has(prev.replace(/[:=]$/, '')) && !(prev === 'with' && ENDED_WITH.test(prev2))) return null;
  const n = Number(tok);
  return n >= 0 && n <= 255 ? n : null;
}

function isImage(tok: string): boolean {
  if (!tok.includes(':') && !tok.includes('/') && !tok.includes('@')) return false;
  const ref = parseImageRef(tok);
  if (!ref || !(ref.tag || ref.digest || ref.registry)) return false;
  if (ref.registry && NOT_REGISTRY.test(ref.registry)) return false;
  const first = ref.repository.split('/')[0] as string;
  if (/^\d+$/.test(ref.repository) || IMAGE_STOP.has(first)) return false;
  return true;
}

function isNameHere(t: Token, prev: string, next: string): boolean {
  if (!NAME.test(t.text) || STOP.has(t.lower) || FILE_LIKE.test(t.text) || /^[\d.]+$/.test(t.text) || t.text.startsWith('.')) return false;
  if (t.quoted) return true;
  if (IDENT.test(t.text) && /[a-z]/.test(t.text.split(/[-_]/)[0] as string)) {
    return t.text.includes('_') || /\d/.test(t.text) || !HYPHEN_PREFIX.test(t.text);
  }
  if (prev === '--name' || prev === 'called' || prev === 'named') return !COMMON_WORDS.has(t.lower) || prev === '--name';
  if (COMMON_WORDS.has(t.lower)) return false; // "where did my container go?"
  // "my worker service", "the api container": the word before says what it names.
  if (OWNERS.has(prev) && (next === 'service' || next === 'container') && /^[a-z][a-z0-9]{1,30}$/.test(t.text)) return true;
  if ((prev === 'container' || prev === 'containers') && /^[a-z][a-z0-9]*$/.test(t.text))
    return !/(?:ing|ed|ly)$/.test(t.text) && !/[^siu]s$/.test(t.text); // `container keeps…`, `container maps…`
  return false;
}

function addName(names: Set<string>, name: string): void {
  if (names.size < MAX_EACH && NAME.test(name)) names.add(name);
}

function add<T>(map: Map<string, T>, key: string, value: T | null): void {
  if (value && map.size < MAX_EACH && !map.has(key)) map.set(key, value);
}
