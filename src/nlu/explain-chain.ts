// A chain of docker commands (`docker stop -t 30 api && docker rm api`, `a; b`, `a || b`,
// `docker ps -q | xargs docker rm`, `docker logs web | grep error`) explained as one answer:
// each docker command part by part, and what each operator between them does.
import type { ExplainedPart, Explanation } from '../core/ports.ts';
import type { DockerCommand } from './reader/read-message.ts';

type Operator = NonNullable<DockerCommand['then']>;

// `then` introduces the next command's summary: {name} is the command, {does} what it does.
const OPERATORS: Record<Operator, { meaning: string; then: string }> = {
  '&&': { meaning: 'runs the next command only if this one succeeded (exit code 0)', then: 'Then, only if that succeeded, {name} {does}' },
  '||': { meaning: 'runs the next command only if this one failed (a non-zero exit code)', then: 'Only if that failed, {name} {does}' },
  ';': { meaning: 'runs the next command after this one, whether it succeeded or not', then: 'Then, whatever happened, {name} {does}' },
  '|': { meaning: "passes this command's output to the next command as its input", then: 'Its output goes to {name}, which {does}' },
  '&': { meaning: 'runs this command in the background and starts the next one at once', then: 'Meanwhile {name} {does}' },
};

/** One explanation for the docker commands of one chain (at least one; null when none can be explained). */
export function explainChain(chain: readonly DockerCommand[], explainOne: (c: DockerCommand) => Explanation | null): Explanation | null {
  // A docker command the flag table does not cover is named in its place, never dropped.
  const explained = chain.map((c) => ({ c, e: explainOne(c) ?? unexplained(c) }));
  const first = explained[0];
  if (!first) return null;
  const many = explained.length > 1;
  const parts: ExplainedPart[] = [];
  const summary: string[] = [];
  const titles: string[] = [];
  explained.forEach(({ c, e }, k) => {
    const op = k > 0 ? (c.before ?? ';') : undefined;
    const name = `${c.xargs ? 'xargs ' : ''}docker ${e.subcommand}`;
    if (op) parts.push({ part: op, kind: 'argument', meaning: OPERATORS[op].meaning });
    if (c.xargs) parts.push({ part: 'xargs', kind: 'argument', meaning: xargsMeaning(c) });
    parts.push(...e.parts.map((p) => (p.kind === 'subcommand' && many ? { ...p, part: `docker ${p.part}` } : p)));
    for (const o of c.others ?? []) parts.push({ part: `${o.op} ${o.text}`, kind: 'argument', meaning: otherMeaning(o.op, o.text) });
    summary.push(op ? OPERATORS[op].then.replace('{name}', `\`${name}\``).replace('{does}', lowerFirst(e.summary)) : e.summary);
    titles.push(op ? `${op} ${name}` : name.replace(/^docker /, ''));
  });
  return {
    line: first.c.chainText ?? chainLine(chain),
    subcommand: titles.join(' '),
    summary: summary.join(' '),
    parts,
    warnings: [...new Set(explained.flatMap(({ e }) => e.warnings))],
    ...(first.e.intent ? { intent: first.e.intent } : {}),
  };
}

function unexplained(c: DockerCommand): Explanation {
  const sub = c.words
    .slice(1)
    .filter((w) => !w.startsWith('-'))
    .slice(0, 2)
    .join(' ');
  return {
    line: c.text,
    subcommand: sub,
    summary: `Runs \`${c.text}\`.`,
    parts: [
      {
        part: sub,
        kind: 'subcommand',
        meaning: `a docker command I cannot take apart flag by flag; \`docker ${sub} --help\` lists its options`,
      },
    ],
    warnings: [],
  };
}

/** The chain rebuilt from its commands, when the reader did not keep it as written. */
function chainLine(chain: readonly DockerCommand[]): string {
  return chain
    .map(
      (c, k) =>
        `${k > 0 ? `${c.before ?? ';'} ` : ''}${c.xargs ? 'xargs ' : ''}${c.text}${(c.others ?? []).map((o) => ` ${o.op} ${o.text}`).join('')}`,
    )
    .join(' ');
}

/** `| grep error`, `|| true`, `&& echo done`: what a command that is not docker does in the chain. */
function otherMeaning(op: Operator, text: string): string {
  if (op === '|') return pipeMeaning(text);
  if (op === '||' && text === 'true') return 'ignores a failure of the command before it (say, no such container), so the chain goes on';
  return `${OPERATORS[op].meaning.replace('the next command', `\`${text}\``)} (not a docker command)`;
}

function xargsMeaning(c: DockerCommand): string {
  return `\`xargs\` runs \`${c.text}\` with the previous command's output (one ID or name per line) added as its arguments; if that output is empty, it still runs once with none (GNU \`xargs -r\` skips it)`;
}

function pipeMeaning(pipe: string): string {
  const program = pipe.split(/\s+/)[0] ?? pipe;
  const what: Record<string, string> = {
    grep: 'keeps only the lines that match',
    wc: 'counts the lines (or words)',
    head: 'keeps only the first lines',
    tail: 'keeps only the last lines',
    less: 'shows it page by page',
    sort: 'sorts the lines',
    jq: 'reads it as JSON and picks out fields',
    awk: 'picks out columns',
    tee: 'also writes it to a file',
  };
  return `its output goes to \`${pipe}\`, which ${what[program] ?? 'reads it (not a docker command, so not explained here)'}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
