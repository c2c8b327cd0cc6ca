import { describe, expect, it } from 'vitest';
import type { Explanation } from '../../src/core/ports.ts';
import { explainCommand } from '../../src/nlu/explain.ts';
import { hostileCommandLines } from '../fixtures/hostile-inputs.ts';

function ex(text: string): Explanation {
  const e = explainCommand(text);
  if (!e) throw new Error(`no explanation for ${text}`);
  return e;
}
const part = (e: Explanation, p: string) => e.parts.find((x) => x.part === p);
const warned = (e: Explanation, re: RegExp) => e.warnings.some((w) => re.test(w));

describe('explainCommand: the article examples', () => {
  it('docker run -d -p 8080:80 --name web myapp:2.1.0', () => {
    const e = ex('docker run -d -p 8080:80 --name web myapp:2.1.0');
    expect(e).toMatchObject({ line: 'docker run -d -p 8080:80 --name web myapp:2.1.0', subcommand: 'run', intent: 'command.run' });
    expect(e.parts.map((p) => [p.part, p.kind])).toEqual([
      ['run', 'subcommand'],
      ['-d', 'flag'],
      ['-p 8080:80', 'flag'],
      ['--name web', 'flag'],
      ['myapp:2.1.0', 'image'],
    ]);
    expect(part(e, '-p 8080:80')?.meaning).toMatch(/host port 8080 to port 80 inside the container/);
    expect(part(e, 'myapp:2.1.0')?.meaning).toMatch(/image `myapp`.*Docker Hub.*tag `2\.1\.0`/);
    expect(e.summary).toMatch(/background.*`web`.*8080/);
    expect(warned(e, /host port first, container port second/)).toBe(true);
    expect(warned(e, /latest/)).toBe(false);
  });

  it('docker build -t myapp:2.1.0 . explains the tag and the build context', () => {
    const e = ex('docker build -t myapp:2.1.0 .');
    expect(e.intent).toBe('command.build');
    expect(part(e, '-t myapp:2.1.0')?.meaning).toMatch(/tag `2\.1\.0`/);
    expect(part(e, '.')).toMatchObject({
      kind: 'context',
      meaning: expect.stringMatching(/current folder, whose files are sent to the builder/),
    });
    expect(e.warnings).toEqual([]);
  });

  it('docker ps -a', () => {
    const e = ex('docker ps -a');
    expect(e).toMatchObject({ subcommand: 'ps', intent: 'command.ps' });
    expect(part(e, '-a')?.meaning).toMatch(/stopped/);
  });

  it('docker rmi myapp:2.1.0 warns about rm vs rmi', () => {
    const e = ex('docker rmi myapp:2.1.0');
    expect(e.intent).toBe('command.rmi');
    expect(part(e, 'myapp:2.1.0')?.kind).toBe('image');
    expect(warned(e, /removes images, not containers/)).toBe(true);
  });

  it('docker exec -it web sh warns that edits are lost', () => {
    const e = ex('docker exec -it web sh');
    expect(part(e, '-it')?.meaning).toMatch(/-i .*; -t /);
    expect(part(e, 'web')?.kind).toBe('argument');
    expect(part(e, 'sh')?.kind).toBe('command');
    expect(warned(e, /lost when the container is removed and re-created/)).toBe(true);
    expect(e.summary).toBe('Runs `sh` inside the running container `web`.');
  });

  it('docker exec web apt-get install vim warns about editing a container', () => {
    const e = ex('docker exec web apt-get install -y vim');
    expect(part(e, 'apt-get install -y vim')?.kind).toBe('command');
    expect(warned(e, /changes files inside a running container.*rebuild/)).toBe(true);
  });

  it('docker logs -f web', () => {
    const e = ex('docker logs -f web');
    expect(e).toMatchObject({ subcommand: 'logs', intent: 'command.logs' });
    expect(part(e, '-f')?.meaning).toMatch(/streaming/);
  });
});

describe('explainCommand: tags and registries', () => {
  it('explains registry, repository and tag', () => {
    const e = ex('docker pull registry.example.com/team/app:1.4.2');
    expect(part(e, 'registry.example.com/team/app:1.4.2')?.meaning).toMatch(
      /registry `registry\.example\.com`, repository `team\/app`, tag `1\.4\.2`/,
    );
  });
  it('warns when there is no tag or :latest', () => {
    expect(warned(ex('docker run nginx'), /no tag, so Docker uses `nginx:latest`/)).toBe(true);
    expect(part(ex('docker run nginx'), 'nginx')?.meaning).toMatch(/uses `latest`/);
    expect(warned(ex('docker run -d nginx:latest'), /`latest` tag/)).toBe(true);
  });
  it('a digest pins content and needs no warning', () => {
    const e = ex('docker pull ghcr.io/org/tool@sha256:4b5c1e7d9a2f3e6b8c0d1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d');
    expect(e.warnings).toEqual([]);
    expect(e.parts[1]?.meaning).toMatch(/digest/);
  });
});

describe('explainCommand: flags', () => {
  it('combined short flags, --flag=value and the command after the image', () => {
    const e = ex('docker run -dit --name=api -e NODE_ENV=production -v data:/var/lib/data --rm node:20-alpine node server.js --port 3000');
    expect(part(e, '-dit')?.meaning).toMatch(/-d .*; -i .*; -t /);
    expect(part(e, '--name=api')?.meaning).toMatch(/`api`/);
    expect(part(e, '-e NODE_ENV=production')?.meaning).toMatch(/`NODE_ENV`/);
    expect(part(e, '-v data:/var/lib/data')?.meaning).toMatch(/named volume `data`/);
    expect(part(e, 'node server.js --port 3000')).toMatchObject({ kind: 'command' });
    expect(e.parts.some((p) => p.part === '--port')).toBe(false);
    expect(warned(e, /--rm.*writable layer/)).toBe(true);
  });
  it('words after the image belong to the program, not to docker', () => {
    const e = ex('docker run --rm alpine:3.19 -v --help');
    expect(part(e, '-v --help')).toMatchObject({ kind: 'command' });
    expect(e.parts.filter((p) => p.kind === 'unknown')).toEqual([]);
  });
  it("warns when docker's own options come after the image, and only then", () => {
    const e = ex('docker run -d myapi:1.2 -p 3000:3000 -e MODE=prod');
    expect(part(e, '-p 3000:3000 -e MODE=prod')).toMatchObject({ kind: 'command' });
    expect(warned(e, /^`-p` and `-e` come after the image name, so Docker does not read them/)).toBe(true);
    expect(warned(ex('docker create --name db postgres:16 --rm'), /^`--rm` comes after the image name/)).toBe(true);
    // An entrypoint's own flags (mysql's) and a program's flags after its name are not Docker's.
    expect(warned(ex('docker run -d mysql:8.4 --character-set-server=utf8mb4'), /after the image name/)).toBe(false);
    expect(warned(ex('docker run --rm node:20 node server.js -p 3000'), /after the image name/)).toBe(false);
    // A Docker flag that needs a value, with none after it, is the program's own: node's -v prints its version.
    expect(warned(ex('docker run --rm node:20 -v'), /after the image name/)).toBe(false);
  });
  it('gives the line corrected: Docker options before the image, their values with them, the rest after', () => {
    expect(ex('docker run -d myapi:1.2 -p 3000:3000 -e "MODE=dev mode" node server.js').mistakes).toEqual([
      {
        kind: 'options_after_image',
        text: expect.stringMatching(/^`-p` and `-e` come after the image name/),
        fix: "docker run -d -p 3000:3000 -e 'MODE=dev mode' myapi:1.2 node server.js",
      },
    ]);
  });
  it('names unknown flags as unknown, never guessing', () => {
    const e = ex('docker run --frobnicate -Z nginx:1.25');
    expect(part(e, '--frobnicate')).toEqual({
      part: '--frobnicate',
      kind: 'unknown',
      meaning: 'not a flag I know for docker run — check `docker run --help`',
    });
    expect(part(e, '-Z')?.kind).toBe('unknown');
    expect(part(e, 'nginx:1.25')?.kind).toBe('image');
  });
  it('-p with one number and with an IP', () => {
    expect(part(ex('docker run -p 80 nginx:1.25'), '-p 80')?.meaning).toMatch(/random free host port/);
    expect(part(ex('docker run -p 127.0.0.1:8080:80 nginx:1.25'), '-p 127.0.0.1:8080:80')?.meaning).toMatch(
      /host port 8080 .* only on the host address 127\.0\.0\.1/,
    );
  });
});

describe('explainCommand: more subcommands', () => {
  const cases: [string, string, string | undefined][] = [
    ['docker stop web', 'stop', 'command.stop_rm'],
    ['docker rm web', 'rm', 'command.stop_rm'],
    ['docker kill web', 'kill', 'command.stop_rm'],
    ['docker start web', 'start', 'concept.lifecycle'],
    ['docker images -a', 'images', 'command.images'],
    ['docker push myorg/web:2.0', 'push', 'concept.registry'],
    ['docker tag myapp:2.1.0 registry.example.com/team/myapp:2.1.0', 'tag', 'concept.registry'],
    ['docker inspect -f {{.State.ExitCode}} web', 'inspect', 'command.logs'],
    ['docker cp web:/app/log.txt ./log.txt', 'cp', 'command.exec'],
    ['docker attach web', 'attach', 'command.exec'],
    ['docker commit web myapp:hotfix', 'commit', 'concept.immutability'],
    ['docker compose up -d --build', 'compose up', 'mistake.rebuild_not_applied'],
    ['docker compose down -v', 'compose down', 'concept.persistence'],
    ['docker compose ps', 'compose ps', 'command.ps'],
    ['docker compose logs -f api', 'compose logs', 'command.logs'],
    ['docker-compose up -d', 'compose up', 'mistake.rebuild_not_applied'],
    ['docker system prune -a --volumes', 'system prune', 'mistake.cleanup_confusion'],
    ['docker system df', 'system df', 'concept.storage'],
    ['docker image prune -a', 'image prune', 'mistake.cleanup_confusion'],
    ['docker container prune', 'container prune', 'mistake.cleanup_confusion'],
    ['docker history myapp:2.1.0', 'history', 'concept.layers'],
    ['docker image rm myapp:2.1.0', 'image rm', 'command.rmi'],
    ['docker container ls -a', 'container ls', 'command.ps'],
  ];
  it.each(cases)('%s', (line, subcommand, intent) => {
    const e = ex(line);
    expect(e.subcommand).toBe(subcommand);
    expect(e.intent).toBe(intent);
    expect(e.line).toBe(line);
    expect(e.summary).toMatch(/^[A-Z].*\.$/);
    expect(e.parts.filter((p) => p.kind === 'unknown')).toEqual([]);
  });
  it('warns where a mistake applies', () => {
    expect(warned(ex('docker rm myapp:2.1.0'), /docker rmi myapp:2\.1\.0/)).toBe(true);
    expect(warned(ex('docker rm -f web'), /without a graceful stop/)).toBe(true);
    expect(warned(ex('docker compose down -v'), /data in them.*gone/)).toBe(true);
    expect(warned(ex('docker commit web myapp:hotfix'), /Dockerfile/)).toBe(true);
    expect(warned(ex('docker build .'), /No `-t`/)).toBe(true);
  });
});

describe('explainCommand: finding the line', () => {
  it('strips a prompt, backticks and the question around it', () => {
    expect(ex('$ docker ps -a').line).toBe('docker ps -a');
    expect(ex('what does `docker logs --tail 50 web` print?').line).toBe('docker logs --tail 50 web');
    expect(ex('I ran\n  sudo docker run -d nginx:1.25 | tee out\nand got nothing').line).toBe('docker run -d nginx:1.25 | tee out');
    expect(ex('what does docker run -d -p 8080:80 nginx:1.25 do?').line).toBe('docker run -d -p 8080:80 nginx:1.25');
  });
  it('returns null when there is no docker command line', () => {
    for (const t of ['what is an image?', 'docker is broken', 'docker', 'I use docker desktop', 'docker frobnicate -x', ''])
      expect(explainCommand(t)).toBeNull();
  });
  // A catastrophic backtrack shows as a test timeout here; bench/nlu.ts has the time.
  it('survives hostile input', () => {
    expect(hostileCommandLines.map((t) => explainCommand(t)?.subcommand ?? null)).toEqual(['run', 'run', null, null]);
  });
});
