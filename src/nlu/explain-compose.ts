// Compose's own options, before its subcommand (`docker compose -f a.yml -f b.yml -p shop up`):
// explained instead of refused — several files override each other, a project name prefixes
// everything, a profile switches services on.
import type { ExplainedPart } from '../core/ports.ts';

export const COMPOSE_WITH_VALUE = new Set(['-f', '--file', '-p', '--project-name', '--profile', '--env-file', '--project-directory']);

/** Compose's own options (`-f a.yml -f b.yml -p shop --profile debug`), explained. */
export function composeOptions(opts: string[]): ExplainedPart[] {
  const parts: ExplainedPart[] = [];
  for (let k = 0; k < opts.length; k++) {
    const o = opts[k] as string;
    const v = opts[k + 1];
    if (o === '-f' || o === '--file') {
      parts.push({
        part: `${o} ${v ?? ''}`.trim(),
        kind: 'flag',
        meaning: `reads the Compose file \`${v ?? ''}\`; with several \`-f\`, later files override and extend earlier ones (an override file on top of the base)`,
      });
      k++;
    } else if (o === '-p' || o === '--project-name') {
      parts.push({
        part: `${o} ${v ?? ''}`.trim(),
        kind: 'flag',
        meaning: `names the project \`${v ?? ''}\`: containers, networks and volumes are prefixed with it`,
      });
      k++;
    } else if (o === '--profile') {
      parts.push({ part: `${o} ${v ?? ''}`.trim(), kind: 'flag', meaning: `also enables the services marked with profile \`${v ?? ''}\`` });
      k++;
    } else if (o === '--env-file' || o === '--project-directory') {
      parts.push({
        part: `${o} ${v ?? ''}`.trim(),
        kind: 'flag',
        meaning:
          o === '--env-file'
            ? 'reads variables for the Compose file from this file'
            : 'the folder relative paths in the Compose file start from',
      });
      k++;
    } else {
      parts.push({ part: o, kind: 'unknown', meaning: 'not a Compose option I know — check `docker compose --help`' });
    }
  }
  return parts;
}
