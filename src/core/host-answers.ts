// Answers that come from the connected host: a diagnosis, or a listing of containers/images.
// Every string that came from the engine stays in findings/table cells, where adapters escape it.
import type { Intent, KnowledgeBase } from './ports.ts';
import { baseAnswer, refsFor } from './answers.ts';
import type { Answer, Block, ContainerSummary, Diagnosis, Entities, Finding, ImageSummary } from './types.ts';

export const MAX_FINDINGS = 10;
export const MAX_ROWS = 20;

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function diagnosisAnswer(kb: KnowledgeBase, intent: string, d: Diagnosis, entities: Entities): Answer {
  const sorted = [...d.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const findings = sorted.slice(0, MAX_FINDINGS);
  const more = sorted.length - findings.length;
  const blocks: Block[] = [{ type: 'text', text: headline(d, findings) }];
  if (more > 0) blocks.push({ type: 'text', text: `…and ${more} more findings. Ask about one name to narrow it down.` });
  const commands = unique(findings.flatMap((f) => f.fix.filter(looksLikeCommand))).slice(0, 6);
  const kbIntent = kb.get(intent);
  return baseAnswer({
    kind: 'diagnosis',
    intent,
    confidence: 1,
    title: d.subject ? `What I found for ${truncate(d.subject, 60)}` : 'What I found on the host',
    blocks,
    findings,
    commands,
    followups: refsFor(kb, kbIntent?.followups ?? []),
    hostUsed: true,
    entities,
    data: { kind: 'diagnosis', diagnosis: d },
  });
}

function headline(d: Diagnosis, findings: Finding[]): string {
  if (findings.length === 0) return `I looked at the engine at \`${d.host}\` and found nothing to report.`;
  const n = findings.length;
  return `I looked at the engine at \`${d.host}\` (read-only, nothing was changed): ${n === 1 ? 'one finding' : `${n} findings, most important first`}.`;
}

function looksLikeCommand(s: string): boolean {
  return /^(docker|docker-compose|sudo|systemctl|export|unset)\s/.test(s);
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export function containersAnswer(kb: KnowledgeBase, intent: Intent, host: string, list: ContainerSummary[], all: boolean): Answer {
  const rows = list
    .slice(0, MAX_ROWS)
    .map((c) => [truncate(c.names.join(', '), 40), truncate(c.image, 40), c.status, truncate(c.ports.join(', ') || '—', 40)]);
  const table: Block = { type: 'table', header: ['NAME', 'IMAGE', 'STATUS', 'PORTS'], rows, more: Math.max(0, list.length - MAX_ROWS) };
  const what = all ? 'containers (running and stopped)' : 'running containers';
  const blocks: Block[] =
    list.length === 0
      ? [
          {
            type: 'text',
            text: all
              ? `There are no containers at all on \`${host}\`. If you built an image, no container has been created from it yet: start one with \`docker run\`.`
              : `No containers are running on \`${host}\`. Stopped ones do not show here: ask for all containers (\`ps --all\`) to see them.`,
          },
        ]
      : [{ type: 'text', text: `${list.length} ${what} on \`${host}\`:` }, table];
  if (!all && list.length > 0) blocks.push({ type: 'text', text: 'Stopped containers are not listed: use `ps --all` to include them.' });
  return baseAnswer({
    kind: 'listing',
    intent: intent.id,
    confidence: 1,
    title: all ? 'All containers on the host' : 'Running containers on the host',
    blocks,
    commands: [all ? 'docker ps -a' : 'docker ps'],
    followups: refsFor(kb, intent.followups),
    hostUsed: true,
    data: { kind: 'containers', all, containers: list },
  });
}

export function imagesAnswer(kb: KnowledgeBase, intent: Intent, host: string, list: ImageSummary[]): Answer {
  const rows = list
    .slice(0, MAX_ROWS)
    .map((i) => [
      truncate(i.tags.join(', ') || '<none>', 50),
      i.id.replace(/^sha256:/, '').slice(0, 12),
      `${(i.size / 1e6).toFixed(1)} MB`,
      i.containers.length ? truncate(i.containers.join(', '), 40) : 'none',
    ]);
  const table: Block = { type: 'table', header: ['IMAGE', 'ID', 'SIZE', 'CONTAINERS'], rows, more: Math.max(0, list.length - MAX_ROWS) };
  const neverRun = list.filter((i) => i.containers.length === 0 && i.tags.length > 0).length;
  const blocks: Block[] =
    list.length === 0
      ? [{ type: 'text', text: `There are no images on \`${host}\`. Build one with \`docker build -t name:1.0.0 .\` or pull one.` }]
      : [{ type: 'text', text: `${list.length} images on \`${host}\`:` }, table];
  if (neverRun > 0)
    blocks.push({
      type: 'text',
      text: `${neverRun} of them have no container at all: an image on its own runs nothing until you \`docker run\` it.`,
    });
  return baseAnswer({
    kind: 'listing',
    intent: intent.id,
    confidence: 1,
    title: 'Images on the host',
    blocks,
    commands: ['docker images'],
    followups: refsFor(kb, intent.followups),
    hostUsed: true,
    data: { kind: 'images', images: list },
  });
}
