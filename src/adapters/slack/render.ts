// Answer → Block Kit, in one place. Slack's limits are enforced here, never hoped for: at most
// 50 blocks, section text ≤ 3,000, header ≤ 150, button text ≤ 75, context elements ≤ 10, and
// the whole message kept well under 12,000 characters (Slack answers `invalid_blocks` or
// `msg_too_long` otherwise). Long output is split across sections or capped with "…and N more".
// Every user- or engine-supplied string goes through escape.ts.
import type { types } from '@slack/bolt';
import { shortFindings } from '../../core/answers.ts';
import type { Answer, Block, Finding } from '../../core/types.ts';
import { escapeSlack, plain, toMrkdwn } from './escape.ts';

type KnownBlock = types.KnownBlock;
type Button = types.Button;

export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  contextElements: 10,
  contextText: 2000,
  /** Our own budget for the whole message (Slack's hard limit is about 12,000). */
  totalChars: 9000,
  fallbackText: 1000,
  followupButtons: 5,
} as const;

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface RenderOptions {
  /** Conversation key the buttons carry, so a click continues the same conversation. */
  conversation: string;
  /** Set for ephemeral answers: adds "Share in channel" carrying this id. */
  shareId?: string;
  /** Set when posting a shared answer: a line under the header (trusted mrkdwn, e.g. `<@U123>`). */
  sharedBy?: string;
}

/** What a button click carries back (JSON in the button's `value`). */
export interface ButtonValue {
  /** conversation key */
  k: string;
  /** intent id */
  i: string;
  /** confidence (feedback) */
  c?: number;
  /** share id */
  s?: string;
  /** answer id (feedback): votes are kept per person per answer */
  a?: string;
}

export const ACTION = { followup: 'followup', up: 'feedback_up', down: 'feedback_down', share: 'share' } as const;

const SEVERITY_ICON = { error: ':red_circle:', warning: ':large_orange_circle:', info: ':large_blue_circle:' } as const;

export function renderAnswer(a: Answer, opts: RenderOptions): SlackMessage {
  if (a.unit !== undefined) return renderShortAnswer(a, opts);
  const head: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: plain(a.title, LIMITS.header) || 'Answer', emoji: true } },
  ];
  if (opts.sharedBy) head.push(context([opts.sharedBy]));
  if (a.notices.length) head.push(context(a.notices.map((n) => `:information_source: ${toMrkdwn(n)}`)));
  const tail = tailBlocks(a, opts);
  const reserved = head.length + tail.length + 1; // +1 for "…and N more"
  const budget = LIMITS.totalChars - size(head) - size(tail);
  const body = capBlocks([...a.blocks.flatMap(renderBlock), ...a.findings.map(renderFinding)], LIMITS.blocks - reserved, budget);
  return { text: fallbackText(a), blocks: [...head, ...body, ...tail] };
}

/**
 * A short answer (one answer unit) fits a phone screen: one section (the question in bold, the
 * direct answer, its command) and the buttons: "More" for the full article, then the choices.
 */
function renderShortAnswer(a: Answer, opts: RenderOptions): SlackMessage {
  const body = [`*${toMrkdwn(oneLine(a.title))}*`, ...a.blocks.map(blockText), ...findingLines(a.findings)].join('\n');
  const head: KnownBlock[] = [];
  if (opts.sharedBy) head.push(context([opts.sharedBy]));
  if (a.notices.length) head.push(context(a.notices.map((n) => `:information_source: ${toMrkdwn(n)}`)));
  return { text: fallbackText(a), blocks: [...head, section(capText(body, LIMITS.sectionText)), ...tailBlocks(a, opts)] };
}

/** A short answer's findings (a paste read beside the question): one line each, the first few. */
function findingLines(findings: readonly Finding[]): string[] {
  const { shown, more } = shortFindings(findings);
  const lines = shown.map((f) => `${SEVERITY_ICON[f.severity]} ${toMrkdwn(oneLine(f.summary))}`);
  return more > 0 ? [...lines, `…and ${more} more.`] : lines;
}

/** One body block as mrkdwn inside a single section. */
function blockText(b: Block): string {
  switch (b.type) {
    case 'text':
      return toMrkdwn(b.text);
    case 'list':
      return b.items.map((it, n) => `${b.ordered ? `${n + 1}.` : '•'} ${toMrkdwn(it)}`).join('\n');
    case 'code':
      return `\`\`\`\n${escapeSlack(b.code.replace(/```/g, "'''"))}\n\`\`\``;
    case 'table':
      return `\`\`\`\n${escapeSlack(tableText(b.header, b.rows))}\n\`\`\``;
  }
}

/** A short plain message (errors, "working on it") in the same shape. */
export function renderNotice(text: string): SlackMessage {
  return { text: capText(escapeSlack(text), LIMITS.fallbackText), blocks: [section(capText(toMrkdwn(text), LIMITS.sectionText))] };
}

function fallbackText(a: Answer): string {
  const first = a.blocks.find((b): b is Extract<Block, { type: 'text' }> => b.type === 'text');
  const lead = first ? `: ${first.text}` : '';
  return capText(escapeSlack(plain(`${a.title}${lead}`, LIMITS.fallbackText)), LIMITS.fallbackText);
}

function renderBlock(b: Block): KnownBlock[] {
  switch (b.type) {
    case 'text':
      return splitText(toMrkdwn(b.text), LIMITS.sectionText).map(section);
    case 'list':
      return splitText(b.items.map((it, n) => `${b.ordered ? `${n + 1}.` : '•'} ${toMrkdwn(it)}`).join('\n'), LIMITS.sectionText).map(
        section,
      );
    case 'code':
      return codeSections(b.code);
    case 'table':
      return [...codeSections(tableText(b.header, b.rows)), ...(b.more ? [section(`…and ${b.more} more`)] : [])];
  }
}

function renderFinding(f: Finding): KnownBlock {
  const evidence = Object.entries(f.evidence)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${escapeSlack(k)}: ${code(String(v))}`)
    .join(' · ');
  // Summary and fixes may quote engine text (a health probe's output): one line each, so a line
  // break in it cannot start a quote, a list item or a fake "Fix:" of its own.
  const lines = [
    `${SEVERITY_ICON[f.severity]} *${toMrkdwn(oneLine(f.summary))}*`,
    `*About:* ${code(f.subject)}`,
    ...(evidence ? [`*Evidence:* ${evidence}`] : []),
    ...(f.fix.length ? ['*Fix:*', ...f.fix.map((x) => `• ${toMrkdwn(oneLine(x))}`)] : []),
  ];
  // One section per finding: cap it rather than split it, so findings stay one block each.
  return section(capText(lines.join('\n'), LIMITS.sectionText));
}

function tailBlocks(a: Answer, opts: RenderOptions): KnownBlock[] {
  const out: KnownBlock[] = [];
  if (a.commands.length) {
    out.push(context([`Try: ${a.commands.map(code).join('  ·  ')}`]));
  }
  // "More" (the full article behind a short answer) first, then "did you mean" and related topics.
  const more = a.more ? [{ ...a.more, label: `More: ${a.more.label}` }] : [];
  const refs = [...more, ...a.suggestions, ...a.followups].filter((r, n, all) => all.findIndex((x) => x.intent === r.intent) === n);
  const followups = refs.slice(0, LIMITS.followupButtons).map((r, n) => ({
    ...button(`${ACTION.followup}_${n}`, r.label, { k: opts.conversation, i: r.intent }),
    ...(n === 0 && a.more ? { style: 'primary' as const } : {}),
  }));
  if (followups.length) out.push({ type: 'actions', block_id: 'followups', elements: followups });
  const actions: Button[] = [];
  if (a.kind !== 'error' && a.kind !== 'input_problem') {
    const fb = { k: opts.conversation, i: a.intent, c: Math.round(a.confidence * 1000) / 1000, ...(a.id ? { a: a.id } : {}) };
    actions.push(button(ACTION.up, '👍 Helpful', fb), button(ACTION.down, '👎 Not helpful', fb));
  }
  if (opts.shareId)
    actions.push({ ...button(ACTION.share, 'Share in channel', { k: opts.conversation, i: a.intent, s: opts.shareId }), style: 'primary' });
  if (actions.length) out.push({ type: 'actions', block_id: 'feedback', elements: actions });
  return out;
}

function button(actionId: string, label: string, value: ButtonValue): Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: plain(label, LIMITS.buttonText) || '…', emoji: true },
    value: JSON.stringify(value).slice(0, LIMITS.buttonValue),
  };
}

/** Keeps whole blocks while they fit the count and character budgets; then "…and N more". */
function capBlocks(blocks: KnownBlock[], maxBlocks: number, maxChars: number): KnownBlock[] {
  const out: KnownBlock[] = [];
  let used = 0;
  for (const b of blocks) {
    const n = size([b]);
    if (out.length >= maxBlocks || used + n > maxChars) break;
    out.push(b);
    used += n;
  }
  const left = blocks.length - out.length;
  if (left > 0)
    out.push(
      section(
        `…and ${left} more ${left === 1 ? 'part' : 'parts'} (too long for one Slack message; ask about one thing to narrow it down).`,
      ),
    );
  return out;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: text || ' ' } };
}

function context(mrkdwnTexts: string[]): KnownBlock {
  const shown = mrkdwnTexts.slice(0, LIMITS.contextElements);
  return { type: 'context', elements: shown.map((t) => ({ type: 'mrkdwn', text: capText(t, LIMITS.contextText) })) };
}

/** Inline code of engine text: escaped, and without backticks that would end the span early. */
function code(s: string): string {
  return `\`${escapeSlack(s.replace(/`/g, "'").replace(/\n/g, ' '))}\``;
}

function codeSections(raw: string): KnownBlock[] {
  const fence = '```';
  return splitText(escapeSlack(raw.replace(/```/g, "'''")), LIMITS.sectionText - 2 * fence.length - 2).map((c) =>
    section(`${fence}\n${c}\n${fence}`),
  );
}

function tableText(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, col) => Math.max(...all.map((r) => (r[col] ?? '').length)));
  return all
    .map((r) =>
      r
        .map((cell, col) => cell.padEnd(widths[col] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Splits escaped text at line breaks into chunks of at most `max` characters. */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let cur = '';
  for (const line of text.split('\n')) {
    let rest = line;
    while (rest.length > max) {
      if (cur) {
        chunks.push(cur);
        cur = '';
      }
      const cut = safeCut(rest, max);
      chunks.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    if (cur && cur.length + 1 + rest.length > max) {
      chunks.push(cur);
      cur = '';
    }
    cur = cur ? `${cur}\n${rest}` : rest;
  }
  if (cur || chunks.length === 0) chunks.push(cur);
  return chunks;
}

/** Caps escaped text at `max` characters, never cutting an `&amp;`-style entity in half. */
function capText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, safeCut(text, max - 1))}…`;
}

function safeCut(s: string, max: number): number {
  const amp = s.lastIndexOf('&', max);
  return amp >= 0 && amp > max - 6 && !s.slice(amp, max).includes(';') ? Math.max(1, amp) : max;
}

/** Characters of visible text in blocks (what Slack counts toward a message's size). */
export function size(blocks: readonly KnownBlock[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.type === 'section' || b.type === 'header') n += b.text?.text.length ?? 0;
    else if (b.type === 'context') for (const e of b.elements) n += 'text' in e ? e.text.length : 0;
    else if (b.type === 'actions') for (const e of b.elements) n += e.type === 'button' ? e.text.text.length + (e.value?.length ?? 0) : 0;
  }
  return n;
}
