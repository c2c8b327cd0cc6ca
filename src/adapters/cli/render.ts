// Renders an Answer for a terminal, in one place: ANSI styling when the output is a TTY,
// plain text otherwise. Every control character in text is removed first, so engine- or
// user-supplied text can never move the cursor or recolour the terminal.
import type { Answer, Block, Finding } from '../../core/types.ts';

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

function block(b: Block, st: Style): string {
  switch (b.type) {
    case 'text':
      // A paragraph is one line of prose; a line break in it came from engine text.
      return inline(oneLine(b.text), st);
    case 'list':
      return b.items.map((it, n) => `  ${b.ordered ? `${n + 1}.` : '•'} ${inline(it, st)}`).join('\n');
    case 'code':
      return clean(b.code)
        .split('\n')
        .map((l) => `    ${st.code(l)}`)
        .join('\n');
    case 'table':
      return table(b.header, b.rows, st) + (b.more ? `\n  …and ${b.more} more` : '');
  }
}

function table(header: string[], rows: string[][], st: Style): string {
  const all = [header, ...rows].map((r) => r.map((c) => clean(c).replace(/`/g, '')));
  const widths = header.map((_, i) => Math.min(60, Math.max(...all.map((r) => (r[i] ?? '').length))));
  const line = (r: string[]) =>
    '  ' +
    r
      .map((c, i) => {
        const w = widths[i] ?? 10;
        return (c.length > w ? `${c.slice(0, w - 1)}…` : c).padEnd(w);
      })
      .join('  ')
      .trimEnd();
  const [head = [], ...body] = all;
  return [st.bold(line(head)), ...body.map(line)].join('\n');
}

const SEVERITY: Record<Finding['severity'], (st: Style) => (s: string) => string> = {
  error: (st) => (s) => st.red(s),
  warning: (st) => (s) => st.yellow(s),
  info: (st) => (s) => st.green(s),
};

function finding(f: Finding, st: Style): string {
  const head = SEVERITY[f.severity](st)(`[${f.severity}] ${f.code}`) + ` — ${oneLine(f.subject)}`;
  const evidence = Object.entries(f.evidence)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${oneLine(k)}=${oneLine(String(v))}`)
    .join(', ');
  return [
    head,
    `  ${inline(oneLine(f.summary), st)}`,
    evidence ? st.dim(`  evidence: ${evidence}`) : '',
    ...f.fix.map((x) => `  → ${inline(oneLine(x), st)}`),
  ]
    .filter(Boolean)
    .join('\n');
}

export function renderAnswer(a: Answer, st: Style = plain, opts: { numberedFollowups?: boolean } = {}): string {
  const parts: string[] = [st.bold(clean(a.title))];
  for (const n of a.notices) parts.push(st.yellow(`note: ${inline(n, st)}`));
  for (const b of a.blocks) parts.push(block(b, st));
  for (const f of a.findings) parts.push(finding(f, st));
  if (a.commands.length) parts.push(`${st.dim('Try:')} ${a.commands.map((c) => st.code(clean(c))).join(st.dim(' · '))}`);
  if (a.followups.length) {
    const labels = a.followups.map((f, n) => (opts.numberedFollowups ? `[${n + 1}] ` : '') + clean(f.label));
    parts.push(st.dim(`Related${opts.numberedFollowups ? ' (type the number)' : ''}: ${labels.join(' · ')}`));
  }
  return parts.join('\n\n');
}
