// Finding the engine like the docker CLI: DOCKER_HOST, then the docker context, then the
// default socket. Contexts come from temp config dirs laid out as the CLI writes them.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { Agent, Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostUnreachableError } from '../../src/core/errors.ts';
import { ConnectError, resolveEngine } from '../../src/host/connect.ts';
import { createDockerInspector } from '../../src/host/docker-inspector.ts';
import { makePki } from '../helpers/tls-pki.ts';

const root = mkdtempSync(join(tmpdir(), 'cc-connect-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

let n = 0;
interface Ctx {
  name: string;
  host: string;
  skipTLSVerify?: boolean;
  tls?: Record<string, string>;
}

/** A fresh docker CLI config dir, optionally with contexts (as `docker context create` writes them). */
function configDir(opts: { current?: string; contexts?: Ctx[] } = {}): string {
  const dir = join(root, `cfg-${++n}`);
  mkdirSync(dir, { recursive: true });
  if (opts.current) writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: {}, currentContext: opts.current }));
  for (const c of opts.contexts ?? []) {
    const hash = createHash('sha256').update(c.name).digest('hex');
    mkdirSync(join(dir, 'contexts', 'meta', hash), { recursive: true });
    const meta = { Name: c.name, Metadata: {}, Endpoints: { docker: { Host: c.host, SkipTLSVerify: c.skipTLSVerify ?? false } } };
    writeFileSync(join(dir, 'contexts', 'meta', hash, 'meta.json'), JSON.stringify(meta));
    if (c.tls) {
      const tlsDir = join(dir, 'contexts', 'tls', hash, 'docker');
      mkdirSync(tlsDir, { recursive: true });
      for (const [f, body] of Object.entries(c.tls)) writeFileSync(join(tlsDir, f), body);
    }
  }
  return dir;
}

const agentOptions = (t: ReturnType<typeof resolveEngine>) =>
  ((t.dockerOptions as { agent?: Agent }).agent as unknown as { options: Record<string, unknown> }).options;

describe('resolution order', () => {
  it('no DOCKER_HOST, no context: the default socket', () => {
    const t = resolveEngine({ dockerConfig: configDir() });
    expect(t).toMatchObject({ description: 'unix:///var/run/docker.sock', source: 'default', tls: 'none' });
    expect(t.dockerOptions).toMatchObject({ socketPath: '/var/run/docker.sock', host: undefined });
  });

  it('DOCKER_HOST unix://', () => {
    const t = resolveEngine({ dockerHost: 'unix:///run/user/1000/docker.sock', dockerConfig: configDir() });
    expect(t).toMatchObject({ description: 'unix:///run/user/1000/docker.sock', source: 'DOCKER_HOST' });
    expect(t.dockerOptions.socketPath).toBe('/run/user/1000/docker.sock');
  });

  it('DOCKER_HOST tcp:// without TLS, with and without the scheme', () => {
    expect(resolveEngine({ dockerHost: 'tcp://10.0.0.5:2375' })).toMatchObject({
      description: 'tcp://10.0.0.5:2375',
      tls: 'none',
      dockerOptions: { host: '10.0.0.5', port: 2375, protocol: 'http', socketPath: undefined },
    });
    expect(resolveEngine({ dockerHost: 'build-box:2375' }).description).toBe('tcp://build-box:2375');
  });

  it('DOCKER_HOST tcp:// with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH reads ca/cert/key', () => {
    const certs = join(root, 'certs-a');
    mkdirSync(certs);
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(join(certs, f), `-- ${f} --`);
    const t = resolveEngine({ dockerHost: 'tcp://10.0.0.5:2376', tlsVerify: '1', certPath: certs });
    expect(t).toMatchObject({ description: 'tcp://10.0.0.5:2376', tls: 'verify', dockerOptions: { protocol: 'https' } });
    const o = agentOptions(t);
    expect(String(o.ca)).toBe('-- ca.pem --');
    expect(String(o.cert)).toBe('-- cert.pem --');
    expect(String(o.key)).toBe('-- key.pem --');
    expect(o.rejectUnauthorized).toBe(true);
  });

  it('TLS verification on but no ca.pem: a TLS finding, not a crash', async () => {
    const empty = join(root, 'certs-empty');
    mkdirSync(empty);
    expect(() => resolveEngine({ dockerHost: 'tcp://10.0.0.5:2376', tlsVerify: '1', certPath: empty })).toThrow(ConnectError);
    const i = createDockerInspector({ connect: { dockerHost: 'tcp://10.0.0.5:2376', tlsVerify: '1', certPath: empty } });
    const err = await i.listContainers({ all: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostUnreachableError);
    expect((err as HostUnreachableError).finding.evidence.reason).toBe('tls');
  });

  it('DOCKER_HOST ssh:// goes through docker-modem’s ssh agent', () => {
    const t = resolveEngine({ dockerHost: 'ssh://deploy@build-box:2222', sshAuthSock: '/tmp/agent.sock' });
    expect(t).toMatchObject({
      description: 'ssh://deploy@build-box:2222',
      dockerOptions: { protocol: 'ssh', host: 'build-box', port: 2222, username: 'deploy', sshOptions: { agent: '/tmp/agent.sock' } },
    });
    expect(resolveEngine({ dockerHost: 'ssh://box' }).dockerOptions).toMatchObject({ port: 22, host: 'box' });
  });

  it('a bad DOCKER_HOST is a bad_config finding', async () => {
    const i = createDockerInspector({ connect: { dockerHost: 'ftp://x' } });
    const err = (await i.ping().catch((e: unknown) => e)) as HostUnreachableError;
    expect(err).toBeInstanceOf(HostUnreachableError);
    expect(err.finding.evidence.reason).toBe('bad_config');
    expect(err.finding.evidence.detail).toContain('not supported');
  });
});

describe('docker contexts', () => {
  const contexts: Ctx[] = [
    { name: 'remote', host: 'tcp://10.1.2.3:2375' },
    { name: 'rootless', host: 'unix:///run/user/1000/docker.sock' },
    { name: 'secure', host: 'tcp://10.9.9.9:2376', tls: { 'ca.pem': 'CA', 'cert.pem': 'CERT', 'key.pem': 'KEY' } },
    { name: 'lab', host: 'tcp://10.7.7.7:2376', skipTLSVerify: true, tls: { 'cert.pem': 'C', 'key.pem': 'K' } },
  ];

  it('currentContext in config.json', () => {
    const t = resolveEngine({ dockerConfig: configDir({ current: 'remote', contexts }) });
    expect(t).toMatchObject({ description: 'tcp://10.1.2.3:2375', source: 'config currentContext', context: 'remote' });
  });

  it('DOCKER_CONTEXT wins over currentContext', () => {
    const t = resolveEngine({ dockerContext: 'rootless', dockerConfig: configDir({ current: 'remote', contexts }) });
    expect(t).toMatchObject({ description: 'unix:///run/user/1000/docker.sock', source: 'DOCKER_CONTEXT', context: 'rootless' });
  });

  it('DOCKER_HOST wins over any context', () => {
    const t = resolveEngine({
      dockerHost: 'tcp://1.2.3.4:2375',
      dockerContext: 'rootless',
      dockerConfig: configDir({ current: 'remote', contexts }),
    });
    expect(t).toMatchObject({ description: 'tcp://1.2.3.4:2375', source: 'DOCKER_HOST' });
  });

  it('the config dir defaults to <home>/.docker', () => {
    const home = join(root, 'home');
    const dir = configDir({ current: 'remote', contexts });
    mkdirSync(home);
    execFileSync('cp', ['-r', dir, join(home, '.docker')]);
    expect(resolveEngine({ home }).description).toBe('tcp://10.1.2.3:2375');
  });

  it('context "default" means the default socket', () => {
    expect(resolveEngine({ dockerConfig: configDir({ current: 'default', contexts }) }).description).toBe('unix:///var/run/docker.sock');
  });

  it('TLS material from contexts/tls/<hash>/docker; SkipTLSVerify turns verification off', () => {
    const dir = configDir({ contexts });
    const secure = resolveEngine({ dockerContext: 'secure', dockerConfig: dir });
    expect(secure).toMatchObject({ tls: 'verify', dockerOptions: { protocol: 'https', host: '10.9.9.9', port: 2376 } });
    expect(String(agentOptions(secure).ca)).toBe('CA');
    const lab = resolveEngine({ dockerContext: 'lab', dockerConfig: dir });
    expect(lab.tls).toBe('no-verify');
    expect(agentOptions(lab).rejectUnauthorized).toBe(false);
  });

  it('an unknown context is a ConnectError (and a bad_config finding)', async () => {
    const dir = configDir({ contexts });
    expect(() => resolveEngine({ dockerContext: 'nope', dockerConfig: dir })).toThrow(/"nope" was not found/);
    const err = (await createDockerInspector({ connect: { dockerContext: 'nope', dockerConfig: dir } })
      .ping()
      .catch((e: unknown) => e)) as HostUnreachableError;
    expect(err.finding.evidence.reason).toBe('bad_config');
  });

  it('a context directory that is not named by the hash is still found by its Name', () => {
    const dir = configDir();
    mkdirSync(join(dir, 'contexts', 'meta', 'copied'), { recursive: true });
    writeFileSync(
      join(dir, 'contexts', 'meta', 'copied', 'meta.json'),
      JSON.stringify({ Name: 'odd', Endpoints: { docker: { Host: 'tcp://5.5.5.5:2375' } } }),
    );
    expect(resolveEngine({ dockerContext: 'odd', dockerConfig: dir }).description).toBe('tcp://5.5.5.5:2375');
  });
});

describe('TLS against a real TLS server (mutual TLS like dockerd --tlsverify)', () => {
  let server: Server;
  let port = 0;
  let good = '';
  let wrongCa = '';

  beforeAll(async () => {
    const pki = makePki(root);
    good = pki.good;
    wrongCa = pki.wrongCa;
    server = createServer(
      {
        ...pki.server,
        requestCert: true,
        rejectUnauthorized: true,
      },
      (req, res) => {
        res.writeHead(req.url?.endsWith('/_ping') ? 200 : 404, { 'content-type': 'text/plain' });
        res.end('OK');
      },
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when beforeAll failed
    if (server)
      await new Promise<void>((r) =>
        server.close(() => {
          r();
        }),
      );
  });

  it('right CA and client certificate: the ping goes through', async () => {
    await createDockerInspector({
      connect: { dockerHost: `tcp://127.0.0.1:${port}`, tlsVerify: '1', certPath: good },
      timeoutMs: 3000,
    }).ping();
  });

  it('wrong CA: a TLS finding', async () => {
    const i = createDockerInspector({
      connect: { dockerHost: `tcp://127.0.0.1:${port}`, tlsVerify: '1', certPath: wrongCa },
      timeoutMs: 3000,
    });
    const err = (await i.ping().catch((e: unknown) => e)) as HostUnreachableError;
    expect(err).toBeInstanceOf(HostUnreachableError);
    expect(err.finding.evidence.reason).toBe('tls');
    expect(err.finding.summary).toMatch(/TLS problem/);
  });

  it('plain HTTP to a TLS port: not a hang, a finding', async () => {
    const i = createDockerInspector({ connect: { dockerHost: `tcp://127.0.0.1:${port}` }, timeoutMs: 2000 });
    const err = (await i.ping().catch((e: unknown) => e)) as HostUnreachableError;
    expect(err).toBeInstanceOf(HostUnreachableError);
    expect(['not_docker', 'connection_closed', 'tls', 'engine_error']).toContain(err.finding.evidence.reason);
  });
});
