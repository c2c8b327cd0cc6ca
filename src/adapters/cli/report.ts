// `coach report`: the learning report as plain tables for a terminal (or JSON with --json).
// Question texts come from people: control characters are removed before printing.
import type { LearningReport } from '../../core/report.ts';
import { oneLine, type Style } from './render.ts';

const pct = (r: number): string => `${Math.round(r * 100)}%`;

/** A left-aligned table; numbers right-aligned; no cell is cut. */
function table(header: string[], rows: string[][], numeric: ReadonlySet<number>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

export function renderReport(r: LearningReport, st: Style, maxGroups = 15): string {
  const out: string[] = [st.bold(`Questions since ${r.since.slice(0, 10)}: ${r.questions}`), ''];
  if (r.perDay.length > 0) {
    out.push(
      st.bold('Per day'),
      ...table(
        ['day', 'questions'],
        r.perDay.map((d) => [d.day, String(d.questions)]),
        new Set([1]),
      ),
      '',
    );
  }
  if (r.byIntent.length > 0) {
    out.push(
      st.bold('Per topic'),
      ...table(
        ['topic', 'answered', 'none', 'low', '👎', 'none rate', '👎 rate'],
        r.byIntent.map((i) => [
          i.intent,
          String(i.answered),
          String(i.none),
          String(i.low),
          String(i.down),
          pct(i.noneRate),
          pct(i.downRate),
        ]),
        new Set([1, 2, 3, 4, 5, 6]),
      ),
      '',
    );
  }
  if (r.unanswered.length === 0) {
    out.push('No unanswered questions in this period.');
    return out.join('\n');
  }
  out.push(st.bold('Not answered well yet (grouped; biggest first) — candidates for new answer units'));
  if (!r.textsKept) out.push(st.dim('Question texts are not kept (COACH_STORE_QUESTIONS=false): counts per topic only.'));
  r.unanswered.slice(0, maxGroups).forEach((g, n) => {
    const why = (['none', 'low', 'down'] as const)
      .filter((k) => g.reasons[k] > 0)
      .map((k) => `${g.reasons[k]} ${k === 'none' ? 'not understood' : k === 'low' ? 'unsure' : '👎'}`)
      .join(', ');
    out.push(`${n + 1}. ${st.bold(`${g.count}×`)} nearest: ${g.nearestIntent ?? '(none)'} — ${why}`);
    for (const ex of g.examples) out.push(`     “${oneLine(ex).slice(0, 160)}”`);
  });
  if (r.unanswered.length > maxGroups) out.push(st.dim(`…and ${r.unanswered.length - maxGroups} more groups (--json lists them all)`));
  return out.join('\n');
}
