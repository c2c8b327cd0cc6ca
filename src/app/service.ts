// `coach start` (part of the composition root): runs every adapter whose settings are present,
// or the terminal chat when none is; serves /healthz, /readyz and /metrics; and shuts down
// gracefully on SIGTERM/SIGINT. Every question already acknowledged is answered, or told
// plainly that the bot is restarting, through its own platform; then connections and the HTTP
// server close and the process exits 0 within 10 seconds (`docker stop`'s default).
import type { Io } from '../adapters/cli/cli.ts';
import { runChat } from '../adapters/cli/chat.ts';
import type { PlatformAdapter } from '../core/ports.ts';
import { createHttpServer, type HttpServer, type Route } from '../http/server.ts';
import { opsRoutes, type HostProbe } from '../ops/health.ts';
import type { Lifecycle, StopOptions } from '../runtime/lifecycle.ts';
import { buildAdapters, buildNudgeSenders } from './adapters.ts';
import { startNudges } from './course.ts';
import { buildLifecycle } from './answering.ts';
import { installProcessGuards } from './process-guards.ts';
import type { Runtime } from './types.ts';

const SHUTDOWN_BUDGET_MS = 9_000;
// Answers get 5 s to finish, the "restarting" notices 2.5 s to go out: inside the budget.
const STOP: StopOptions = { graceMs: 5_000, noticeMs: 2_500 };

export interface ServiceTuning {
  /** Tests shorten the grace period; production uses STOP. */
  stop?: Partial<StopOptions>;
  /** Receives the lifecycle once built (tests count what it holds). */
  onLifecycle?: (l: Lifecycle) => void;
  /** How often to look for due course reminders (default: every 10 minutes). */
  nudgeEveryMs?: number;
}

export async function startService(
  rt: Runtime,
  io: Io,
  signals: NodeJS.EventEmitter = process,
  tuning: ServiceTuning = {},
): Promise<number> {
  const { logger } = rt;
  const removeGuards = installProcessGuards({ logger, metrics: rt.metrics, proc: signals });
  const lifecycle = buildLifecycle(rt);
  tuning.onLifecycle?.(lifecycle);
  const adapters: PlatformAdapter[] = buildAdapters(rt, lifecycle);
  // Serving platforms: the classifier and the unit models are loaded (or trained, the first time)
  // before the HTTP server listens, so /readyz only says ready when the first question is answered
  // at full speed; a replica that trains on its first question would keep it waiting for seconds.
  if (adapters.length > 0) warmClassifier(rt);
  const server = await serveHttp(rt, adapters);

  let stopNudges: () => Promise<void> = () => Promise.resolve();
  let stopping: Promise<number> | undefined;
  let stopRequested!: () => void;
  const stopSignal = new Promise<void>((r) => (stopRequested = r));
  const shutdown = (signal: string): Promise<number> => {
    stopping ??= (async () => {
      logger.info({ signal, ...lifecycle.stats() }, 'shutting down');
      stopRequested();
      const work = (async () => {
        const nudgesStopped = stopNudges(); // a round in progress finishes before the store closes
        // Answers in flight get the grace period; the rest are told to ask again; then connections close.
        await lifecycle.stop({ ...STOP, ...tuning.stop });
        await Promise.allSettled(adapters.map((a) => a.stop()));
        await nudgesStopped;
        await server?.close(1_000);
      })();
      const budget = new Promise<'timeout'>((r) =>
        setTimeout(() => {
          r('timeout');
        }, SHUTDOWN_BUDGET_MS).unref(),
      );
      if ((await Promise.race([work.then(() => 'done' as const), budget])) === 'timeout')
        logger.warn('shutdown budget used up; exiting anyway');
      const { answered, notices, deliveryFailures } = lifecycle.stats();
      logger.info({ answered, notices, deliveryFailures }, 'stopped');
      return 0;
    })();
    return stopping;
  };
  const onTerm = () => void shutdown('SIGTERM');
  const onInt = () => void shutdown('SIGINT');
  signals.on('SIGTERM', onTerm);
  signals.on('SIGINT', onInt);

  try {
    for (const a of adapters) {
      await a.start();
      logger.info({ adapter: a.name }, 'adapter started');
    }
    // The course's one reminder, by DM through each platform (only with a store and a platform).
    if (rt.course && adapters.length > 0 && !stopping)
      stopNudges = startNudges(rt.course.flow, buildNudgeSenders(rt), logger, tuning.nudgeEveryMs);
    if (adapters.length === 0) {
      logger.info('no Slack or Discord settings: starting the terminal chat');
      const chatBot = {
        handle: (q: Parameters<typeof rt.bot.handle>[0]) => lifecycle.track(() => rt.bot.handle(q)),
        feedback: (r: Parameters<typeof rt.bot.feedback>[0]) => {
          rt.bot.feedback(r);
        },
        hostConnected: rt.bot.hostConnected,
      };
      await runChat(chatBot, io, { stopSignal });
      if (!server) return await shutdown('end of input');
    }
    // Adapters (or the HTTP endpoints) keep the process alive until a signal arrives.
    await stopSignal;
    return await shutdown('signal');
  } finally {
    signals.off('SIGTERM', onTerm);
    signals.off('SIGINT', onInt);
    removeGuards();
  }
}

function warmClassifier(rt: Runtime): void {
  const started = performance.now();
  rt.nlu.classify('what is a docker image');
  rt.logger.info({ ms: Math.round(performance.now() - started) }, 'classifier ready');
}

/** Every connected host for /readyz (the default one decides readiness; the others are reported). */
function hostProbes(rt: Runtime): HostProbe[] {
  const { host } = rt;
  if (rt.hosts && rt.hosts.length > 0)
    return rt.hosts.map((h) => ({ name: h.name, default: h.setting.default, ping: () => h.host.ping() }));
  return host ? [{ name: 'default', default: true, ping: () => host.ping() }] : [];
}

/** The one HTTP server: adapters' routes on PORT, or only the operational ones on COACH_HTTP_PORT. */
async function serveHttp(rt: Runtime, adapters: PlatformAdapter[]): Promise<HttpServer | undefined> {
  const { config, logger } = rt;
  const adapterRoutes: Route[] = adapters.flatMap((a) => a.routes);
  const checks = [{ name: 'intents', check: () => true }, ...adapters.map((a) => ({ name: a.name, check: () => a.isReady() }))];
  const routes = [...opsRoutes(rt.metrics, checks, { hosts: hostProbes(rt) }), ...adapterRoutes];
  const port = adapterRoutes.length > 0 ? config.PORT : config.COACH_HTTP_PORT;
  if (port === undefined) return undefined;
  const server = createHttpServer(routes, (err) => {
    logger.error({ err }, 'http handler failed');
  });
  const bound = await server.listen(port);
  logger.info({ port: bound, paths: routes.map((r) => r.path) }, 'http server listening');
  return server;
}
