// The course through the real discord.js gateway client against the local stand-in, on a real
// embedded store: a join (guildMemberAdd with the members intent; else a first message in an
// onboarding channel) → one welcome by DM with "Start lesson 1" → lesson → answer button →
// progress, with a restart in the middle that keeps progress. Bots get no welcome.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDiscordGatewayAdapter } from '../../src/adapters/discord/gateway.ts';
import type { PlatformAdapter } from '../../src/core/ports.ts';
import type { Question } from '../../src/core/types.ts';
import { createLearning, type Learning } from '../../src/course/learning.ts';
import { courseProgressFor } from '../../src/store/course-store.ts';
import { openStore } from '../../src/store/open.ts';
import {
  APP_ID,
  buttonPayload,
  CHANNEL_ID,
  DiscordStandIn,
  GUILD_ID,
  messagePayload,
  OTHER_CHANNEL_ID,
  slashPayload,
  type Recorded,
} from '../adapters/discord/stand-in.ts';
import { realCourse, rightChoice } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'coach-discord-course-'));
const questions: Question[] = [];
const NEW = '500000000000000010';
const LATE = '500000000000000011';
const OTHERBOT = '500000000000000012';

interface Running {
  adapter: PlatformAdapter;
  learning: Learning;
}

async function startBot(standIn: DiscordStandIn, membersIntent: boolean): Promise<Running> {
  const store = await openStore({ dataDir: dir });
  const learning = createLearning({
    course: realCourse(),
    progress: courseProgressFor(store),
    now: Date.now,
    nudgeDays: 3,
    close: () => store.close(),
  });
  const adapter = createDiscordGatewayAdapter({
    token: 'test-token',
    applicationId: APP_ID,
    bot: { handle: (q) => (questions.push(q), Promise.resolve(null)), feedback: () => undefined, suggest: () => Promise.resolve([]) },
    hostChannels: [],
    hostRoles: [],
    apiUrl: standIn.apiUrl,
    restRetries: 0,
    course: { learning, onboardingChannels: [CHANNEL_ID], admins: [], membersIntent },
  });
  await adapter.start();
  return { adapter, learning };
}

async function stopBot(r: Running): Promise<void> {
  await r.adapter.stop();
  await r.learning.close();
}

let standIn: DiscordStandIn;
let bot: Running;
afterAll(async () => {
  await stopBot(bot);
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

const dmsTo = (user: string) => standIn.requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/9${user}/messages`);
const member = (id: string, isBot = false) => ({
  guild_id: GUILD_ID,
  user: { id, username: 'newcomer', discriminator: '0', avatar: null, ...(isBot ? { bot: true } : {}) },
  roles: [],
  joined_at: new Date().toISOString(),
  deaf: false,
  mute: false,
  flags: 0,
});
async function interact(p: ReturnType<typeof slashPayload>): Promise<Recorded> {
  const from = standIn.requests.length;
  standIn.dispatch('INTERACTION_CREATE', p);
  return standIn.waitFor((r) => r.path === `/api/v10/interactions/${p.id}/${p.token}/callback`, 5000, from);
}
const labels = (r: Recorded): { label: string; custom_id: string }[] =>
  (r.body.data.components as { components: { label: string; custom_id: string }[] }[]).flatMap((c) => c.components);

describe('the course on Discord', () => {
  it('welcomes a member who joins (members intent) once by DM with one button, and skips bots', async () => {
    standIn = await new DiscordStandIn().listen();
    bot = await startBot(standIn, true);
    standIn.dispatch('GUILD_MEMBER_ADD', member(OTHERBOT, true));
    standIn.dispatch('GUILD_MEMBER_ADD', member(NEW));
    const dm = await standIn.waitFor((r) => r.path === `/api/v10/channels/9${NEW}/messages`);
    expect(dm.body.content).toContain('Welcome!');
    expect(dm.body.components[0].components.map((c: { label: string }) => c.label)).toEqual(['Start lesson 1']);
    standIn.dispatch('GUILD_MEMBER_ADD', member(NEW)); // left and joined again
    standIn.dispatch('GUILD_MEMBER_ADD', member(LATE)); // a sentinel, handled after the others
    await standIn.waitFor((r) => r.path === `/api/v10/channels/9${LATE}/messages`);
    expect(dmsTo(NEW)).toHaveLength(1);
    expect(dmsTo(OTHERBOT)).toHaveLength(0);
  });

  it('starts lesson 1 from the button and records an answer button', async () => {
    const start = await interact(buttonPayload('learn:start', { userId: NEW, dm: true, channelId: `9${NEW}` }));
    const l1 = realCourse().lessons[0]!;
    const q = l1.questions[0]!;
    expect(start.body.type).toBe(4);
    expect(start.body.data.flags).toBe(64);
    expect(start.body.data.content).toContain(`Lesson 1 of ${realCourse().lessons.length}: ${l1.title}`);
    const answers = labels(start).filter((b) => b.custom_id.startsWith('learn:a:'));
    expect(answers).toHaveLength(q.choices.length);
    const reply = await interact(buttonPayload(answers[rightChoice(q) - 1]!.custom_id, { userId: NEW }));
    expect(reply.body.data.content).toContain(`**Right!** ${q.choices[rightChoice(q) - 1]!.why}`);
  });

  it('keeps progress across a restart; without the members intent the first message in an onboarding channel gets the welcome', async () => {
    await stopBot(bot);
    bot = await startBot(standIn, false);
    const progress = await interact(slashPayload('learn', { action: 'progress' }, { userId: NEW }));
    expect(progress.body.data.content).toContain(`You have done 0 of ${realCourse().lessons.length} lessons; 1 of 1 answers were right.`);
    const next = await interact(slashPayload('learn', {}, { userId: NEW }));
    expect(next.body.data.content).toContain(realCourse().lessons[0]!.questions[1]!.prompt);
    const writer = '500000000000000013';
    standIn.dispatch('MESSAGE_CREATE', messagePayload('hello all', { userId: '500000000000000014', channelId: OTHER_CHANNEL_ID }));
    standIn.dispatch('MESSAGE_CREATE', messagePayload('hello all', { userId: writer }));
    await standIn.waitFor((r) => r.path === `/api/v10/channels/9${writer}/messages`);
    expect(dmsTo('500000000000000014')).toHaveLength(0);
    expect(questions).toEqual([]);
  });
});
