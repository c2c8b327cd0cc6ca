// `coach start` in-process: the real composition (service, lifecycle, adapters, one HTTP server)
// with the real bot, configured through loadConfig like the real process, and signals sent on
// an emitter of the test's own (so SIGTERM stops this service, not the test runner).
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { startService, type ServiceTuning } from '../../src/app/service.ts';
import type { Runtime } from '../../src/app/types.ts';
import { loadConfig } from '../../src/config.ts';
import type { Bot } from '../../src/core/bot.ts';
import type { Lifecycle } from '../../src/runtime/lifecycle.ts';
import { createLogger } from '../../src/ops/logger.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { makeTestBot, realParts } from '../helpers/bot.ts';
import { freePort } from '../helpers/process.ts';

export interface InProcess {
  base: string;
  lifecycle: Lifecycle;
  logs: () => string;
  /** Sends SIGTERM; resolves with the exit code startService returned. */
  terminate(): Promise<number>;
  exited: Promise<number>;
}

/** Starts the service; `wrap` may slow or hold the real bot's answers. */
export async function startInProcess(
  env: Record<string, string>,
  opts: { wrap?: (bot: Bot) => Bot; tuning?: ServiceTuning } = {},
): Promise<InProcess> {
  const port = await freePort();
  const config = loadConfig({ COACH_DOCKER: 'off', PORT: String(port), ...env });
  let logText = '';
  const logger = createLogger({
    level: 'info',
    format: 'json',
    secrets: [],
    destination: { write: (l: string) => (logText += l) } as unknown as NodeJS.WritableStream,
  });
  const real = makeTestBot();
  const bot = opts.wrap ? opts.wrap(real) : real;
  const rt: Runtime = { config, logger, metrics: createMetrics(), bot, nlu: realParts().nlu };
  const signals = new EventEmitter();
  let lifecycle: Lifecycle | undefined;
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  const exited = startService(rt, io, signals, {
    ...opts.tuning,
    onLifecycle: (l) => {
      lifecycle = l;
    },
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 400; i++) {
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  if (!lifecycle) throw new Error('service did not start');
  return {
    base,
    lifecycle,
    logs: () => logText,
    terminate: () => {
      signals.emit('SIGTERM');
      return exited;
    },
    exited,
  };
}

/** A bot whose answers to questions matching `hold` never come (until the test ends). */
export function holding(hold: RegExp): (bot: Bot) => Bot {
  return (bot) => ({
    hostConnected: bot.hostConnected,
    suggest: (q, limit) => bot.suggest(q, limit),
    feedback: (r) => {
      bot.feedback(r);
    },
    handle: (q) => (hold.test(q.text) ? new Promise(() => undefined) : bot.handle(q)),
  });
}
