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

describe('a chain of docker commands is one explanation of each command in it', () => {
  it('`a && b`: both commands, part by part, and what && does', () => {
    const e = ex('docker stop -t 30 api && docker rm api');
    expect(e.line).toBe('docker stop -t 30 api && docker rm api');
    expect(e.parts.map((p) => p.part)).toEqual(['docker stop', '-t 30', 'api', '&&', 'docker rm', 'api']);
    expect(e.parts.find((p) => p.part === '&&')?.meaning).toMatch(/only if this one succeeded/);
    expect(e.summary).toMatch(/Then, only if that succeeded, `docker rm` removes/);
    expect(e.warnings.some((w) => w.includes('`docker rm` removes containers, not images'))).toBe(true);
  });

  it('`a; b` and `a || b`: the operator between them says when the next one runs', () => {
    const semi = ex('$ docker compose down; docker compose up -d --build');
    expect(semi.parts.filter((p) => p.kind === 'subcommand').map((p) => p.part)).toEqual(['docker compose down', 'docker compose up']);
    expect(semi.parts.find((p) => p.part === ';')?.meaning).toMatch(/whether it succeeded or not/);
    const or = ex('docker start web || docker run -d --name web nginx');
    expect(or.parts.find((p) => p.part === '||')?.meaning).toMatch(/only if this one failed/);
    expect(or.subcommand).toBe('start || docker run');
  });

  it('pipes: into xargs docker …, and into a tool that is not docker', () => {
    const x = ex('docker ps -aq | xargs docker rm');
    expect(x.parts.map((p) => p.part)).toEqual(['docker ps', '-aq', '|', 'xargs', 'docker rm']);
    expect(x.parts.find((p) => p.part === 'xargs')?.meaning).toMatch(/previous command's output/);
    const g = ex('docker logs web 2>&1 | grep -i error');
    expect(g.line).toBe('docker logs web 2>&1 | grep -i error');
    expect(g.parts.at(-1)).toEqual({
      part: '| grep -i error',
      kind: 'argument',
      meaning: expect.stringMatching(/keeps only the lines that match/) as string,
    });
  });

  it('a command that is not docker between two docker commands keeps the chain right', () => {
    const e = ex('docker rm -f web || true; docker run -d --name web nginx:1.25');
    expect(e.parts.map((p) => p.part)).toEqual(['docker rm', '-f', 'web', '|| true', ';', 'docker run', '-d', '--name web', 'nginx:1.25']);
    expect(e.parts.find((p) => p.part === '|| true')?.meaning).toMatch(/ignores a failure/);
  });

  it('a substitution is explained as what it produces, also inside a flag value', () => {
    const e = ex('docker run -v $(pwd):/app -w /app node:20 npm test');
    expect(e.parts.find((p) => p.part === '-v $(pwd):/app')?.meaning).toMatch(/replaces `\$\(pwd\)` with the current folder/);
    const b = ex('$ docker stop `docker ps -q --filter name=web`');
    expect(b.parts.find((p) => p.kind === 'argument')?.meaning).toMatch(/first runs `docker ps -q --filter name=web`.*container IDs/);
  });

  it('in a sentence, the chain still ends where prose starts', () => {
    const e = ex('when I do docker stop -t 30 api && docker rm api it hangs');
    expect(e.line).toBe('docker stop -t 30 api && docker rm api');
    expect(e.parts.some((p) => /\bhangs\b/.test(p.part))).toBe(false);
  });
});
