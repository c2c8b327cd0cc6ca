// Pasted output is evidence: tables, inspect JSON and event lines as people paste them feed the
// same rules as a live engine (src/host/pasted/).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnosePasted, MAX_LINES } from '../../src/host/pasted/index.ts';
import { parsePorts, parsePs, psFormat } from '../../src/host/pasted/parse-ps.ts';

const NOW = Math.floor(Date.parse('2026-12-01T12:00:00Z') / 1000);
const codes = (text: string, subject?: string) =>
  diagnosePasted(text, subject ? { subject } : {}, NOW)?.findings.map((f) => f.code) ?? null;

const PS_A = `CONTAINER ID   IMAGE                 COMMAND                  CREATED          STATUS                        PORTS                                       NAMES
4f6c1d2e3b4a   nginx:1.25            "/docker-entrypoint.…"   2 minutes ago    Up 2 minutes                  0.0.0.0:8080->80/tcp, :::8080->80/tcp       web
9b8a7c6d5e4f   acme/worker:2.3.1     "python worker.py"       10 minutes ago   Exited (137) 5 minutes ago                                                worker
0a1b2c3d4e5f   postgres:16           "docker-entrypoint.s…"   3 hours ago      Restarting (1) 8 seconds ago                                              db
1b2c3d4e5f60   acme/api:latest       "node server.js"         4 minutes ago    Up 4 minutes                  3000/tcp                                    api
2c3d4e5f6071   busybox               "sh"                     1 hour ago       Created                                                                   scratchpad
3d4e5f607182   acme/web:1.4          "npm start"              20 minutes ago   Up 20 minutes (unhealthy)     0.0.0.0:3001->3000/tcp                      shop`;

describe('a pasted docker ps -a table', () => {
  it('reads every row, with empty PORTS cells and truncated commands', () => {
    const rows = parsePs(PS_A.split('\n'), 'ps', NOW);
    expect(rows.map((r) => [r.Names[0], r.State])).toEqual([
      ['/web', 'running'],
      ['/worker', 'exited'],
      ['/db', 'restarting'],
      ['/api', 'running'],
      ['/scratchpad', 'created'],
      ['/shop', 'running'],
    ]);
    expect(rows[0]?.Ports).toEqual([
      { IP: '0.0.0.0', PublicPort: 8080, PrivatePort: 80, Type: 'tcp' },
      { IP: '::', PublicPort: 8080, PrivatePort: 80, Type: 'tcp' },
    ]);
    expect(rows[1]?.Created).toBe(NOW - 600);
  });

  it('names the situation of the container asked about, as the live rules do', () => {
    expect(codes(PS_A, 'worker')).toEqual(['exited']);
    expect(codes(PS_A, 'db')).toEqual(['restart_loop']);
    expect(codes(PS_A, 'scratchpad')).toEqual(['created_not_started', 'latest_tag_in_use']);
    expect(codes(PS_A, 'api')).toEqual(['port_not_published', 'latest_tag_in_use']);
    expect(codes(PS_A, 'shop')).toEqual(['unhealthy']);
    expect(codes(PS_A, 'web')).toEqual(['running']);
  });

  it('says what exit 137 means, from the paste alone', () => {
    const [f] = diagnosePasted(PS_A, { subject: 'worker' }, NOW)!.findings;
    expect(f?.evidence['exitCode']).toBe(137);
    expect(f?.summary).toMatch(/137/);
    expect(String(f?.evidence['exitMeaning'])).toMatch(/SIGKILL|killed|memory/i);
  });

  it('without a name, lists the troubled containers', () => {
    const found = diagnosePasted(PS_A, {}, NOW)!.findings.map((f) => `${f.code}:${f.subject}`);
    expect(found).toEqual(expect.arrayContaining(['exited:worker', 'restart_loop:db', 'created_not_started:scratchpad']));
    expect(found.some((x) => x.endsWith(':web'))).toBe(false);
  });

  it('reads rows without a header, and tab-separated cells', () => {
    const noHeader = `9b8a7c6d5e4f   acme/worker:2.3.1   "python worker.py"   10 minutes ago   Exited (1) 5 minutes ago      worker`;
    expect(psFormat([noHeader])).toBe('ps');
    expect(codes(noHeader, 'worker')).toEqual(['exited']);
    const tabs = `CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n9b8a7c6d5e4f\tacme/worker:2.3.1\t"python w…"\t10 minutes ago\tExited (2) 5 minutes ago\t\tworker`;
    expect(codes(tabs, 'worker')).toEqual(['exited']);
  });

  it('reads port cells with ranges and IPv6 and ignores what it cannot read', () => {
    expect(parsePorts('127.0.0.1:5432->5432/tcp, [::1]:5432->5432/tcp, 53/udp, junk')).toEqual([
      { IP: '127.0.0.1', PublicPort: 5432, PrivatePort: 5432, Type: 'tcp' },
      { IP: '::1', PublicPort: 5432, PrivatePort: 5432, Type: 'tcp' },
      { IP: '', PrivatePort: 53, PublicPort: 0, Type: 'udp' },
    ]);
  });
});

describe('pasted docker compose ps', () => {
  it('v2: NAME first, SERVICE column kept as the Compose label', () => {
    const t = `NAME           IMAGE          COMMAND                  SERVICE   CREATED         STATUS                         PORTS
shop-api-1     shop-api       "docker-entrypoint.s…"   api       3 minutes ago   Up 3 minutes                   0.0.0.0:3000->3000/tcp
shop-db-1      postgres:16    "docker-entrypoint.s…"   db        3 minutes ago   Restarting (1) 5 seconds ago
shop-cache-1   redis:7        "docker-entrypoint.s…"   cache     3 minutes ago   Exited (137) 1 minute ago`;
    const d = diagnosePasted(t, {}, NOW)!;
    expect(d.source).toBe('compose-ps');
    expect(d.read).toBe(3);
    expect(d.findings.map((f) => `${f.code}:${f.subject}`)).toEqual(
      expect.arrayContaining(['restart_loop:shop-db-1', 'exited:shop-cache-1']),
    );
  });

  it('v1: State column with "Exit 137"', () => {
    const t = `          Name                        Command               State     Ports
-------------------------------------------------------------------------------
magento_db_1    docker-entrypoint.sh mysqld    Exit 137
magento_web_1   /usr/local/bin/entrypoint.sh   Up        0.0.0.0:80->80/tcp`;
    const d = diagnosePasted(t, { subject: 'magento_db_1' }, NOW)!;
    expect(d.source).toBe('compose-v1-ps');
    expect(d.findings.map((f) => f.code)).toEqual(['exited']);
    expect(d.findings[0]?.evidence['exitCode']).toBe(137);
  });
});

describe('pasted docker compose ps is diagnosed per service, with Compose commands', () => {
  const fixOf = (d: ReturnType<typeof diagnosePasted>, subject: string) => d?.findings.find((f) => f.subject === subject)?.fix ?? [];
  const V2 = `NAME           IMAGE          COMMAND                  SERVICE   CREATED         STATUS                         PORTS
shop-api-1     shop-api       "docker-entrypoint.s…"   api       3 minutes ago   Exited (1) 1 minute ago
shop-db-1      postgres:16    "docker-entrypoint.s…"   db        3 minutes ago   Restarting (1) 5 seconds ago
shop-web-1     nginx:1.25     "/docker-entrypoint.…"   web       3 minutes ago   Up 3 minutes                   0.0.0.0:8080->80/tcp`;

  it('v2: an exited service gets `docker compose logs` and `docker compose up -d`, never docker rm + docker run', () => {
    const d = diagnosePasted(V2, {}, NOW);
    const api = d?.findings.find((f) => f.subject === 'shop-api-1');
    expect(api?.summary).toMatch(/^Service `api` \(container `shop-api-1`\) is not running/);
    expect(api?.evidence['service']).toBe('api');
    expect(fixOf(d, 'shop-api-1')).toEqual([
      'docker compose logs --tail 50 api',
      'Fix the cause in the code or configuration, then rebuild the image.',
      'docker compose up -d --build api',
    ]);
    expect(fixOf(d, 'shop-db-1')).toContain('docker compose logs --tail 50 db');
    expect(d?.findings.flatMap((f) => f.fix).filter((l) => /^docker (?:rm|run|update)\b/.test(l))).toEqual([]);
  });

  it('early v2 (NAME COMMAND SERVICE STATUS, lower-case states) is read too', () => {
    const t = `NAME                COMMAND                  SERVICE             STATUS              PORTS
shop-api-1          "docker-entrypoint.s…"   api                 exited (137)
shop-db-1           "docker-entrypoint.s…"   db                  restarting (1)
shop-web-1          "/docker-entrypoint.…"   web                 running (unhealthy)   0.0.0.0:8080->80/tcp`;
    const d = diagnosePasted(t, {}, NOW);
    expect(d?.source).toBe('compose-ps');
    expect(d?.findings.map((f) => `${f.code}:${String(f.evidence['service'])}`)).toEqual(
      expect.arrayContaining(['exited:api', 'restart_loop:db', 'unhealthy:web']),
    );
    expect(d?.findings.find((f) => f.code === 'exited')?.evidence['exitCode']).toBe(137);
  });

  it('v1: the service comes from project_service_N, and the commands are docker-compose ones', () => {
    const t = `      Name                     Command               State     Ports
-----------------------------------------------------------------------------
shop_worker_1   python worker.py                 Exit 137
shop_web_1      /docker-entrypoint.sh ngin ...   Up        0.0.0.0:8080->80/tcp`;
    const d = diagnosePasted(t, {}, NOW);
    expect(fixOf(d, 'shop_worker_1')).toEqual(
      expect.arrayContaining(['docker-compose logs --tail 50 worker', 'docker-compose up -d --build worker']),
    );
  });

  it('a service asked about that the table does not list: ps -a, its logs, up -d', () => {
    const d = diagnosePasted(V2, { subject: 'worker' }, NOW);
    const f = d?.findings.find((x) => x.subject === 'worker');
    expect(f?.summary).toMatch(/Service `worker` is not in your `docker compose ps` output: .*running services only/);
    expect(f?.fix).toEqual([
      'docker compose ps -a worker',
      'docker compose logs --tail 50 worker',
      'docker compose up -d worker',
      'docker compose config --services',
    ]);
  });
});

describe('pasted events and empty tables are evidence too', () => {
  it('die with exit code 137 and an oom event: the container was OOM-killed (the rules see it as a stopped container)', () => {
    const t = `2026-12-01T09:14:02.123456789Z container die 3b2c1d0e9f8a (exitCode=137, image=acme/worker:2, name=worker)
2026-12-01T09:14:02.345678901Z container oom 3b2c1d0e9f8a (image=acme/worker:2, name=worker)`;
    const d = diagnosePasted(t, {}, NOW);
    expect(d?.source).toBe('events');
    expect(d?.findings.map((f) => `${f.code}:${f.subject}`)).toEqual(['oom_killed:worker']); // one finding: no contradicting 'exited' (issue 14);
  });

  it('a container destroyed in the events is not listed (its removal is what the rules report)', () => {
    const t = `2026-12-01T11:50:00.000000000Z container die 4c3b2a190817 (exitCode=0, image=job:1, name=job)
2026-12-01T11:50:01.000000000Z container destroy 4c3b2a190817 (image=job:1, name=job)`;
    const d = diagnosePasted(t, { subject: 'job' }, NOW);
    expect(d?.findings.map((f) => f.code)).toEqual(['recently_removed']);
  });

  it('a docker ps header with no row: nothing runs, and the asked name points at docker ps -a', () => {
    const d = diagnosePasted('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES', { subject: 'myapi' }, NOW);
    expect(d?.read).toBe(0);
    expect(d?.findings[0]?.summary).toMatch(/^Your `docker ps` table is empty: no container is running right now/);
    expect(d?.findings[0]?.fix).toEqual([
      'docker ps -a',
      'docker ps -a --filter ancestor=myapi',
      'Then read the logs of the container that stopped, to see why.',
    ]);
  });

  it('a State fragment without a name: the asked name does not replace it', () => {
    const d = diagnosePasted('"State": {\n  "Status": "exited",\n  "OOMKilled": true,\n  "ExitCode": 137\n}', { subject: 'java' }, NOW);
    expect(d?.findings.map((f) => f.code)).toContain('oom_killed');
    expect(d?.findings.map((f) => f.code)).not.toContain('not_found');
  });
});

describe('pasted docker images', () => {
  it('counts <none>:<none> images as dangling, never as "never run"', () => {
    const t = `REPOSITORY    TAG       IMAGE ID       CREATED          SIZE
acme/api      1.4.0     3c4d5e6f7a8b   2 hours ago      212MB
<none>        <none>    7f6e5d4c3b2a   3 days ago       980MB
<none>        <none>    6e5d4c3b2a19   3 days ago       1.1GB`;
    const d = diagnosePasted(t, {}, NOW)!;
    expect(d.source).toBe('images');
    expect(d.findings.map((f) => f.code)).toEqual(['dangling_images']);
    expect(d.findings[0]?.evidence['count']).toBe(2);
    expect(d.findings[0]?.evidence['totalBytes']).toBe(2_080_000_000);
  });
});

describe('pasted docker inspect', () => {
  it("the State object alone, on one line (docker inspect -f '{{json .State}}'), is read as the State", () => {
    const t =
      '{"Status":"exited","Running":false,"OOMKilled":false,"Dead":false,"Pid":0,"ExitCode":1,"Error":"","StartedAt":"2026-12-01T10:00:00Z","FinishedAt":"2026-12-01T10:00:03Z"}';
    expect(codes(t)).toEqual(['exited']);
    expect(codes('{"Status":"running","Name":"not a state"}')).toBeNull();
  });

  it('a State fragment with OOMKilled says out of memory (the same findings as the live rules give)', () => {
    const t = `"State": {
            "Status": "exited",
            "Running": false,
            "Paused": false,
            "Restarting": false,
            "OOMKilled": true,
            "Dead": false,
            "Pid": 0,
            "ExitCode": 137,
            "Error": "",
            "StartedAt": "2026-12-01T11:00:00.000000000Z",
            "FinishedAt": "2026-12-01T11:50:00.000000000Z"
        },`;
    // oom_killed alone: a second `exited` finding would contradict its fix (issue 14).
    expect(codes(t)).toEqual(['oom_killed']);
  });

  it('the whole array, with the name and exit code', () => {
    const t = JSON.stringify(
      [
        {
          Id: 'ab'.repeat(32),
          Name: '/billing',
          Created: '2026-12-01T10:00:00Z',
          Image: 'sha256:1234',
          State: { Status: 'exited', ExitCode: 127, OOMKilled: false },
          Config: { Image: 'acme/billing:3' },
          RestartCount: 0,
          HostConfig: { RestartPolicy: { Name: 'no' } },
        },
      ],
      null,
      2,
    );
    const d = diagnosePasted(t, {}, NOW)!;
    expect(d.source).toBe('inspect');
    expect(d.findings.map((f) => `${f.code}:${f.subject}`)).toEqual(['exited:billing']);
    expect(d.findings[0]?.evidence['exitCode']).toBe(127);
  });
});

describe('pasted docker events', () => {
  it('a die then destroy is a removed container, and an exec line is never kept', () => {
    const t = [
      '2026-12-01T11:58:00.000000000Z container exec_create: sh -c echo GITHUB_TOKEN=ghp_abcdefabcdefabcdefabcdefabcdefabcdef 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef (execID=1, image=acme/job:1, name=job)',
      '2026-12-01T11:59:00.000000000Z container die 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef (exitCode=0, image=acme/job:1, name=job)',
      '2026-12-01T11:59:00.100000000Z container destroy 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef (image=acme/job:1, name=job)',
    ].join('\n');
    const d = diagnosePasted(t, {}, NOW)!;
    expect(d.source).toBe('events');
    expect(d.read).toBe(2);
    expect(d.findings.map((f) => `${f.code}:${f.subject}`)).toEqual(['recently_removed:job']);
    expect(JSON.stringify(d)).not.toMatch(/ghp_|exec/);
  });
});

describe('bounded and tolerant', () => {
  it(`reads at most ${MAX_LINES} lines of a huge paste and says it was cut`, () => {
    const row = (i: number) => `${i.toString(16).padStart(12, '0')}   app:1   "sh"   1 hour ago   Exited (1) 1 hour ago      c${i}`;
    const t = ['CONTAINER ID   IMAGE   COMMAND   CREATED   STATUS   PORTS   NAMES', ...Array.from({ length: 5000 }, (_, i) => row(i))].join(
      '\n',
    );
    const d = diagnosePasted(t, {}, NOW)!;
    expect(d.truncated).toBe(true);
    expect(d.read).toBe(MAX_LINES - 1);
  });

  it('finds nothing in prose, a command line or a stack trace', () => {
    for (const t of [
      'my container keeps restarting, why?',
      'docker run -d -p 8080:80 --name web nginx:1.25',
      'Traceback (most recent call last):\n  File "app.py", line 3',
    ]) {
      expect(diagnosePasted(t, {}, NOW)).toBeNull();
    }
  });
});

describe('the independent set of pasted-output questions (test/fixtures/messages-pasted-output.jsonl)', () => {
  interface Row {
    text: string;
    codes: string[];
    says?: string[];
  }
  const rows: Row[] = readFileSync(fileURLToPath(new URL('../fixtures/messages-pasted-output.jsonl', import.meta.url)), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);

  it('has at least 40 messages', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
  });

  it('finds what each paste shows, with the values that matter', () => {
    const wrong = rows.flatMap((r) => {
      const d = diagnosePasted(r.text, {}, NOW);
      const got = d?.findings.map((f) => f.code) ?? [];
      const text = JSON.stringify(d?.findings ?? []);
      const missing = (r.says ?? []).filter((v) => !text.includes(v));
      return JSON.stringify([...new Set(got)].sort()) === JSON.stringify([...r.codes].sort()) && missing.length === 0
        ? []
        : [`${r.text.slice(0, 60)} → ${JSON.stringify(got)} missing ${missing.join(',')}`];
    });
    expect(wrong).toEqual([]);
  });
});
