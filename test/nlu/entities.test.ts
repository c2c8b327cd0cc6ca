import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Entities } from '../../src/core/types.ts';
import { extractEntities } from '../../src/nlu/entities.ts';
import { hostileEntityInputs } from '../fixtures/hostile-inputs.ts';

interface Expected {
  text: string;
  names: string[];
  images: string[];
  ports: string[];
  exitCodes: number[];
  subcommands: string[];
}

const plain = (e: Entities) => ({
  names: e.names,
  images: e.images,
  ports: e.ports.map((p) => p.raw),
  exitCodes: e.exitCodes,
  subcommands: e.subcommands,
});
const sorted = (e: Omit<Expected, 'text'>) => ({
  names: [...e.names].sort(),
  images: [...e.images].sort(),
  ports: [...e.ports].sort(),
  exitCodes: [...e.exitCodes].sort(),
  subcommands: [...e.subcommands].sort(),
});

describe('extractEntities: the independent fixture (test/fixtures/entities.jsonl)', () => {
  const path = fileURLToPath(new URL('../fixtures/entities.jsonl', import.meta.url));
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const cases = lines.map((l) => JSON.parse(l) as Expected);

  // Written by another engineer without looking at this code. The fixture states what a person
  // would pick out; the extractor uses heuristics for names (no dictionary), so a rare miss is
  // expected, but anything below 90 % exact lines means a rule is wrong, not a corner case.
  it('matches at least 90 % of lines exactly (order-insensitive within each field)', () => {
    const misses: string[] = [];
    for (const c of cases) {
      const { text, ...want } = c;
      const got = sorted(plain(extractEntities(text)));
      if (JSON.stringify(got) !== JSON.stringify(sorted(want)))
        misses.push(`${text}\n    want ${JSON.stringify(sorted(want))}\n    got  ${JSON.stringify(got)}`);
    }
    const rate = (cases.length - misses.length) / cases.length;
    console.log(`entities fixture: ${cases.length - misses.length}/${cases.length} lines exact (${(rate * 100).toFixed(1)} %)`);
    if (misses.length) console.log(misses.join('\n'));
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });
});

describe('extractEntities: own cases', () => {
  const cases: [string, Partial<ReturnType<typeof plain>>][] = [
    ['docker run -d --name=web -p 127.0.0.1:8080:80 nginx', { names: ['web'], ports: ['8080:80'], images: [], subcommands: ['run'] }],
    ['docker ps says 0.0.0.0:3000->3000/tcp and :::3000->3000/tcp', { ports: ['3000:3000'], subcommands: ['ps'] }],
    ['open http://localhost:8080/health please', { ports: ['8080'], names: [] }],
    ['ports 3000 and 8080 are busy', { ports: ['3000', '8080'], exitCodes: [] }],
    ['ExitCode: 137 in docker inspect web', { exitCodes: [137], names: ['web'], subcommands: ['inspect'] }],
    ['it exited with code 300, or port 137?', { exitCodes: [], ports: ['137'] }],
    ['the alpine one exits with 139 at start, the other died with 137', { exitCodes: [139, 137] }],
    ['it works with 2 replicas', { exitCodes: [] }],
    ['docker image rm myapp:2.1.0', { images: ['myapp:2.1.0'], subcommands: ['image'] }],
    ['docker-compose up -d keeps the old image', { subcommands: ['compose'], names: [] }],
    ['docker rmi myapp', { names: ['myapp'], subcommands: ['rmi'] }],
    ['does docker rm delete volumes too?', { names: [], subcommands: ['rm'] }],
    ['docker rm `delete` failed', { names: ['delete'], subcommands: ['rm'] }],
    [
      'localhost:5000/team/app:dev and docker.io/library/nginx',
      { images: ['localhost:5000/team/app:dev', 'docker.io/library/nginx'], ports: [] },
    ],
    ['a container called billing and one named "queue"', { names: ['billing', 'queue'] }],
    ['a read-only, multi-stage, long-running build', { names: [] }],
    ['docker is broken and my container keeps restarting', { names: [], subcommands: [] }],
    ['see docker-compose.yml and server.js, also ./data:/data', { names: [], images: [], ports: [] }],
    ['meeting at 10:30 about it', { ports: [] }],
    ['', { names: [], images: [], ports: [], exitCodes: [], subcommands: [] }],
  ];
  it.each(cases)('%s', (text, want) => {
    expect(plain(extractEntities(text))).toMatchObject(want);
  });

  it("lists a Dockerfile's FROM image after the person's own", () => {
    expect(extractEntities('FROM node:20-alpine\nCOPY . .\nthen docker build -t shop:1.2 . fails').images).toEqual([
      'shop:1.2',
      'node:20-alpine',
    ]);
  });

  it('gives host and container numbers for ports', () => {
    expect(extractEntities('-p 8080:80 and localhost:3000').ports).toEqual([
      { raw: '8080:80', host: 8080, container: 80 },
      { raw: '3000', host: 3000 },
    ]);
  });
});

describe('extractEntities: hostile input', () => {
  // A catastrophic backtrack shows as a test timeout here; bench/nlu.ts has the time.
  it.each(hostileEntityInputs)('%s returns bounded lists', (_name, text) => {
    const e = extractEntities(text);
    for (const list of [e.names, e.images, e.ports, e.exitCodes, e.subcommands]) expect(list.length).toBeLessThanOrEqual(20);
  });

  it('never throws on non-strings', () => {
    expect(extractEntities(undefined as unknown as string).names).toEqual([]);
  });
});
