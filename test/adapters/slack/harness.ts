// Runs the real Slack adapter (real Bolt) in HTTP mode behind the process's real shared HTTP
// server, against the stand-in. Tests talk to it like Slack does: signed POSTs to /slack/events.
import { createHttpServer, type BodyLimits, type HttpServer } from '../../../src/http/server.ts';
import { createSlackAdapter, type SlackAdapterOptions } from '../../../src/adapters/slack/app.ts';
import type { BotHandle, FeedbackRecord, PlatformAdapter } from '../../../src/core/ports.ts';
import type { Question } from '../../../src/core/types.ts';
import { actionBody, actionPayload, eventBody, postSigned, SIGNING_SECRET, slashBody, type SignedPost } from './requests.ts';
import { startStandIn, waitFor, type Posted, type StandIn } from './stand-in.ts';

export interface Harness {
  standIn: StandIn;
  adapter: PlatformAdapter;
  /** The shared HTTP server the route is mounted on (body stats, connections). */
  http: HttpServer;
  eventsUrl: string;
  handled: (Question & { fromBot?: boolean })[];
  feedback: FeedbackRecord[];
  /** `/docker <text>`; resolves with the ack and the first reply posted to its response_url. */
  slash(text: string, where?: { channel?: string; user?: string }): Promise<{ ack: SignedPost; reply: Posted; urlId: string }>;
  /** Posts an Events API event; resolves with the HTTP ack. */
  event(event: Record<string, unknown>, opts?: { eventId?: string; retryNum?: number }): Promise<SignedPost>;
  /** Clicks a button on a posted reply. */
  click(
    on: Posted,
    button: { action_id: string; value?: string; text: string },
    where?: { channel?: string; user?: string },
  ): Promise<{ ack: SignedPost; urlId: string }>;
  /** The first reply posted (so far or within the timeout) that matches. */
  nextPost(match: (p: Posted) => boolean, timeoutMs?: number): Promise<Posted>;
  close(): Promise<void>;
}

let seq = 0;

export async function startHarness(opts: {
  bot: BotHandle;
  tuning?: SlackAdapterOptions['tuning'];
  hostChannels?: string[];
  hostUsers?: string[];
  /** Hosts bound to channels (COACH_HOST_CHANNELS, as config.ts hands them to the adapter). */
  hostBindings?: { name: string; channels: string[] | null }[];
  hostConfigured?: boolean;
  bodyLimits?: Partial<BodyLimits>;
}): Promise<Harness> {
  const standIn = await startStandIn();
  const handled: (Question & { fromBot?: boolean })[] = [];
  const feedback: FeedbackRecord[] = [];
  const bot: BotHandle = {
    handle: (q) => {
      handled.push(q);
      return opts.bot.handle(q);
    },
    feedback: (r) => {
      feedback.push(r);
      opts.bot.feedback(r);
    },
  };
  const adapter = createSlackAdapter({
    config: {
      botToken: 'xoxb-test-token',
      mode: 'http',
      signingSecret: SIGNING_SECRET,
      apiUrl: standIn.apiUrl,
      hostChannels: opts.hostChannels ?? ['*'],
      hostUsers: opts.hostUsers ?? ['*'],
      ...(opts.hostBindings ? { hostBindings: opts.hostBindings } : {}),
    },
    bot,
    hostConfigured: opts.hostConfigured ?? true,
    ...(process.env.SLACK_TEST_LOG ? { logger: consoleLogger } : {}),
    tuning: { apiRetries: 0, stopGraceMs: 2000, ...opts.tuning },
  });
  await adapter.start();
  const http: HttpServer = createHttpServer(adapter.routes, undefined, opts.bodyLimits);
  const port = await http.listen(0, '127.0.0.1');
  const eventsUrl = `http://127.0.0.1:${port}/slack/events`;

  const nextPost = (match: (p: Posted) => boolean, timeoutMs = 8000) => waitFor(() => standIn.posted.find(match), timeoutMs, 'a reply');

  return {
    standIn,
    adapter,
    http,
    eventsUrl,
    handled,
    feedback,
    async slash(text, where = {}) {
      const urlId = `r${++seq}`;
      const ack = await postSigned(
        eventsUrl,
        slashBody({ text, channel: where.channel ?? 'C0GENERAL', user: where.user ?? 'U0ALICE', responseUrl: standIn.responseUrl(urlId) }),
      );
      const reply = await nextPost((p) => p.urlId === urlId);
      return { ack, reply, urlId };
    },
    event(event, o = {}) {
      return postSigned(eventsUrl, eventBody(event, o.eventId), {
        contentType: 'application/json',
        headers: o.retryNum !== undefined ? { 'x-slack-retry-num': String(o.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {},
      });
    },
    async click(on, button, where = {}) {
      const urlId = `a${++seq}`;
      const channel = where.channel ?? on.channel ?? 'C0GENERAL';
      const container =
        on.via === 'response_url'
          ? { type: 'message', message_ts: '1700000000.000100', channel_id: channel, is_ephemeral: true }
          : {
              type: 'message',
              message_ts: '1700000000.000200',
              channel_id: channel,
              is_ephemeral: false,
              ...(on.thread_ts ? { thread_ts: on.thread_ts } : {}),
            };
      const body = actionBody(
        actionPayload({ button, channel, user: where.user ?? 'U0ALICE', responseUrl: standIn.responseUrl(urlId), container }),
      );
      const ack = await postSigned(eventsUrl, body);
      return { ack, urlId };
    },
    nextPost,
    async close() {
      await adapter.stop();
      await http.close(1000);
      await standIn.close();
    },
  };
}

const consoleLogger = {
  debug: () => {},
  info: (o: unknown, m?: string) => {
    console.log('info', m, o);
  },
  warn: (o: unknown, m?: string) => {
    console.log('warn', m, o);
  },
  error: (o: unknown, m?: string) => {
    console.log('error', m, o);
  },
};
