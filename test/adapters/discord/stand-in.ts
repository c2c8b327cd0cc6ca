// A local stand-in of Discord on 127.0.0.1 for driving the real discord.js: the REST routes
// the adapter uses (recorded), and enough of the gateway over WebSocket (HELLO, IDENTIFY →
// READY + GUILD_CREATE, heartbeat → ACK, RESUME → RESUMED) to dispatch events.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { WAIT_MS, waitFor } from '../../helpers/wait.ts';

export const APP_ID = '100000000000000001';
export const BOT_ID = '100000000000000002';
export const GUILD_ID = '200000000000000001';
export const CHANNEL_ID = '300000000000000001';
export const OTHER_CHANNEL_ID = '300000000000000002';
export const THREAD_ID = '300000000000000003';
export const HOST_ROLE = '400000000000000001';
export const USER_ID = '500000000000000001';

export interface Recorded {
  method: string;
  /** Decoded path without the query (`@original`, not `%40original`). */
  path: string;
  query: string;
  body: any;
  /** The Authorization header, if any. */
  auth?: string;
  at: number;
}

export interface Ctx {
  channelId?: string;
  userId?: string;
  roles?: string[];
  dm?: boolean;
}

let seq = 0;
const snowflake = () => String(600000000000000000n + BigInt(++seq));

export class DiscordStandIn {
  readonly requests: Recorded[] = [];
  readonly gatewayOps: number[] = [];
  commands: any[] = [];
  /** Answer for PUT/GET command routes and callbacks: override to inject failures. */
  private server: Server;
  private wss: WebSocketServer;
  private sockets = new Set<WebSocket>();
  private s = 0;
  port = 0;

  constructor() {
    this.server = createServer((req, res) => {
      void this.onRequest(req).then(({ status, body }) => {
        // Like Discord: a 204 has no body and no content type (discord.js would try to parse it).
        if (body === undefined) res.writeHead(status).end();
        else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (ws) => {
      this.onSocket(ws);
    });
  }

  async listen(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((r) => {
      this.wss.close(() => {
        r();
      });
    });
    this.server.closeAllConnections();
    await new Promise<void>((r) =>
      this.server.close(() => {
        r();
      }),
    );
  }

  private async onRequest(req: IncomingMessage): Promise<{ status: number; body?: unknown }> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const [p = '', query = ''] = (req.url ?? '').split('?');
    const path = decodeURIComponent(p);
    const body = raw ? JSON.parse(raw) : undefined;
    const method = req.method ?? 'GET';
    this.requests.push({
      method,
      path,
      query,
      body,
      at: Date.now(),
      ...(req.headers.authorization ? { auth: req.headers.authorization } : {}),
    });
    if (path === '/api/v10/gateway/bot')
      return {
        status: 200,
        body: {
          url: `ws://127.0.0.1:${this.port}`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      };
    if (/^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    if (/^\/api\/v10\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) return { status: 200, body: this.message(body, CHANNEL_ID) };
    if (/^\/api\/v10\/webhooks\/\d+\/[^/]+$/.test(path)) return { status: 200, body: this.message(body, CHANNEL_ID) };
    // A DM channel (user.send(): the course's welcome); its id is the user's id with a 9 in front.
    if (path === '/api/v10/users/@me/channels' && method === 'POST') {
      const id = `9${String(body.recipient_id)}`;
      return {
        status: 200,
        body: { id, type: 1, recipients: [{ id: body.recipient_id, username: 'person', discriminator: '0', avatar: null }] },
      };
    }
    const ch = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path);
    if (ch && method === 'POST') return { status: 200, body: this.message(body, ch[1]!) };
    if (/^\/api\/v10\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      if (method === 'GET') return { status: 200, body: this.commands };
      if (method === 'PUT') {
        this.commands = (body as any[]).map((c, n) => ({ id: String(700 + n), application_id: APP_ID, version: '1', ...c }));
        return { status: 200, body: this.commands };
      }
    }
    return { status: 404, body: { message: 'Unknown route', code: 0 } };
  }

  private message(body: any, channelId: string) {
    return botMessage(channelId, body);
  }

  // ---- gateway ----

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 } }));
    ws.on('message', (data) => {
      const msg = JSON.parse((data as Buffer).toString()) as { op: number; d: any };
      this.gatewayOps.push(msg.op);
      if (msg.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (msg.op === 2) {
        this.send(ws, 'READY', {
          v: 10,
          user: { id: BOT_ID, username: 'coach', discriminator: '0', bot: true, avatar: null },
          guilds: [],
          session_id: 'stand-in-session',
          resume_gateway_url: `ws://127.0.0.1:${this.port}`,
          application: { id: APP_ID, flags: 0 },
        });
        this.send(ws, 'GUILD_CREATE', this.guild());
      }
      if (msg.op === 6) this.send(ws, 'RESUMED', {});
    });
  }

  private guild() {
    const chan = (id: string, name: string) => ({ id, type: 0, name, guild_id: GUILD_ID, position: 0, permission_overwrites: [] });
    return {
      id: GUILD_ID,
      name: 'stand-in guild',
      unavailable: false,
      owner_id: USER_ID,
      member_count: 2,
      channels: [chan(CHANNEL_ID, 'general'), chan(OTHER_CHANNEL_ID, 'random')],
      threads: [
        {
          id: THREAD_ID,
          type: 11,
          name: 'a thread',
          guild_id: GUILD_ID,
          parent_id: CHANNEL_ID,
          thread_metadata: { archived: false, locked: false },
        },
      ],
      roles: [
        { id: GUILD_ID, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false },
        { id: HOST_ROLE, name: 'ops', permissions: '0', position: 1, color: 0, hoist: false, managed: false, mentionable: false },
      ],
      members: [],
      emojis: [],
      stickers: [],
      features: [],
    };
  }

  private send(ws: WebSocket, t: string, d: unknown): void {
    ws.send(JSON.stringify({ op: 0, t, s: ++this.s, d }));
  }

  /** Sends a dispatch to every connected gateway client. */
  dispatch(t: string, d: unknown): void {
    for (const ws of this.sockets) this.send(ws, t, d);
  }

  /** Closes gateway connections with a resumable code (the client comes back with RESUME). */
  dropConnections(): void {
    for (const ws of this.sockets) ws.close(4000, 'stand-in: please resume');
  }

  /** Waits (bounded) for a recorded request; returns it or throws with what was seen. */
  waitFor(pred: (r: Recorded) => boolean, timeoutMs = WAIT_MS, from = 0): Promise<Recorded> {
    return waitFor('a matching request to the stand-in', () => this.requests.slice(from).find(pred), {
      timeoutMs,
      detail: () => `saw:\n${this.requests.map((r) => `${r.method} ${r.path}`).join('\n')}`,
    });
  }

  /** Requests about one interaction token (callback, @original edits, follow-ups). */
  forToken(token: string): Recorded[] {
    return this.requests.filter((r) => r.path.includes(`/${token}/`) || r.path.endsWith(`/${token}`));
  }
}

// ---- payloads as Discord sends them ----

function who(ctx: Ctx) {
  const user = { id: ctx.userId ?? USER_ID, username: 'person', discriminator: '0', global_name: 'Person', avatar: null };
  const channelId = ctx.channelId ?? CHANNEL_ID;
  if (ctx.dm) return { user, channel_id: channelId, channel: { id: channelId, type: 1, recipients: [user] }, context: 1 };
  const channel =
    channelId === THREAD_ID
      ? { id: THREAD_ID, type: 11, parent_id: CHANNEL_ID, guild_id: GUILD_ID }
      : { id: channelId, type: 0, guild_id: GUILD_ID };
  return {
    guild_id: GUILD_ID,
    channel_id: channelId,
    channel,
    member: { user, roles: ctx.roles ?? [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, permissions: '2048', flags: 0 },
    context: 0,
  };
}

function interaction(type: number, data: unknown, ctx: Ctx, extra: object = {}) {
  const id = snowflake();
  return {
    id,
    application_id: APP_ID,
    type,
    token: `tok-${id}`,
    version: 1,
    data,
    app_permissions: '2048',
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    ...who(ctx),
    ...extra,
  };
}

const OPTION_TYPES: Record<string, number> = { question: 3, name: 3, command: 3, port: 4, all: 5 };

export function slashPayload(sub: string, options: Record<string, string | number | boolean> = {}, ctx: Ctx = {}) {
  const opts = Object.entries(options).map(([name, value]) => ({ name, type: OPTION_TYPES[name] ?? 3, value }));
  return interaction(2, { id: '800000000000000001', name: 'docker', type: 1, options: [{ name: sub, type: 1, options: opts }] }, ctx);
}

export function autocompletePayload(partial: string, ctx: Ctx = {}) {
  return interaction(
    4,
    {
      id: '800000000000000001',
      name: 'docker',
      type: 1,
      options: [{ name: 'why', type: 1, options: [{ name: 'name', type: 3, value: partial, focused: true }] }],
    },
    ctx,
  );
}

export function buttonPayload(customId: string, ctx: Ctx = {}) {
  const message = botMessage(ctx.channelId ?? CHANNEL_ID);
  return interaction(3, { custom_id: customId, component_type: 2 }, ctx, { message });
}

/** A message as the bot posted it (what Discord returns, and what a button click points at). */
function botMessage(channelId: string, body?: any) {
  return {
    id: snowflake(),
    channel_id: channelId,
    type: 0,
    content: body?.content ?? '',
    embeds: body?.embeds ?? [],
    components: body?.components ?? [],
    author: { id: BOT_ID, username: 'coach', discriminator: '0', bot: true, avatar: null },
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: body?.flags ?? 0,
  };
}

export function messagePayload(content: string, ctx: Ctx & { bot?: boolean; mentionBot?: boolean } = {}) {
  const author = {
    id: ctx.userId ?? USER_ID,
    username: ctx.bot ? 'otherbot' : 'person',
    discriminator: '0',
    avatar: null,
    ...(ctx.bot ? { bot: true } : {}),
  };
  const base = {
    id: snowflake(),
    channel_id: ctx.channelId ?? CHANNEL_ID,
    author,
    content,
    type: 0,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: ctx.mentionBot ? [{ id: BOT_ID, username: 'coach', discriminator: '0', bot: true, avatar: null }] : [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    flags: 0,
  };
  if (ctx.dm) return { ...base, channel_type: 1 };
  return {
    ...base,
    guild_id: GUILD_ID,
    channel_type: 0,
    member: { roles: ctx.roles ?? [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
  };
}
