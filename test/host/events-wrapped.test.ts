// The engine's event history wrapping, for real: a container run with `--rm` leaves only events
// behind; the engine keeps just its last 256 events (moby daemon/events `eventsLimit`), so once
// enough newer events have happened the removal is forgotten. Asked about then — through the
// chat path, the real NLU and the real inspector behind the suite's recorder — the answer must
// say the history does not reach back, and name `--rm` among the usual causes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Answer } from '../../src/core/types.ts';
import { blocksToPlainText } from '../../src/core/markdown.ts';
import { ENGINE_EVENTS_KEPT, HISTORY_SLACK } from '../../src/host/rules/missing.ts';
import { makeTestBot } from '../helpers/bot.ts';
import { heldEvents, tagUntag } from '../helpers/engine-api.ts';
import { createTestHost } from '../helpers/engine-client.ts';
import { buildTestImage, cleanup, describeEngine, docker, PREFIX, testName } from '../helpers/engine.ts';

/** Flood in rounds of this many tag+untag pairs, checking in between whether the removal is forgotten. */
const PAIRS_PER_ROUND = 40;
/** 12 × 80 events: several times the 256 the engine keeps, even with other tests' events mixed in. */
const MAX_ROUNDS = 12;

function text(a: Answer): string {
  return [a.title, blocksToPlainText(a.blocks), ...a.findings.map((f) => `${f.summary} ${f.fix.join(' ')}`)].join('\n');
}

describeEngine('not_found once the engine event history has wrapped (real engine)', () => {
  const image = testName('wrap-img:1');
  const gone = testName('rm-before-wrap');
  beforeAll(async () => {
    await buildTestImage(image);
    await docker('run', '--rm', '--name', gone, image, 'sh', '-c', 'exit 0');
  }, 180_000);

  afterAll(() => cleanup(), 120_000);

  it('before the wrap the removal is in the history (recently_removed): the situation is the real one', async () => {
    const d = await createTestHost().diagnose({ subject: gone });
    expect(d.findings.map((f) => f.code)).toContain('recently_removed');
  });

  it('after the wrap, a chat question about the --rm container says the history does not reach back, and names --rm', async () => {
    // Fill the buffer until the engine no longer holds any event of the removed container (since 0: all it holds).
    let rounds = 0;
    while ((await heldEvents(gone, 0)).length > 0) {
      if (rounds >= MAX_ROUNDS) throw new Error(`the engine still holds ${gone}'s events after ${rounds * PAIRS_PER_ROUND * 2} new events`);
      await tagUntag(image, PREFIX, PAIRS_PER_ROUND, rounds * PAIRS_PER_ROUND);
      rounds++;
    }
    expect(rounds).toBeGreaterThan(0);

    const bot = makeTestBot({ host: createTestHost(), hostDeadlineMs: 60_000 });
    const a = (await bot.handle({ text: `why is ${gone} gone`, platform: 'test', conversation: 'wrap', hostAllowed: true }))!;
    const f = a.findings.find((x) => x.code === 'not_found');
    expect(f, JSON.stringify(a.findings.map((x) => x.code))).toBeDefined();
    expect(f?.evidence).toMatchObject({ asked: gone, eventsHistory: 'wrapped' });
    // The whole ring, less any events other tests made on the engine while the answer was read.
    expect(Number(f?.evidence.eventsInWindow)).toBeGreaterThanOrEqual(ENGINE_EVENTS_KEPT - HISTORY_SLACK);
    expect(Number(f?.evidence.eventsInWindow)).toBeLessThanOrEqual(ENGINE_EVENTS_KEPT);
    expect(a.findings.map((x) => x.code)).not.toContain('recently_removed');
    const said = text(a);
    expect(said).toMatch(/event history does not reach back far enough/);
    expect(said).toMatch(/keeps only its last 256 events/);
    expect(said).toContain('`--rm`');
    expect(said).toMatch(/`docker rm`.*prune.*`docker compose down`.*another docker context or host/s);
  }, 180_000);
});
