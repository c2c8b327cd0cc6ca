// COACH_HOSTS, COACH_DEFAULT_HOST, COACH_HOST_CHANNELS and the per-host settings, through
// loadConfig (the one reader of the environment): good entries, bad entries (each problem named,
// secrets never echoed), and today's single-host settings as the one host called `default`.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactedConfig } from '../src/config.ts';
import { redactHostUrl } from '../src/config-hosts.ts';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('config: several hosts', () => {
  it('without COACH_HOSTS, the single-host settings are one host called default', () => {
    const c = loadConfig({
      DOCKER_HOST: 'tcp://10.0.0.5:2376',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: '/certs',
      COACH_ENGINE_TIMEOUT_MS: '4000',
    });
    expect(c.hosts).toEqual([
      {
        name: 'default',
        dockerHost: 'tcp://10.0.0.5:2376',
        tlsVerify: '1',
        certPath: '/certs',
        timeoutMs: 4000,
        channels: null,
        default: true,
        url: 'tcp://10.0.0.5:2376',
      },
    ]);
    expect(loadConfig({}).hosts.map((h) => h.name)).toEqual(['default']);
    // The single host can be bound to channels too, by its name.
    expect(loadConfig({ COACH_HOST_CHANNELS: 'default=C0123ABCD' }).hosts[0]?.channels).toEqual(['C0123ABCD']);
  });

  it('reads unix, tcp, ssh and context entries, with per-host TLS and time limits', () => {
    const c = loadConfig({
      COACH_HOSTS: 'dev=unix:///var/run/docker.sock, staging=tcp://10.0.0.5:2376\nci=ssh://deploy@ci-1;prod=prod-ctx',
      COACH_HOST_STAGING_TLS_VERIFY: '1',
      COACH_HOST_STAGING_CERT_PATH: '/certs/staging',
      COACH_HOST_CI_TIMEOUT_MS: '9000',
      COACH_ENGINE_TIMEOUT_MS: '2500',
      DOCKER_HOST: 'tcp://ignored:2375',
    });
    expect(c.hosts.map((h) => [h.name, h.dockerHost ?? `context:${h.dockerContext ?? ''}`, h.timeoutMs, h.default])).toEqual([
      ['dev', 'unix:///var/run/docker.sock', 2500, true],
      ['staging', 'tcp://10.0.0.5:2376', 2500, false],
      ['ci', 'ssh://deploy@ci-1', 9000, false],
      ['prod', 'context:prod-ctx', 2500, false],
    ]);
    expect(c.hosts[1]).toMatchObject({ tlsVerify: '1', certPath: '/certs/staging' });
  });

  it('puts COACH_DEFAULT_HOST first and binds channels from COACH_HOST_CHANNELS', () => {
    const c = loadConfig({
      COACH_HOSTS: 'dev=unix:///a.sock,staging=unix:///b.sock',
      COACH_DEFAULT_HOST: 'staging',
      COACH_HOST_CHANNELS: 'staging=C0123ABCD, C0456 ; dev=112233445566778899',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
    });
    expect(c.hosts.map((h) => [h.name, h.default, h.channels])).toEqual([
      ['staging', true, ['C0123ABCD', 'C0456']],
      ['dev', false, ['112233445566778899']],
    ]);
    expect(c.slack?.hostBindings).toEqual([
      { name: 'staging', channels: ['C0123ABCD', 'C0456'] },
      { name: 'dev', channels: ['112233445566778899'] },
    ]);
  });

  it.each([
    ['staging', 'must be NAME=ADDRESS'],
    ['Staging=unix:///a.sock', 'lower-case'],
    ['a=unix:///a.sock,a=unix:///b.sock', 'used twice'],
    ['web=http://10.0.0.5:2375', 'not a Docker address'],
    ['web=tcp://10.0.0.5', 'needs a port'],
    ['web=unix://', 'needs a path'],
    ['web=not a context!', 'must be NAME=ADDRESS'],
    ['web=bad/context', 'context name'],
  ])('names the bad COACH_HOSTS entry %j', (value, why) => {
    const p = problems({ COACH_HOSTS: value });
    expect(p.join('\n')).toContain('COACH_HOSTS: entry');
    expect(p.join('\n')).toContain(why);
  });

  it('reports every host problem together, each naming its setting', () => {
    const p = problems({
      COACH_HOSTS: 'dev=unix:///a.sock',
      COACH_DEFAULT_HOST: 'prod',
      COACH_HOST_CHANNELS: 'staging=C1234;dev=not-an-id;dev',
      COACH_HOST_QA_CERT_PATH: '/x',
      COACH_HOST_DEV_TIMEOUT_MS: 'soon',
    });
    const text = p.join('\n');
    expect(text).toContain('COACH_DEFAULT_HOST: no host called "prod" (hosts: dev)');
    expect(text).toContain('COACH_HOST_CHANNELS: entry "staging=C1234": no host called "staging"');
    expect(text).toContain('not a Slack or Discord channel id: not-an-id');
    expect(text).toContain('COACH_HOST_CHANNELS: entry "dev": must be HOST=CHANNEL_ID');
    expect(text).toContain('COACH_HOST_QA_CERT_PATH: no host called "qa"');
    expect(text).toContain('COACH_HOST_DEV_TIMEOUT_MS: must be a whole number');
    expect(p).toHaveLength(6);
  });

  it('never prints a password or token from a host URL, in problems or in the effective configuration', () => {
    const p = problems({ COACH_HOSTS: 'web=tcp://admin:hunter2@10.0.0.5, ok=tcp://tok3n@10.0.0.6:2376?key=s3cret' });
    expect(p.join('\n')).toContain('tcp://admin:[redacted]@10.0.0.5');
    expect(p.join('\n')).not.toContain('hunter2');
    const c = loadConfig({ COACH_HOSTS: 'a=tcp://admin:hunter2@10.0.0.5:2376,b=tcp://tok3n@10.0.0.6:2376?key=s3cret' });
    const shown = JSON.stringify(redactedConfig(c));
    for (const secret of ['hunter2', 'tok3n', 's3cret']) expect(shown).not.toContain(secret);
    expect(c.hosts.map((h) => h.url)).toEqual(['tcp://admin:[redacted]@10.0.0.5:2376', 'tcp://[redacted]@10.0.0.6:2376?key=[redacted]']);
  });

  it('keeps the user of an ssh:// address (not a secret) but not its password', () => {
    expect(redactHostUrl('ssh://deploy@ci-1')).toBe('ssh://deploy@ci-1');
    expect(redactHostUrl('ssh://deploy:pw@ci-1')).toBe('ssh://deploy:[redacted]@ci-1');
  });
});

describe('engine addresses shown to people', () => {
  it('a tcp:// address with a token as its user part is shown without it', async () => {
    const { resolveEngine, ConnectError } = await import('../src/host/connect.ts');
    let err: unknown;
    try {
      resolveEngine({ dockerHost: 'tcp://tok3n@[bad' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConnectError);
    expect((err as Error).message).not.toContain('tok3n');
  });
});
