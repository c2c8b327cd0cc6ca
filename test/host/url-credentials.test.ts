// A password in a URL (DOCKER_HOST=tcp://admin:hunter2@…) is never printed: not by
// `coach config`, not in the engine description, not in connection errors or findings.
import { describe, expect, it } from 'vitest';
import { loadConfig, redactedConfig } from '../../src/config.ts';
import { ConnectError, resolveEngine } from '../../src/host/connect.ts';
import { createDockerHost } from '../../src/host/docker-host.ts';

const PASSWORD = 'hunter2-url-pw';

describe('URL credentials', () => {
  it('coach config shows DOCKER_HOST without its password', () => {
    const c = loadConfig({ DOCKER_HOST: `tcp://admin:${PASSWORD}@10.0.0.5:2375` });
    const shown = JSON.stringify(redactedConfig(c));
    expect(shown).not.toContain(PASSWORD);
    expect(redactedConfig(c).DOCKER_HOST).toBe('tcp://admin:[redacted]@10.0.0.5:2375');
  });

  it('the engine description has no password', () => {
    const t = resolveEngine({ dockerHost: `tcp://admin:${PASSWORD}@127.0.0.1:2375` });
    expect(t.description).toBe('tcp://127.0.0.1:2375');
  });

  it.each([`foo://admin:${PASSWORD}@host`, `tcp://admin:${PASSWORD}@`])('a bad DOCKER_HOST (%s) is explained without its password', (h) => {
    let err: unknown;
    try {
      resolveEngine({ dockerHost: h });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConnectError);
    expect(`${(err as ConnectError).message} ${(err as ConnectError).description}`).not.toContain(PASSWORD);
  });

  it('the daemon_unreachable finding for a bad DOCKER_HOST has no password', async () => {
    const host = createDockerHost({ connect: { dockerHost: `foo://admin:${PASSWORD}@host` }, timeoutMs: 500 });
    const d = await host.diagnose({ subject: 'web' });
    expect(d.findings[0]?.code).toBe('daemon_unreachable');
    expect(JSON.stringify(d)).not.toContain(PASSWORD);
    expect(host.description).not.toContain(PASSWORD);
  });
});
