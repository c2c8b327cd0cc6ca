// Rules about a container's state: created, exited (with what the code means), OOM-killed,
// restarting in a loop, paused, dead, running. Each takes one container's facts.
import type { EvidenceValue, Finding } from '../../core/types.ts';
import { exitCodeMeaning } from '../exit-codes.ts';
import { formatPort } from './facts.ts';
import type { ContainerFacts } from './model.ts';

/** A restart count at or above this, with a restart policy, is a loop. */
export const RESTART_LOOP_COUNT = 3;

export function baseEvidence(c: ContainerFacts): Record<string, EvidenceValue> {
  return { container: c.name, id: c.shortId, state: c.state, status: c.status, image: c.image, imageId: c.imageId };
}

export function createdNotStarted(c: ContainerFacts): Finding | null {
  if (c.state !== 'created') return null;
  return {
    code: 'created_not_started',
    severity: 'warning',
    subject: c.name,
    evidence: { ...baseEvidence(c), created: iso(c.created), ...(c.error ? { error: c.error } : {}) },
    summary: c.error
      ? `Container \`${c.name}\` was created but could not start: ${c.error}`
      : `Container \`${c.name}\` was created (\`docker create\`) but never started, so it is not running and \`docker ps\` does not show it.`,
    fix: [`docker start ${c.name}`, `docker ps -a --filter name=${c.name}`],
  };
}

export function exited(c: ContainerFacts): Finding | null {
  // An OOM kill is oom_killed's finding alone: a second "exited … rebuild" finding would contradict its fix.
  if (c.state !== 'exited' || isLooping(c) || c.oomKilled === true) return null;
  const code = c.exitCode;
  const meaning = code === null ? null : exitCodeMeaning(code, c.oomKilled);
  const evidence: Record<string, EvidenceValue> = {
    ...baseEvidence(c),
    exitCode: code,
    exitMeaning: meaning?.meaning ?? null,
    ...(meaning?.signal ? { signal: meaning.name } : {}),
    ...(c.oomKilled !== null ? { oomKilled: c.oomKilled } : {}),
    finishedAt: c.finishedAt,
  };
  const what = code === null || !meaning ? 'it stopped' : `it exited with code ${code} (${meaning.name}): ${meaning.meaning}`;
  const fix =
    code === 0
      ? [
          'A container lives only as long as its main process: run a command that keeps running (a server in the foreground), not one that finishes.',
          "Change the command or the image's CMD, rebuild the image, then re-create the container:",
          `docker rm ${c.name}`,
          `docker run -d --name ${c.name} ${c.image}`,
        ]
      : [
          `docker logs --tail 50 ${c.name}`,
          code === 127 || code === 126
            ? 'Fix the command (or add the missing program to the image) in the Dockerfile, then rebuild the image.'
            : 'Fix the cause in the code or configuration, then rebuild the image.',
          `docker build -t ${c.image} .`,
          `docker rm ${c.name}`,
          `docker run -d --name ${c.name} ${c.image}`,
        ];
  return {
    code: 'exited',
    severity: code === 0 ? 'warning' : 'error',
    subject: c.name,
    evidence,
    summary: `Container \`${c.name}\` is not running: ${what}. Stopped containers only show in \`docker ps -a\`.`,
    fix,
  };
}

export function oomKilled(c: ContainerFacts): Finding | null {
  if (c.oomKilled !== true) return null;
  return {
    code: 'oom_killed',
    severity: 'error',
    subject: c.name,
    evidence: {
      ...baseEvidence(c),
      oomKilled: true,
      ...(c.oomFromEvents ? { reportedBy: "the engine's oom event" } : {}),
      exitCode: c.exitCode,
      finishedAt: c.finishedAt,
    },
    summary: `Container \`${c.name}\` was killed by the out-of-memory killer: it used more memory than its limit allows.`,
    fix: [
      `docker inspect --format '{{.HostConfig.Memory}}' ${c.name}`,
      'Give it more memory (a higher -m / --memory) or make the program use less, then re-create the container:',
      `docker rm ${c.name}`,
      `docker run -d --name ${c.name} -m 512m ${c.image}`,
    ],
  };
}

export function isLooping(c: ContainerFacts): boolean {
  const policy = c.restartPolicy;
  return c.state === 'restarting' || ((c.restartCount ?? 0) >= RESTART_LOOP_COUNT && policy !== 'no');
}

export function restartLoop(c: ContainerFacts): Finding | null {
  if (!isLooping(c)) return null;
  const meaning = c.exitCode !== null && c.exitCode !== 0 ? exitCodeMeaning(c.exitCode, c.oomKilled) : null;
  return {
    code: 'restart_loop',
    severity: 'error',
    subject: c.name,
    evidence: {
      ...baseEvidence(c),
      restartCount: c.restartCount,
      restartPolicy: c.restartPolicy,
      exitCode: c.exitCode,
      ...(meaning ? { exitMeaning: meaning.meaning } : {}),
      startedAt: c.startedAt,
    },
    summary: `Container \`${c.name}\` keeps crashing and being restarted by its restart policy${c.restartCount !== null ? ` (${c.restartCount} restarts so far)` : ''}${meaning ? `; its last exit code was ${c.exitCode}: ${meaning.meaning}` : ''}.`,
    fix: [
      `docker logs --tail 50 ${c.name}`,
      'Fix the crash in the code or configuration and rebuild the image; restarting the same image repeats the crash.',
      `docker update --restart no ${c.name}`,
      `docker rm -f ${c.name}`,
      `docker run -d --name ${c.name} ${c.image}`,
    ],
  };
}

export function paused(c: ContainerFacts): Finding | null {
  if (c.state !== 'paused') return null;
  return {
    code: 'paused',
    severity: 'warning',
    subject: c.name,
    evidence: { ...baseEvidence(c), ports: c.published.map(formatPort).join(', ') },
    summary: `Container \`${c.name}\` is paused: its processes are frozen, so it answers nothing until it is unpaused.`,
    fix: [`docker unpause ${c.name}`],
  };
}

export function dead(c: ContainerFacts): Finding | null {
  if (c.state !== 'dead') return null;
  return {
    code: 'dead',
    severity: 'error',
    subject: c.name,
    evidence: { ...baseEvidence(c), exitCode: c.exitCode, ...(c.error ? { error: c.error } : {}) },
    summary: `Container \`${c.name}\` is dead: the engine failed to stop or remove it cleanly (often a busy mount or a storage driver problem). It cannot be started again.`,
    fix: [
      `docker rm -f ${c.name}`,
      `docker run -d --name ${c.name} ${c.image}`,
      'If removing fails, check the engine log (journalctl -u docker) and restart the engine.',
    ],
  };
}

export function running(c: ContainerFacts): Finding | null {
  if (c.state !== 'running' || isLooping(c)) return null;
  const ports = c.published.map(formatPort);
  return {
    code: 'running',
    severity: 'info',
    subject: c.name,
    evidence: { ...baseEvidence(c), ports: ports.join(', '), startedAt: c.startedAt, ...(c.health ? { health: c.health.status } : {}) },
    summary: `Container \`${c.name}\` is running${ports.length ? ` and publishes ${ports.join(', ')} (host->container)` : ' and publishes no ports to the host'}. If you still cannot see it, check that you are looking at this host and port.`,
    fix: [`docker ps --filter name=${c.name}`, ...(ports.length ? [`docker port ${c.name}`] : [])],
  };
}

export function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
