// The message reader: splits a chat message into what it is made of before anything classifies
// it — sentences, docker commands (in fenced blocks, inline code, prompt lines, or in the middle
// of a sentence), pasted output, and error lines. A command written inside a sentence ends where
// the shell would end it or where prose starts ("… myapp and docker ps is empty, why?").
import stopwords from 'natural/lib/natural/util/stopwords.js';
import { COMMON_VERBS, COMMON_WORDS } from '../common-words.ts';
import { ALIASES, MANAGEMENT, SUBCOMMANDS, findFlag, type ArgRole, type SubcommandSpec } from '../docker-flags.ts';
import { segments, type Word } from './shell.ts';

export const MAX_CHARS = 20_000;
const MAX_LINES = 600;
const MAX_COMMANDS = 20;

export type CommandSource = 'fence' | 'inline' | 'line' | 'sentence';

export interface DockerCommand {
  /** The words of the command, from `docker` (or `docker-compose`) on, quotes removed. */
  words: string[];
  /** The command as written, e.g. `docker run --rm -p 8080:80 myapp`. */
  text: string;
  tool: 'docker' | 'docker-compose';
  /** `run`, `compose up`, `image rm`…, or null when the word after docker is not a subcommand. */
  subcommand: string | null;
  /** Commands inside `$(…)` or backticks, read on their own. */
  substitutions: DockerCommand[];
  /** The operator joining it to the next command of the same chain. */
  then?: '&&' | '||' | ';' | '|' | '&';
  from: CommandSource;
}

export interface ReadMessage {
  /** The sentences, commands kept where they were written; without pasted output or error lines. */
  prose: string;
  /** The sentences without the commands in them. */
  words: string;
  /** The prose asks something. */
  question: boolean;
  commands: DockerCommand[];
  /** Blocks of pasted output (tables, JSON, logs), each as pasted. */
  outputs: string[];
  /** Lines that read as error messages. */
  errors: string[];
  /** The message was longer than we read. */
  truncated: boolean;
}

// Words that start prose again after a command written in a sentence.
const PROSE = new Set(
  `and but then so because since when while after before which that it it's its is are was were isn't aren't wasn't
  doesn't don't didn't won't can't cannot couldn't shouldn't wouldn't returns returned gives gave shows showed says said
  prints printed outputs fails failed works worked hangs hung exits exited crashes crashed keeps kept just only why how what
  where nothing still also again now here there successfully fine ok okay with without in on at to from for of into inside
  i i'm i've we you my our your the a an however though although yet or nor as if show say give print return fail work
  hang crash keep mean means do does did display seem seems vs versus lists list displays contains has have had started
  stopped ran removed deleted created built pulled pushed`.split(/\s+/),
);
const STOPWORDS: ReadonlySet<string> = new Set(stopwords.words);
const GLOBAL_WITH_VALUE = new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level']);
const COMPOSE_WITH_VALUE = new Set([
  '-f',
  '--file',
  '-p',
  '--project-name',
  '--profile',
  '--env-file',
  '--project-directory',
  '--ansi',
  '--progress',
  '--parallel',
]);
const PREFIX_WORDS = /^(?:sudo|time|winpty|command|exec|nohup)$/;
const ENV_ASSIGN = /^[A-Za-z_][A-Za-z0-9_]{0,63}=/;
const PROMPT = /^\s{0,8}(?:[$#>%]|PS [^>\n]{0,120}>|[\w.@-]{1,64}[:~][^\n$#]{0,120}[$#])\s{1,4}/;
const STARTS_DOCKER = /^\s{0,8}(?:sudo\s+)?(?:[A-Za-z_][A-Za-z0-9_]{0,63}=\S{0,200}\s+){0,4}docker(?:-compose)?(?:\.exe)?\s/;
const IN_SENTENCE = /(?:^|[\s(`"'“])(?:sudo\s+)?docker(?:-compose)?\s+[a-z-]/gi;
const ERROR_LINE =
  /^\s{0,8}(?:docker: |ERROR:? |Error:? |error:? |fatal:? |\w{1,20}_\d{1,3}\s{1,6}\| )?(?:Error response from daemon|Error\b|ERROR\b|error during connect|Got permission denied|permission denied while|Cannot connect to the Docker daemon|Unable to find image|OCI runtime|failed to (?:solve|create|compute|register)|COPY failed|denied:|unauthorized:|toomanyrequests|standard_init_linux|exec \/|Conflict\.|conflict:|invalid reference format|manifest (?:for|unknown)|no matching manifest|pull access denied|The command '|exec format error|the input device is not a TTY)/;
const OUTPUT_LINE =
  /^\s{0,8}(?:CONTAINER ID\s|REPOSITORY\s|NAME\s{2,}|Name\s{2,}|[0-9a-f]{12}\s{2,}|[[{]\s*$|[\]}],?\s*$|"[A-Za-z]{2,40}":|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|[\w.-]{1,60}\s{1,6}\|\s|Step \d{1,3}\/\d{1,3}|#\d{1,3} |=> |-{10,}|<none>\s)/;
const QUESTION = /\?|^\s*(?:why|how|what|where|when|which|who|can|could|should|is|are|do|does|did|will|would|any (?:idea|help)|help)\b/im;

export function readMessage(input: string): ReadMessage {
  const text = input.length > MAX_CHARS ? input.slice(0, MAX_CHARS) : input;
  const out: ReadMessage = {
    prose: '',
    words: '',
    question: false,
    commands: [],
    outputs: [],
    errors: [],
    truncated: input.length > MAX_CHARS,
  };
  const proseLines: string[] = [];
  const wordLines: string[] = [];
  let lines = text.split('\n');
  if (lines.length > MAX_LINES) {
    lines = lines.slice(0, MAX_LINES);
    out.truncated = true;
  }
  let fence: string[] | null = null;
  let pending: string[] = [];
  const flushOutput = () => {
    if (pending.length) out.outputs.push(pending.join('\n'));
    pending = [];
  };
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (/^\s{0,8}(?:```|~~~)/.test(line)) {
      if (fence) {
        readCodeBlock(fence, out);
        fence = null;
      } else {
        flushOutput();
        fence = [];
        const after = line.replace(/^\s*(?:```|~~~)[\w-]{0,20}/, '');
        if (after.trim()) fence.push(after);
      }
      continue;
    }
    if (fence) {
      fence.push(line);
      continue;
    }
    if (ERROR_LINE.test(line)) {
      flushOutput();
      out.errors.push(line.trim());
      continue;
    }
    if (OUTPUT_LINE.test(line)) {
      pending.push(line);
      continue;
    }
    flushOutput();
    if (PROMPT.test(line) && /docker/.test(line)) {
      addCommands(line.replace(PROMPT, ''), 'line', out);
      continue;
    }
    const { prose, words } = readSentenceLine(line, out);
    if (prose.trim()) proseLines.push(prose);
    if (words.trim()) wordLines.push(words);
  }
  if (fence) readCodeBlock(fence, out);
  flushOutput();
  out.prose = proseLines.join('\n').trim();
  out.words = wordLines
    .join('\n')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
  out.question = QUESTION.test(out.prose);
  out.commands = out.commands.slice(0, MAX_COMMANDS);
  return out;
}

/** A fenced block: prompt and docker lines are commands; error lines errors; the rest output. */
function readCodeBlock(lines: string[], out: ReadMessage): void {
  let pending: string[] = [];
  const flush = () => {
    if (pending.some((l) => l.trim())) out.outputs.push(pending.join('\n'));
    pending = [];
  };
  for (const line of joinContinuations(lines)) {
    const prompted = PROMPT.test(line);
    const bare = prompted ? line.replace(PROMPT, '') : line;
    if (STARTS_DOCKER.test(bare) || (prompted && /\bdocker/.test(bare))) {
      flush();
      addCommands(bare, 'fence', out);
    } else if (ERROR_LINE.test(line)) {
      flush();
      out.errors.push(line.trim());
    } else if (!prompted) {
      pending.push(line);
    }
  }
  flush();
}

/** `docker run \` + next line: one command line. */
function joinContinuations(lines: string[]): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  for (const l of lines) {
    const cont = /(?:\\|\s`)\s*$/.test(l);
    const part = cont ? l.replace(/(?:\\|`)\s*$/, '') : l;
    cur = cur === null ? part : `${cur} ${part.trim()}`;
    if (!cont) {
      out.push(cur);
      cur = null;
    }
  }
  if (cur !== null) out.push(cur);
  return out;
}

/** Inline code and docker mentions in a sentence; returns the line and the line without commands. */
function readSentenceLine(line: string, out: ReadMessage): { prose: string; words: string } {
  let words = line;
  // `docker …` in backticks: a command as written, whole.
  for (const m of line.matchAll(/`([^`\n]{1,2000})`/g)) {
    const code = m[1] ?? '';
    if (STARTS_DOCKER.test(code) || /^\s*(?:sudo\s+)?docker(?:-compose)?\s/.test(code)) {
      addCommands(code, 'inline', out);
      words = words.replace(m[0], ' ');
    }
  }
  // docker commands written in the sentence itself, outside backticks.
  const outside = words;
  let consumed = 0;
  for (const m of outside.matchAll(IN_SENTENCE)) {
    const at = m.index + (m[0].length - m[0].trimStart().length) + (/^[(`"'“]/.test(m[0].trimStart()) ? 1 : 0);
    if (at < consumed) continue; // already read as part of a chain
    const rest = outside.slice(at);
    const read = firstCommandInSentence(rest, out);
    if (!read) continue;
    consumed = at + read.end;
    for (const t of read.texts) words = words.replace(t, ' ');
  }
  return { prose: line, words };
}

/**
 * Reads the command at the start of `rest` (a sentence from `docker` on), and the rest of its
 * chain while that stays a command (`docker stop api && docker rm api it hangs`). Returns the
 * texts read and where reading stopped.
 */
function firstCommandInSentence(rest: string, out: ReadMessage): { texts: string[]; end: number } | null {
  const texts: string[] = [];
  let end = 0;
  for (const seg of segments(rest, { prose: true })) {
    const n = commandLength(seg.words, true);
    const words = seg.words.slice(0, n);
    const cmd = n > 0 ? toCommand(words, 'sentence', n === seg.words.length ? seg.then : undefined) : null;
    if (!cmd) break;
    pushCommand(out, cmd);
    texts.push(rest.slice(words[0]?.start ?? 0, words[words.length - 1]?.end ?? 0));
    end = words[words.length - 1]?.end ?? end;
    if (n < seg.words.length || !seg.then) break;
  }
  return texts.length ? { texts, end } : null;
}

/** Every docker command of a code line's chain (`a && b | c`). */
function addCommands(line: string, from: CommandSource, out: ReadMessage): void {
  for (const seg of segments(line)) {
    const n = commandLength(seg.words, false);
    const cmd = n > 0 ? toCommand(seg.words.slice(0, n), from, seg.then) : null;
    if (cmd) pushCommand(out, cmd);
  }
}

function pushCommand(out: ReadMessage, cmd: DockerCommand): void {
  if (out.commands.length < MAX_COMMANDS) out.commands.push(cmd);
}

/**
 * How many of `words` are the docker command (0 when it is none): prefixes (`sudo`, `FOO=1`),
 * `docker`, its global flags, the subcommand, then flags with their values and positional
 * arguments. In a sentence, a prose word or a word ending in `,` `?` `!` ends it.
 */
function commandLength(words: Word[], sentence: boolean): number {
  const head = headOf(words);
  if (!head) return 0;
  let i = head.subAt;
  const first = words[i]?.text ?? '';
  if (head.tool === 'docker' && !/^[a-z][a-z-]{1,20}$/.test(first)) return sentence ? 0 : Math.min(i, words.length);
  if (sentence && PROSE.has(first.toLowerCase())) return 0;
  const { key, length } = subcommandAt(words, i, head.tool);
  const spec = SUBCOMMANDS[ALIASES[key] ?? key];
  i += length;
  let positional = 0;
  let programArgs = false;
  while (i < words.length) {
    const w = words[i]?.text ?? '';
    const lower = w.toLowerCase();
    if (sentence && (PROSE.has(lower) || /^[—–-]$/.test(w))) return i;
    if (!programArgs && w.startsWith('-') && w !== '-') {
      i += flagTakesNext(spec, w, key.startsWith('compose') ? COMPOSE_WITH_VALUE : undefined) ? 2 : 1;
      if (sentence && endsSentence(words[i - 1]?.text ?? '', words[i]?.text)) return i;
      continue;
    }
    if (sentence && spec && !fitsPosition(spec.args, positional, w)) return i;
    positional++;
    const role = spec?.args[Math.min(positional - 1, spec.args.length - 1)];
    if (role === 'image' && spec?.args.includes('command...')) programArgs = true;
    i++;
    if (sentence && endsSentence(w, words[i]?.text)) return i;
  }
  return Math.min(i, words.length);
}

/**
 * In a sentence, may `w` be the next positional argument? Not past the subcommand's arguments
 * (`docker pull app done`), not a verb where a name goes (`docker pull update my container`),
 * and after `docker run IMAGE` only a program (`sh`, `./start.sh`, `python app.py`) starts the
 * container's command (`docker run redis:7 twice fails` ends at the image).
 */
function fitsPosition(roles: readonly ArgRole[], taken: number, w: string): boolean {
  const word = w.toLowerCase().replace(/[,?!.]$/, '');
  if (STOPWORDS.has(word)) return false;
  const last = roles[roles.length - 1];
  const role = taken < roles.length ? roles[taken] : last?.endsWith('...') ? last : undefined;
  if (role === undefined) return false;
  // The program's own arguments (`apt-get install -y vim`) are its business; only prose ends them.
  if (role === 'command...') return taken === roles.indexOf('command...') ? looksLikeProgram(w) || w.startsWith('-') : true;
  const nameShaped = /[\d_:./@-]/.test(word);
  if (nameShaped) return true;
  if (COMMON_VERBS.has(word)) return false;
  // A second name in a list (`docker rm a b`) must not be an ordinary word either (`docker kill web vs …`).
  return !(role.endsWith('...') && taken > roles.indexOf(role) && COMMON_WORDS.has(word));
}

const PROGRAMS =
  /^(?:sh|bash|ash|zsh|dash|python\d?(?:\.\d{1,2})?|node|npm|npx|yarn|pnpm|java|go|ruby|perl|php|echo|cat|ls|env|printenv|sleep|tail|top|ps|curl|wget|ping|nginx|httpd|redis-server|redis-cli|postgres|psql|mysql|mysqld|mongod|mongosh|gunicorn|uvicorn|flask|rails|bundle|make|true|false|exit|id|whoami|uname|date|hostname|cargo|dotnet|deno|bun|pip\d?|apt|apt-get|apk|yum|dnf|vi|vim|nano|tini|dumb-init|supervisord|crond?|java)$/;

function looksLikeProgram(w: string): boolean {
  return PROGRAMS.test(w) || /^(?:\.{0,2}\/|[A-Za-z0-9_.-]{1,60}\.(?:sh|py|js|rb|pl)$)/.test(w);
}

/** Skips `sudo`/`FOO=1` prefixes, the tool, and its global flags; null when it is not docker. */
function headOf(words: Word[]): { tool: 'docker' | 'docker-compose'; toolAt: number; subAt: number } | null {
  let i = 0;
  while (i < words.length && (PREFIX_WORDS.test(words[i]?.text ?? '') || ENV_ASSIGN.test(words[i]?.text ?? ''))) i++;
  const tool = (words[i]?.text ?? '').replace(/\.exe$/, '');
  if (tool !== 'docker' && tool !== 'docker-compose') return null;
  const toolAt = i++;
  const globals = tool === 'docker' ? GLOBAL_WITH_VALUE : COMPOSE_WITH_VALUE;
  while (i < words.length && (words[i]?.text ?? '').startsWith('-')) i += globals.has(words[i]?.text ?? '') ? 2 : 1;
  return { tool, toolAt, subAt: i };
}

function subcommandAt(words: Word[], i: number, tool: string): { key: string; length: number } {
  const a = words[i]?.text ?? '';
  const b = words[i + 1]?.text ?? '';
  if (tool === 'docker-compose') return { key: `compose ${a}`, length: 1 };
  if (a === 'compose') {
    // `docker compose -f a.yml -p shop up -d`: compose's own flags come before its subcommand.
    let j = i + 1;
    while (j < words.length && (words[j]?.text ?? '').startsWith('-')) j += COMPOSE_WITH_VALUE.has(words[j]?.text ?? '') ? 2 : 1;
    return { key: `compose ${words[j]?.text ?? ''}`, length: j - i + 1 };
  }
  if (MANAGEMENT.has(a) && b && !b.startsWith('-')) return { key: `${a} ${b}`, length: 2 };
  return { key: a, length: 1 };
}

function flagTakesNext(spec: SubcommandSpec | undefined, w: string, extra?: Set<string>): boolean {
  if (w.includes('=')) return false;
  if (extra?.has(w)) return true;
  if (!spec) return false;
  if (w.startsWith('--')) return findFlag(spec, w)?.value !== undefined;
  // Combined short flags: only the last may take a value (`-it`, `-dp 8080:80`).
  const last = findFlag(spec, `-${w[w.length - 1] ?? ''}`);
  return w.length >= 2 && last?.value !== undefined && (w.length === 2 || !findFlag(spec, `-${w[1] ?? ''}`)?.value);
}

/** `myapp,` `why?` `it!` end a command written in a sentence; so does `app.` before a capital or the end. */
function endsSentence(w: string, next: string | undefined): boolean {
  if (/[,?!]$/.test(w)) return true;
  return w.length > 1 && w.endsWith('.') && !w.endsWith('..') && (next === undefined || /^[A-Z]/.test(next));
}

function toCommand(words: Word[], from: CommandSource, then?: DockerCommand['then']): DockerCommand | null {
  const head = headOf(words);
  if (!head) return null;
  const own = words.slice(head.toolAt).map((w) => w.text.replace(/[,?!]$/, '').replace(/(?<=\w)\.$/, ''));
  const tool = head.tool;
  if (own.length < 2) return null;
  const { key } = subcommandAt(words, head.subAt, tool);
  const canonical = ALIASES[key] ?? key;
  const substitutions = words.flatMap((w) => w.substitutions).flatMap((s) => commandsOf(s, from));
  return {
    words: own,
    text: own.join(' '),
    tool,
    subcommand: SUBCOMMANDS[canonical] || SUBCOMMANDS[key] ? key : null,
    substitutions,
    ...(then ? { then } : {}),
    from,
  };
}

function commandsOf(line: string, from: CommandSource): DockerCommand[] {
  const out: DockerCommand[] = [];
  for (const seg of segments(line)) {
    const n = commandLength(seg.words, false);
    const cmd = n > 0 ? toCommand(seg.words.slice(0, n), from, seg.then) : null;
    if (cmd) out.push(cmd);
  }
  return out;
}
