// Answers that come from the connected host: a diagnosis, or a listing of containers/images.
// Every string that came from the engine stays in findings/table cells, where adapters escape it.
import type { Intent, KnowledgeBase } from './ports.ts';
import { baseAnswer, refsFor } from './answers.ts';
import { countImages, imagesHave, isDangling } from './image-counts.ts';
import type { Answer, Block, ContainerSummary, Diagnosis, Entities, Finding, ImageSummary } from './types.ts';

export const MAX_FINDINGS = 10;
export const MAX_ROWS = 20;

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function diagnosisAnswer(kb: KnowledgeBase, intent: string, d: Diagnosis, entities: Entities): Answer {
  const { findings, blocks: more } = ordered(d);
  const blocks: Block[] = [{ type: 'text', text: headline(d, findings) }, ...more, ...overviewBlocks(d)];
  const kbIntent = kb.get(intent);
  return baseAnswer({
    kind: 'diagnosis',
    intent,
    confidence: 1,
    title: d.subject ? `What I found for ${truncate(d.subject, 60)}` : 'What I found on the host',
    blocks,
    findings,
    commands: commandsOf(findings),
    followups: refsFor(kb, kbIntent?.followups ?? []),
    hostUsed: true,
    entities,
    data: { kind: 'diagnosis', diagnosis: d },
  });
}

/** The host's part of an answer that answered the question first: a lead line, then the findings. */
export function hostSection(d: Diagnosis, lead: string): { blocks: Block[]; findings: Finding[]; commands: string[] } {
  const { findings, blocks: more } = ordered(d);
  const first = findings[0];
  const blocks: Block[] = [{ type: 'text', text: didYouMean(first) ?? lead }, ...more, ...overviewBlocks(d)];
  return { blocks, findings, commands: commandsOf(findings) };
}

/** Most important first, at most MAX_FINDINGS; "did you mean" leads (it is the likely answer). */
function ordered(d: Diagnosis): { findings: Finding[]; blocks: Block[] } {
  const sorted = d.overview
    ? [...d.findings] // the host-wide look is already ranked (severity, recency, project)
    : [...d.findings].sort((a, b) => rank(a) - rank(b));
  const findings = sorted.slice(0, MAX_FINDINGS);
  const more = sorted.length - findings.length;
  const blocks: Block[] = more > 0 ? [{ type: 'text', text: `…and ${more} more findings. Ask about one name to narrow it down.` }] : [];
  return { findings, blocks };
}

function rank(f: Finding): number {
  if (f.code === 'name_mismatch' && f.severity === 'warning') return -1;
  return SEVERITY_ORDER[f.severity];
}

function commandsOf(findings: Finding[]): string[] {
  return unique(findings.flatMap((f) => f.fix.filter(looksLikeCommand))).slice(0, 6);
}

/** A typo: the answer is the name meant, said first. */
function didYouMean(f: Finding | undefined): string | null {
  if (f?.code !== 'name_mismatch' || f.severity !== 'warning') return null;
  const meant = String(f.evidence.closest ?? '').split(', ')[0] ?? '';
  return PLAIN.test(meant) ? `Did you mean \`${meant}\`? Nothing on the host has the name you gave.` : null;
}

const PLAIN = /^[a-zA-Z0-9][a-zA-Z0-9_.:/-]{0,127}$/;

/** The host-wide look's counts, the same in every renderer: projects (a table: label text is escaped there), "…and N more", images. */
function overviewBlocks(d: Diagnosis): Block[] {
  const o = d.overview;
  if (!o) return [];
  const out: Block[] = [];
  if (o.groups.some((g) => g.project !== null)) {
    out.push({
      type: 'table',
      header: ['COMPOSE PROJECT', 'CONTAINERS'],
      rows: o.groups.map((g) => [truncate(g.project ?? '(none)', 40), truncate(g.subjects.join(', '), 60)]),
    });
  }
  if (o.more > 0)
    out.push({
      type: 'text',
      text: `…and ${o.more} more with something to report (${o.total} in all). \`ps --all\` lists every container; \`why NAME\` looks at one.`,
    });
  if (o.unusedImages > 0)
    out.push({
      type: 'text',
      text: `${imagesHave(o.unusedImages)} no container${o.danglingImages ? ` (${o.danglingImages} of them dangling \`<none>\` layers)` : ''}: \`images\` lists them.`,
    });
  return out;
}

function headline(d: Diagnosis, findings: Finding[]): string {
  const meant = didYouMean(findings[0]);
  if (meant) return meant;
  if (findings.length === 0) return `I looked at the engine at \`${d.host}\` and found nothing to report.`;
  const n = findings.length;
  if (d.overview && d.overview.total > 0)
    return `I looked at the engine at \`${d.host}\` (read-only, nothing was changed): ${d.overview.shown === 1 ? 'one container' : `${d.overview.shown} containers`} with something to report, the most severe first.`;
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
  const grouped = groupByProject(list);
  const withProject = grouped.some((c) => c.project);
  const rows = grouped
    .slice(0, MAX_ROWS)
    .map((c) => [
      ...(withProject ? [truncate(c.project ?? '—', 30)] : []),
      truncate(c.names.join(', '), 40),
      truncate(c.image, 40),
      c.status,
      truncate(c.ports.join(', ') || '—', 40),
    ]);
  const header = [...(withProject ? ['PROJECT'] : []), 'NAME', 'IMAGE', 'STATUS', 'PORTS'];
  const table: Block = { type: 'table', header, rows, more: Math.max(0, list.length - MAX_ROWS) };
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
      : [{ type: 'text', text: `${list.length} ${what} on \`${host}\`${withProject ? ', grouped by Compose project' : ''}:` }, table];
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
      i.containers.length ? truncate(i.containers.join(', '), 40) : isDangling(i) ? 'none (dangling)' : 'none',
    ]);
  const table: Block = { type: 'table', header: ['IMAGE', 'ID', 'SIZE', 'CONTAINERS'], rows, more: Math.max(0, list.length - MAX_ROWS) };
  const counts = countImages(list);
  const blocks: Block[] =
    list.length === 0
      ? [{ type: 'text', text: `There are no images on \`${host}\`. Build one with \`docker build -t name:1.0.0 .\` or pull one.` }]
      : [{ type: 'text', text: `${list.length} images on \`${host}\`:` }, table];
  if (counts.unused > 0) {
    const tagged = counts.unused - counts.dangling;
    const parts = [
      ...(tagged > 0 ? [`${tagged} tagged: an image on its own runs nothing until you \`docker run\` it`] : []),
      ...(counts.dangling > 0
        ? [`${counts.dangling} dangling \`<none>\` layers: older builds whose tag moved on, or build leftovers, not images anyone ran`]
        : []),
    ];
    blocks.push({ type: 'text', text: `${imagesHave(counts.unused)} no container (${parts.join('; ')}).` });
  }
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

/** Each Compose project's containers together (projects by name), then the ones in no project, in list order. */
function groupByProject(list: ContainerSummary[]): ContainerSummary[] {
  const inProject = list.filter((c) => c.project).sort((a, b) => (a.project ?? '').localeCompare(b.project ?? ''));
  return [...inProject, ...list.filter((c) => !c.project)];
}
