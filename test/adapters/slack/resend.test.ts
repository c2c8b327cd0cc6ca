// An answer whose response_url POST goes out on a keep-alive connection the other side had
// already closed is sent again on a new connection, not lost (found by bench:slack: a bot busy
// for longer than the server's idle timeout reused a dead socket and lost acknowledged answers).
// The response_url here is a raw TCP server that cuts the first connection as soon as the
// request arrives, exactly what a closed keep-alive socket looks like to fetch.
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestBot } from '../../helpers/bot.ts';
import { waitFor } from '../../helpers/wait.ts';
import { startHarness, type Harness } from './harness.ts';
import { postSigned, slashBody } from './requests.ts';

/** A response_url endpoint: connections listed in `cut` (1-based) are closed on their first bytes. */
async function flakyEndpoint(cut: number[], status = 200) {
  const bodies: string[] = [];
  let connections = 0;
  const server: Server = createServer((socket) => {
    const n = ++connections;
    let raw = '';
    socket.on('data', (d: Buffer) => {
      if (cut.includes(n)) return void socket.destroy();
      raw += d.toString();
      const [head = '', body = ''] = raw.split('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
      if (Buffer.byteLength(body) < length) return;
      bodies.push(body);
      socket.end(`HTTP/1.1 ${status} X\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/response/flaky`,
    bodies,
    connections: () => connections,
    close: () =>
      new Promise<void>((r) =>
        server.close(() => {
          r();
        }),
      ),
  };
}

describe('slack: the answer survives a response_url connection closed under it', () => {
  let h: Harness | undefined;
  let endpoint: Awaited<ReturnType<typeof flakyEndpoint>> | undefined;
  afterEach(async () => {
    await h?.close();
    await endpoint?.close();
  });

  it('sends the answer again on a new connection when the first ones were closed before any response', async () => {
    h = await startHarness({ bot: makeTestBot() });
    // Two in a row: a busy process can find several pooled connections closed at once.
    endpoint = await flakyEndpoint([1, 2]);
    const ack = await postSigned(
      h.eventsUrl,
      slashBody({ text: 'what is a docker image', channel: 'C1', user: 'U1', responseUrl: endpoint.url }),
    );
    expect(ack.status).toBe(200);
    const e = endpoint;
    await waitFor('the answer on the third connection', () => e.bodies.length > 0);
    expect(e.connections()).toBe(3);
    expect(JSON.parse(e.bodies[0]!)).toMatchObject({ response_type: 'ephemeral' });
  });

  it('gives up after three connections closed in a row', async () => {
    h = await startHarness({ bot: makeTestBot() });
    endpoint = await flakyEndpoint([1, 2, 3, 4]);
    await postSigned(h.eventsUrl, slashBody({ text: 'what is a docker image', channel: 'C1', user: 'U1', responseUrl: endpoint.url }));
    const e = endpoint;
    await waitFor('three attempts', () => e.connections() >= 3);
    const probe = await postSigned(
      h.eventsUrl,
      slashBody({ text: 'help', channel: 'C1', user: 'U2', responseUrl: h.standIn.responseUrl('probe') }),
    );
    expect(probe.status).toBe(200);
    const s = h.standIn;
    await waitFor('a later answer', () => s.posted.some((p) => p.urlId === 'probe'));
    expect(e.connections()).toBe(3);
  });

  it('does not send again when the endpoint answered, even with an error status', async () => {
    h = await startHarness({ bot: makeTestBot() });
    endpoint = await flakyEndpoint([], 500);
    await postSigned(h.eventsUrl, slashBody({ text: 'what is a docker image', channel: 'C1', user: 'U1', responseUrl: endpoint.url }));
    const e = endpoint;
    await waitFor('the one POST', () => e.bodies.length > 0);
    // A second POST would be on a second connection (the first is closed): give it a chance to appear.
    const probe = await postSigned(
      h.eventsUrl,
      slashBody({ text: 'help', channel: 'C1', user: 'U2', responseUrl: h.standIn.responseUrl('probe') }),
    );
    expect(probe.status).toBe(200);
    const s = h.standIn;
    await waitFor('a later answer', () => s.posted.some((p) => p.urlId === 'probe'));
    expect(e.connections()).toBe(1);
  });
});
