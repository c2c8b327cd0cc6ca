// Issue 11 item 1: Bolt reads up to 4 MB per request before it checks the signature, so a flood
// of big unsigned POSTs took the bot's memory. Through the real Bolt receiver behind the real
// shared server: oversized bodies get 413 without being read, a chunked body is cut off at the
// cap, the bytes held by unanswered requests stay within one budget, and a signed question
// right after the flood is answered.
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBot } from '../../helpers/bot.ts';
import { SLACK_MAX_BODY_BYTES } from '../../../src/adapters/slack/app.ts';
import { bigPost } from './flood.ts';
import { startHarness, type Harness } from './harness.ts';
import { plainText } from './requests.ts';

const MB = 1024 * 1024;
const FLOOD = 60;

describe('slack HTTP endpoint: request body limits', () => {
  let h: Harness;
  let bytesRead = 0;
  const sockets = new Set<Socket>();
  /** Every byte the server read off its sockets (headers included), closed connections and open ones. */
  const readSoFar = () => bytesRead + [...sockets].reduce((n, s) => n + s.bytesRead, 0);

  beforeAll(async () => {
    h = await startHarness({ bot: makeTestBot(), bodyLimits: { budgetBytes: 1 * MB } });
    h.http.server.on('connection', (s: Socket) => {
      sockets.add(s);
      s.once('close', () => {
        bytesRead += s.bytesRead;
        sockets.delete(s);
      });
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it(`answers ${FLOOD} concurrent unsigned 4 MB POSTs with 413 without buffering them, then answers a signed question`, async () => {
    const before = readSoFar();
    const results = await Promise.all(Array.from({ length: FLOOD }, () => bigPost(h.eventsUrl, { bytes: 4 * MB })));
    expect(results.map((r) => r.status)).toEqual(Array<number>(FLOOD).fill(413));
    const read = readSoFar() - before;
    console.log(`[body-limit] ${FLOOD} × 4 MB refused; the server read ${(read / 1024).toFixed(0)} KB of ${FLOOD * 4} MB sent at it`);
    // What arrives after the 413 is dropped as it comes (so the answer is not lost to a TCP
    // reset), up to 1 MB per request: bounded, never held, far from the 4 MB each that was sent.
    expect(read).toBeLessThan(FLOOD * 1.5 * MB);
    expect(h.http.bodyStats()).toMatchObject({ held: 0 });

    const { ack, reply } = await h.slash('what is a docker image');
    expect(ack.status).toBe(200);
    expect(plainText(reply).toLowerCase()).toContain('image');
  });

  it('cuts a chunked body off at the cap (no Content-Length to refuse early)', async () => {
    const before = readSoFar();
    const results = await Promise.all(Array.from({ length: 10 }, () => bigPost(h.eventsUrl, { bytes: 4 * MB, chunked: true })));
    expect(results.map((r) => r.status)).toEqual(Array<number>(10).fill(413));
    const read = readSoFar() - before;
    expect(read).toBeLessThan(10 * (SLACK_MAX_BODY_BYTES + 1.5 * MB));
    expect(h.http.bodyStats()).toMatchObject({ held: 0 });
  });

  it('keeps the bytes of requests still arriving within the budget: the rest get 503 at once', async () => {
    // Slow senders that each declare 200 KB (under the cap): 1 MB of budget holds five of them.
    const slow = Array.from({ length: 8 }, () => bigPost(h.eventsUrl, { bytes: 200 * 1024, delayMs: 200 }));
    const results = await Promise.all(slow);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 503)).toHaveLength(3);
    // The five that fit were read completely and then refused by Bolt: unsigned.
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(h.http.bodyStats()).toMatchObject({ held: 0 });

    const { ack } = await h.slash('help');
    expect(ack.status).toBe(200);
  });

  it('a body just under the cap still reaches Bolt (and is refused there for its signature)', async () => {
    const r = await bigPost(h.eventsUrl, { bytes: SLACK_MAX_BODY_BYTES });
    expect(r.status).toBe(401);
  });
});
