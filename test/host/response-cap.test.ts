// Engine answers have a size limit per request (allowlist.ts `maxBytes`): a fake engine on a
// unix socket streams an endless body, and every kind of call stops reading soon after the
// limit, with a clear "answer too large" finding — not an out-of-memory process, not a timeout.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostUnreachableError } from '../../src/core/errors.ts';
import { ENDPOINTS } from '../../src/host/allowlist.ts';
import { createDockerInspector } from '../../src/host/docker-inspector.ts';
import { HEADER_ROOM } from '../../src/host/guard.ts';
import type { ReadOnlyInspector } from '../../src/host/inspector.ts';
import { waitFor } from '../helpers/wait.ts';

/** The fake engine stops by itself after this much, whatever the client does. */
const SERVER_STOP = 200 * 1024 * 1024;
/** Kernel socket buffers on both sides, and what is in flight when the client hangs up. */
const IN_FLIGHT = 4 * 1024 * 1024;

interface FakeEngine {
  socket: string;
  /** Bytes written per request path. */
  sent: Map<string, number>;
  /** Paths whose answer the server has finished (the client left or the body ended). */
  closed: Set<string>;
  close(): Promise<void>;
}

/** Answers every request 200 with a body that never ends (until SERVER_STOP or the client leaves). */
async function startEndlessEngine(): Promise<FakeEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-endless-'));
  const socket = join(dir, 'engine.sock');
  const sent = new Map<string, number>();
  const closed = new Set<string>();
  const chunk = Buffer.alloc(64 * 1024, '{"Id":"0123456789abcdef","Names":["/x"]},');
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!.replace(/^\/v[\d.]+/, '');
    const isPing = path === '/_ping';
    res.writeHead(200, { 'content-type': isPing ? 'text/plain' : 'application/json' });
    let n = 0;
    const pump = (): void => {
      while (n < SERVER_STOP && !res.destroyed) {
        n += chunk.length;
        sent.set(path, n);
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('close', () => {
      sent.set(path, n);
      closed.add(path);
    });
    pump();
  });
  await new Promise<void>((r) => server.listen(socket, r));
  return {
    socket,
    sent,
    closed,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => {
        server.close(() => {
          r();
        });
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const limitOf = (path: string): number => ENDPOINTS.find((e) => e.path === path)!.maxBytes;

describe('engine responses are capped', () => {
  let engine: FakeEngine;
  let inspector: ReadOnlyInspector;

  beforeAll(async () => {
    engine = await startEndlessEngine();
    inspector = createDockerInspector({ connect: { dockerHost: `unix://${engine.socket}` }, timeoutMs: 20_000, showLogs: true });
  });

  afterAll(async () => {
    await engine.close();
  });

  async function tooLarge(call: () => Promise<unknown>): Promise<void> {
    let err: unknown;
    try {
      await call();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HostUnreachableError);
    const f = (err as HostUnreachableError).finding;
    expect(f.evidence.reason).toBe('too_large');
    expect(f.summary).toMatch(/larger answer than I read/);
  }

  const cases: Array<[string, string, () => Promise<unknown>]> = [
    ['list containers', '/containers/json', () => inspector.listContainers({ all: true })],
    ['list images', '/images/json', () => inspector.listImages()],
    ['inspect a container', '/containers/abc/json', () => inspector.inspectContainer('abc')],
    ['inspect an image', '/images/app:1/json', () => inspector.inspectImage('app:1')],
    ['events (a stream)', '/events', () => inspector.events({ since: 1_700_000_000, until: 1_700_000_060 })],
  ];

  it.each(cases)('%s stops soon after its limit', async (_what, path, call) => {
    await tooLarge(call);
    const limit = limitOf(path.replace(/^\/containers\/abc\//, '/containers/{id}/').replace(/^\/images\/app:1\//, '/images/{ref}/'));
    await waitFor(`the engine to see ${path} closed`, () => engine.closed.has(path));
    const sent = engine.sent.get(path) ?? 0;
    expect(sent).toBeGreaterThan(limit);
    expect(sent).toBeLessThanOrEqual(limit + HEADER_ROOM + IN_FLIGHT);
  });

  it('a diagnosis over an endless engine ends with the too-large finding', async () => {
    const { diagnose } = await import('../../src/host/diagnose.ts');
    const d = await diagnose(inspector, { subject: 'web' });
    expect(d.findings.map((f) => [f.code, f.evidence.reason])).toEqual([['daemon_unreachable', 'too_large']]);
  });
});
