// The core's host choice with several named hosts (fake hosts through the HostPort, the real
// bot): which host a question uses, `--host` / "on NAME" in the text, the look on each allowed
// host for a name, and the channel bindings the adapters share (core/host-access.ts).
import { describe, expect, it } from 'vitest';
import { grantFor, hostsForChannel } from '../../src/core/host-access.ts';
import { takeHostMention } from '../../src/core/host-choice.ts';
import type { Diagnosis, Question } from '../../src/core/types.ts';
import { makeTestBot } from '../helpers/bot.ts';
import { exitedFinding, fakeHost, type FakeHost } from '../helpers/fake-host.ts';

const NOT_FOUND = (subject: string): Diagnosis => ({
  host: 'x',
  subject,
  findings: [{ code: 'not_found', severity: 'error', subject, evidence: {}, summary: `No ${subject}.`, fix: [] }],
});
const FOUND = (subject: string): Diagnosis => ({ host: 'x', subject, findings: [exitedFinding(subject)] });

function three(has: Record<string, boolean>): Record<string, FakeHost> {
  const make = (name: string) =>
    fakeHost({
      description: `${name} (unix:///${name}.sock)`,
      diagnose: (r) => (has[name] ? FOUND(r.subject ?? '') : NOT_FOUND(r.subject ?? '')),
    });
  return { dev: make('dev'), staging: make('staging'), ci: make('ci') };
}

const q = (over: Partial<Question>): Question => ({ text: '', platform: 'test', conversation: 't', hostAllowed: true, ...over });

describe('several hosts in the core', () => {
  it('uses the default host, a named one, or the first the channel may use; never one it may not', async () => {
    const h = three({});
    const bot = makeTestBot({ hosts: Object.entries(h).map(([name, host]) => ({ name, host })) });
    const calls = () => Object.fromEntries(Object.entries(h).map(([n, x]) => [n, x.calls.length]));
    await bot.handle(q({ text: 'ps', command: { kind: 'ps', all: false } }));
    expect(calls()).toEqual({ dev: 1, staging: 0, ci: 0 });
    await bot.handle(q({ text: 'ps', command: { kind: 'ps', all: false }, host: 'ci' }));
    expect(calls()).toEqual({ dev: 1, staging: 0, ci: 1 });
    await bot.handle(q({ text: 'ps', command: { kind: 'ps', all: false }, hosts: ['staging', 'ci'] }));
    expect(calls()).toEqual({ dev: 1, staging: 1, ci: 1 });
    const refused = await bot.handle(q({ text: 'ps', command: { kind: 'ps', all: false }, hosts: ['staging'], host: 'dev' }));
    expect(refused?.notices.join(' ')).toContain('There is no host called `dev` that you can use here (hosts here: `staging`)');
    const hostile = await bot.handle(q({ text: 'ps', command: { kind: 'ps', all: false }, host: '<!channel>`x' }));
    expect(hostile?.notices.join(' ')).toContain('There is no host called `channelx`');
    const none = await bot.handle(q({ text: 'ps', command: { kind: 'ps', all: false }, hosts: [] }));
    expect(none?.notices.join(' ')).toContain('not enabled for you here');
    expect(calls()).toEqual({ dev: 1, staging: 1, ci: 1 });
  });

  it('a name on exactly one allowed host is answered from that host, saying so', async () => {
    const h = three({ ci: true });
    const bot = makeTestBot({ hosts: Object.entries(h).map(([name, host]) => ({ name, host })) });
    const a = await bot.handle(q({ text: 'why web', command: { kind: 'why', name: 'web' } }));
    expect(a?.notices).toContain('Found `web` on host `ci`.');
    expect(a?.findings.map((f) => f.code)).toEqual(['exited']);
    // Each host asked once: the answer reuses the diagnosis already read.
    expect([h.dev!.calls, h.staging!.calls, h.ci!.calls]).toEqual([['diagnose web'], ['diagnose web'], ['diagnose web']]);
  });

  it('looks only on the hosts the channel may use', async () => {
    const h = three({ ci: true });
    const bot = makeTestBot({ hosts: Object.entries(h).map(([name, host]) => ({ name, host })) });
    const a = await bot.handle(q({ text: 'why web', command: { kind: 'why', name: 'web' }, hosts: ['dev', 'staging'] }));
    expect(a?.notices).toContain('I looked for `web` on `dev`, `staging`; this answer is from `dev`.');
    expect(h.ci!.calls).toEqual([]);
  });

  it('one host (no COACH_HOSTS) behaves as before: no search, no host notices', async () => {
    const host = fakeHost({ diagnose: (r) => FOUND(r.subject ?? '') });
    const a = await makeTestBot({ host }).handle(q({ text: 'why web', command: { kind: 'why', name: 'web' } }));
    expect(host.calls).toEqual(['diagnose web']);
    expect(a?.notices).toEqual([]);
  });

  it('reads --host NAME anywhere and "on NAME" at the end, only for a configured name', () => {
    const names = ['dev', 'staging'];
    expect(takeHostMention('why web --host staging', names)).toEqual({ text: 'why web', host: 'staging' });
    expect(takeHostMention('ps --host=Dev -a', names)).toEqual({ text: 'ps -a', host: 'dev' });
    expect(takeHostMention('why web on staging?', names)).toEqual({ text: 'why web', host: 'staging' });
    expect(takeHostMention('is web running on the staging host', names)).toEqual({ text: 'is web running', host: 'staging' });
    expect(takeHostMention('why is my app not running on port 80', names)).toEqual({ text: 'why is my app not running on port 80' });
    expect(takeHostMention('why web on linux', names)).toEqual({ text: 'why web on linux' });
    // One host: "on NAME" is ordinary words; --host still names it (and a typo is answered as such).
    expect(takeHostMention('why web on default', ['default'])).toEqual({ text: 'why web on default' });
    expect(takeHostMention('ps --host prod', ['default'])).toEqual({ text: 'ps', host: 'prod' });
    // The docker CLI's own --host in a pasted command is left alone.
    expect(takeHostMention('why does docker --host tcp://10.0.0.5:2375 ps fail', names)).toEqual({
      text: 'why does docker --host tcp://10.0.0.5:2375 ps fail',
    });
    expect(takeHostMention('docker --host staging ps shows nothing', names)).toEqual({ text: 'docker --host staging ps shows nothing' });
  });

  it('"why web 8080 on staging" keeps the name and the port', async () => {
    const h = three({ staging: true });
    const bot = makeTestBot({ hosts: Object.entries(h).map(([name, host]) => ({ name, host })) });
    await bot.handle(q({ text: 'why web 8080 on staging', command: { kind: 'why' } }));
    expect(h.staging!.calls).toEqual(['diagnose web 8080']);
    expect([h.dev!.calls, h.ci!.calls]).toEqual([[], []]);
  });
});

describe('channel bindings (core/host-access.ts)', () => {
  const bindings = [
    { name: 'dev', channels: null },
    { name: 'staging', channels: ['C1', 'C2'] },
    { name: 'ci', channels: ['*'] },
  ];
  it('a bound host only in its channels (or a thread under one), an unbound one where the platform allows', () => {
    expect(hostsForChannel(bindings, ['C1'], false)).toEqual(['staging', 'ci']);
    expect(hostsForChannel(bindings, ['C9'], true)).toEqual(['dev', 'ci']);
    expect(hostsForChannel(bindings, ['T1', 'C2'], true)).toEqual(['dev', 'staging', 'ci']);
    expect(hostsForChannel(bindings.slice(0, 2), ['C9'], false)).toEqual([]);
  });
  it('the person check applies to every host; without bindings the old yes/no stands', () => {
    expect(grantFor(bindings, false, ['C1'], true)).toEqual({ hostAllowed: false, hosts: [] });
    expect(grantFor(undefined, true, ['C1'], true)).toEqual({ hostAllowed: true });
    expect(grantFor([{ name: 'default', channels: null }], true, ['C1'], false)).toEqual({ hostAllowed: false, hosts: [] });
  });
});
