// Slack's host data for the shared fake (test/helpers/fake-host.ts): listings and findings full
// of names that Slack would parse as markup, a host that never answers, and a flood of output.
import type { Diagnosis } from '../../../src/core/types.ts';
import { containerNamed, exitedFinding, FAKE_HOST, fakeHost, imageNamed, type FakeHost } from '../../helpers/fake-host.ts';

export const HOSTILE = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U0HACKER>',
  '<https://evil.example/|click me>',
  '<#C0SECRET|secret>',
  'a&b<c>d',
  '```<!subteam^S123>```',
];

export function hostileHost(): FakeHost {
  return fakeHost({
    description: 'unix:///var/run/<!channel>.sock',
    containers: HOSTILE.map((name, n) =>
      containerNamed(name, n, {
        image: `${name}:latest`,
        state: 'running',
        exitCode: null,
        status: `Exited (1) <!here> ${n} minutes ago`,
        ports: ['0.0.0.0:8080-><!channel>/tcp'],
      }),
    ),
    images: HOSTILE.map((name, n) => imageNamed(name, n, { size: 1e6 * (n + 1) })),
    names: HOSTILE,
    diagnose: (req) => ({
      host: FAKE_HOST,
      subject: req.subject ?? '<!channel>',
      findings: HOSTILE.map((name) =>
        exitedFinding(name, { evidence: { state: 'exited', exitCode: 1, log: `<!here> crashed: <@U0HACKER> ${name}` } }),
      ),
    }),
  });
}

/** A host whose every call hangs (the engine stopped answering). */
export function hangingHost(): FakeHost {
  return fakeHost({ hang: true });
}

/** A host with far more, and far longer, output than one Slack message can hold. */
export function floodHost(): FakeHost {
  const long = (s: string, n: number) => `${s}${'-<!here>&'.repeat(n)}`;
  const flood: Diagnosis = {
    host: long('unix:///run/docker.sock', 50),
    subject: long('web', 100),
    findings: Array.from({ length: 60 }, (_, n) =>
      exitedFinding(long(`c${n}`, 200), {
        evidence: { state: 'exited', log: long('boom', 400), exitCode: 1 },
        summary: long(`Container ${n} exited`, 100),
        fix: Array.from({ length: 20 }, (_, k) => long(`docker start c${n}-${k}`, 20)),
      }),
    ),
  };
  return fakeHost({
    containers: Array.from({ length: 500 }, (_, n) =>
      containerNamed(long(`c${n}`, 30), n, {
        image: long('img', 30),
        imageId: 'sha256:abc',
        state: 'running',
        status: long('Up', 30),
        exitCode: null,
        ports: [long('0.0.0.0:80', 30)],
      }),
    ),
    images: HOSTILE.map((name, n) => imageNamed(name, n)),
    diagnose: () => flood,
  });
}
