// What `coach proxy` takes out of engine answers (src/proxy/scrub.ts, filter-*.ts), on bodies
// shaped like the engine's own: environment values, secret-shaped labels and arguments, exec
// command lines in events, secrets in logs — and what it must leave alone (names the bot
// matches on, compose labels, ordinary arguments).
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { eventsFilter, filterEvent } from '../../src/proxy/filter-events.ts';
import { filterJson, filterJsonBody } from '../../src/proxy/filter-json.ts';
import { filterLogs } from '../../src/proxy/filter-logs.ts';
import { namesSecret, scrubArgv, scrubCommandLine, scrubDeep } from '../../src/proxy/scrub.ts';

const R = '[redacted]';

const inspect = {
  Id: 'f00dfeed',
  Name: '/db',
  Path: 'sh',
  Args: ['-c', 'run', 'app', '--password=pw-args', '--api-key', 'key-args'],
  Config: {
    Env: ['DB_PASSWORD=s3cret', 'PATH=/usr/bin', 'PLAIN=value-looks-harmless'],
    Cmd: ['sh', '-c', 'run', 'app', '--password=pw-args', '--api-key', 'key-args', '--verbose', 'yes'],
    Entrypoint: ['/entry', '--token', 'tok-entry'],
    Labels: {
      api_token: 'tok-label',
      'com.docker.compose.service': 'db',
      'com.example.db_password': 'pw-label',
      'traefik.url': 'https://admin:pw-url@example.com',
    },
    Healthcheck: { Test: ['CMD-SHELL', 'curl -H "Authorization: Bearer tok-health-123456" http://localhost --password=pw-health'] },
    Image: 'vault-secrets:1.2',
  },
  HostConfig: { LogConfig: { Type: 'splunk', Config: { 'splunk-token': 'tok-splunk', 'splunk-url': 'https://splunk' } } },
  State: {
    Status: 'running',
    Health: { Status: 'healthy', Log: [{ ExitCode: 0, Output: 'connected with s3cret and value-looks-harmless' }] },
  },
  Image: 'sha256:abc',
};

const SECRETS = [
  's3cret',
  'pw-args',
  'key-args',
  'tok-entry',
  'tok-label',
  'pw-label',
  'pw-url',
  'tok-health-123456',
  'pw-health',
  'tok-splunk',
  'value-looks-harmless',
];

const leaked = (x: unknown) => SECRETS.filter((s) => JSON.stringify(x).includes(s));

describe('coach proxy: container inspect', () => {
  const out = filterJson('containerInspect', inspect) as typeof inspect;

  it('keeps the environment names only, and scrubs the values from everything else', () => {
    expect(out.Config.Env).toEqual([`DB_PASSWORD=${R}`, `PATH=${R}`, `PLAIN=${R}`]);
    // An env value with no secret shape at all is still taken out of the health output.
    expect(out.State.Health.Log[0]!.Output).not.toContain('value-looks-harmless');
  });

  it('leaves no secret anywhere in the body', () => {
    expect(leaked(out)).toEqual([]);
  });

  it('redacts secret-named labels and the value after a secret-naming flag', () => {
    expect(out.Config.Labels.api_token).toBe(R);
    expect(out.Config.Labels['com.example.db_password']).toBe(R);
    expect(out.Config.Cmd).toEqual(['sh', '-c', 'run', 'app', `--password=${R}`, '--api-key', R, '--verbose', 'yes']);
    expect(out.Config.Entrypoint).toEqual(['/entry', '--token', R]);
    expect(out.HostConfig.LogConfig.Config['splunk-token']).toBe(R);
  });

  it('keeps what the bot reads: names, ids, images, compose labels, state', () => {
    expect(out.Name).toBe('/db');
    expect(out.Id).toBe('f00dfeed');
    expect(out.Config.Image).toBe('vault-secrets:1.2');
    expect(out.Config.Labels['com.docker.compose.service']).toBe('db');
    expect(out.State.Status).toBe('running');
    expect(out.HostConfig.LogConfig.Config['splunk-url']).toBe('https://splunk');
  });
});

describe('coach proxy: lists, images and other answers', () => {
  it('container list: Command lines and labels', () => {
    const list = [
      {
        Id: 'a1',
        Names: ['/web'],
        Image: 'team/token-service:2',
        Command: 'app --api-key key-list --password=pw-list -v',
        Labels: { api_token: 'tok-list', 'com.docker.compose.project': 'shop' },
      },
    ];
    const [c] = filterJson('containerList', list) as typeof list;
    expect(c!.Command).toBe(`app --api-key ${R} --password=${R} -v`);
    expect(c!.Labels).toEqual({ api_token: R, 'com.docker.compose.project': 'shop' });
    expect(c!.Image).toBe('team/token-service:2');
    expect(c!.Names).toEqual(['/web']);
  });

  it('image inspect and list: env values and secret labels', () => {
    const image = {
      Id: 'sha256:1',
      RepoTags: ['app:1'],
      Config: { Env: ['NPM_TOKEN=npm-secret-value'], Cmd: ['node', '--token', 'tok-img'], Labels: { 'ci.secret': 'tok-ci' } },
      ContainerConfig: { Env: ['OLD_SECRET=old-value'] },
    };
    const out = filterJson('imageInspect', image);
    expect(JSON.stringify(out)).not.toMatch(/npm-secret-value|tok-img|tok-ci|old-value/);
    expect(JSON.stringify(out)).toContain('NPM_TOKEN=');
    const list = filterJson('imageList', [{ Id: 'sha256:1', RepoTags: ['app:1'], Labels: { deploy_token: 'tok-il' } }]);
    expect(JSON.stringify(list)).not.toContain('tok-il');
  });

  it('any answer (info, errors): URL credentials and secret shapes; text bodies too', () => {
    expect(filterJsonBody('other', JSON.stringify({ HttpProxy: 'http://u:pw-proxy@proxy:3128' }))).not.toContain('pw-proxy');
    expect(filterJsonBody('other', 'OK')).toBe('OK');
    expect(filterJsonBody('other', 'token=plain-text-secret')).toBe(`token=${R}`);
  });

  it('asks the shared redaction which names are secret', () => {
    for (const name of ['DB_PASSWORD', '--password', 'api_token', 'com.example/client_secret', 'AWS_ACCESS_KEY_ID'])
      expect(namesSecret(name), name).toBe(true);
    for (const name of ['com.docker.compose.service', '--verbose', 'Image', 'Name', 'maintainer'])
      expect(namesSecret(name), name).toBe(false);
  });

  it('argument lists and command lines: only the value after a secret flag goes', () => {
    expect(scrubArgv(['--password', 'x1', '--port', '80'])).toEqual(['--password', R, '--port', '80']);
    expect(scrubArgv(['--password=x1', 'next'])).toEqual([`--password=${R}`, 'next']);
    expect(scrubCommandLine('run  --token  abc --name web')).toBe(`run  --token  ${R} --name web`);
    expect(scrubDeep({ Secrets: ['a', 'b'] })).toEqual({ Secrets: [R, R] });
  });
});

describe('coach proxy: events', () => {
  const exec = {
    Type: 'container',
    Action: 'exec_create: sh -c echo GITHUB_TOKEN=ghp_abcdefghijklmnopqrstu --password=pw-exec',
    status: 'exec_create: sh -c echo GITHUB_TOKEN=ghp_abcdefghijklmnopqrstu --password=pw-exec',
    Actor: { ID: 'c1', Attributes: { execID: 'e1', name: 'db' } },
    time: 1,
  };
  const start = {
    Type: 'container',
    Action: 'start',
    Actor: { ID: 'c1', Attributes: { name: 'db', image: 'app:1', api_token: 'tok-ev', exitCode: '0' } },
    time: 2,
  };

  it('drops exec events whole and scrubs the labels of the others', () => {
    expect(filterEvent(exec)).toBeNull();
    expect(filterEvent({ ...exec, Action: 'exec_die', status: 'exec_die' })).toBeNull();
    expect(filterEvent(start)).toEqual({
      ...start,
      Actor: { ID: 'c1', Attributes: { name: 'db', image: 'app:1', api_token: R, exitCode: '0' } },
    });
  });

  it('filters a stream line by line, across chunk boundaries and split characters', async () => {
    const body = Buffer.from(
      `${JSON.stringify(exec)}\n${JSON.stringify({ ...start, Actor: { ...start.Actor, Attributes: { ...start.Actor.Attributes, name: 'dé' } } })}\nnot json\n`,
    );
    // Cut inside the multi-byte é and inside a line.
    const cut = body.indexOf(Buffer.from('é')) + 1;
    const chunks = [body.subarray(0, 10), body.subarray(10, cut), body.subarray(cut)];
    const out = await text(Readable.from(chunks).pipe(eventsFilter({ maxBytes: 1 << 20, maxLineBytes: 1 << 16 })));
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).Actor.Attributes).toMatchObject({ name: 'dé', api_token: R });
    expect(out).not.toMatch(/pw-exec|ghp_|tok-ev|not json/);
  });

  it('fails the stream past the total or the line limit', async () => {
    const line = `${JSON.stringify(start)}\n`;
    const many = Readable.from([Buffer.from(line.repeat(100))]);
    await expect(text(many.pipe(eventsFilter({ maxBytes: line.length * 10, maxLineBytes: 1 << 16 })))).rejects.toThrow(/too large/);
    const long = Readable.from([Buffer.from(`{"Type":"${'x'.repeat(5000)}`)]);
    await expect(text(long.pipe(eventsFilter({ maxBytes: 1 << 20, maxLineBytes: 1000 })))).rejects.toThrow(/one event/);
  });
});

describe('coach proxy: logs', () => {
  const frame = (stream: number, s: string) => {
    const p = Buffer.from(s);
    const h = Buffer.alloc(8);
    h[0] = stream;
    h.writeUInt32BE(p.length, 4);
    return Buffer.concat([h, p]);
  };

  it('rewrites multiplexed frames with the secrets and the container env values taken out', () => {
    const body = Buffer.concat([frame(1, 'connecting with s3cretvalue\n'), frame(2, 'token=abc123 failed\n')]);
    const out = filterLogs(body, ['s3cretvalue']);
    expect(out.subarray(8, 8 + out.readUInt32BE(4)).toString()).toBe(`connecting with ${R}\n`);
    const second = out.subarray(8 + out.readUInt32BE(4));
    expect(second[0]).toBe(2);
    expect(second.subarray(8).toString()).toBe(`token=${R} failed\n`);
  });

  it('redacts raw (TTY) logs as text', () => {
    expect(filterLogs(Buffer.from('password=hunter22 and s3cretvalue\r\n'), ['s3cretvalue']).toString()).toBe(`password=${R} and ${R}\r\n`);
  });
});

describe('coach proxy: values too long to scan', () => {
  // The shared patterns take time growing with the square of a run of name characters (a 40 KB
  // label took 8.5 s); such values are taken out whole before any pattern sees them.
  it('takes out a long run whole, keeping an env name, and leaves ordinary values to the scan', () => {
    const body = {
      Config: {
        Env: [`BLOB=${'y'.repeat(500)}`, 'SHORT=ok-value'],
        Labels: { padding: 'x'.repeat(40 * 1024), [`k${'z'.repeat(300)}`]: 'v' },
        Cmd: ['app', `--jwt=${'a'.repeat(200)}`, 'plain'],
      },
      Id: 'f'.repeat(64),
    };
    const out = filterJson('containerInspect', body) as {
      Config: { Env: string[]; Labels: Record<string, string>; Cmd: string[] };
      Id: string;
    };
    expect(out.Config.Env).toEqual([`BLOB=${R}`, `SHORT=${R}`]);
    expect(out.Config.Labels).toEqual({ padding: R, [R]: R });
    expect(out.Config.Cmd).toEqual(['app', `--jwt=${R}`, 'plain']);
    expect(out.Id).toBe('f'.repeat(64));
  });

  it('in events and logs too', () => {
    const event = filterEvent({
      Type: 'container',
      Action: 'start',
      Actor: { ID: 'c', Attributes: { blob: 'x'.repeat(40 * 1024), name: 'web' } },
    });
    expect(event).toEqual({ Type: 'container', Action: 'start', Actor: { ID: 'c', Attributes: { blob: R, name: 'web' } } });
    expect(filterLogs(Buffer.from(`ok line\n${'q'.repeat(1000)}\ntoken=abc123\n`), []).toString()).toBe(`ok line\n${R}\ntoken=${R}\n`);
  });
});
