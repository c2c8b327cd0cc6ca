// A pasted `docker compose ps` (v2) or `docker-compose ps` (v1) is about services: the same
// rules run over it, then each finding about a Compose container speaks of its service, with
// the Compose commands that act on it (`docker compose logs api`, `docker compose up -d api`)
// instead of the plain docker ones (`docker rm` + `docker run` would leave Compose's project).
import type Docker from 'dockerode';
import type { Finding } from '../../core/types.ts';
import { COMPOSE_SERVICE } from '../rules/model.ts';

export type ComposeTool = 'docker compose' | 'docker-compose';

/** Findings about Compose containers, rewritten per service. */
export function perService(findings: Finding[], containers: Docker.ContainerInfo[], tool: ComposeTool): Finding[] {
  const services = new Map(containers.map((c) => [c.Names[0]?.replace(/^\//, '') ?? '', c.Labels[COMPOSE_SERVICE] ?? '']));
  return findings.map((f) => {
    const service = services.get(f.subject);
    if (service) return forService(f, service, tool);
    if (f.code === 'not_found') return notListed(f, tool);
    return f;
  });
}

function forService(f: Finding, service: string, tool: ComposeTool): Finding {
  const fix = [...new Set(f.fix.flatMap((line) => composeLine(line, f.subject, service, tool)))];
  const built = fix.includes(`${tool} build ${service}`);
  const merged = built
    ? fix
        .filter((l) => l !== `${tool} build ${service}`)
        .map((l) => (l === `${tool} up -d ${service}` ? `${tool} up -d --build ${service}` : l))
    : fix;
  return {
    ...f,
    summary: f.summary
      .replace(`Container \`${f.subject}\``, `Service \`${service}\` (container \`${f.subject}\`)`)
      .replace('only show in `docker ps -a`', `only show in \`${tool} ps${tool === 'docker compose' ? ' -a' : ''}\``),
    evidence: { ...f.evidence, service },
    fix: merged,
  };
}

/** One fix line for a container, as the Compose command for its service (none when Compose does it another way). */
function composeLine(line: string, name: string, service: string, tool: ComposeTool): string[] {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const on = (re: string) => new RegExp(`^docker ${re}(?:\\s|$)`).test(line);
  if (on(`logs(?: --tail \\d+)? ${esc}`)) return [`${tool} logs --tail 50 ${service}`];
  if (on(`rm(?: -f)? ${esc}`) || on(`update --restart no ${esc}`)) return [];
  if (on(`run .*--name ${esc}`) || on(`start ${esc}`)) return [`${tool} up -d ${service}`];
  if (on('build')) return [`${tool} build ${service}`];
  if (on(`ps (?:-a )?--filter name=${esc}`)) return [`${tool} ps${tool === 'docker compose' ? ' -a' : ''} ${service}`];
  // A Compose command the rules already gave (from the container's labels): in the pasted tool's syntax.
  const compose = /^(?:docker compose|docker-compose)(?: -p \S+)? (.+)$/.exec(line);
  if (compose) return [`${tool} ${compose[1] ?? ''}`];
  return [line];
}

/** A service asked about that the pasted table does not list. */
function notListed(f: Finding, tool: ComposeTool): Finding {
  const s = f.subject;
  const why =
    tool === 'docker compose'
      ? `\`${tool} ps\` lists running services only (add \`-a\` for stopped ones), so it most likely exited or failed to start`
      : `\`${tool} ps\` lists stopped containers too, so it was never created (or was removed)`;
  return {
    ...f,
    summary: `Service \`${s}\` is not in your \`${tool} ps\` output: ${why}, or it is not a service of this project (check the name in the Compose file, and run the command in the project's folder or with the same \`-f\`/\`-p\`).`,
    fix: [
      ...(tool === 'docker compose' ? [`${tool} ps -a ${s}`] : []),
      `${tool} logs --tail 50 ${s}`,
      `${tool} up -d ${s}`,
      `${tool} config --services`,
    ],
  };
}

/** Compose v1 names containers `project_service_1`, v2 `project-service-1`: the service, when the table has no SERVICE column. */
export function serviceFromName(name: string): string | undefined {
  return /^[^_]+_(.+)_\d{1,4}$/.exec(name)?.[1] ?? /^[^-]+-(.+)-\d{1,4}$/.exec(name)?.[1];
}

/** A pasted `docker ps` / `docker compose ps` with its header and no row: nothing is running. */
export function emptyTable(format: 'ps' | 'compose-ps' | 'compose-v1-ps', subject?: string): Finding {
  const tool = format === 'ps' ? 'docker' : format === 'compose-ps' ? 'docker compose' : 'docker-compose';
  const what = format === 'ps' ? 'container' : 'service';
  return {
    code: 'not_found',
    severity: 'warning',
    subject: subject ?? '(none)',
    evidence: { rows: 0, ...(subject ? { asked: subject } : {}) },
    summary: `Your \`${tool} ps\` table is empty: no ${what} is running right now.${
      format === 'compose-v1-ps'
        ? ''
        : ` \`${tool} ps\` lists running ${what}s only, so one that exited (or was started with \`--rm\`, which deletes it on exit) is not there.`
    }${subject ? ` If \`${subject}\` started and stopped at once, \`${tool} ps -a\` shows it with its exit code and \`${tool} logs\` shows why.` : ''}`,
    fix: [
      `${tool} ps -a`,
      ...(subject ? [format === 'ps' ? `docker ps -a --filter ancestor=${subject}` : `${tool} logs --tail 50 ${subject}`] : []),
      'Then read the logs of the container that stopped, to see why.',
    ],
  };
}
