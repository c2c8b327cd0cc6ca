// The Slack adapter: a Bolt app in Socket Mode (SLACK_APP_TOKEN) or HTTP mode (signed requests
// at /slack/events on the process's shared server: we expose a route, we never listen). The
// listeners live in listeners.ts; this file builds Bolt and runs the lifecycle.
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type Logger } from '@slack/bolt';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../../config.ts';
import type { BotHandle, PlatformAdapter } from '../../core/ports.ts';
import { createLifecycle, type Lifecycle } from '../../runtime/lifecycle.ts';
import { registerListeners, type LoggerLike } from './listeners.ts';
import { refuseShapelessBody } from './body-shape.ts';
import { AckGate } from './flow.ts';
import { courseMiddleware, registerCourse, type SlackCourseOptions } from './course.ts';
import type { ClaimOnce } from './memory.ts';

export interface SlackAdapterOptions {
  config: NonNullable<Config['slack']>;
  bot: BotHandle;
  /** The process's shared question lifecycle; without one the adapter makes its own from `tuning`. */
  lifecycle?: Lifecycle;
  logger?: LoggerLike;
  /** Whether a Docker host is connected at all (host permissions only matter when it is). */
  hostConfigured: boolean;
  /** The onboarding course (`/docker learn`, welcome on join): course.ts. */
  course?: SlackCourseOptions;
  /** Answer-once across replicas (built on the store); default: this process's memory. */
  claim?: ClaimOnce;
  /** Knobs for tests and benchmarks; production uses the defaults. */
  tuning?: {
    /** Web API retries (Bolt's default retries for minutes; tests want 0). */
    apiRetries?: number;
    /** Own lifecycle only: upper bound for one answer before we reply that the engine did not answer. Default 12 s. */
    answerTimeoutMs?: number;
    /** Own lifecycle only: answers being worked on at once (the rest wait; acks never do). Default 16. */
    answerConcurrency?: number;
    /** How long stop() waits for answers in flight before telling the rest to ask again. Default 5 s. */
    stopGraceMs?: number;
    /** Socket Mode: client ping timeout, also the reconnect back-off step. Default 5 s. */
    socketPingTimeoutMs?: number;
    /** Socket Mode: how long without a ping from Slack before reconnecting. Default 30 s. */
    socketServerPingTimeoutMs?: number;
    /** Known bot identity: skips `auth.test` at start. */
    botId?: string;
    botUserId?: string;
  };
}

export const EVENTS_PATH = '/slack/events';
/** Slack's own payloads (events, commands, clicks carrying our message) stay far below this. */
export const SLACK_MAX_BODY_BYTES = 256 * 1024;

export function createSlackAdapter(opts: SlackAdapterOptions): PlatformAdapter {
  const { config, bot, tuning = {} } = opts;
  const log: LoggerLike = opts.logger ?? silentLogger;
  const boltLogger = toBoltLogger(log);
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl.endsWith('/') ? config.apiUrl : `${config.apiUrl}/` } : {}),
    ...(tuning.apiRetries !== undefined ? { retryConfig: { retries: tuning.apiRetries } } : {}),
  };

  let receiver: HTTPReceiver | SocketModeReceiver;
  if (config.mode === 'socket') {
    if (!config.appToken) throw new Error('slack: Socket Mode needs SLACK_APP_TOKEN');
    receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger: boltLogger,
      ...(tuning.socketPingTimeoutMs ? { clientPingTimeout: tuning.socketPingTimeoutMs } : {}),
      ...(tuning.socketServerPingTimeoutMs ? { serverPingTimeout: tuning.socketServerPingTimeoutMs } : {}),
      // Bolt quirk: a custom SocketModeReceiver does not get the App's clientOptions, so
      // apps.connections.open would ignore SLACK_API_URL without this.
      installerOptions: { clientOptions },
    });
  } else {
    if (!config.signingSecret) throw new Error('slack: HTTP mode needs SLACK_SIGNING_SECRET');
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: EVENTS_PATH,
      logger: boltLogger,
      processBeforeResponse: false,
      // The shared server has already read the body within its cap (req.rawBody, which Bolt
      // uses as is); this is the second line for a body that did not come through it.
      bodyLimit: SLACK_MAX_BODY_BYTES,
    });
  }

  const knownIdentity = Boolean(tuning.botId && tuning.botUserId);
  const app = new App({
    token: config.botToken,
    receiver,
    logger: boltLogger,
    clientOptions,
    ignoreSelf: true,
    // The core keeps conversation context; Bolt's own store would only cost time per request.
    convoStore: false,
    // auth.test runs in start() (app.init), not in the constructor: building the adapter has
    // no side effects, and a bad token fails start-up with a clear error.
    deferInitialization: true,
    ...(knownIdentity ? { botId: tuning.botId, botUserId: tuning.botUserId, tokenVerificationEnabled: false } : {}),
  });

  let stopping = false;
  let ready = false;
  let socketConnected = false;
  const lifecycle =
    opts.lifecycle ??
    createLifecycle({
      bot,
      limits: { concurrency: tuning.answerConcurrency ?? 16 },
      answerTimeoutMs: tuning.answerTimeoutMs ?? 12_000,
      events: {
        deliveryFailed: (err) => {
          log.error({ err: describe(err) }, 'slack: could not deliver an answer');
        },
      },
    });
  // Answers wait for the acks of requests still arriving (at most 1 s): see flow.ts.
  const gate = new AckGate(1000);

  if (opts.course) {
    app.use(courseMiddleware(opts.course, log)); // before the question listener sees `/docker learn`
    registerCourse(app, opts.course, log);
  }
  registerListeners(app, {
    answering: lifecycle,
    log,
    access: {
      hostChannels: config.hostChannels,
      hostUsers: config.hostUsers,
      ...(config.hostBindings ? { hostBindings: config.hostBindings } : {}),
      hostConfigured: opts.hostConfigured,
    },
    beforeWork: () => gate.drained(),
    ...(opts.claim ? { claim: opts.claim } : {}),
  });

  if (receiver instanceof SocketModeReceiver) {
    const client = receiver.client;
    client.on('connected', () => {
      socketConnected = true;
      log.info({}, 'slack: socket mode connected');
    });
    client.on('reconnecting', () => {
      socketConnected = false;
      log.warn({}, 'slack: socket mode reconnecting');
    });
    client.on('disconnected', () => {
      socketConnected = false;
    });
  }

  const routes: PlatformAdapter['routes'] =
    receiver instanceof HTTPReceiver
      ? [
          {
            path: EVENTS_PATH,
            methods: ['POST'],
            handler: async (req: IncomingMessage, res: ServerResponse) => {
              // While stopping, requests are still acknowledged: the lifecycle tells them to ask again.
              if (!ready) {
                res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '5' }).end('not ready\n');
                return;
              }
              const acked = gate.enter();
              res.once('finish', acked).once('close', acked);
              if (await refuseShapelessBody(req, res)) return;
              receiver.requestListener(req, res);
            },
          },
        ]
      : [];

  return {
    name: 'slack',
    routes,
    async start() {
      await app.init();
      if (receiver instanceof SocketModeReceiver) await app.start();
      ready = true;
      log.info({ mode: config.mode }, 'slack: ready');
    },
    async stop() {
      stopping = true;
      await lifecycle.stop({ graceMs: tuning.stopGraceMs ?? 5000 });
      if (receiver instanceof SocketModeReceiver && ready)
        await app.stop().catch((err: unknown) => {
          log.warn({ err: describe(err) }, 'slack: stop');
        });
      ready = false;
    },
    isReady() {
      if (!ready || stopping) return false;
      return receiver instanceof SocketModeReceiver ? socketConnected : true;
    },
  };
}

function describe(err: unknown): { message: string; code?: string } {
  if (err instanceof Error)
    return { message: err.message, ...((err as { code?: string }).code ? { code: (err as { code?: string }).code } : {}) };
  return { message: String(err) };
}

const silentLogger: LoggerLike = { debug() {}, info() {}, warn() {}, error() {} };

/** Bolt's Logger interface over a pino-like logger (Bolt logs variadic strings). */
function toBoltLogger(log: LoggerLike): Logger {
  let level = LogLevel.INFO;
  const fmt = (msgs: unknown[]) =>
    msgs.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: (...m: unknown[]) => {
      log.debug({ lib: 'bolt' }, fmt(m));
    },
    info: (...m: unknown[]) => {
      log.info({ lib: 'bolt' }, fmt(m));
    },
    warn: (...m: unknown[]) => {
      log.warn({ lib: 'bolt' }, fmt(m));
    },
    error: (...m: unknown[]) => {
      log.error({ lib: 'bolt' }, fmt(m));
    },
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
