// A local stand-in of Slack on 127.0.0.1 for driving the real Bolt: the Web API methods the
// adapter calls (auth.test, chat.postMessage, apps.connections.open), response_url endpoints
// that record what was posted (at most 5 uses each, as Slack), and a Socket Mode WebSocket
// server that sends `hello` and envelopes and collects the acks. It checks Slack's message
// limits the way Slack does and answers `invalid_blocks` / `msg_too_long` when they are broken.
// The bot is "not in" channels whose id starts with C0NOTIN (chat.postMessage: not_in_channel).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { WAIT_MS, waitFor as sharedWaitFor } from '../../helpers/wait.ts';

export const BOT = { userId: 'UBOT0001', botId: 'BBOT0001', teamId: 'T0001' };

export interface Posted {
  via: 'chat.postMessage' | 'chat.postEphemeral' | 'response_url';
  /** chat.postEphemeral: who sees it. */
  user?: string;
  /** For response_url posts: which url id. */
  urlId?: string;
  channel?: string;
  thread_ts?: string;
  response_type?: string;
  replace_original?: boolean;
  delete_original?: boolean;
  text?: string;
  blocks?: SlackBlock[];
  at: number;
}

export interface SlackBlock {
  type: string;
  block_id?: string;
  text?: { type: string; text: string };
  elements?: { type: string; text?: string | { text: string }; action_id?: string; value?: string }[];
}

export interface StandIn {
  url: string;
  apiUrl: string;
  posted: Posted[];
  /** Limit violations seen (should stay empty). */
  violations: string[];
  calls: string[];
  responseUrl(id: string): string;
  /** Socket Mode */
  connections: number;
  connects: number;
  sendEnvelope(
    type: 'slash_commands' | 'events_api' | 'interactive',
    payload: unknown,
    extra?: Record<string, unknown>,
  ): Promise<{ envelope_id: string; payload?: unknown; at: number }>;
  disconnectAll(): void;
  waitFor<T>(find: () => T | undefined | false, timeoutMs?: number, what?: string): Promise<T>;
  close(): Promise<void>;
}

export async function startStandIn(): Promise<StandIn> {
  const posted: Posted[] = [];
  const violations: string[] = [];
  const calls: string[] = [];
  const uses = new Map<string, number>();
  const acks = new Map<string, (a: { envelope_id: string; payload?: unknown; at: number }) => void>();
  let envelopeSeq = 0;
  let connects = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const path = (req.url ?? '').split('?')[0] ?? '';
    const reply = (status: number, obj: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(obj));
    if (path.startsWith('/api/')) {
      const method = path.slice(5);
      calls.push(method);
      const args = parseArgs(req, body);
      if (method === 'auth.test')
        return reply(200, { ok: true, user_id: BOT.userId, bot_id: BOT.botId, team_id: BOT.teamId, user: 'coach' });
      if (method === 'apps.connections.open') {
        const { port } = server.address() as AddressInfo;
        return reply(200, { ok: true, url: `ws://127.0.0.1:${port}/socket` });
      }
      if (method === 'chat.postMessage') {
        if (String(args.channel).startsWith('C0NOTIN')) return reply(200, { ok: false, error: 'not_in_channel' });
        const msg = toPosted('chat.postMessage', args);
        const error = checkLimits(msg);
        if (error) {
          violations.push(error);
          return reply(200, { ok: false, error });
        }
        posted.push(msg);
        return reply(200, { ok: true, channel: args.channel, ts: `${Date.now() / 1000}` });
      }
      // The course's welcome: users.info (ids starting UBOT are bots, UGUEST guests) and chat.postEphemeral.
      if (method === 'users.info') {
        const id = String(args.user);
        return reply(200, {
          ok: true,
          user: { id, is_bot: id.startsWith('UBOT'), is_restricted: id.startsWith('UGUEST'), is_ultra_restricted: false },
        });
      }
      if (method === 'chat.postEphemeral') {
        posted.push({ ...toPosted('chat.postEphemeral', args), user: String(args.user) });
        return reply(200, { ok: true, message_ts: `${Date.now() / 1000}` });
      }
      return reply(200, { ok: false, error: 'unknown_method' });
    }
    if (path.startsWith('/response/')) {
      const id = path.slice('/response/'.length);
      const n = (uses.get(id) ?? 0) + 1;
      uses.set(id, n);
      if (n > 5) {
        violations.push(`response_url ${id} used ${n} times`);
        return res.writeHead(404).end('used_url');
      }
      const msg = toPosted('response_url', JSON.parse(body || '{}') as Record<string, unknown>, id);
      const error = checkLimits(msg);
      if (error) {
        violations.push(error);
        return res.writeHead(400).end(error);
      }
      posted.push(msg);
      return res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    }
    res.writeHead(404).end();
  };
  const server: Server = createServer((req, res) => void handle(req, res));

  const wss = new WebSocketServer({ server, path: '/socket' });
  const sockets = new Set<WebSocket>();
  wss.on('connection', (ws) => {
    connects++;
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data) => {
      const m = JSON.parse((data as Buffer).toString()) as { envelope_id?: string; payload?: unknown };
      if (m.envelope_id) acks.get(m.envelope_id)?.({ envelope_id: m.envelope_id, payload: m.payload, at: performance.now() });
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: sockets.size, debug_info: { host: 'stand-in' } }));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const standIn: StandIn = {
    url,
    apiUrl: `${url}/api/`,
    posted,
    violations,
    calls,
    responseUrl: (id) => `${url}/response/${id}`,
    get connections() {
      return [...sockets].filter((s) => s.readyState === s.OPEN).length;
    },
    get connects() {
      return connects;
    },
    async sendEnvelope(type, payload, extra = {}) {
      const envelope_id = `env-${++envelopeSeq}`;
      // A client may be between connections (a reconnect on a busy machine): wait, bounded.
      const open = await waitFor(() => [...sockets].find((s) => s.readyState === s.OPEN), WAIT_MS, 'a socket mode client');
      const acked = new Promise<{ envelope_id: string; payload?: unknown; at: number }>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`envelope ${envelope_id} was not acked at all (waited ${WAIT_MS} ms)`));
        }, WAIT_MS);
        acks.set(envelope_id, (a) => {
          clearTimeout(timer);
          acks.delete(envelope_id);
          resolve(a);
        });
      });
      open.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== 'events_api', ...extra }));
      return acked;
    },
    disconnectAll() {
      for (const s of sockets) s.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested' }));
    },
    waitFor: (find, timeoutMs = WAIT_MS, what = 'condition') => waitFor(find, timeoutMs, what),
    async close() {
      // Bolt's app.stop() in Socket Mode returns before the socket has closed: give clients up
      // to 1 s to close on their own, then cut them off.
      await sharedWaitFor('socket clients to close', () => sockets.size === 0, { timeoutMs: 1000 }).catch(() => undefined);
      for (const s of sockets) s.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
  return standIn;
}

/** Polls until `find` returns something (bounded): the shared helper, in the stand-in's argument order. */
export function waitFor<T>(find: () => T | undefined | false, timeoutMs = WAIT_MS, what = 'condition'): Promise<T> {
  return sharedWaitFor(what, find, { timeoutMs });
}

function toPosted(via: Posted['via'], a: Record<string, unknown>, urlId?: string): Posted {
  const blocks = typeof a.blocks === 'string' ? (JSON.parse(a.blocks) as SlackBlock[]) : (a.blocks as SlackBlock[] | undefined);
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const bool = (v: unknown) => (v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined);
  return {
    via,
    ...(urlId ? { urlId } : {}),
    channel: str(a.channel),
    thread_ts: str(a.thread_ts),
    response_type: str(a.response_type),
    replace_original: bool(a.replace_original),
    delete_original: bool(a.delete_original),
    text: str(a.text),
    ...(blocks ? { blocks } : {}),
    at: performance.now(),
  };
}

/** Slack's documented limits; the error names are the ones Slack answers with. */
export function checkLimits(m: Posted): string | null {
  const blocks = m.blocks ?? [];
  if (!m.delete_original && !m.text) return 'no_text (fallback text missing)';
  if (blocks.length > 50) return `invalid_blocks: ${blocks.length} blocks`;
  let total = m.text?.length ?? 0;
  for (const b of blocks) {
    const t = b.text?.text ?? '';
    total += t.length;
    if (b.type === 'section' && t.length > 3000) return `invalid_blocks: section text ${t.length}`;
    if (b.type === 'header' && t.length > 150) return `invalid_blocks: header ${t.length}`;
    if (b.type === 'context' && (b.elements?.length ?? 0) > 10) return 'invalid_blocks: context elements';
    if (b.type === 'actions' && (b.elements?.length ?? 0) > 25) return 'invalid_blocks: actions elements';
    for (const e of b.elements ?? []) {
      const et = typeof e.text === 'string' ? e.text : (e.text?.text ?? '');
      total += et.length;
      if (e.type === 'button' && et.length > 75) return `invalid_blocks: button text ${et.length}`;
      if (e.type === 'button' && (e.value?.length ?? 0) > 2000) return 'invalid_blocks: button value';
      if (e.type === 'mrkdwn' && et.length > 2000) return 'invalid_blocks: context text';
    }
  }
  if (total > 12_000) return `msg_too_long: ${total}`;
  return null;
}

function parseArgs(req: IncomingMessage, body: string): Record<string, unknown> {
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(body || '{}') as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}
