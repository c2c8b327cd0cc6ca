// Discord's host data for the shared fake (test/helpers/fake-host.ts): names chosen to be
// hostile (mentions, markdown, and names too long for Discord's choice limit).
import { containerNamed, exitedFinding, FAKE_HOST, fakeHost, imageNamed, type FakeHost } from '../../helpers/fake-host.ts';

export const HOSTILE = ['@everyone', '<@&123>', 'web', `very-long-${'x'.repeat(120)}`, '__bold__', '@here-api'];

/** Every other container runs; `web` publishes 8080; a diagnosis names the subject (or @everyone). */
export function discordHost(opts: { delayMs?: number; suggestDelayMs?: number; names?: string[] } = {}): FakeHost {
  const names = opts.names ?? HOSTILE;
  return fakeHost({
    ...opts,
    names,
    containers: names.map((n, i) =>
      containerNamed(n, i, {
        ...(i % 2 ? {} : { state: 'running', status: 'Up 5 minutes', exitCode: null }),
        ports: i === 2 ? ['0.0.0.0:8080->80/tcp'] : [],
      }),
    ),
    images: names.map((n, i) => imageNamed(n, i)),
    diagnose: (req) => {
      const subject = req.subject ?? '@everyone';
      return {
        host: FAKE_HOST,
        subject: req.subject ?? null,
        findings: [
          exitedFinding(subject, {
            evidence: { state: 'exited', exitCode: 1, image: '<@&123>:latest' },
            fix: ['docker logs web', 'docker start web'],
          }),
        ],
      };
    },
  });
}
