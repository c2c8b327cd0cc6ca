// Part of the composition root: no single request may end the process. An error that nothing
// else caught (a library's promise rejected with nobody listening, a throw in a timer) is
// logged and counted in /metrics, and the service keeps serving the other requests.
import type { Logger } from '../ops/logger.ts';
import type { Metrics } from '../ops/metrics.ts';

/** Installs the handlers on `proc` (the process); returns a function that removes them. */
export function installProcessGuards(o: { logger: Logger; metrics: Metrics; proc?: NodeJS.EventEmitter }): () => void {
  const proc = o.proc ?? process;
  const onRejection = (reason: unknown) => {
    o.metrics.processError('unhandledRejection');
    o.logger.error({ err: reason }, 'unhandled promise rejection: logged, still serving');
  };
  const onException = (err: unknown) => {
    o.metrics.processError('uncaughtException');
    o.logger.error({ err }, 'uncaught exception: logged, still serving');
  };
  proc.on('unhandledRejection', onRejection);
  proc.on('uncaughtException', onException);
  return () => {
    proc.off('unhandledRejection', onRejection);
    proc.off('uncaughtException', onException);
  };
}
