// `coach start` (part of the composition root, with main.ts): runs every adapter whose
// settings are present, or the terminal chat when none is; serves /healthz, /readyz and
// /metrics; and shuts down gracefully on SIGTERM/SIGINT — stop taking new questions, finish
// those in flight, close connections and the HTTP server, exit 0 within 10 seconds.
import type { Io } from './adapters/cli/cli.ts';
import { runChat } from './adapters/cli/chat.ts';
import type { BotHandle, PlatformAdapter } from './core/ports.ts';
import { createHttpServer, type HttpServer, type Route } from './http/server.ts';
import type { Runtime } from './main.ts';
import { opsRoutes } from './ops/health.ts';
import { buildAdapters } from './wiring/adapters.ts';

const SHUTDOWN_BUDGET_MS = 9_000;

/** The bot as adapters see it, counting answers in flight so shutdown can wait for them. */
export function trackedHandle(rt: Runtime): BotHandle & { inFlight(): number; drain(): void; idle(): Promise<void> } {
  let inFlight = 0;
  let draining = false;
  const waiters: (() => void)[] = [];
  return {
    async handle(q) {
      if (draining) return null;
      inFlight++;
      try {
        return await rt.bot.handle(q);
      } finally {
        inFlight--;
        if (inFlight === 0) for (const w of waiters.splice(0)) w();
      }
    },
    feedback: (r) => {
      rt.bot.feedback(r);
    },
    inFlight: () => inFlight,
    drain: () => {
      draining = true;
    },
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((r) => waiters.push(r))),
  };
}

export async function startService(rt: Runtime, io: Io, signals: NodeJS.EventEmitter = process): Promise<number> {
  const { config, logger } = rt;
  const handle = trackedHandle(rt);
  const adapters: PlatformAdapter[] = await buildAdapters(rt, handle);
  const adapterRoutes: Route[] = adapters.flatMap((a) => a.routes);
  const checks = [
    { name: 'intents', check: () => true },
    ...adapters.map((a) => ({ name: a.name, check: () => a.isReady() })),
    ...(rt.host ? [{ name: 'engine', check: rt.host.ping.bind(rt.host) }] : []),
  ];
  const routes = [...opsRoutes(rt.metrics, checks), ...adapterRoutes];
  const port = adapterRoutes.length > 0 ? config.PORT : config.COACH_HTTP_PORT;
  let server: HttpServer | undefined;
  if (port !== undefined) {
    server = createHttpServer(routes, (err) => {
      logger.error({ err }, 'http handler failed');
    });
    const bound = await server.listen(port);
    logger.info({ port: bound, paths: routes.map((r) => r.path) }, 'http server listening');
  }

  let stopping: Promise<number> | undefined;
  let stopRequested!: () => void;
  const stopSignal = new Promise<void>((r) => (stopRequested = r));
  const shutdown = (signal: string): Promise<number> => {
    stopping ??= (async () => {
      logger.info({ signal, inFlight: handle.inFlight() }, 'shutting down');
      stopRequested();
      const work = (async () => {
        // New questions are refused first, then the answers in flight are finished and delivered.
        handle.drain();
        await handle.idle();
        await Promise.allSettled(adapters.map((a) => a.stop()));
        await server?.close(3_000);
      })();
      const budget = new Promise<'timeout'>((r) =>
        setTimeout(() => {
          r('timeout');
        }, SHUTDOWN_BUDGET_MS).unref(),
      );
      if ((await Promise.race([work.then(() => 'done' as const), budget])) === 'timeout')
        logger.warn('shutdown budget used up; exiting anyway');
      logger.info('stopped');
      return 0;
    })();
    return stopping;
  };
  const onSignal = (sig: string) => () => void shutdown(sig);
  const onTerm = onSignal('SIGTERM');
  const onInt = onSignal('SIGINT');
  signals.on('SIGTERM', onTerm);
  signals.on('SIGINT', onInt);

  try {
    for (const a of adapters) {
      await a.start();
      logger.info({ adapter: a.name }, 'adapter started');
    }
    if (adapters.length === 0) {
      logger.info('no Slack or Discord settings: starting the terminal chat');
      await runChat({ ...handle, hostConnected: rt.bot.hostConnected }, io, { stopSignal });
      if (!server) return await shutdown('end of input');
    }
    // Adapters (or the HTTP endpoints) keep the process alive until a signal arrives.
    await stopSignal;
    return await shutdown('signal');
  } finally {
    signals.off('SIGTERM', onTerm);
    signals.off('SIGINT', onInt);
  }
}
