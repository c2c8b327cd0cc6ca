// The host-wide look (`why` with no name): every container with something to report, the most
// severe first (OOM-killed, restart loop, dead, unhealthy, exited non-zero, created never
// started, …), then the most recent; build intermediates and the bot's own container left out;
// grouped by Compose project. The person named none of these containers, so every fix here only
// reads (logs, inspect, `why NAME`): nothing that removes, re-creates or changes them.
import type Docker from 'dockerode';
import { countImages } from '../../core/image-counts.ts';
import { readOnlyFinding } from '../../core/read-only-fix.ts';
import type { Finding, HostOverview } from '../../core/types.ts';
import { toImageSummaries } from '../summaries.ts';
import { composeOf, withComposeFix } from './compose.ts';
import { imageBuiltNeverRun } from './image.ts';
import { lastActivity, troubledContainers } from './match.ts';
import { destroyedContainers, notFound, recentlyRemoved } from './missing.ts';
import type { ContainerFacts, Snapshot } from './model.ts';

/** How many candidates an overview reports; the rest is counted ("…and N more"). */
export const MAX_CANDIDATES = 5;

export interface OverviewResult {
  findings: Finding[];
  overview: HostOverview;
}

export interface OverviewDeps {
  facts: (c: Docker.ContainerInfo) => ContainerFacts;
  findings: (c: ContainerFacts, s: Snapshot, opts: { overview?: boolean }) => Finding[];
  createdFrom: string[];
}

interface Candidate {
  rank: number;
  time: number;
  project: string | null;
  findings: Finding[];
}

/** Lower is more severe. */
export function severityRank(f: Finding): number {
  const code = f.evidence.exitCode;
  switch (f.code) {
    case 'oom_killed':
      return 0;
    case 'restart_loop':
      return 1;
    case 'dead':
      return 2;
    case 'unhealthy':
      return 3;
    case 'exited':
      return code === 0 ? 8 : 4;
    case 'created_not_started':
      return 5;
    case 'recently_removed':
      return code === 0 || code === null || code === undefined ? 7 : 6;
    case 'paused':
      return 7;
    case 'stale_image':
      return 9;
    case 'image_built_never_run':
      return 10;
    default:
      return f.severity === 'error' ? 6 : 11;
  }
}

/** Docker's generated names (`quirky_tesla`, `brave_lovelace3`): what an intermediate build container gets. */
const GENERATED_NAME = /^[a-z]+_[a-z]+\d*$/;

/**
 * A container the builder made, not the person: BuildKit's own (`buildx_buildkit_*`), or a classic
 * builder step (a generated name, created from a bare image id, running a `RUN` line via `/bin/sh -c`).
 */
export function isBuildIntermediate(c: Docker.ContainerInfo): boolean {
  const name = (c.Names[0] ?? '').replace(/^\//, '');
  if (name.startsWith('buildx_buildkit_')) return true;
  const bareImage = /^(sha256:)?[0-9a-f]{12,64}$/.test(c.Image);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- engines may omit Command
  const command = c.Command ?? '';
  return bareImage && GENERATED_NAME.test(name) && (command.startsWith('/bin/sh -c ') || command.includes('#(nop)'));
}

function candidatesOf(s: Snapshot, d: OverviewDeps): Candidate[] {
  const out: Candidate[] = [];
  const listed = s.containers.filter((c) => !isBuildIntermediate(c) && !(s.selfId && c.Id === s.selfId));
  for (const c of troubledContainers(listed)) {
    const f = d.facts(c);
    const fs = withComposeFix(d.findings(f, s, { overview: true }), f);
    if (!fs.length) continue;
    const ref = composeOf(c.Labels);
    out.push({ rank: Math.min(...fs.map(severityRank)), time: lastActivity(c, s.events), project: ref?.project ?? null, findings: fs });
  }
  for (const r of destroyedContainers(s.events)) {
    if (s.selfId && r.id === s.selfId) continue;
    const f = recentlyRemoved(r, s.events);
    out.push({ rank: severityRank(f), time: r.time, project: null, findings: [f] });
  }
  for (const i of s.images) {
    if (!(i.RepoTags ?? []).some((t) => t !== '<none>:<none>')) continue; // dangling: counted, not "never run"
    if (mayRunOlderBuild(s, i)) continue;
    const never = imageBuiltNeverRun(i, s.containers, d.createdFrom);
    if (never) out.push({ rank: severityRank(never), time: i.Created, project: null, findings: [never] });
  }
  return out;
}

/**
 * A container not inspected, listed with a bare image id (its tag moved away) and older than
 * this image, may run an older build of this very tag: then "never run" would mislead.
 */
function mayRunOlderBuild(s: Snapshot, image: Docker.ImageInfo): boolean {
  return s.containers.some((c) => !s.inspects[c.Id] && c.Image.startsWith('sha256:') && c.Created <= image.Created);
}

/** Most severe first, then most recent; then each Compose project's candidates together, where its first one stood. */
function ordered(cs: Candidate[]): Candidate[] {
  const sorted = [...cs].sort((a, b) => a.rank - b.rank || b.time - a.time);
  const shown = sorted.slice(0, MAX_CANDIDATES);
  const groups = new Map<string, Candidate[]>();
  for (const c of shown) {
    const key = c.project === null ? `\u0000${groups.size}` : `p:${c.project}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()].flat();
}

export function hostOverview(s: Snapshot, d: OverviewDeps): OverviewResult {
  const all = candidatesOf(s, d);
  const shown = ordered(all);
  const images = countImages(toImageSummaries(s.images, s.containers));
  const groups: HostOverview['groups'] = [];
  for (const c of shown) {
    const subject = c.findings[0]?.subject ?? '';
    const last = groups[groups.length - 1];
    if (last && last.project !== null && last.project === c.project) last.subjects.push(subject);
    else groups.push({ project: c.project, subjects: [subject] });
  }
  const overview: HostOverview = {
    total: all.length,
    shown: shown.length,
    more: all.length - shown.length,
    unusedImages: images.unused,
    danglingImages: images.dangling,
    groups,
  };
  const fixes = s.pasted ? (f: Finding) => f : readOnlyFinding;
  if (all.length > 0) return { findings: shown.flatMap((c) => c.findings.map(fixes)), overview };
  return { findings: nothingWrong(s, d), overview };
}

/** Nothing looks wrong: say what does run, so the person can check host and port. */
function nothingWrong(s: Snapshot, d: OverviewDeps): Finding[] {
  const up = [...s.containers]
    .filter((c) => !isBuildIntermediate(c) && !(s.selfId && c.Id === s.selfId))
    .sort((a, b) => b.Created - a.Created)
    .slice(0, MAX_CANDIDATES);
  if (up.length === 0 && s.images.length === 0) {
    return [notFound('(any container)', { containers: 0, images: 0, eventsSince: s.eventsSince, eventsUntil: s.eventsUntil })];
  }
  return up.flatMap((c) => d.findings(d.facts(c), s, { overview: true })).map(s.pasted ? (f: Finding) => f : readOnlyFinding);
}
