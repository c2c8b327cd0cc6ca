// What must never happen: an unsigned or stale request running anything, a hostile container
// name pinging a channel, a host query where it is not allowed, a hanging engine leaving a
// command unacknowledged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBot } from '../../helpers/bot.ts';
import { floodHost, hangingHost, hostileHost } from './fake-host.ts';
import { startHarness, type Harness } from './harness.ts';
import { plainText, postSigned, sign, slashBody } from './requests.ts';
import { BOT, type Posted } from './stand-in.ts';

/** Every raw string Slack parses for markup in a posted message (mrkdwn and the fallback text; `plain_text` is shown literally). */
function rawStrings(p: Posted): string[] {
  const out = [p.text ?? ''];
  for (const b of p.blocks ?? []) {
    if (b.text?.type === 'mrkdwn') out.push(b.text.text);
    for (const e of b.elements ?? []) if (e.type === 'mrkdwn' && typeof e.text === 'string') out.push(e.text);
  }
  return out;
}

/** `<` only ever starts markup we wrote ourselves: `<@U…>` in "Shared by". */
function expectNoInjectedMarkup(p: Posted) {
  for (const s of rawStrings(p)) {
    const stripped = s.replace(/Shared by <@U[A-Z0-9]+>/g, '');
    expect(stripped, s).not.toMatch(/[<>]/);
    expect(stripped).not.toMatch(/&(?!amp;|lt;|gt;)/);
  }
}

describe('slack adapter: request signatures', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ bot: makeTestBot() });
  });
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when beforeAll failed
    await h?.close();
  });

  const body = (id: string) => slashBody({ text: 'help', channel: 'C0SIG', user: 'U0SIG', responseUrl: `http://127.0.0.1:1/never/${id}` });

  it('a correctly signed request is accepted (control)', async () => {
    const r = await postSigned(h.eventsUrl, body('ok'));
    expect(r.status).toBe(200);
  });

  it('a wrong signature, a changed body and a stale timestamp get 401 and run nothing', async () => {
    const n = h.handled.length;
    const ts = Math.floor(Date.now() / 1000);
    const wrong = await postSigned(h.eventsUrl, body('a'), { secret: 'not-the-secret' });
    const changed = await postSigned(h.eventsUrl, `${body('b')}&x=1`, { signature: sign(body('b'), ts), timestamp: ts });
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    const stale = await postSigned(h.eventsUrl, body('c'), { timestamp: old });
    const missing = await postSigned(h.eventsUrl, body('d'), { signature: '' });
    expect([wrong.status, changed.status, stale.status, missing.status]).toEqual([401, 401, 401, 401]);
    // A later, good request's answer is the barrier: the four refused ones were all seen before it.
    await h.slash('help', { channel: 'C0SIGOK' });
    expect(h.handled.slice(n).map((q) => q.text)).toEqual(['help']);
    expect(h.standIn.posted.filter((p) => p.urlId?.startsWith('never'))).toHaveLength(0);
  });

  it('answers GET with 405 (the shared server only routes POST here)', async () => {
    const r = await fetch(h.eventsUrl);
    expect(r.status).toBe(405);
  });
});

describe('slack adapter: hostile names and text', () => {
  let h: Harness;
  const host = hostileHost();
  beforeAll(async () => {
    h = await startHarness({ bot: makeTestBot({ host }) });
  });
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when beforeAll failed
    await h?.close();
  });

  it.each([['ps -a'], ['images'], ['why web'], ['why <!channel> 8080']])('/docker %s: no name can ping or link', async (cmd) => {
    const { reply } = await h.slash(cmd);
    expectNoInjectedMarkup(reply);
    expect(rawStrings(reply).join('\n')).toContain('&lt;!channel&gt;');
    expect(h.standIn.violations).toEqual([]);
  });

  it('a question full of markup is echoed back inert (mention in a thread)', async () => {
    const ts = '1700000100.000100';
    await h.event({
      type: 'app_mention',
      user: 'U0BOB',
      text: `<@${BOT.userId}> why is <!here> &lt;b&gt; <@U0HACKER> <https://evil.example|x> missing`,
      ts,
      channel: 'C0HOSTILE',
    });
    const reply = await h.nextPost((p) => p.channel === 'C0HOSTILE');
    expectNoInjectedMarkup(reply);
  });

  it('host permissions: the listing ran (channels and users are `*` here)', () => {
    expect(host.calls).toEqual(expect.arrayContaining(['listContainers --all', 'listImages', 'diagnose web']));
  });
});

describe('slack adapter: output too big for one message', () => {
  it('is capped within Slack limits, end to end, and says so', async () => {
    const h = await startHarness({ bot: makeTestBot({ host: floodHost() }) });
    try {
      for (const cmd of ['why web', 'ps -a']) {
        const { reply } = await h.slash(cmd);
        expectNoInjectedMarkup(reply);
        expect(plainText(reply)).toMatch(/…and \d+ more/);
      }
      expect(h.standIn.violations).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('slack adapter: who may look at the host', () => {
  let h: Harness;
  const host = hostileHost();
  const calls = host.calls;
  beforeAll(async () => {
    h = await startHarness({ bot: makeTestBot({ host }), hostChannels: ['C0OPS'], hostUsers: ['U0ADMIN'] });
  });
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when beforeAll failed
    await h?.close();
  });

  it('runs host queries for a listed user in a listed channel', async () => {
    const { reply } = await h.slash('ps', { channel: 'C0OPS', user: 'U0ADMIN' });
    expect(calls).toContain('listContainers');
    expect(plainText(reply)).toContain('Running containers on the host');
  });

  it('elsewhere answers from the knowledge base and says how to enable it', async () => {
    calls.length = 0;
    const a = await h.slash('ps', { channel: 'C0RANDOM', user: 'U0ADMIN' });
    const b = await h.slash('images', { channel: 'C0OPS', user: 'U0INTERN' });
    const c = await h.slash('why web', { channel: 'C0RANDOM', user: 'U0INTERN' });
    expect(calls).toEqual([]);
    for (const { reply } of [a, b, c]) expect(plainText(reply)).toContain('SLACK_HOST_CHANNELS');
  });

  it('a listed user may use the host in a DM with the bot', async () => {
    calls.length = 0;
    await h.event({ type: 'message', channel_type: 'im', user: 'U0ADMIN', text: 'images', ts: '1700000200.000100', channel: 'D0ADMIN' });
    await h.nextPost((p) => p.channel === 'D0ADMIN');
    expect(calls).toEqual(['listImages']);
  });

  it('knowledge answers work everywhere', async () => {
    const { reply } = await h.slash('what is a docker image', { channel: 'C0RANDOM', user: 'U0INTERN' });
    expect(plainText(reply)).not.toContain('SLACK_HOST_CHANNELS');
  });
});

describe('slack adapter: an engine that never answers', () => {
  it('acks, and answers later that the engine did not answer (core deadline)', async () => {
    const h = await startHarness({ bot: makeTestBot({ host: hangingHost(), hostDeadlineMs: 500 }) });
    try {
      const { ack, reply } = await h.slash('why web 8080');
      expect(ack.status).toBe(200);
      expect(plainText(reply)).toContain('The Docker engine did not answer within 0.5 s');
    } finally {
      await h.close();
    }
  });

  it('acks and answers later even when the whole core hangs (adapter deadline)', async () => {
    const h = await startHarness({
      bot: { handle: () => new Promise(() => {}), feedback: () => {} },
      tuning: { answerTimeoutMs: 600, stopGraceMs: 100 },
    });
    try {
      // The core never answers, so an ack cannot have waited for it (Slack's 3 s rule holds by construction).
      const { ack, reply } = await h.slash('ps');
      expect(ack.status).toBe(200);
      expect(plainText(reply)).toContain('did not answer in time');
      const ts = '1700000300.000100';
      const evAck = await h.event({ type: 'app_mention', user: 'U0BOB', text: `<@${BOT.userId}> ps`, ts, channel: 'C0HANG' });
      expect(evAck.status).toBe(200);
      const posted = await h.nextPost((p) => p.channel === 'C0HANG');
      expect(posted.thread_ts).toBe(ts);
      expect(plainText(posted)).toContain('did not answer in time');
    } finally {
      await h.close();
    }
  });
});
