// A short answer (one answer unit) on Discord, through the real adapter (HTTP interactions, signed
// with a test key) against the stand-in: one embed under 1,000 characters plus buttons, "More"
// first; clicking More answers with the full article, a unit button with that unit.
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordHttpAdapter } from '../../../src/adapters/discord/interactions-http.ts';
import { embedChars, renderAnswer, SHORT_EMBED_MAX } from '../../../src/adapters/discord/render.ts';
import { unitAnswer } from '../../../src/core/answers.ts';
import { createBot } from '../../../src/core/bot.ts';
import type { PlatformAdapter } from '../../../src/core/ports.ts';
import { emptyEntities } from '../../../src/core/types.ts';
import { createHttpServer, type HttpServer } from '../../../src/http/server.ts';
import { fixtureNlu, intentsWithFixtureUnits, unitAnswerWithFindings } from '../../helpers/unit-fixture.ts';
import { APP_ID, buttonPayload, CHANNEL_ID, DiscordStandIn, HOST_ROLE, slashPayload } from './stand-in.ts';

interface Button {
  label: string;
  custom_id: string;
  style: number;
}
interface Reply {
  embeds: { title?: string; description?: string }[];
  components: { components: Button[] }[];
}

const fixture = intentsWithFixtureUnits();
const bot = createBot({ knowledge: fixture.kb, nlu: fixtureNlu(fixture.kb) });
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const publicHex = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');
let standIn: DiscordStandIn;
let adapter: PlatformAdapter;
let server: HttpServer;
let port = 0;

beforeAll(async () => {
  await bot.handle({ text: 'warm up', platform: 'test', conversation: 'warm-up', hostAllowed: false });
  standIn = await new DiscordStandIn().listen();
  adapter = createDiscordHttpAdapter({
    applicationId: APP_ID,
    publicKey: publicHex,
    bot: { handle: (q) => bot.handle(q), feedback: () => undefined, suggest: () => Promise.resolve([]) },
    hostChannels: [CHANNEL_ID],
    hostRoles: [HOST_ROLE],
    apiUrl: standIn.apiUrl,
    restRetries: 0,
    log: { warn: () => undefined, error: () => undefined },
  });
  await adapter.start();
  server = createHttpServer([...adapter.routes]);
  port = await server.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await adapter.stop();
  await server.close(1000);
  await standIn.close();
  fixture.remove();
});

/** Posts a signed interaction; the immediate response's message. */
async function post(body: unknown): Promise<Reply> {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const res = await fetch(`http://127.0.0.1:${port}/discord/interactions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-signature-ed25519': sign(null, Buffer.from(timestamp + raw), privateKey).toString('hex'),
      'x-signature-timestamp': timestamp,
    },
    body: raw,
  });
  return ((await res.json()) as { data: Reply }).data;
}

const allButtons = (r: Reply) => r.components.flatMap((row) => row.components);
const PRIMARY = 1;

describe('discord: a short answer', () => {
  it('a unit put first over a paste keeps what the paste shows: its findings as lines, still under 1,000 characters', () => {
    const a = unitAnswerWithFindings(fixture.kb, 'Container api exited with code 1 @everyone', 5);
    const m = renderAnswer(a, { conversation: 'discord:C:U' });
    expect(m.embeds).toHaveLength(1);
    expect(embedChars(m.embeds)).toBeLessThanOrEqual(SHORT_EMBED_MAX);
    const text = m.embeds[0]?.description ?? '';
    expect(text).toContain('Container api exited with code 1');
    expect(text).not.toMatch(/@everyone/);
    expect(text).toContain('@\u200beveryone');
    expect(m.allowed_mentions).toMatchObject({ parse: [] });
  });

  it('renders as one embed under 1,000 characters, with "More" as the first (primary) button', () => {
    const intent = fixture.kb.get('mistake.edit_running_container');
    const unit = intent?.units?.[0];
    if (!intent || !unit) throw new Error('fixture unit missing');
    const m = renderAnswer(unitAnswer(fixture.kb, intent, unit, 0.9, emptyEntities()), { conversation: 'discord:1:2' });
    expect(m.embeds).toHaveLength(1);
    expect(embedChars(m.embeds)).toBeLessThan(SHORT_EMBED_MAX);
    const first = m.components[0]?.components[0];
    expect(first).toMatchObject({ label: 'More: Why fixes made inside a running container vanish', style: PRIMARY });
  });

  it('an over-long unit answer is still cut to one embed under 1,000 characters', () => {
    const intent = fixture.kb.get('mistake.edit_running_container');
    const unit = intent?.units?.[0];
    if (!intent || !unit) throw new Error('fixture unit missing');
    const long = { ...unit, answer: `${unit.answer} `.repeat(20), command: 'docker exec -it web sh\n'.repeat(40) };
    const m = renderAnswer(unitAnswer(fixture.kb, intent, long, 0.9, emptyEntities()), { conversation: 'discord:1:2' });
    expect(m.embeds).toHaveLength(1);
    expect(embedChars(m.embeds)).toBeLessThan(SHORT_EMBED_MAX);
  });

  it('More, clicked in Discord, answers with the full article; a unit button with that unit', async () => {
    const first = await post(slashPayload('ask', { question: 'how do i edit a file inside a running container' }));
    expect(first.embeds).toHaveLength(1);
    expect(first.embeds[0]?.title).toBe('How do I edit a file inside a running container?');
    expect(embedChars(first.embeds)).toBeLessThan(SHORT_EMBED_MAX);
    const more = allButtons(first).find((b) => b.label.startsWith('More: '));
    if (!more) throw new Error(`no More button in ${JSON.stringify(allButtons(first))}`);
    const article = await post(buttonPayload(more.custom_id));
    expect(article.embeds[0]?.title).toBe('Why fixes made inside a running container vanish');

    const unitButton = more.custom_id.replace('mistake.edit_running_container', 'mistake.edit_running_container/copy_file');
    const unit = await post(buttonPayload(unitButton));
    expect(unit.embeds[0]?.title).toBe('How do I copy a file into or out of a container?');
  });
});
