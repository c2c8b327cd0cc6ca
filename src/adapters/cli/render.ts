// Renders an Answer for a terminal, in one place: ANSI styling when the output is a TTY,
// plain text otherwise. Every control character in text is removed first, so engine- or
// user-supplied text can never move the cursor or recolour the terminal.
import { answerChoices } from '../../core/answers.ts';
import type { Answer, Block, Finding, IntentRef } from '../../core/types.ts';
import { fitColumns, packItems, visibleLength, wrap, wrapCell } from './wrap.ts';

export interface Style {
  bold: (s: string) => string;
  dim: (s: string) => string;
  code: (s: string) => string;
  red: (s: string) => string;
  yellow: (s: string) => string;
  green: (s: string) => string;
}

const ansi = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
export const colour: Style = {
  bold: ansi(1, 22),
  dim: ansi(2, 22),
  code: ansi(36, 39),
  red: ansi(31, 39),
  yellow: ansi(33, 39),
  green: ansi(32, 39),
};
const id = (s: string) => s;
export const plain: Style = { bold: id, dim: id, code: id, red: id, yellow: id, green: id };

/**
 * Removes control characters (ESC included, so no escape sequence survives) but keeps newlines
 * and tabs; also the invisible bidirectional overrides and line separators, which reorder or
 * break what the terminal shows without showing themselves.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSHOWN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

export function clean(s: string): string {
  return s.replace(UNSHOWN, '');
}

/** Engine text that belongs on one line (a name, an evidence value, a summary): no line breaks to forge lines with. */
export function oneLine(s: string): string {
  return clean(s).replace(/\s+/g, ' ').trim();
}

function inline(s: string, st: Style): string {
  return clean(s)
    .replace(/`([^`]+)`/g, (_, c: string) => st.code(c))
    .replace(/\*\*([^*]+)\*\*/g, (_, b: string) => st.bold(b));
}

/** How wide the output may be; without a width nothing is wrapped (a pipe, a file). */
export interface Layout {
  width?: number;
}

/** Wraps to the layout's width, if any; `first`/`rest` prefix the first and later lines. */
function fit(text: string, l: Layout, first = '', rest = first): string {
  return l.width ? wrap(text, l.width, first, rest) : first + text;
}

function block(b: Block, st: Style, l: Layout): string {
  switch (b.type) {
    case 'text':
      // A paragraph is one line of prose; a line break in it came from engine text.
      return fit(inline(oneLine(b.text), st), l);
    case 'list':
      return b.items
        .map((it, n) => {
          const bullet = `  ${b.ordered ? `${n + 1}.` : '•'} `;
          return fit(inline(oneLine(it), st), l, bullet, ' '.repeat(bullet.length));
        })
        .join('\n');
    case 'code':
      // Never wrapped: a command must stay copyable as one line.
      return clean(b.code)
        .split('\n')
        .map((line) => `    ${st.code(line)}`)
        .join('\n');
    case 'table':
      return table(b.header, b.rows, st, l) + (b.more ? `\n  …and ${b.more} more` : '');
  }
}

const CELL_GAP = 2;
const INDENT = 2;
/** Without a width, a column is still kept to this many characters: its cells wrap, never lose text. */
const MAX_COLUMN = 60;

/** Cells wrap inside their column instead of being cut: "137 … out of memory" keeps its last words. */
function table(header: string[], rows: string[][], st: Style, l: Layout): string {
  const all = [header, ...rows].map((r) => header.map((_, i) => oneLine(r[i] ?? '').replace(/`/g, '')));
  const natural = header.map((_, i) => Math.min(MAX_COLUMN, Math.max(...all.map((r) => (r[i] ?? '').length))));
  const widths = l.width ? fitColumns(natural, l.width - INDENT, CELL_GAP) : natural;
  const render = (r: string[]) => {
    const cells = r.map((c, i) => wrapCell(c, widths[i] ?? 10));
    const height = Math.max(...cells.map((c) => c.length));
    return Array.from({ length: height }, (_, k) =>
      (' '.repeat(INDENT) + cells.map((c, i) => (c[k] ?? '').padEnd(widths[i] ?? 10)).join(' '.repeat(CELL_GAP))).trimEnd(),
    ).join('\n');
  };
  const [head = [], ...body] = all;
  return [st.bold(render(head)), ...body.map(render)].join('\n');
}

const SEVERITY: Record<Finding['severity'], (st: Style) => (s: string) => string> = {
  error: (st) => (s) => st.red(s),
  warning: (st) => (s) => st.yellow(s),
  info: (st) => (s) => st.green(s),
};

/**
 * A finding: its code, what it means, and the fixes. The raw evidence (`exitCode=137, oomKilled=true`)
 * is for `coach why` and `coach ask`; the chat says the same in the summary's words, wrapped like the
 * rest of the conversation.
 */
function finding(f: Finding, st: Style, o: RenderOptions): string {
  const head = SEVERITY[f.severity](st)(`[${f.severity}] ${f.code}`) + ` — ${oneLine(f.subject)}`;
  const evidence = o.numbered
    ? ''
    : Object.entries(f.evidence)
        .filter(([, v]) => v !== null && v !== '')
        .map(([k, v]) => `${oneLine(k)}=${oneLine(String(v))}`)
        .join(', ');
  return [
    head,
    fit(inline(oneLine(f.summary), st), o, '  ', '  '),
    evidence ? st.dim(`  evidence: ${evidence}`) : '',
    ...f.fix.map((x) => fit(inline(oneLine(x), st), o, '  → ', '    ')),
  ]
    .filter(Boolean)
    .join('\n');
}

export interface RenderOptions extends Layout {
  /** Number every choice (article, "did you mean", related) so typing the number picks it: the chat. */
  numbered?: boolean;
}

export function renderAnswer(a: Answer, st: Style = plain, opts: RenderOptions = {}): string {
  const parts: string[] = [st.bold(clean(a.title))];
  for (const n of a.notices) parts.push(st.yellow(fit(`note: ${inline(oneLine(n), st)}`, opts)));
  for (const b of a.blocks) parts.push(block(b, st, opts));
  for (const f of a.findings) parts.push(finding(f, st, opts));
  if (a.commands.length) {
    const commands = a.commands.map((c) => st.code(oneLine(c)));
    parts.push(
      opts.width
        ? packItems(commands, opts.width, `${st.dim('Try:')} `, '     ', st.dim(' · '))
        : `${st.dim('Try:')} ${commands.join(st.dim(' · '))}`,
    );
  }
  const choices = renderChoices(a, st, opts);
  if (choices) parts.push(choices);
  return parts.join('\n\n');
}

/** "More", "Did you mean" and "Related", numbered in answerChoices' order when the chat can pick them. */
function renderChoices(a: Answer, st: Style, opts: RenderOptions): string {
  const choices = answerChoices(a);
  const number = (r: IntentRef) => (opts.numbered ? `[${choices.indexOf(r) + 1}] ` : '');
  const lines: string[] = [];
  if (a.more) lines.push(fit(`${number(a.more)}More: ${clean(a.more.label)}`, opts));
  const offered = a.suggestions.filter((r) => choices.includes(r));
  // A `none` answer lists its suggestions in its text already; the numbers here pick them.
  if (offered.length && a.kind !== 'none')
    lines.push(fit(offered.map((r) => `${number(r)}${clean(r.label)}`).join(' · '), opts, 'Did you mean: ', '  '));
  else if (offered.length && opts.numbered) lines.push(fit(`Type ${offered.map((r) => number(r).trim()).join(', ')} to pick one.`, opts));
  const related = a.followups.filter((r) => choices.includes(r));
  if (related.length) {
    const head = `Related${opts.numbered ? ' (type the number)' : ''}: `;
    lines.push(fit(related.map((r) => `${number(r)}${clean(r.label)}`).join(' · '), opts, head, '  '));
  }
  return lines.length ? st.dim(lines.join('\n')) : '';
}

/** The targets the numbers in the last rendered answer pick, in order (the chat keeps them). */
export function numberedTargets(a: Answer): string[] {
  return answerChoices(a).map((r) => r.intent);
}

export { visibleLength };
