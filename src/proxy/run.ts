// `coach proxy` as a process: start the proxy from the configuration, serve until SIGTERM or
// SIGINT, then stop accepting, let the answers in flight finish (each is bounded by the engine
// time limit) and exit 0.
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { proxyOptions } from './options.ts';
import { startProxy } from './server.ts';

export async function runProxy(config: Config, logger: Logger, signals: NodeJS.EventEmitter = process): Promise<number> {
  const opts = proxyOptions(config);
  const proxy = await startProxy(opts, logger);
  const signal = await new Promise<string>((resolve) => {
    const on = (name: string) => () => {
      signals.off('SIGTERM', onTerm);
      signals.off('SIGINT', onInt);
      resolve(name);
    };
    const onTerm = on('SIGTERM');
    const onInt = on('SIGINT');
    signals.on('SIGTERM', onTerm);
    signals.on('SIGINT', onInt);
  });
  logger.info({ signal, inFlight: proxy.inFlight() }, 'proxy shutting down');
  await proxy.close(opts.timeoutMs);
  logger.info('proxy stopped');
  return 0;
}
