// The message reader: sentences, commands, pasted output and error lines, the way people post.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_CHARS, readMessage } from '../../src/nlu/reader/read-message.ts';

const cmds = (m: string) => readMessage(m).commands.map((c) => c.text);

describe('commands written inside a sentence end where prose starts', () => {
  it.each([
    ['I ran docker run --rm -p 8080:80 myapp and docker ps is empty, why?', ['docker run --rm -p 8080:80 myapp', 'docker ps']],
    ['docker run --rm -p 8080:80 myapp returns an id but docker ps is empty', ['docker run --rm -p 8080:80 myapp', 'docker ps']],
    [
      "docker-compose up --scale worker=3 — do the 3 workers share one filesystem since it's the same image?",
      ['docker-compose up --scale worker=3'],
    ],
    ['docker logs web shows nothing', ['docker logs web']],
    ['after docker build -t api:2 . the container still runs the old code', ['docker build -t api:2 .']],
    ['why does docker ps -a show my container as Exited (0)?', ['docker ps -a']],
    ['docker run ubuntu exits immediately', ['docker run ubuntu']],
    ["docker exec -it web bash doesn't work", ['docker exec -it web bash']],
    ['when I do docker stop -t 30 api && docker rm api it hangs', ['docker stop -t 30 api', 'docker rm api']],
    ['can I run docker compose -f a.yml -f b.yml up -d on the server?', ['docker compose -f a.yml -f b.yml up -d']],
    ['docker run -d nginx then curl localhost gives connection refused', ['docker run -d nginx']],
    ['Tried docker system prune -a but the disk is still full', ['docker system prune -a']],
    ["docker run alpine sh -c 'exit 1' keeps restarting", ['docker run alpine sh -c exit 1']],
    ['docker run -it python:3.12 python -c "print(1)" works fine but my app does not', ['docker run -it python:3.12 python -c print(1)']],
    ['ok so docker images lists it, docker ps -a lists nothing', ['docker images', 'docker ps -a']],
    ['can docker try again by itself when it crashes?', []],
    ['docker refuses to start my container, docker stats shows nothing', ['docker stats']],
    ["the tutorial uses docker run -d everywhere, what's that flag doing", ['docker run -d']],
    ['I always docker pull nginx first, then docker run -d nginx locally', ['docker pull nginx', 'docker run -d nginx']],
  ])('%s', (message, expected) => {
    expect(cmds(message)).toEqual(expected);
  });

  it('ends a piped shell command where prose starts again', () => {
    const r = readMessage("docker logs api | grep ERROR doesn't filter, it prints everything");
    expect(r.commands[0]?.others).toEqual([{ op: '|', text: 'grep ERROR' }]);
    expect(r.words).toBe("doesn't filter, it prints everything");
    expect(readMessage('docker ps -a | grep worker | wc -l').commands[0]?.others?.map((o) => o.text)).toEqual(['grep worker', 'wc -l']);
  });

  it('keeps the prose around them, and says the prose asks something', () => {
    const r = readMessage('I ran docker run --rm -p 8080:80 myapp and docker ps is empty, why?');
    expect(r.words).toBe('I ran and is empty, why?');
    expect(r.question).toBe(true);
  });

  it('reads apostrophes in prose as apostrophes, not quotes', () => {
    expect(cmds("docker ps doesn't show the container I just started")).toEqual(['docker ps']);
  });
});

describe('commands written as code are read whole, the way a shell would', () => {
  it('inline code', () => {
    expect(cmds('what does `docker run -d --restart unless-stopped --name web nginx:1.25` do')).toEqual([
      'docker run -d --restart unless-stopped --name web nginx:1.25',
    ]);
  });

  it('a fenced block with prompts, sudo, continuations and output', () => {
    const r = readMessage(
      [
        'this is what I get:',
        '```',
        '$ sudo docker run -d \\',
        '    -p 8080:80 \\',
        '    --name web nginx',
        'f3b1c2d4e5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2',
        '$ docker ps',
        'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES',
        '```',
        'why is it empty?',
      ].join('\n'),
    );
    expect(r.commands.map((c) => [c.text, c.from])).toEqual([
      ['docker run -d -p 8080:80 --name web nginx', 'fence'],
      ['docker ps', 'fence'],
    ]);
    expect(r.outputs).toHaveLength(2);
    expect(r.outputs[1]).toMatch(/^CONTAINER ID/);
    expect(r.prose).toBe('this is what I get:\nwhy is it empty?');
  });

  it('chains and substitutions: each docker command, and what a substitution produces', () => {
    const r = readMessage('`docker rmi $(docker images -q -f dangling=true)`');
    expect(r.commands).toHaveLength(1);
    expect(r.commands[0]?.words).toEqual(['docker', 'rmi', '$(docker images -q -f dangling=true)']);
    expect(r.commands[0]?.substitutions.map((s) => s.text)).toEqual(['docker images -q -f dangling=true']);
    expect(cmds('$ docker stop -t 30 api && docker rm api')).toEqual(['docker stop -t 30 api', 'docker rm api']);
    expect(readMessage('$ docker ps -a | grep web').commands.map((c) => [c.text, c.then])).toEqual([['docker ps -a', '|']]);
    expect(cmds('```\ndocker rm -f `docker ps -aq`\n```')).toEqual(['docker rm -f `docker ps -aq`']);
  });

  it('PowerShell prompts and backtick continuations', () => {
    expect(cmds('```\nPS C:\\Users\\me\\app> docker run -p 3000:3000 `\n  -v ${PWD}:/app node:20\n```')).toEqual([
      'docker run -p 3000:3000 -v ${PWD}:/app node:20',
    ]);
  });

  it('compose files, projects and profiles', () => {
    const [c] = readMessage(
      '$ docker compose -p shop --profile debug -f docker-compose.yml -f docker-compose.override.yml up -d api',
    ).commands;
    expect(c?.subcommand).toBe('compose up');
    expect(c?.words.slice(-2)).toEqual(['-d', 'api']);
    expect(readMessage('docker-compose -f a.yml -f b.yml up -d').commands[0]?.subcommand).toBe('compose up');
  });
});

describe('error lines and pasted output', () => {
  it('a pasted error is an error line, never a command or its words', () => {
    const r = readMessage(
      'Error response from daemon: conflict: unable to remove repository reference "myapp:1.0" (must force) - container 6a07d6bc134b is using its referenced image 2a79cd003033',
    );
    expect(r.errors).toHaveLength(1);
    expect(r.commands).toEqual([]);
    expect(r.prose).toBe('');
  });

  it('an unfenced docker ps table is output', () => {
    const r = readMessage(
      'docker ps -a gives me\nCONTAINER ID   IMAGE     COMMAND   CREATED   STATUS                     PORTS   NAMES\n9b8a7c6d5e4f   app:1     "sh"      1 hour ago   Exited (137) 1 hour ago           worker\nwhat happened?',
    );
    expect(r.commands.map((c) => c.text)).toEqual(['docker ps -a']);
    expect(r.outputs).toHaveLength(1);
    expect(r.outputs[0]?.split('\n')).toHaveLength(2);
    expect(r.question).toBe(true);
  });
});

describe('a pasted terminal session: what each prompted command printed', () => {
  it('the lines under `$ command` up to a blank line or the next prompt are output, not words', () => {
    const r = readMessage(
      '$ docker restart billing\nbilling\n$ docker logs billing | tail -1\nbilling 2.4.0 ready on :8080\n\nstill the old version, why?',
    );
    expect(r.words).toBe('still the old version, why?');
    expect(r.outputs).toEqual(['billing', 'billing 2.4.0 ready on :8080']);
    expect(r.commands.map((c) => c.subcommand)).toEqual(['restart', 'logs']);
  });

  it("another program's prompted command and its output are not words either", () => {
    const r = readMessage('$ echo $?\n125\n$ whoami\nci-runner\n\nwhat does that number mean');
    expect(r.words).toBe('what does that number mean');
    expect(r.outputs).toEqual(['125', 'ci-runner']);
  });

  it("npm's `> app@1.0.0 start` echo under `docker run` is output, and `my-api` is a name, not the person's words", () => {
    const r = readMessage(
      '$ docker run -p 3000:3000 my-api\n> my-api@1.0.0 start\n> node server.js\nlistening on 3000\n\nhow do I get my terminal back?',
    );
    expect(r.words).toBe('how do I get my terminal back?');
    expect(r.outputs).toEqual(['> my-api@1.0.0 start\n> node server.js\nlistening on 3000']);
  });

  it("a `> docker …` line under a command is a new command, not the first one's output", () => {
    const r = readMessage('$ docker stop web\n> docker ps\n\nis it gone?');
    expect(r.commands.map((c) => c.subcommand)).toEqual(['stop', 'ps']);
  });

  it('application log lines with a date and a space, or a bracketed level, are output', () => {
    const r = readMessage(
      'it dies a few seconds after start:\n\n2025-03-14 07:30:02 WARN retrying kafka:9092\n2025-03-14 07:30:05 ERROR no brokers\n[ERROR] shutting down\n\ncan docker try again by itself?',
    );
    expect(r.outputs).toHaveLength(1);
    expect(r.words).toBe('it dies a few seconds after start:\ncan docker try again by itself?');
  });

  it('a table under a header in capitals is output, whatever printed it', () => {
    const r = readMessage(
      'inside the container:\nPID   USER     TIME  COMMAND\n    1 app       0:02 python main.py\n\nwhy is there no systemd here?',
    );
    expect(r.outputs).toHaveLength(1);
    expect(r.words).toBe('inside the container:\nwhy is there no systemd here?');
  });

  it.each([
    ['the run reaches the end of the message', '$ docker ps -a\nnothing there at all', 'nothing there at all'],
    [
      'a line under the command tells in their words',
      "$ docker run -d -p 80:80 nginx\nit starts but localhost doesn't answer\n\nany idea",
      "it starts but localhost doesn't answer\nany idea",
    ],
    [
      'a line under the command asks something',
      '$ docker run -d nginx:1.27\nnow there are two of them?\n\nok',
      'now there are two of them?\nok',
    ],
    [
      'a quote, not a prompt',
      '> the container keeps restarting\nthat is what the ticket says\n\nwhere do I start',
      'that is what the ticket says\nwhere do I start',
    ],
    [
      'a heading, not a root prompt',
      '# Deploy notes\nthe api runs on port 8080\n\nhow do I publish it',
      'the api runs on port 8080\nhow do I publish it',
    ],
  ])("stays the person's words when %s", (_, message, words) => {
    expect(readMessage(message).words).toContain(words);
  });
});

describe('bounded', () => {
  it('reads a bounded prefix of a huge message and says so', () => {
    const r = readMessage(`docker ps ${'x '.repeat(MAX_CHARS)}`);
    expect(r.truncated).toBe(true);
  });

  it('survives hostile input: unclosed quotes, fences, substitutions, binary', () => {
    for (const m of [
      'docker run "unclosed',
      '```\ndocker ps',
      'docker rmi $(docker images -q',
      '\u0000\u0001docker\u0002 ps',
      '`'.repeat(5000),
      `docker ${'$('.repeat(3000)}`,
    ]) {
      expect(() => readMessage(m)).not.toThrow();
    }
  });
});

describe('the independent set of prose + command messages (test/fixtures/messages-commands.jsonl)', () => {
  interface Row {
    text: string;
    commands: string[];
  }
  const rows: Row[] = readFileSync(fileURLToPath(new URL('../fixtures/messages-commands.jsonl', import.meta.url)), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);

  it('has at least 60 messages', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
  });

  it('reads exactly the commands of each message, and never prose as part of one', () => {
    const wrong = rows
      .filter((r) => JSON.stringify(cmds(r.text)) !== JSON.stringify(r.commands))
      .map((r) => `${r.text.slice(0, 70)} → ${JSON.stringify(cmds(r.text))}`);
    expect(wrong).toEqual([]);
  });
});

describe('chains: which commands belong together, and what sits between them', () => {
  it('a code line: one chain id, the operator before each command, the shell commands that are not docker', () => {
    const r = readMessage('$ docker rm -f web || true; docker run -d --name web nginx | tee run.log');
    expect(r.commands.map((c) => [c.text, c.chain, c.before ?? null, c.others ?? []])).toEqual([
      ['docker rm -f web', 0, null, [{ op: '||', text: 'true' }]],
      ['docker run -d --name web nginx', 0, ';', [{ op: '|', text: 'tee run.log' }]],
    ]);
    expect(r.commands[0]?.chainText).toBe('docker rm -f web || true; docker run -d --name web nginx | tee run.log');
  });

  it('two lines are two chains', () => {
    const r = readMessage('```\ndocker build -t api:2 .\ndocker run -d api:2\n```');
    expect(r.commands.map((c) => c.chain)).toEqual([0, 1]);
  });

  it('in a sentence, a pipe into a shell tool stays in the chain; prose after an operator does not', () => {
    const piped = readMessage('docker logs web 2>&1 | grep -i error');
    expect(piped.commands[0]?.others).toEqual([{ op: '|', text: 'grep -i error' }]);
    expect(piped.commands[0]?.chainText).toBe('docker logs web 2>&1 | grep -i error');
    const prose = readMessage('docker ps; nothing shows up');
    expect(prose.commands.map((c) => [c.text, c.others ?? []])).toEqual([['docker ps', []]]);
  });

  it('xargs runs a docker command with the output before the pipe', () => {
    const r = readMessage('$ docker ps -aq | xargs -r docker rm');
    expect(r.commands.map((c) => [c.text, c.xargs ?? false])).toEqual([
      ['docker ps -aq', false],
      ['docker rm', true],
    ]);
  });
});

describe('Windows and unfenced tables', () => {
  it('a PowerShell prompt and backslash paths: the path is kept as written', () => {
    const r = readMessage('PS C:\\Users\\me\\app> docker run -v C:\\Users\\me\\app:/app node:20');
    expect(r.commands[0]?.words).toEqual(['docker', 'run', '-v', 'C:\\Users\\me\\app:/app', 'node:20']);
  });

  it('the rows under a pasted header are output even without a fence', () => {
    const r = readMessage(
      'docker compose ps\nNAME          IMAGE        COMMAND        SERVICE   CREATED         STATUS                     PORTS\nblog-web-1    blog-web     "flask run"    web       4 minutes ago   Exited (1) 3 minutes ago\nwhy web not up',
    );
    expect(r.outputs).toHaveLength(1);
    expect(r.outputs[0]?.split('\n')).toHaveLength(2);
    expect(r.prose).toBe('docker compose ps\nwhy web not up');
  });
});
