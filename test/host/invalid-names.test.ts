// Invalid names are said to be invalid: checked before the engine is asked (no request at all),
// and an engine 400 becomes invalid_name too — never daemon_unreachable. The advice for an
// unreachable engine follows the README's safe deployment (socket proxy), never `usermod -aG
// docker` or mounting the socket into the bot.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/host/diagnose.ts';
import { checkSubject } from '../../src/host/reference.ts';
import { InvalidReferenceError, unreachableFinding, type UnreachableReason } from '../../src/host/unreachable.ts';
import { createTestInspector } from '../helpers/engine-client.ts';
import { describeEngine } from '../helpers/engine.ts';
import { counting, testInspector } from '../helpers/test-inspector.ts';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('checkSubject', () => {
  it.each([
    'web',
    '/web',
    'proj_web_1',
    'MyApp',
    '3f2a',
    'postgres:9.5',
    'localhost/app',
    'registry.example.com:5000/team/app:1.2',
    `app@${DIGEST}`,
    `registry.example.com:5000/team/app:1.2@${DIGEST}`,
    'app:Latest_1.0-rc',
  ])('%s is a name', (s) => {
    expect(checkSubject(s).ok).toBe(true);
  });

  it.each([
    ['app:.', /tag/],
    ['a@b', /digest/],
    ['MyApp:1', /lower case/],
    ['Team/App', /lower case/],
    ['/', /empty/],
    ['my app', /no spaces/],
    ['x'.repeat(3000), /3000 characters/],
    ['-web', /start with a letter or a digit/],
    ['app::1', /tag/],
    ['web!', /only letters/],
  ])('%s is not: %s', (s, why) => {
    const c = checkSubject(s);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.problem).toMatch(why);
  });
});

describe('unreachable advice follows the safe deployment', () => {
  const reasons: UnreachableReason[] = [
    'no_socket',
    'permission_denied',
    'refused',
    'dns',
    'timeout',
    'tls',
    'not_docker',
    'connection_closed',
    'proxy_forbidden',
    'engine_error',
    'too_large',
    'bad_config',
    'unknown',
  ];
  it.each(reasons)('%s', (reason) => {
    const f = unreachableFinding(reason, { host: 'unix:///var/run/docker.sock', timeoutMs: 3000 }, 'X');
    const text = [f.summary, ...f.fix].join('\n');
    expect(text).not.toMatch(/usermod|mount the socket|chmod 666/i);
  });

  it('permission denied points at the read-only socket proxy', () => {
    const f = unreachableFinding('permission_denied', { host: 'unix:///var/run/docker.sock', timeoutMs: 3000 }, 'EACCES');
    expect(f.fix.join('\n')).toMatch(/socket proxy/);
    expect(f.fix.join('\n')).toMatch(/DOCKER_HOST=tcp:\/\/docker-proxy:2375/);
  });
});

describeEngine('invalid names on the real engine', () => {
  it.each(['app:.', 'a@b', 'MyApp:1', '/', 'x'.repeat(3000)])('why %s: invalid_name, and the engine is not asked', async (subject) => {
    const inspector = await testInspector();
    const d = await diagnose(inspector, { subject });
    expect(d.findings.map((f) => f.code)).toEqual(['invalid_name']);
    expect(inspector.calls).toEqual([]);
    expect(JSON.stringify(d).length).toBeLessThan(2000);
  });

  it('the engine answers 400 for an invalid reference: an InvalidReferenceError, not an outage', async () => {
    await expect(createTestInspector().inspectImage('app:.')).rejects.toBeInstanceOf(InvalidReferenceError);
  });

  it('an engine 400 during a diagnosis becomes invalid_name, never daemon_unreachable', async () => {
    const inner = createTestInspector();
    // The engine is asked about a reference it refuses, as a slip in our own check would do.
    const slipping = counting({ ...inner, description: inner.description, inspectImage: () => inner.inspectImage('app:.') });
    const d = await diagnose(slipping, { subject: 'nothing-named-like-this:1' });
    expect(slipping.calls).toContain('inspectImage nothing-named-like-this:1');
    expect(d.findings.map((f) => f.code)).toEqual(['invalid_name']);
    expect(d.findings[0]?.evidence.engine).toMatch(/invalid reference format/);
  });
});
