// The explainer reads commands through the message reader: prose is never part of the command,
// `$(…)` is explained as what it produces, Compose's own options are explained.
import { describe, expect, it } from 'vitest';
import { explainCommand } from '../../src/nlu/explain.ts';

const ex = (t: string) => {
  const e = explainCommand(t);
  if (!e) throw new Error(`no explanation for ${t}`);
  return e;
};

describe('explaining what the reader read', () => {
  it('stops where prose starts: the prose is never "the command to run in the container"', () => {
    const e = ex('docker run --rm -p 8080:80 myapp returns an id but docker ps is empty');
    expect(e.line).toBe('docker run --rm -p 8080:80 myapp');
    expect(e.parts.map((p) => p.part)).toEqual(['run', '--rm', '-p 8080:80', 'myapp']);
  });

  it("explains a substitution as what it produces, and its flags are not the outer command's", () => {
    const e = ex('docker rmi $(docker images -q -f dangling=true)');
    expect(e.parts.filter((p) => p.kind === 'unknown')).toEqual([]);
    const sub = e.parts.find((p) => p.part === '$(docker images -q -f dangling=true)');
    expect(sub?.meaning).toMatch(/first runs `docker images -q -f dangling=true`/);
    expect(sub?.meaning).toMatch(/only their IDs/);
    expect(sub?.meaning).toMatch(/image IDs/);
  });

  it('explains Compose files, project names and profiles instead of refusing', () => {
    const e = ex('docker-compose -f a.yml -f b.yml up -d');
    expect(e.subcommand).toBe('compose up');
    expect(e.parts.map((p) => p.part)).toEqual(['compose up', '-f a.yml', '-f b.yml', '-d']);
    expect(e.parts[2]?.meaning).toMatch(/override/);
    const p = ex('docker compose -p shop --profile debug up -d api');
    expect(p.parts.map((x) => x.part)).toEqual(['compose up', '-p shop', '--profile debug', '-d', 'api']);
  });

  it('reads "docker-compose up --scale worker=3 — do the 3 workers…" as the command alone', () => {
    const e = ex("docker-compose up --scale worker=3 — do the 3 workers share one filesystem since it's the same image?");
    expect(e.line).toBe('docker-compose up --scale worker=3');
    expect(e.parts.some((p) => /Compose service (do|the)\b/.test(p.meaning))).toBe(false);
  });
});
