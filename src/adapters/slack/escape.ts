// Slack text in both directions. Outgoing: every piece of user- or engine-supplied text is
// escaped (`&`, `<`, `>`), because Slack reads `<!channel>`, `<!here>`, `<@U…>` and `<url|label>`
// as control sequences in mrkdwn *and* in the fallback `text`. Incoming: Slack sends text with
// the same escaping and its own markup, which we turn back into what the person typed.

/** Escapes the three characters Slack treats as control characters. Idempotence is not wanted. */
export function escapeSlack(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Undoes escapeSlack (Slack sends incoming text escaped the same way). */
export function unescapeSlack(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * The core's markdown-ish text (`**bold**`, `_emphasis_`, `inline code`) as Slack mrkdwn,
 * escaped first so nothing in it can ping or link.
 */
export function toMrkdwn(markdownish: string): string {
  return escapeSlack(markdownish)
    .replace(/\*\*([^*\n]+?)\*\*/g, '*$1*')
    .replace(/__([^_\n]+?)__/g, '*$1*');
}

/** Plain text for `plain_text` fields (header, buttons): no markup, capped at `max` chars. */
export function plain(s: string, max: number): string {
  const flat = s
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return truncate(flat, max);
}

export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  return `${s.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * What the person typed, from Slack's incoming markup: `<@U123>` → `@U123`, `<#C1|general>` →
 * `#general`, `<https://x|label>` → `label`, `<!here>` → `@here`, then the escaping undone.
 */
export function fromSlackMarkup(s: string): string {
  const replaced = s.replace(/<([^<>]*)>/g, (_, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!')) return `@${(label ?? target.slice(1)).replace(/^@/, '').split('^')[0]}`;
    return label ?? target.replace(/^mailto:/, '');
  });
  return unescapeSlack(replaced);
}

/** Removes a leading `<@BOTID>` mention (and any punctuation after it) from a mention's text. */
export function stripLeadingMention(s: string, botUserId: string | undefined): string {
  const re = botUserId ? new RegExp(`^\\s*<@${botUserId}(\\|[^>]*)?>[\\s,:]*`) : /^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>[\s,:]*/;
  return s.replace(re, '');
}

/** A Slack user id as it may safely appear inside `<@…>`. */
export function isSlackUserId(s: string | undefined): s is string {
  return typeof s === 'string' && /^[UW][A-Z0-9]{2,20}$/.test(s);
}
