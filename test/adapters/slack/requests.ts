// What Slack sends the bot (signed slash commands, events, button clicks) and how to read what
// the bot sent back (plain text with Slack's escaping undone, the buttons).
import { createHmac } from 'node:crypto';
import { BOT, type Posted } from './stand-in.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export function sign(rawBody: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export interface SignedPost {
  status: number;
  body: string;
  ms: number;
}

export async function postSigned(
  url: string,
  rawBody: string,
  opts: { contentType?: string; timestamp?: number; signature?: string; headers?: Record<string, string>; secret?: string } = {},
): Promise<SignedPost> {
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': opts.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': opts.signature ?? sign(rawBody, ts, opts.secret),
      ...opts.headers,
    },
    body: rawBody,
    signal: AbortSignal.timeout(10_000),
  });
  const body = await res.text();
  return { status: res.status, body, ms: performance.now() - started };
}

export function slashBody(p: { text: string; channel: string; user: string; responseUrl: string }): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: BOT.teamId,
    team_domain: 'example',
    channel_id: p.channel,
    channel_name: 'general',
    user_id: p.user,
    user_name: 'someone',
    command: '/docker',
    text: p.text,
    api_app_id: 'A0001',
    response_url: p.responseUrl,
    trigger_id: `trig-${Math.random().toString(36).slice(2)}`,
  }).toString();
}

let eventSeq = 0;
export function eventBody(event: Record<string, unknown>, eventId = `Ev${++eventSeq}${Date.now()}`): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: BOT.teamId,
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: BOT.teamId, user_id: BOT.userId, is_bot: true }],
    event,
  });
}

export function actionPayload(p: {
  button: { action_id: string; value?: string; text: string };
  channel: string;
  user: string;
  responseUrl: string;
  container: Record<string, unknown>;
}): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: BOT.teamId, domain: 'example' },
    user: { id: p.user, username: 'someone', team_id: BOT.teamId },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    container: p.container,
    trigger_id: `trig-${Math.random().toString(36).slice(2)}`,
    channel: { id: p.channel, name: 'general' },
    response_url: p.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: p.button.action_id,
        block_id: 'b',
        text: { type: 'plain_text', text: p.button.text, emoji: true },
        value: p.button.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

export function actionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** Everything a person would read in a reply, with Slack's escaping undone. */
export function plainText(m: Posted): string {
  const parts: string[] = [];
  for (const b of m.blocks ?? []) {
    if (b.text?.text) parts.push(b.text.text);
    for (const e of b.elements ?? []) {
      const t = typeof e.text === 'string' ? e.text : e.text?.text;
      if (t) parts.push(t);
    }
  }
  if (parts.length === 0 && m.text) parts.push(m.text);
  return parts.join('\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The buttons of a reply. */
export function buttons(m: Posted): { action_id: string; value?: string; text: string }[] {
  return (m.blocks ?? []).flatMap((b) =>
    b.type === 'actions'
      ? (b.elements ?? []).map((e) => ({
          action_id: e.action_id ?? '',
          ...(e.value !== undefined ? { value: e.value } : {}),
          text: typeof e.text === 'string' ? e.text : (e.text?.text ?? ''),
        }))
      : [],
  );
}
