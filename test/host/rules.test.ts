// Every rule, table-driven, on JSON recorded from the real engine (test/fixtures/engine,
// made by record.ts). Each row: the fixture, the codes expected, facts the evidence must hold.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, type EvidenceValue, type Finding, type FindingCode } from '../../src/core/types.ts';
import { runOverview, runRules } from '../../src/host/rules/index.ts';
import { severityRank } from '../../src/host/rules/overview.ts';
import { containerFacts } from '../../src/host/rules/facts.ts';
import * as state from '../../src/host/rules/container-state.ts';
import * as ports from '../../src/host/rules/health-ports.ts';
import * as image from '../../src/host/rules/image.ts';
import type { Snapshot } from '../../src/host/rules/model.ts';

function fixture(key: string): Snapshot {
  return JSON.parse(readFileSync(new URL(`../fixtures/engine/${key}.json`, import.meta.url), 'utf8')) as Snapshot;
}

function facts(key: string, name: string) {
  const s = fixture(key);
  const c = s.containers.find((x) => x.Names.includes(`/${name}`))!;
  return containerFacts(c, s.inspects[c.Id]);
}

interface Row {
  fixture: string;
  codes: FindingCode[];
  /** Evidence of the first finding with `code` (the row's main code). */
  code: FindingCode;
  evidence: Record<string, EvidenceValue | RegExp>;
  summary?: RegExp;
}

const TABLE: Row[] = [
  { fixture: 'running', codes: ['running'], code: 'running', evidence: { state: 'running', ports: /^\d+->8080\/tcp$/ } },
  {
    fixture: 'exited',
    codes: ['exited'],
    code: 'exited',
    evidence: { state: 'exited', exitCode: 3, oomKilled: false, exitMeaning: /exit code 3/ },
    summary: /code 3/,
  },
  { fixture: 'oom-killed', codes: ['oom_killed'], code: 'oom_killed', evidence: { oomKilled: true, exitCode: 137 } },
  {
    fixture: 'restart-loop',
    codes: ['restart_loop'],
    code: 'restart_loop',
    evidence: { restartPolicy: 'always', restartCount: /^([3-9]|\d\d+)$/ },
  },
  { fixture: 'paused', codes: ['paused'], code: 'paused', evidence: { state: 'paused' } },
  { fixture: 'dead', codes: ['dead'], code: 'dead', evidence: { state: 'dead', error: /failed to remove root filesystem/ } },
  {
    fixture: 'unhealthy',
    codes: ['unhealthy'],
    code: 'unhealthy',
    evidence: { health: 'unhealthy', lastProbeOutput: 'database not ready on port 5432', lastProbeExitCode: 1 },
  },
  {
    fixture: 'port-not-published',
    codes: ['port_not_published'],
    code: 'port_not_published',
    evidence: { exposed: '8080/tcp', published: '' },
  },
  { fixture: 'port-mismatch', codes: ['port_mismatch'], code: 'port_mismatch', evidence: { askedPort: 3000, ports: /^\d+->80\/tcp$/ } },
  {
    fixture: 'stale-image',
    codes: ['stale_image'],
    code: 'stale_image',
    evidence: { image: 'fx-app:1', containerImageId: /^sha256:/, tagImageId: /^sha256:/ },
  },
  { fixture: 'latest-tag', codes: ['running', 'latest_tag_in_use'], code: 'latest_tag_in_use', evidence: { image: 'fx-lt:latest' } },
  {
    fixture: 'created-not-started',
    codes: ['created_not_started'],
    code: 'created_not_started',
    evidence: { state: 'created', status: 'Created' },
  },
  {
    fixture: 'image-built-never-run',
    codes: ['image_built_never_run'],
    code: 'image_built_never_run',
    evidence: { image: 'fx-never:2', containers: 0 },
  },
  {
    fixture: 'recently-removed',
    codes: ['recently_removed'],
    code: 'recently_removed',
    evidence: { container: 'fx-gone', exitCode: 0, events: /die.*destroy/ },
  },
  {
    fixture: 'compose-service',
    codes: ['name_mismatch', 'running'],
    code: 'name_mismatch',
    evidence: { asked: 'fx-proj_web', matchedAs: 'fx-proj-web-1' },
  },
  {
    fixture: 'name-typo',
    codes: ['name_mismatch'],
    code: 'name_mismatch',
    evidence: { asked: 'fx-runnign', closest: /^fx-running\b/ },
  },
  {
    fixture: 'not-found',
    codes: ['not_found'],
    code: 'not_found',
    evidence: { asked: 'zq-nothing-like-it', searched: /container names.*image tags.*events/ },
    summary:
      /last 256 events.*loses them when it restarts.*`--rm`.*`docker rm`.*prune.*`docker compose down`.*another docker context or host/,
  },
];

function expectEvidence(f: Finding, want: Row['evidence']): void {
  for (const [k, v] of Object.entries(want)) {
    if (v instanceof RegExp) expect(String(f.evidence[k]), k).toMatch(v);
    else expect(f.evidence[k], k).toEqual(v);
  }
}

describe('rules on recorded engine JSON', () => {
  it.each(TABLE)('$fixture -> $codes', (row) => {
    const findings = runRules(fixture(row.fixture));
    expect(findings.map((f) => f.code)).toEqual(row.codes);
    const main = findings.find((f) => f.code === row.code)!;
    expectEvidence(main, row.evidence);
    if (row.summary) expect(main.summary).toMatch(row.summary);
  });

  it('every finding has plain words and a fix; command lines start with docker', () => {
    for (const row of TABLE) {
      for (const f of runRules(fixture(row.fixture))) {
        expect(FINDING_CODES).toContain(f.code);
        expect(f.summary.length).toBeGreaterThan(20);
        expect(f.fix.length).toBeGreaterThan(0);
        for (const line of f.fix) if (/^(run|rm|build|ps|logs)\s/.test(line)) throw new Error(`command without docker: ${line}`);
      }
    }
  });

  it('covers every catalogue code except daemon_unreachable (host-A), dangling_images (pasted tables: pasted.test.ts) and invalid_name (invalid-names.test.ts)', () => {
    const covered = new Set(TABLE.flatMap((r) => r.codes));
    expect(FINDING_CODES.filter((c) => !covered.has(c))).toEqual(['daemon_unreachable', 'dangling_images', 'invalid_name']);
  });

  it('never puts an environment value in a finding', () => {
    for (const row of TABLE) expect(JSON.stringify(runRules(fixture(row.fixture)))).not.toMatch(/PATH=/);
  });
});

describe('overview (no subject)', () => {
  const findings = runRules(fixture('overview'));
  it('reports at most 5 candidates, the most severe first; the fixes only read (nobody named these containers)', () => {
    const subjects = [...new Set(findings.map((f) => f.subject))];
    expect(subjects.length).toBeLessThanOrEqual(5);
    const ranks = findings.map(severityRank);
    // Grouping by Compose project may move a project's later candidate up, never a worse one down past a better group.
    expect(ranks[0]).toBe(Math.min(...ranks));
    expect(findings[0]?.code).toMatch(/oom_killed|restart_loop/);
    for (const f of findings) for (const x of f.fix) expect(x).not.toMatch(/^docker (rm|run|start|update|build|compose (-p \S+ )?up)\b/);
  });
  it('counts what it does not show ("…and N more") and images the one way', () => {
    const { overview } = runOverview(fixture('overview'));
    expect(overview.shown + overview.more).toBe(overview.total);
    expect(overview.shown).toBeLessThanOrEqual(5);
    expect(overview.groups.flatMap((g) => g.subjects)).toHaveLength(overview.shown);
  });
  it('does not call the rebuilt tag "never run" when a container still runs its older build', () => {
    expect(findings.find((f) => f.code === 'image_built_never_run' && f.subject === 'fx-app:1')).toBeUndefined();
  });
  it('does not claim "no OOM" for a 137 it did not inspect', () => {
    const oom = findings.find((f) => f.subject === 'fx-oom');
    if (oom) expect(oom.summary).not.toMatch(/did not flag OOM/);
  });
});

describe('single rules', () => {
  it('a list-only exit code comes from the status text', () => {
    const s = fixture('exited');
    const c = s.containers.find((x) => x.Names.includes('/fx-exited'))!;
    expect(containerFacts(c).exitCode).toBe(3);
  });
  it('port rules need a port question or exposed ports', () => {
    const c = facts('running', 'fx-running');
    expect(ports.portMismatch(c, c.published[0]!.host)).toBeNull();
    expect(ports.portMismatch(c, 3000)?.evidence.askedPort).toBe(3000);
    expect(ports.portMismatch(c, 8080)?.summary).toMatch(/container's side/);
    expect(ports.portNotPublished(c)).toBeNull();
    expect(ports.portNotPublished(facts('port-not-published', 'fx-hidden'), 8080)?.fix).toContain(
      'docker run -d --name fx-hidden -p 8080:8080 fx-web:1',
    );
  });
  it('state rules stay quiet on other states', () => {
    const c = facts('running', 'fx-running');
    for (const rule of [
      state.createdNotStarted,
      state.exited,
      state.oomKilled,
      state.restartLoop,
      state.paused,
      state.dead,
      ports.unhealthy,
    ]) {
      expect(rule(c)).toBeNull();
    }
    expect(image.latestTagInUse(c)).toBeNull();
    expect(image.staleImage(c, fixture('running').images)).toBeNull();
  });
  it('trims the probe output to ~200 characters', () => {
    const c = facts('unhealthy', 'fx-sick');
    const long = { ...c, health: { ...c.health!, lastOutput: 'x'.repeat(500) } };
    expect(containerFacts).toBeDefined();
    expect(ports.unhealthy(long)).not.toBeNull();
    const s = fixture('unhealthy');
    const i = Object.values(s.inspects)[0]!;
    i.State.Health!.Log.at(-1)!.Output = 'y'.repeat(500);
    const trimmed = containerFacts(
      s.containers.find((x) => x.Id === i.Id)!,
      i,
    ).health!.lastOutput!;
    expect(trimmed.length).toBeLessThanOrEqual(200);
  });
});

describe('oom_killed when the engine lost the OOMKilled race', () => {
  it("reads the engine's `oom` event when State.OOMKilled came back false", () => {
    const s = fixture('oom-killed');
    const c = s.containers.find((x) => x.Names.includes('/fx-oom'))!;
    const inspect = structuredClone(s.inspects[c.Id]!);
    inspect.State.OOMKilled = false;
    const lost: Snapshot = { ...s, inspects: { [c.Id]: inspect } };
    expect(lost.events.some((e) => e.Action === 'oom' && e.Actor.ID === c.Id)).toBe(true);
    const f = runRules(lost).find((x) => x.code === 'oom_killed');
    expect(f?.evidence).toMatchObject({ oomKilled: true, reportedBy: "the engine's oom event", exitCode: 137 });
    // Without the event there is no such claim.
    const neither: Snapshot = { ...lost, events: lost.events.filter((e) => e.Action !== 'oom') };
    expect(runRules(neither).map((x) => x.code)).not.toContain('oom_killed');
  });
});
