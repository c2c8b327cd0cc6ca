// Reads one docker command out of shell words: prefixes (`sudo`, `FOO=1`, `xargs`), the tool, its
// global options, the subcommand, then flags with their values and positional arguments. In a
// sentence, a prose word ends the command ("… myapp and docker ps is empty").
import stopwords from 'natural/lib/natural/util/stopwords.js';
import { NEVER_A_NAME, COMMON_WORDS } from '../common-words.ts';
import { ALIASES, KNOWN_SUBCOMMANDS, MANAGEMENT, SUBCOMMANDS, findFlag, type ArgRole, type SubcommandSpec } from '../docker-flags.ts';
import { segments, type Operator, type Word } from './shell.ts';

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
  then?: Operator;
  /** Commands of one chain (`a && b; c | d`) share this number; a substitution's commands have -1. */
  chain: number;
  /** The operator before it, when it follows a docker command of the same chain. */
  before?: Operator;
  /** Commands of the chain after it that are not docker (`| grep error`, `|| true`), with their operator. */
  others?: { op: Operator; text: string }[];
  /** The whole chain as written, from this command on (redirections and quotes kept): on a chain's first command. */
  chainText?: string;
  /** Run by `xargs` (`docker ps -q | xargs docker rm`): its last arguments come from the pipe. */
  xargs?: boolean;
  from: CommandSource;
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
const SHELL_TOOLS =
  /^(?:grep|egrep|wc|head|tail|awk|sed|jq|xargs|sort|uniq|cut|tr|less|more|tee|true|false|echo|cd|export|set|exit|sleep|curl|wget)$/;

/**
 * How many of `words` are a short shell command after an operator in a sentence (`grep -i error`,
 * `true`, `wc -l`), up to where prose starts again ("… | grep ERROR doesn't filter, it prints
 * everything" → `grep ERROR`); 0 when the words are prose, not a command.
 */
export function shellCommandLength(words: readonly Word[]): number {
  const first = words[0]?.text ?? '';
  if (!(SHELL_TOOLS.test(first) || looksLikeProgram(first)) || /[?!]$/.test(first)) return 0;
  let n = 1;
  while (n < words.length && !PROSE.has((words[n]?.text ?? '').toLowerCase())) {
    const w = words[n]?.text ?? '';
    if (/[?!]$/.test(w)) return 0;
    n++;
    if (n > 8) return 0;
  }
  return n;
}

/**
 * How many of `words` are the docker command (0 when it is none): prefixes (`sudo`, `FOO=1`),
 * `docker`, its global flags, the subcommand, then flags with their values and positional
 * arguments. In a sentence, a prose word or a word ending in `,` `?` `!` ends it.
 */
export function commandLength(words: Word[], sentence: boolean): number {
  const head = headOf(words);
  if (!head) return 0;
  let i = head.subAt;
  const first = words[i]?.text ?? '';
  if (head.tool === 'docker' && !/^[a-z][a-z-]{1,20}$/.test(first)) return sentence ? 0 : Math.min(i, words.length);
  if (sentence && PROSE.has(first.toLowerCase())) return 0;
  const { key, length } = subcommandAt(words, i, head.tool);
  const spec = SUBCOMMANDS[ALIASES[key] ?? key];
  // In a sentence, docker followed by a word that is no docker command is prose ("can docker try again?").
  if (sentence && head.tool === 'docker' && !KNOWN_SUBCOMMANDS.has(first.toLowerCase())) return 0;
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
  if (NEVER_A_NAME.has(word)) return false;
  // A second name in a list (`docker rm a b`) must not be an ordinary word either (`docker kill web vs …`).
  return !(role.endsWith('...') && taken > roles.indexOf(role) && COMMON_WORDS.has(word));
}

const PROGRAMS =
  /^(?:sh|bash|ash|zsh|dash|python\d?(?:\.\d{1,2})?|node|npm|npx|yarn|pnpm|java|go|ruby|perl|php|echo|cat|ls|env|printenv|sleep|tail|top|ps|curl|wget|ping|nginx|httpd|redis-server|redis-cli|postgres|psql|mysql|mysqld|mongod|mongosh|gunicorn|uvicorn|flask|rails|bundle|make|true|false|exit|id|whoami|uname|date|hostname|cargo|dotnet|deno|bun|pip\d?|apt|apt-get|apk|yum|dnf|vi|vim|nano|tini|dumb-init|supervisord|crond?|java)$/;

export function looksLikeProgram(w: string): boolean {
  return PROGRAMS.test(w) || /^(?:\.{0,2}\/|[A-Za-z0-9_.-]{1,60}\.(?:sh|py|js|rb|pl)$)/.test(w);
}

/** Skips `sudo`/`FOO=1`/`xargs -r` prefixes, the tool, and its global flags; null when it is not docker. */
function headOf(words: Word[]): { tool: 'docker' | 'docker-compose'; toolAt: number; subAt: number; xargs: boolean } | null {
  let i = 0;
  let xargs = false;
  for (;;) {
    const w = words[i]?.text ?? '';
    if (PREFIX_WORDS.test(w) || ENV_ASSIGN.test(w)) i++;
    else if (w === 'xargs') {
      xargs = true;
      i++;
      // `xargs -r -n 1 -I {} docker …`: its own options, some with a value.
      while ((words[i]?.text ?? '').startsWith('-')) i += /^-[nILPdEs]$/.test(words[i]?.text ?? '') ? 2 : 1;
    } else break;
  }
  const tool = (words[i]?.text ?? '').replace(/\.exe$/, '');
  if (tool !== 'docker' && tool !== 'docker-compose') return null;
  const toolAt = i++;
  const globals = tool === 'docker' ? GLOBAL_WITH_VALUE : COMPOSE_WITH_VALUE;
  while (i < words.length && (words[i]?.text ?? '').startsWith('-')) i += globals.has(words[i]?.text ?? '') ? 2 : 1;
  return { tool, toolAt, subAt: i, xargs };
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

export function toCommand(words: Word[], from: CommandSource, chain: number, then?: DockerCommand['then']): DockerCommand | null {
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
    chain,
    ...(head.xargs ? { xargs: true } : {}),
    from,
  };
}

function commandsOf(line: string, from: CommandSource): DockerCommand[] {
  const out: DockerCommand[] = [];
  for (const seg of segments(line)) {
    const n = commandLength(seg.words, false);
    const cmd = n > 0 ? toCommand(seg.words.slice(0, n), from, -1, seg.then) : null;
    if (cmd) out.push(cmd);
  }
  return out;
}
