// Answer → one Discord message (embeds + buttons), in this one file. Everything that leaves
// here fits Discord's limits (an over-long answer is split or capped with "…and N more",
// never an API error) and carries `allowed_mentions: { parse: [] }`, so no text can ping.
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  escapeMarkdown,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import { shortFindings } from '../../core/answers.ts';
import type { Answer, Block, Finding } from '../../core/types.ts';
import { encodeButton } from './custom-id.ts';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  buttonsPerRow: 5,
  rows: 5,
  label: 80,
} as const;

/** Room kept in each description for the "…and N more" note. */
const SECTION_MAX = LIMITS.description - 100;

/** Follow-up rows (the last row is kept for 👍/👎). */
const FOLLOWUP_ROWS = 2;

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowed_mentions: { parse: []; replied_user?: boolean };
  flags?: number;
}

export const NO_MENTIONS = { parse: [] as [] };

const COLORS: Record<Answer['kind'], number> = {
  knowledge: 0x2496ed, // Docker blue
  diagnosis: 0xf0a020,
  listing: 0x2496ed,
  explain: 0x2496ed,
  help: 0x2496ed,
  none: 0x99aab5,
  input_problem: 0x99aab5,
  error: 0xd04040,
};
const SEVERITY_ICON = { error: '⛔', warning: '⚠️', info: 'ℹ️' } as const;

export function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, Math.max(0, n - 1))}…` : s;
}

/** Like truncate, but closes a code fence the cut left open. */
function cut(s: string, n: number): string {
  if (s.length <= n) return s;
  const t = truncate(s, Math.max(0, n - 4));
  return (t.match(/```/g) ?? []).length % 2 ? `${t}\n\`\`\`` : t;
}

export function embedChars(embeds: readonly APIEmbed[]): number {
  return embeds.reduce(
    (n, e) =>
      n +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((k, f) => k + f.name.length + f.value.length, 0),
    0,
  );
}

/** The last line of defence for the 6,000-character total: trims text from the end. */
function fitTotal(embeds: APIEmbed[]): APIEmbed[] {
  for (let i = embeds.length - 1; i >= 0; i--) {
    const over = embedChars(embeds) - LIMITS.embedTotal;
    if (over <= 0) break;
    const e = embeds[i];
    if (!e) continue;
    if (e.description) e.description = cut(e.description, Math.max(0, e.description.length - over - 1));
    if (!e.description) delete e.description;
  }
  const kept = embeds.filter((e, i) => i === 0 || e.description);
  while (embedChars(kept) > LIMITS.embedTotal && kept[0]?.fields?.length) kept[0].fields.pop();
  return kept;
}

/** Mentions in text the core did not write (engine names, echoed input) never look like pings. */
export function defuseMentions(s: string): string {
  return s.replace(/@(everyone|here)/gi, '@\u200b$1').replace(/<(@[!&]?|#)(\d+)>/g, '<\u200b$1$2>');
}

/** Engine-supplied text: no markdown (masked links and headings included), no mentions. */
export function safe(s: string): string {
  return defuseMentions(escapeMarkdown(s, { maskedLink: true, heading: true, bulletedList: true, numberedList: true }));
}

/** Longest evidence value shown (health output, event attributes…); the rest is "…". */
const EVIDENCE_MAX = 300;

/**
 * Engine text as an inline code span: Discord renders nothing inside one (no links, no
 * formatting, no mentions). Backticks would end the span early, so they become a look-alike.
 */
export function codeSpan(s: string, max = EVIDENCE_MAX): string {
  // Mentions are defused inside too: a code span never pings, but a copy of its text might.
  const flat = defuseMentions(truncate(s.replace(/\s+/g, ' ').trim(), max).replace(/`/g, 'ˋ'));
  return flat ? `\`${flat}\`` : '';
}

/**
 * Text the core wrote that may carry engine text in it (a finding's summary quotes a health
 * probe's output): code spans are kept as they are; outside them, masked links `[label](url)`
 * cannot form and lines cannot start a heading, quote or list, and mentions cannot ping.
 */
export function coreText(s: string, flatten = false): string {
  const text = flatten ? s.replace(/\s*\n\s*/g, ' ') : s;
  return text
    .split(/(`[^`\n]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : defuseMentions(part.replace(/[[\]]/g, (c) => `\\${c}`).replace(/^(\s*)([#>])/gm, '$1\\$2'))))
    .join('');
}

function codeBlock(code: string, lang = '', max: number = SECTION_MAX): string {
  const clean = code.replace(/```/g, '`\u200b``');
  const open = `\`\`\`${lang}\n`;
  const close = '\n```';
  const room = max - open.length - close.length;
  if (clean.length <= room) return open + clean + close;
  const lines = clean.split('\n');
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > room - 30) break;
    kept.push(line);
    used += line.length + 1;
  }
  const more = lines.length - kept.length;
  return open + kept.join('\n') + `\n…and ${more} more line${more === 1 ? '' : 's'}` + close;
}

/** Host listings as an aligned monospace table; prose tables (knowledge) as one line per row. */
function table(b: Extract<Block, { type: 'table' }>, monospace: boolean): string {
  const cell = (s: string) => s.replace(/\s+/g, ' ');
  if (!monospace) {
    const lines = b.rows.map((r) => {
      const [first = '', ...rest] = r.map((c) => coreText(cell(c)));
      const cells = rest.map((c, i) => {
        const head = b.header[i + 1];
        return head ? `${coreText(cell(head))}: ${c}` : c;
      });
      return `• **${first}** — ${cells.join(' · ')}`;
    });
    if (b.more) lines.push(`…and ${b.more} more`);
    return lines.join('\n');
  }
  const rows = [b.header, ...b.rows].map((r) => r.map(cell));
  const widths = b.header.map((_, i) => Math.min(40, Math.max(...rows.map((r) => (r[i] ?? '').length))));
  const lines = rows.map((r) =>
    r
      .map((c, i) => truncate(c, 40).padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  if (b.more) lines.push(`…and ${b.more} more`);
  return codeBlock(lines.join('\n'));
}

function renderBlock(b: Block, listing: boolean): string {
  switch (b.type) {
    case 'text':
      return coreText(b.text);
    case 'list':
      return b.items.map((it, n) => `${b.ordered ? `${n + 1}.` : '•'} ${coreText(it, true)}`).join('\n');
    case 'code':
      return codeBlock(b.code, b.lang ?? '');
    case 'table':
      return table(b, listing);
  }
}

function findingField(f: Finding, max: number): APIEmbedField {
  // Evidence values are the engine's words (health output, event attributes): code spans only.
  const evidence = Object.entries(f.evidence)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${safe(k)}: ${codeSpan(String(v))}`)
    .join(' · ');
  const fix = f.fix.map((x) => `• ${coreText(x, true)}`).join('\n');
  const value = [coreText(f.summary, true), evidence && `-# ${evidence}`, fix && `**Fix**\n${fix}`].filter(Boolean).join('\n');
  return {
    name: truncate(`${SEVERITY_ICON[f.severity]} ${safe(f.subject)} — ${f.code}`, LIMITS.fieldName),
    value: truncate(value, Math.min(LIMITS.fieldValue, max)),
  };
}

/** Packs sections into descriptions of at most 4,096 characters each. */
function pack(sections: string[], budget: number): { descriptions: string[]; omitted: number } {
  const descriptions: string[] = [];
  let cur = '';
  let used = 0;
  let n = 0;
  for (; n < sections.length; n++) {
    let s = cut(sections[n] ?? '', SECTION_MAX);
    if (used + s.length + 2 > budget) {
      // The first section is the answer itself: shorten it rather than leave it out.
      if (n > 0 || budget < 100) break;
      s = cut(s, budget - 2);
    }
    if (cur && cur.length + 2 + s.length > SECTION_MAX) {
      descriptions.push(cur);
      cur = '';
    }
    cur = cur ? `${cur}\n\n${s}` : s;
    used += s.length + 2;
  }
  const omitted = sections.length - n;
  if (omitted > 0) cur = `${cur}\n\n…and ${omitted} more part${omitted === 1 ? '' : 's'} (ask something narrower).`;
  if (cur) descriptions.push(cur);
  return { descriptions, omitted };
}

export interface RenderOptions {
  /** Conversation key the buttons route back to. */
  conversation: string;
  ephemeral?: boolean;
}

/** A short answer's whole embed (title and text) stays under this: it fits a phone screen. */
export const SHORT_EMBED_MAX = 1000;

/** One answer unit: one embed under SHORT_EMBED_MAX characters, then "More" and the choices as buttons. */
function renderShortAnswer(a: Answer, opts: RenderOptions): DiscordMessage {
  const title = truncate(defuseMentions(a.title), LIMITS.title);
  const notes = a.notices.map((n) => `-# ℹ️ ${coreText(n, true)}`);
  const sections = [...a.blocks.map((b) => renderBlock(b, false)), ...findingLines(a.findings), ...notes];
  const description = cut(sections.join('\n\n'), SHORT_EMBED_MAX - title.length - 1);
  return {
    embeds: [{ title, description, color: COLORS[a.kind] }],
    components: buttons(a, opts.conversation),
    allowed_mentions: { ...NO_MENTIONS },
    ...(opts.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** A short answer's findings (a paste read beside the question): one line each, the first few. */
function findingLines(findings: readonly Finding[]): string[] {
  const { shown, more } = shortFindings(findings);
  const lines = shown.map((f) => `${SEVERITY_ICON[f.severity]} ${truncate(coreText(f.summary, true), 300)}`);
  return more > 0 ? [...lines, `…and ${more} more.`] : lines;
}

export function renderAnswer(a: Answer, opts: RenderOptions): DiscordMessage {
  if (a.unit !== undefined) return renderShortAnswer(a, opts);
  const title = truncate(defuseMentions(a.title), LIMITS.title);
  let budget = LIMITS.embedTotal - title.length - 200; // room for the "…and N more" notes
  const fields: APIEmbedField[] = [];
  const findings = a.findings.slice(0, LIMITS.fields - 2);
  for (const f of findings) {
    if (budget < 300) break;
    const field = findingField(f, Math.min(LIMITS.fieldValue, budget - 300));
    fields.push(field);
    budget -= field.name.length + field.value.length;
  }
  const moreFindings = a.findings.length - fields.length;
  if (moreFindings > 0) fields.push({ name: `…and ${moreFindings} more`, value: 'Ask about one name to narrow it down.' });
  if (a.commands.length) {
    const value = codeBlock(a.commands.map(defuseMentions).join('\n'), 'sh', Math.min(LIMITS.fieldValue, Math.max(60, budget - 100)));
    if (budget > value.length + 20) {
      fields.push({ name: 'Try', value });
      budget -= value.length + 3;
    }
  }
  const sections = [...a.blocks.map((b) => renderBlock(b, a.kind === 'listing')), ...a.notices.map((n) => `-# ℹ️ ${coreText(n, true)}`)];
  const { descriptions } = pack(sections, Math.max(200, budget));
  const embeds: APIEmbed[] = descriptions.slice(0, LIMITS.embeds).map((d) => ({ description: d, color: COLORS[a.kind] }));
  const first = embeds[0] ?? { color: COLORS[a.kind] };
  if (embeds.length === 0) embeds.push(first);
  Object.assign(first, { title, ...(fields.length ? { fields } : {}) });
  // Fields belong with the first embed's text; keep the reading order: title, text, fields, more text.
  return {
    embeds: fitTotal(embeds),
    components: buttons(a, opts.conversation),
    allowed_mentions: { ...NO_MENTIONS },
    ...(opts.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

function button(label: string, customId: string | null, style: ButtonStyle, emoji?: string): APIButtonComponent | null {
  if (!customId) return null;
  return {
    type: ComponentType.Button,
    style,
    label: truncate(label, LIMITS.label),
    custom_id: customId,
    ...(emoji ? { emoji: { name: emoji } } : {}),
  } as APIButtonComponent;
}

function buttons(a: Answer, conversation: string): APIActionRowComponent<APIButtonComponent>[] {
  // "More" (the full article behind a short answer) first, then "did you mean" and related topics.
  const more = a.more ? [{ ...a.more, label: `More: ${a.more.label}` }] : [];
  const refs = [...more, ...a.suggestions, ...a.followups].filter((r, i, all) => all.findIndex((x) => x.intent === r.intent) === i);
  const followups = refs
    .map((r, i) =>
      button(
        defuseMentions(r.label),
        encodeButton({ kind: 'followup', intent: r.intent, conversation }),
        i === 0 && a.more ? ButtonStyle.Primary : ButtonStyle.Secondary,
      ),
    )
    .filter((b): b is APIButtonComponent => b !== null)
    .slice(0, FOLLOWUP_ROWS * LIMITS.buttonsPerRow);
  const rows: APIButtonComponent[][] = [];
  for (let i = 0; i < followups.length; i += LIMITS.buttonsPerRow) rows.push(followups.slice(i, i + LIMITS.buttonsPerRow));
  if (a.kind !== 'error' && a.kind !== 'input_problem') {
    const vote = (v: 'up' | 'down') =>
      encodeButton({
        kind: 'vote',
        vote: v,
        intent: a.intent,
        confidence: a.confidence,
        conversation,
        ...(a.id ? { answerId: a.id } : {}),
      });
    const fb = [button('Helpful', vote('up'), ButtonStyle.Success, '👍'), button('Not helpful', vote('down'), ButtonStyle.Danger, '👎')];
    const ok = fb.filter((b): b is APIButtonComponent => b !== null);
    if (ok.length) rows.push(ok);
  }
  return rows.slice(0, LIMITS.rows).map((components) => ({ type: ComponentType.ActionRow, components }));
}

/** A short plain message (acknowledgements, "bots are ignored"). */
export function renderNote(text: string, ephemeral = true): DiscordMessage {
  return {
    content: truncate(defuseMentions(text), LIMITS.content),
    embeds: [],
    components: [],
    allowed_mentions: { ...NO_MENTIONS },
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** Plain text of a rendered message (logs, tests, the contract driver). */
export function messageText(
  // Also read back off the wire, where an empty list may be left out.
  m: Partial<Pick<DiscordMessage, 'content' | 'embeds'>> & { components?: { components?: APIButtonComponent[] }[] },
): string {
  const parts: string[] = [];
  if (m.content) parts.push(m.content);
  for (const e of m.embeds ?? []) {
    if (e.title) parts.push(e.title);
    if (e.description) parts.push(e.description);
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
  }
  for (const row of m.components ?? []) for (const c of row.components ?? []) if ('label' in c && c.label) parts.push(c.label);
  return parts.join('\n');
}
