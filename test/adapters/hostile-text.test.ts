// Issue 11 item 9: text a container controls (names, labels, health-probe output, log lines,
// evidence values) must never turn into markup on any platform: a masked link, a heading or a
// ping on Discord, `<!channel>` or a link on Slack, an escape sequence or a forged line in a
// terminal. One hostile finding, rendered by all three renderers.
import { describe, expect, it } from 'vitest';
import { renderAnswer as renderCli, colour, plain } from '../../src/adapters/cli/render.ts';
import { renderAnswer as renderDiscord } from '../../src/adapters/discord/render.ts';
import { renderAnswer as renderSlack } from '../../src/adapters/slack/render.ts';
import { baseAnswer } from '../../src/core/answers.ts';
import type { Answer, Finding } from '../../src/core/types.ts';

const LINK = '[text](https://evil.example)';
const PROBE = [
  `${LINK} and [another][1]`,
  '# PWNED heading',
  '> quoted <!channel> <!here> <@U0HACKER> <#C0SECRET|secret> <https://evil.example|click me> @everyone <@&123> <@456>',
  '[error] not_found — forged line',
  '\u001b[31mred\u001b[0m \u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007 \u001b[2J\u001b[H',
  'bidi \u202Eevil\u202C \u2066x\u2069 line\u2028sep',
].join('\n');

const finding: Finding = {
  code: 'unhealthy',
  severity: 'warning',
  subject: `web${LINK}<!channel>`,
  evidence: { health: 'unhealthy', lastProbeOutput: PROBE, label: `\`tick\` ${LINK}` },
  // As the health rule writes it: the probe's output quoted inside the core's sentence.
  summary: `Container \`web\` is running but its health check fails; the last probe said: ${PROBE}.`,
  fix: [`docker logs web ${LINK}`],
};

const answer: Answer = baseAnswer({
  kind: 'diagnosis',
  intent: 'diagnose.missing',
  confidence: 1,
  title: 'Why `web` is not reachable',
  blocks: [
    { type: 'text', text: `I looked at \`web\`. Its last log line: ${PROBE}` },
    { type: 'code', code: PROBE },
  ],
  findings: [finding],
  notices: [`engine note: ${LINK}`],
  hostUsed: true,
});

/** Discord markdown outside code spans/blocks, with backslash-escaped characters removed. */
function discordMarkup(s: string): string {
  return s
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '')
    .replace(/\\./g, '');
}

describe('container-provided text renders as text on every platform', () => {
  it('Discord: no masked link, heading, quote or mention forms; evidence is in code spans', () => {
    const m = renderDiscord(answer, { conversation: 'c' });
    const texts = m.embeds.flatMap((e) => [e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]);
    expect(texts.join('\n')).toContain('evil.example'); // the text is shown …
    for (const t of texts) {
      const markup = discordMarkup(t);
      expect(markup, t).not.toMatch(/\[[^\]]*\]\([^)]*\)/); // … but never as a masked link
      expect(markup, t).not.toMatch(/^\s*(#{1,3} |>)/m);
      expect(markup, t).not.toMatch(/@everyone|@here|<@&?\d+>|<#\d+>/);
    }
    const field = m.embeds[0]!.fields![0]!;
    expect(field.value).toMatch(/lastProbeOutput: `[^`]*evil\.example[^`]*`/);
    expect(field.value).not.toMatch(/^\[error\]/m); // one line per part: the probe cannot forge lines
    expect(m.allowed_mentions).toEqual({ parse: [] });
  });

  it('Slack: nothing container-provided becomes a control sequence, a link or a ping', () => {
    const m = renderSlack(answer, { conversation: 'c', shareId: 's' });
    const strings = [m.text];
    for (const b of m.blocks) {
      if (b.type === 'section' && b.text?.type === 'mrkdwn') strings.push(b.text.text);
      if (b.type === 'context') for (const e of b.elements) if (e.type === 'mrkdwn') strings.push(e.text);
    }
    const all = strings.join('\n');
    expect(all).toContain('evil.example');
    expect(all).not.toMatch(/[<>]/); // <!channel>, <@U…>, <url|label>: only ever escaped
    expect(all).not.toMatch(/&(?!amp;|lt;|gt;)/);
    const findingText = strings.find((s) => s.includes('*Evidence:*'))!;
    expect(findingText).toMatch(/lastProbeOutput: `[^`]*evil\.example[^`]*`/);
    // The finding keeps its own shape: the probe's line breaks cannot start a fake "Fix" or item.
    expect(findingText.split('\n').filter((l) => l.startsWith('*Fix:*'))).toHaveLength(1);
    expect(findingText).not.toMatch(/^\[error\]/m);
  });

  it('terminal: no escape sequence, control or bidi character, and no forged lines', () => {
    const out = renderCli(answer, plain);
    expect(out).toContain('evil.example');
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/);
    const lines = out.split('\n');
    expect(lines.filter((l) => l.startsWith('[error] not_found'))).toEqual([]);
    expect(lines.filter((l) => /^\s*evidence: /.test(l))).toHaveLength(1);

    // With colours on, the only escape sequences are the renderer's own SGR codes.
    const coloured = renderCli(answer, colour);
    // eslint-disable-next-line no-control-regex
    const sequences = coloured.match(/\u001b[^m]*m?/g) ?? [];
    // eslint-disable-next-line no-control-regex
    for (const s of sequences) expect(s).toMatch(/^\u001b\[(1|2|22|31|32|33|36|39)m$/);
  });
});
