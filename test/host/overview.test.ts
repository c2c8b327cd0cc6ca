// The host-wide look on recorded engine JSON: build intermediates and the bot's own container
// are left out; Compose projects group; `<none>` layers are counted as dangling, never "never run".
import { readFileSync } from 'node:fs';
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { containersAnswer } from '../../src/core/host-answers.ts';
import { runOverview } from '../../src/host/rules/index.ts';
import type { Snapshot } from '../../src/host/rules/model.ts';
import { isBuildIntermediate } from '../../src/host/rules/overview.ts';
import { containerIdIn } from '../../src/host/self.ts';
import { toContainerSummary } from '../../src/host/summaries.ts';
import { knowledgeBase } from '../helpers/bot.ts';

function fixture(): Snapshot {
  return JSON.parse(readFileSync(new URL('../fixtures/engine/overview.json', import.meta.url), 'utf8')) as Snapshot;
}

const subjects = (s: Snapshot) => runOverview(s).findings.map((f) => f.subject);

/** A copy of a listed container, renamed, with other fields changed. */
function like(c: Docker.ContainerInfo, over: Partial<Docker.ContainerInfo>): Docker.ContainerInfo {
  return { ...structuredClone(c), ...over };
}

describe('the host-wide look', () => {
  it('leaves out a classic builder step (generated name, bare image id, /bin/sh -c) and BuildKit builders', () => {
    const s = fixture();
    const exited = s.containers.find((c) => c.State === 'exited')!;
    const step = like(exited, {
      Id: 'f'.repeat(64),
      Names: ['/quirky_tesla'],
      Image: 'sha256:' + 'a'.repeat(64),
      Command: '/bin/sh -c npm ci',
      Created: Math.floor(s.now / 1000),
      Status: 'Exited (1) 1 second ago',
    });
    const buildkit = like(exited, { Id: 'e'.repeat(64), Names: ['/buildx_buildkit_builder0'], Created: Math.floor(s.now / 1000) });
    expect(isBuildIntermediate(step)).toBe(true);
    expect(isBuildIntermediate(buildkit)).toBe(true);
    expect(isBuildIntermediate(exited)).toBe(false);
    const busy: Snapshot = { ...s, containers: [...s.containers, step, buildkit] };
    expect(subjects(busy)).not.toContain('quirky_tesla');
    expect(subjects(busy)).not.toContain('buildx_buildkit_builder0');
  });

  it("leaves out the bot's own container (found from /proc when it runs in one)", () => {
    const s = fixture();
    const first = runOverview(s).findings[0]!;
    const own = s.containers.find((c) => c.Names[0] === `/${first.subject}`)!;
    expect(subjects({ ...s, selfId: own.Id })).not.toContain(first.subject);
    const id = 'ab'.repeat(32);
    expect(containerIdIn(`651 640 0:56 /var/lib/docker/containers/${id}/hostname /etc/hostname rw`)).toBe(id);
    expect(containerIdIn('0::/')).toBeNull();
  });

  it('groups by Compose project, and counts <none> layers as dangling', () => {
    const s = fixture();
    const [a, b] = s.containers.filter((c) => c.State === 'exited');
    const labels = { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'api' };
    const withProject: Snapshot = {
      ...s,
      containers: s.containers.map((c) => (c === a || c === b ? { ...c, Labels: { ...c.Labels, ...labels } } : c)),
      images: [...s.images, { ...structuredClone(s.images[0]!), Id: 'sha256:' + 'd'.repeat(64), RepoTags: ['<none>:<none>'] }],
    };
    const { overview, findings } = runOverview(withProject);
    const shop = overview.groups.filter((g) => g.project === 'shop');
    expect(shop.length).toBeLessThanOrEqual(1);
    expect(overview.danglingImages).toBeGreaterThanOrEqual(1);
    expect(findings.some((f) => f.code === 'image_built_never_run' && f.subject.startsWith('sha256'))).toBe(false);
  });

  it('`ps` groups by Compose project (a PROJECT column; each project together)', () => {
    const s = fixture();
    const list = s.containers.map((c, i) =>
      toContainerSummary(i % 2 ? { ...c, Labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': `s${i}` } } : c),
    );
    const kb = knowledgeBase();
    const a = containersAnswer(kb, kb.get('host.list_containers')!, 'h', list, true);
    const table = a.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.header[0]).toBe('PROJECT');
    const projects = table?.type === 'table' ? table.rows.map((r) => r[0]) : [];
    expect(projects).toContain('shop');
    // Each project's rows are together, and the containers in no project come last.
    const runs = projects.filter((p, i) => i === 0 || p !== projects[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
    expect(projects.at(-1)).toBe('—');
  });
});
