// The message reader: splits a chat message into what it is made of before anything classifies
// it — sentences, docker commands (in fenced blocks, inline code, prompt lines, or in the middle
// of a sentence), pasted output, and error lines. A command written inside a sentence ends where
// the shell would end it or where prose starts ("… myapp and docker ps is empty, why?").
import { commandLength, shellCommandLength, toCommand, type CommandSource, type DockerCommand } from './command-words.ts';
import { segments, type Operator } from './shell.ts';
import { FENCE, PROMPT, TRANSCRIPT_PROMPT, transcriptOutputLines } from './transcript.ts';

export type { CommandSource, DockerCommand } from './command-words.ts';

export const MAX_CHARS = 20_000;
const MAX_LINES = 600;
const MAX_COMMANDS = 20;

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

const STARTS_DOCKER = /^\s{0,8}(?:sudo\s+)?(?:[A-Za-z_][A-Za-z0-9_]{0,63}=\S{0,200}\s+){0,4}docker(?:-compose)?(?:\.exe)?\s/;
const IN_SENTENCE = /(?:^|[\s(`"'“])(?:sudo\s+)?docker(?:-compose)?\s+[a-z-]/gi;
const ERROR_LINE =
  /^\s{0,8}(?:docker: |ERROR:? |Error:? |error:? |fatal:? |\w{1,20}_\d{1,3}\s{1,6}\| )?(?:Error response from daemon|Error\b|ERROR\b|error during connect|Got permission denied|permission denied while|Cannot connect to the Docker daemon|Unable to find image|OCI runtime|failed to (?:solve|create|compute|register)|COPY failed|denied:|unauthorized:|toomanyrequests|standard_init_linux|exec \/|Conflict\.|conflict:|invalid reference format|manifest (?:for|unknown)|no matching manifest|pull access denied|The command '|exec format error|the input device is not a TTY)/;
const OUTPUT_LINE =
  /^\s{0,8}(?:CONTAINER ID\s|REPOSITORY\s|NAME\s{2,}|Name\s{2,}|[0-9a-f]{12}\s{2,}|[[{]\s*$|\{\s*"[A-Za-z]{2,40}":|[\]}],?\s*$|"[A-Za-z]{2,40}":|\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\[(?:INFO|WARN|WARNING|ERROR|DEBUG|FATAL|TRACE)\]\s|[\w.-]{1,60}\s{1,6}\|\s|Step \d{1,3}\/\d{1,3}|#\d{1,3} |=> |-{10,}|<none>\s)/;
/** Under a header in capitals, a row of two cells or more that asks nothing (`    1 app   0:02 python main.py`). */
const SHORT_ROW = /^\s{0,8}[^\s?][^\n?]{0,300}?(?:\s{2,}|\t)[^\s?][^\n?]{0,300}$/;
/** A table's header in capitals, two or more columns apart by runs of spaces (`PID   USER   TIME  COMMAND`, `DRIVER    VOLUME NAME`). */
const TABLE_HEADER = /^\s{0,8}[A-Z][A-Z0-9%/_().-]*(?: [A-Z0-9%/_().-]+)*(?:(?:\s{2,}|\t)[A-Z][A-Z0-9%/_().-]*(?: [A-Z0-9%/_().-]+)*)+\s*$/;
// Three or more cells apart by runs of spaces (or a tab), or a `----` rule under a header.
const TABLE_ROW = /^\s{0,8}(?:\S[^\n]{0,300}?(?:\s{2,}|\t)\S[^\n]{0,300}?(?:\s{2,}|\t)\S|-{5,})/;
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
  const printed = transcriptOutputLines(lines);
  const flushOutput = () => {
    if (pending.length) out.outputs.push(pending.join('\n'));
    pending = [];
  };
  for (const [at, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, '');
    if (FENCE.test(line)) {
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
    // Under a pasted table's header, a line of columns is one of its rows, even without a fence.
    if (pending.length > 0 && (TABLE_ROW.test(line) || (TABLE_HEADER.test(pending[0] ?? '') && SHORT_ROW.test(line)))) {
      pending.push(line);
      continue;
    }
    if (ERROR_LINE.test(line)) {
      flushOutput();
      out.errors.push(line.trim());
      continue;
    }
    if (OUTPUT_LINE.test(line) || TABLE_HEADER.test(line) || printed.has(at)) {
      pending.push(line);
      continue;
    }
    flushOutput();
    if (PROMPT.test(line) && /docker/.test(line)) {
      addCommands(line.replace(PROMPT, ''), 'line', out);
      continue;
    }
    // Another program's prompted command (`$ uptime`, `$ echo $?`): part of the transcript, not words.
    if (TRANSCRIPT_PROMPT.test(line)) {
      proseLines.push(line);
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
  // The operators between the commands taken out (`|`, `&&`) are not words either.
  return { prose: line, words: words.replace(/(^|\s)(?:\|\||&&|\||;)(?=\s|$)/g, '$1') };
}

/**
 * Reads the command at the start of `rest` (a sentence from `docker` on), and the rest of its
 * chain while that stays a command (`docker stop api && docker rm api it hangs`). Returns the
 * texts read and where reading stopped.
 */
function firstCommandInSentence(rest: string, out: ReadMessage): { texts: string[]; end: number } | null {
  const texts: string[] = [];
  let end = 0;
  const chain = out.commands.length;
  let last: DockerCommand | null = null;
  for (const seg of segments(rest, { prose: true })) {
    const n = commandLength(seg.words, true);
    const words = seg.words.slice(0, n);
    const cmd = n > 0 ? toCommand(words, 'sentence', chain, n === seg.words.length ? seg.then : undefined) : null;
    if (!cmd) {
      // `… | grep error`, `… || true`: a shell command in the chain, not prose; anything else ends it.
      const op = last?.then;
      const length = last && op ? shellCommandLength(seg.words) : 0;
      if (!last || !op || length === 0) break;
      const shell = seg.words.slice(0, length);
      (last.others ??= []).push({ op, text: shell.map((w) => w.text).join(' ') });
      texts.push(rest.slice(shell[0]?.start ?? 0, shell[shell.length - 1]?.end ?? 0));
      end = shell[shell.length - 1]?.end ?? end;
      // Prose after it ("… | grep ERROR doesn't filter") ends the chain.
      last.then = length === seg.words.length ? seg.then : undefined;
      if (!last.then) break;
      continue;
    }
    if (last?.then) cmd.before = last.then;
    pushCommand(out, cmd);
    last = cmd;
    texts.push(rest.slice(words[0]?.start ?? 0, words[words.length - 1]?.end ?? 0));
    end = words[words.length - 1]?.end ?? end;
    if (n < seg.words.length || !seg.then) break;
  }
  const first = out.commands[chain];
  if (first && texts.length > 1)
    first.chainText = rest
      .slice(0, end)
      .trim()
      .replace(/^(?:sudo|winpty)\s+/, '');
  if (last?.then && last.others?.length) delete last.then;
  return texts.length ? { texts, end } : null;
}

/** Every docker command of a code line's chain (`a && b | c`); what a pipe feeds that is not docker. */
function addCommands(line: string, from: CommandSource, out: ReadMessage): void {
  const chain = out.commands.length;
  let last: DockerCommand | null = null;
  let op: Operator | undefined;
  for (const seg of segments(line)) {
    const n = commandLength(seg.words, false);
    const cmd = n > 0 ? toCommand(seg.words.slice(0, n), from, chain, seg.then) : null;
    if (cmd) {
      if (last && op) cmd.before = op;
      else
        cmd.chainText = line
          .slice(seg.words[0]?.start ?? 0)
          .trim()
          .replace(/^(?:sudo|winpty)\s+/, '');
      pushCommand(out, cmd);
      last = cmd;
    } else if (last && op) {
      (last.others ??= []).push({ op, text: seg.words.map((w) => w.text).join(' ') });
    }
    op = seg.then;
  }
}

function pushCommand(out: ReadMessage, cmd: DockerCommand): void {
  if (out.commands.length < MAX_COMMANDS) out.commands.push(cmd);
}
