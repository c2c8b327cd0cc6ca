// HTTP interactions mode: Discord POSTs each interaction to `/discord/interactions` on the
// process's shared HTTP server (no gateway connection, so replicas can sit behind a load
// balancer). Every request is verified with Ed25519 over timestamp + raw body BEFORE it is
// parsed; a bad or missing signature gets 401 and runs nothing, and so does a replay: a
// timestamp more than five minutes off, or an interaction id already received (replay.ts). The first answer is the HTTP
// response; a deferred answer is PATCHed to the original response through discord.js's REST.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { REST, Routes } from 'discord.js';
import type { PlatformAdapter } from '../../core/ports.ts';
import { COMMAND_NAME } from './commands.ts';
import { createDiscordCourse, ephemeralData, isCourseButton, type DiscordCourseOptions } from './course.ts';
import { focusedOption, optionValues, rawContext, repairInteraction, restBase, subcommandName } from './discord-util.ts';
import { accessOf, hostGrant } from './permissions.ts';
import { freshTimestamp, REPLAY_WINDOW_MS, SeenIds, type ClaimOnce } from './replay.ts';
import type { DiscordMessage } from './render.ts';
import { flowFor, type DiscordAdapterOptions, type Responder } from './respond.ts';
import { slashToQuestion } from './to-question.ts';

export interface DiscordHttpOptions extends DiscordAdapterOptions {
  /** The application's public key: 64 hex characters (Developer Portal → General Information). */
  publicKey: string;
  /** Route path on the shared server. */
  path?: string;
  /** Interactions are small; anything bigger is refused before verification. */
  maxBodyBytes?: number;
  /** The clock requests' timestamps are checked against (tests). */
  now?: () => number;
  /** Interaction ids accepted once across replicas (built on the store); default: this process only. */
  claim?: ClaimOnce;
  /** The onboarding course (`/docker learn` and its buttons; no welcome without a gateway): course.ts. */
  course?: DiscordCourseOptions;
}

const INTERACTIONS_PATH = '/discord/interactions';
const MAX_BODY = 256 * 1024;
// DER SubjectPublicKeyInfo header for an Ed25519 key; the raw 32 bytes follow.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function ed25519PublicKey(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('discord: the public key must be 64 hex characters');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

/** True when `signature` (hex) is the application's Ed25519 signature of timestamp + body. */
export function verifySignature(key: KeyObject, signature: unknown, timestamp: unknown, body: Buffer): boolean {
  if (typeof signature !== 'string' || !/^[0-9a-fA-F]{128}$/.test(signature)) return false;
  if (typeof timestamp !== 'string' || timestamp.length === 0 || timestamp.length > 32) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
  } catch {
    return false;
  }
}

export function createDiscordHttpAdapter(o: DiscordHttpOptions): PlatformAdapter {
  const key = ed25519PublicKey(o.publicKey);
  const flow = flowFor(o);
  const course = o.course ? createDiscordCourse(o.course, o.log) : null;
  // Follow-ups use the interaction token in the URL: no bot token is needed.
  const rest = new REST({
    version: '10',
    ...(o.apiUrl ? { api: restBase(o.apiUrl) } : {}),
    ...(o.restRetries !== undefined ? { retries: o.restRetries } : {}),
  });
  let ready = false;
  const now = o.now ?? Date.now;
  const seen = new SeenIds(20_000, undefined, now);

  /** Across replicas: a store that fails must not refuse a real interaction (logged; this process still remembers). */
  async function claimed(id: string): Promise<boolean> {
    if (!o.claim) return true;
    try {
      return await o.claim([`discord:interaction:${id}`], 2 * REPLAY_WINDOW_MS);
    } catch (err) {
      o.log?.warn({ err: String(err) }, 'discord: could not check the interaction id across replicas; accepting it');
      return true;
    }
  }

  async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!ready) {
      send(res, 503, { error: 'not ready' });
      return;
    }
    const raw = await readBody(req, o.maxBodyBytes ?? MAX_BODY);
    if (raw === null) {
      send(res, 413, { error: 'body too large' });
      return;
    }
    const timestamp = req.headers['x-signature-timestamp'];
    if (!verifySignature(key, req.headers['x-signature-ed25519'], timestamp, raw)) {
      send(res, 401, { error: 'invalid request signature' });
      return;
    }
    if (!freshTimestamp(timestamp, now())) {
      send(res, 401, { error: 'request timestamp outside the allowed window' });
      return;
    }
    let d: unknown;
    try {
      d = JSON.parse(raw.toString('utf8'));
    } catch {
      send(res, 400, { error: 'invalid JSON' });
      return;
    }
    if (!repairInteraction(d)) {
      send(res, 400, { error: 'malformed interaction' });
      return;
    }
    if (!seen.firstSighting(String(d.id)) || !(await claimed(String(d.id)))) {
      send(res, 401, { error: 'interaction already received' });
      return;
    }
    if (d.type === 1) {
      send(res, 200, { type: 1 });
      return;
    } // PING → PONG
    const ctx = rawContext(d);
    if (d.type === 4) {
      const focused = focusedOption(d.data?.options);
      const field = focused?.name === 'name' || focused?.name === 'host' ? focused.name : undefined;
      const chosen = field === 'name' ? optionValues(d.data?.options)['host'] : undefined;
      const choices =
        d.data?.name === COMMAND_NAME && focused && field
          ? await flow.autocomplete(focused.value, ctx, field, typeof chosen === 'string' ? chosen : undefined)
          : [];
      send(res, 200, { type: 8, data: { choices } });
      return;
    }
    const sub = d.type === 2 && d.data?.name === COMMAND_NAME ? subcommandName(d.data.options) : undefined;
    if (course && sub === 'learn') {
      const action = optionValues(d.data?.options)['action'];
      send(res, 200, { type: 4, data: ephemeralData(await course.commandOut(ctx.userId, typeof action === 'string' ? action : '')) });
      return;
    }
    if (course && d.type === 3 && d.data?.component_type === 2 && isCourseButton(String(d.data.custom_id))) {
      send(res, 200, { type: 4, data: ephemeralData(await course.buttonOut(ctx.userId, String(d.data.custom_id), ctx.channelId)) });
      return;
    }
    const r = responder(res, d.token);
    let work: Promise<void>;
    if (d.type === 2 && d.data?.name === COMMAND_NAME) {
      const input = { subcommand: subcommandName(d.data.options) ?? 'help', options: optionValues(d.data.options) };
      work = flow.answer(slashToQuestion(input, ctx, hostGrant(accessOf(o), ctx)), r);
    } else if (d.type === 3 && d.data?.component_type === 2) {
      work = flow.button(String(d.data.custom_id), ctx, r);
    } else {
      send(res, 400, { error: 'unsupported interaction' });
      return;
    }
    // The lifecycle tracks the question (and answers or notifies it at stop); this only catches.
    await work.catch((err: unknown) => {
      o.log?.error({ err }, 'discord: could not answer');
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
    });
  }

  function responder(res: ServerResponse, token: string): Responder {
    return {
      reply: (m) => {
        send(res, 200, { type: 4, data: m });
        return Promise.resolve();
      },
      defer: (ephemeral) => {
        send(res, 200, { type: 5, data: { flags: ephemeral ? 64 : 0 } });
        return Promise.resolve();
      },
      edit: async (m) => {
        const { flags: _ephemeralIsFixedAtDefer, ...body } = m satisfies DiscordMessage;
        await rest.patch(Routes.webhookMessage(o.applicationId, token, '@original'), { body, auth: false });
      },
    };
  }

  return {
    name: 'discord-http',
    routes: [{ path: o.path ?? INTERACTIONS_PATH, methods: ['POST'], handler }],
    start() {
      ready = true;
      return Promise.resolve();
    },
    async stop() {
      // Interactions arriving during the grace period are still taken: the lifecycle tells them to ask again.
      await flow.lifecycle.stop({ graceMs: o.stopGraceMs ?? 5000 });
      ready = false;
    },
    isReady: () => ready,
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * The raw body, or null when it is bigger than `max` (the rest is drained, not kept). The shared
 * server normally has read it already, within its cap and budget (`rawBody`).
 */
async function readBody(req: IncomingMessage & { rawBody?: Buffer }, max: number): Promise<Buffer | null> {
  if (Buffer.isBuffer(req.rawBody)) return req.rawBody.length > max ? null : req.rawBody;
  if (Number(req.headers['content-length'] ?? 0) > max) {
    req.resume();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= max) chunks.push(chunk as Buffer);
  }
  return size > max ? null : Buffer.concat(chunks);
}
