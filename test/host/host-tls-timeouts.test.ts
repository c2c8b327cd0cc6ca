// Per-host TLS and per-host time limits, in behaviour, through the real composition root
// (main.ts → config → app/host.ts): COACH_HOSTS with COACH_HOST_<NAME>_TLS_VERIFY / _CERT_PATH /
// _TIMEOUT_MS.
// - `secure` is a mutual-TLS front on 127.0.0.1 (a Node TLS server that requires and verifies the
//   client certificate) forwarding bytes to the suite's recorder, which forwards to the real
//   engine: `ps` and `why` work through TLS; wrong or missing client certificates get a kind TLS
//   message, no crash, and nothing from the key or the certificate folder in the text.
// - `hung` accepts connections and never answers: with its own short limit its answer says it did
//   not answer within THAT limit (the value comes back in the finding), while the real engine,
//   asked in the same run under the default limit, answers normally.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestImage, cleanup, describeEngine, docker, testName } from '../helpers/engine.ts';
import { proxySocket } from '../helpers/engine-client.ts';
import { runMain } from '../helpers/cli.ts';
import { testModelCacheDir } from '../helpers/bot.ts';
import { cleanEnv } from '../helpers/spawn.ts';
import { startSilentServer, startTlsFront, type StandIn } from '../helpers/stand-in-servers.ts';
import { makePki, type Pki } from '../helpers/tls-pki.ts';

interface WhyJson {
  host: string;
  findings: { code: string; summary: string; fix: string[]; evidence: Record<string, unknown> }[];
}

describeEngine('per-host TLS and per-host time limits (COACH_HOST_<NAME>_…)', () => {
  const root = mkdtempSync(join(tmpdir(), 'cc-host-tls-'));
  const web = testName('tls-web');
  let pki: Pki;
  let front: StandIn;
  let hung: StandIn;

  const env = (over: Record<string, string> = {}) =>
    cleanEnv({
      COACH_DOCKER: 'auto',
      COACH_HOSTS: `local=unix://${proxySocket()}, secure=tcp://127.0.0.1:${front.port}, hung=tcp://127.0.0.1:${hung.port}`,
      COACH_ENGINE_TIMEOUT_MS: '20000',
      COACH_HOST_SECURE_TLS_VERIFY: '1',
      COACH_HOST_SECURE_CERT_PATH: pki.good,
      COACH_HOST_HUNG_TIMEOUT_MS: '700',
      COACH_MODEL_CACHE_DIR: testModelCacheDir(),
      ...over,
    });

  beforeAll(async () => {
    pki = makePki(root);
    front = await startTlsFront(pki.server, proxySocket());
    hung = await startSilentServer();
    const image = testName('tls-img:1');
    await buildTestImage(image);
    await docker('create', '--name', web, image);
  }, 180_000);

  afterAll(async () => {
    await front.close();
    await hung.close();
    rmSync(root, { recursive: true, force: true });
    await cleanup();
  }, 120_000);

  it('TLS: `ps --host secure` and `why NAME --host secure` answer through the mutual-TLS front', async () => {
    const before = front.accepted();
    const ps = await runMain(['ps', '--all', '--host', 'secure', '--json'], { env: env() });
    expect(ps.code, ps.stderr).toBe(0);
    expect((JSON.parse(ps.stdout) as { names: string[] }[]).flatMap((c) => c.names)).toContain(web);
    const why = await runMain(['why', web, '--host', 'secure', '--json'], { env: env() });
    expect(why.code, why.stderr).toBe(0);
    const d = JSON.parse(why.stdout) as WhyJson;
    expect(d.host).toBe(`secure (tcp://127.0.0.1:${front.port})`);
    expect(d.findings.map((f) => f.code)).toContain('created_not_started');
    expect(front.accepted()).toBeGreaterThan(before);
  });

  for (const [what, dir] of [
    ['no client certificate', (p: Pki) => p.noClientCert],
    ['a client certificate from another CA', (p: Pki) => p.foreignClientCert],
    ['a CA that did not sign the server', (p: Pki) => p.wrongCa],
  ] as const) {
    it(`TLS with ${what}: a kind TLS message naming the host's settings, no crash, no key or path in the text`, async () => {
      const e = env({ COACH_HOST_SECURE_CERT_PATH: dir(pki) });
      const why = await runMain(['why', web, '--host', 'secure', '--json'], { env: e });
      const d = JSON.parse(why.stdout) as WhyJson;
      const f = d.findings[0];
      expect(d.findings.map((x) => x.code)).toEqual(['daemon_unreachable']);
      expect(f?.evidence.reason).toBe('tls');
      expect(f?.summary).toMatch(/^TLS problem talking to tcp:\/\/127\.0\.0\.1:\d+/);
      expect(f?.fix.join('\n')).toContain('COACH_HOST_SECURE_TLS_VERIFY and COACH_HOST_SECURE_CERT_PATH');
      const text = await runMain(['why', web, '--host', 'secure'], { env: e });
      expect(text.code).toBe(1);
      for (const out of [why.stdout, why.stderr, text.stdout, text.stderr]) {
        expect(out).not.toContain(root);
        expect(out).not.toMatch(/PRIVATE KEY|BEGIN CERTIFICATE/);
        expect(out).not.toContain(pki.clientKeyPem.split('\n')[1] ?? 'no key line');
        expect(out).not.toMatch(/\n\s+at .+:\d+:\d+\)?/); // no stack trace
      }
      expect(text.stdout).toMatch(/TLS problem/);
    });
  }

  it('TLS with a certificate folder that does not exist: the same kind TLS message, and the folder is not shown', async () => {
    const missing = join(root, 'no-such-folder');
    const why = await runMain(['why', web, '--host', 'secure', '--json'], { env: env({ COACH_HOST_SECURE_CERT_PATH: missing }) });
    const d = JSON.parse(why.stdout) as WhyJson;
    expect(d.findings[0]?.evidence).toMatchObject({
      reason: 'tls',
      detail: 'TLS verification is on but the certificate folder has no ca.pem',
    });
    expect(d.findings[0]?.fix.join('\n')).toContain('COACH_HOST_SECURE_CERT_PATH');
    expect(why.stdout + why.stderr).not.toContain(root);
  });

  it('time limits: the hung host answers "did not answer within 700 ms" (its own limit) while the real engine answers under the default', async () => {
    const [slow, fine] = await Promise.all([
      runMain(['why', web, '--host', 'hung', '--json'], { env: env() }),
      runMain(['why', web, '--host', 'local', '--json'], { env: env() }),
    ]);
    const s = JSON.parse(slow.stdout) as WhyJson;
    const f = s.findings[0];
    expect(s.findings.map((x) => x.code)).toEqual(['daemon_unreachable']);
    expect(f?.evidence).toMatchObject({ reason: 'timeout', timeoutMs: 700 });
    expect(f?.summary).toMatch(/did not answer within 700 ms/);
    expect(f?.fix.join('\n')).toContain('COACH_HOST_HUNG_TIMEOUT_MS');
    expect(hung.accepted()).toBeGreaterThan(0);

    expect(fine.code, fine.stderr).toBe(0);
    const ok = JSON.parse(fine.stdout) as WhyJson;
    expect(ok.findings.map((x) => x.code)).toContain('created_not_started');
  });

  it('time limits: a per-host limit longer than the default is honoured, not cut short by the default one', async () => {
    const r = await runMain(['why', web, '--host', 'hung', '--json'], {
      env: env({ COACH_ENGINE_TIMEOUT_MS: '200', COACH_HOST_HUNG_TIMEOUT_MS: '2500' }),
    });
    const f = (JSON.parse(r.stdout) as WhyJson).findings[0];
    expect(f?.evidence).toMatchObject({ reason: 'timeout', timeoutMs: 2500 });
    expect(f?.summary).toMatch(/did not answer within 2500 ms/);
  });
});
