// Issue 11 on the real image: (item 15) it ships no package manager and no setuid/setgid file;
// (item 1) under the compose limits (256 MB), a flood of 60 concurrent unsigned 4 MB POSTs to
// /slack/events — which OOM-killed the container in 1.3 s before — leaves the bot up, and a
// signed question right after is answered; (item 5) signed 4,000-character questions 50 at a
// time — which OOM-killed the old build after 569 answers and lost ~2,100 acknowledged ones —
// leave it up, under its limit, with every acknowledged question answered or told "busy".
// The bot runs in Slack HTTP mode beside a Slack stand-in container: test/ship/slack-container.ts.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bigPost } from '../adapters/slack/flood.ts';
import { postSigned, slashBody } from '../adapters/slack/requests.ts';
import { botImage } from '../helpers/bot-image.ts';
import { cleanup, describeEngine, docker } from '../helpers/engine.ts';
import { waitFor } from '../helpers/wait.ts';
import { mb, startSlackContainer, type SlackContainer } from './slack-container.ts';

/** This run's bot image (built once and shared: test/helpers/bot-image.ts); COACH_SHIP_IMAGE overrides it (to try an older build). */
let TAG = '';
const MB = 1024 * 1024;
const FLOOD = 60;
/** Signed 4,000-character questions, sent 50 at a time by one person (any workspace member could). */
const LONG = { total: Number(process.env.COACH_SHIP_LONG_N ?? 1000), lanes: 50, people: Number(process.env.COACH_SHIP_PEOPLE ?? 1) };

describeEngine('the bot image, hardened', () => {
  beforeAll(async () => {
    TAG = process.env.COACH_SHIP_IMAGE ?? (await botImage()).tag;
  }, 25 * 60_000);

  afterAll(async () => {
    // The containers this file ran; the image itself goes in the global teardown.
    await cleanup();
  }, 120_000);

  it('ships no npm, npx, corepack or yarn, and no setuid/setgid file', async () => {
    for (const tool of ['npm', 'npx', 'corepack', 'yarn'])
      await expect(docker('run', '--rm', '--entrypoint', 'sh', TAG, '-c', `command -v ${tool}`), tool).rejects.toThrow();
    // As root, so find can read every directory.
    const privileged = await docker('run', '--rm', '--user', '0', '--entrypoint', 'sh', TAG, '-c', 'find / -xdev -perm /6000 -type f');
    expect(privileged.split('\n').filter(Boolean)).toEqual([]);
    // The bot itself still runs.
    expect(await docker('run', '--rm', TAG, 'coach', 'ask', 'what is a docker image')).toContain('image');
  }, 120_000);

  it(`stays up under ${FLOOD} concurrent unsigned 4 MB POSTs with --memory 256m, and answers a signed question right after`, async () => {
    const c = await startSlackContainer(TAG);
    const base = c.base;

    const results = await Promise.all(
      Array.from({ length: FLOOD }, () => bigPost(`${base}/slack/events`, { bytes: 4 * MB, timeoutMs: 60_000 })),
    );
    const chunked = await Promise.all(
      Array.from({ length: 20 }, () => bigPost(`${base}/slack/events`, { bytes: 4 * MB, chunked: true, timeoutMs: 60_000 })),
    );
    const tally = (rs: { status: number }[]) =>
      rs.reduce<Record<number, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});
    const counts = tally([...results, ...chunked]);
    const { running, oom, restarts } = await c.state();
    const peak = await c.memoryPeak();
    console.log(
      `[hardening] ${FLOOD} × 4 MB with Content-Length: ${JSON.stringify(tally(results))}; 20 × 4 MB chunked: ${JSON.stringify(tally(chunked))}; running ${running}, OOM-killed ${oom}; cgroup memory.peak ${mb(peak)}`,
    );
    expect({ running, oom, restarts }).toEqual({ running: 'true', oom: 'false', restarts: '0' });
    // Every request is refused with 413 before its body is read. Through Docker's port forwarding
    // a few clients that were still sending may see the connection closed (0) before the 413
    // reached them: the forwarder closes both sides when ours is cut off after 1 MB.
    // How many see the 413 rather than the close depends on the forwarder's timing (from 59 of 60
    // to 41 of 60 here), so the test holds what matters: no request was taken in (no 2xx, no 401
    // after a buffered body), the cap answered, and the container's memory stayed far below its
    // limit. The exact 413 for every request is proven in-process (test/adapters/slack/body-limit.test.ts).
    expect(Object.keys(counts).filter((k) => k !== '413' && k !== '0')).toEqual([]);
    expect(counts[413] ?? 0).toBeGreaterThan(0);
    if (!Number.isNaN(peak)) expect(peak).toBeLessThan(256 * MB);

    const ack = await postSigned(
      `${base}/slack/events`,
      slashBody({
        text: 'what is a docker image',
        channel: 'C0SHIP',
        user: 'U0SHIP',
        responseUrl: c.responseUrl('after-flood'),
      }),
    );
    expect(ack.status).toBe(200);
    await waitFor('the answer at the response_url', async () => (await c.responses()).some(([id]) => id === 'after-flood'), {
      timeoutMs: 30_000,
      everyMs: 300,
    });
  }, 240_000);

  it(`stays up and under 256 MB when signed 4,000-character questions arrive ${LONG.lanes} at a time, and every acknowledged one is answered or told "busy"`, async () => {
    const c = await startSlackContainer(TAG);
    const text = 'why did my container stop and what is the difference between an image and a container '.repeat(50).slice(0, 4000);
    const { acked, refused } = await signedFlood(c, text);
    // Bounded: every acknowledged question gets its one reply within the answer limits, or never.
    const replies = await waitFor(
      'a reply for every acknowledged question',
      async () => {
        const r = await c.responses();
        return new Set(r.map(([id]) => id)).size >= acked.size && r;
      },
      { timeoutMs: 120_000, everyMs: 1000, detail: () => `${acked.size} acknowledged` },
    ).catch(() => c.responses());
    const kinds = new Map<string, string[]>();
    for (const [id, kind] of replies) if (acked.has(id)) kinds.set(id, [...(kinds.get(id) ?? []), kind]);
    // Those the client gave up on may still have been taken in and answered (acknowledged late).
    const lateAnswered = new Set(replies.flatMap(([id]) => (acked.has(id) ? [] : [id]))).size;
    const count = (k: string) => [...kinds.values()].filter((ks) => ks.join() === k).length;
    const tally = {
      answered: count('answer'),
      busy: count('busy'),
      lost: acked.size - kinds.size,
      twice: [...kinds.values()].filter((ks) => ks.length > 1).length,
    };
    const state = await c.state();
    const peak = await c.memoryPeak();
    console.log(
      `[hardening] ${LONG.total} signed 4,000-character questions, ${LONG.lanes} at a time from ${LONG.people} people: acknowledged ${acked.size}, not acknowledged (by status or client error) ${JSON.stringify(refused)}, of which answered anyway ${lateAnswered}; answered ${tally.answered}, busy ${tally.busy}, lost ${tally.lost}, replied twice ${tally.twice}; running ${state.running}, OOM-killed ${state.oom}; cgroup memory.peak ${mb(peak)}`,
    );
    expect(state).toEqual({ running: 'true', oom: 'false', restarts: '0' });
    if (!Number.isNaN(peak)) expect(peak).toBeLessThan(256 * MB);
    // Nothing acknowledged is dropped, and each gets exactly one reply: its answer or "busy".
    expect({ lost: tally.lost, twice: tally.twice, other: kinds.size - tally.answered - tally.busy }).toEqual({
      lost: 0,
      twice: 0,
      other: 0,
    });
    expect(acked.size).toBeGreaterThan(LONG.total / 2);
  }, 300_000);
});

/** Sends LONG.total signed slash commands with `text`, LONG.lanes at a time; which were acknowledged (200). */
async function signedFlood(c: SlackContainer, text: string): Promise<{ acked: Set<string>; refused: Record<number | string, number> }> {
  const acked = new Set<string>();
  const refused: Record<number | string, number> = {};
  let next = 0;
  const lane = async () => {
    while (next < LONG.total) {
      const i = next++;
      const id = `long${i}`;
      const body = slashBody({ text, channel: 'C0FLOOD', user: `U0FLOOD${i % LONG.people}`, responseUrl: c.responseUrl(id) });
      // No status: the client's own failure (a timeout, a pooled connection the server had closed).
      const ack = await postSigned(`${c.base}/slack/events`, body).catch((err: unknown) => ({ status: failure(err) }));
      if (ack.status === 200) acked.add(id);
      else refused[ack.status] = (refused[ack.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: LONG.lanes }, lane));
  return { acked, refused };
}

function failure(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string } };
  return e.cause?.code ?? e.name ?? 'error';
}
