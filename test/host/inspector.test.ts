// The inspector and host port on the real engine (through the socket recorder): what comes
// back, what is null, logs only when enabled, bounded events that return at once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImages, runPs } from '../../src/adapters/cli/host-commands.ts';
import { redactSecrets } from '../../src/host/redact.ts';
import { createTestHost, createTestInspector } from '../helpers/engine-client.ts';
import { buildTestImage, cleanup, describeEngine, docker, testName } from '../helpers/engine.ts';
import { sink } from '../helpers/sink.ts';
import { hostBot } from '../helpers/host-bot.ts';

describeEngine('inspector on the real engine', () => {
  const image = testName('insp-img');
  const web = testName('insp-web');
  const done = testName('insp-done');
  let imageId = '';

  beforeAll(async () => {
    imageId = await buildTestImage(image, { expose: [8080] });
    await docker(
      'run',
      '-d',
      '--name',
      web,
      '-p',
      '127.0.0.1::8080',
      image,
      'sh',
      '-c',
      'echo hello; echo "token=abc123456789"; sleep 3600',
    );
    await docker('run', '--name', done, image, 'sh', '-c', 'exit 3').catch(() => undefined);
  });
  afterAll(async () => {
    await cleanup();
  });

  it('lists and inspects; unknown or malformed names are null, not errors', async () => {
    const i = createTestInspector();
    const all = await i.listContainers({ all: true });
    expect(all.some((c) => c.Names.includes(`/${web}`))).toBe(true);
    expect(all.some((c) => c.Names.includes(`/${done}`))).toBe(true);
    expect((await i.inspectContainer(web))?.State.Running).toBe(true);
    expect((await i.inspectImage(image))?.Id).toBe(imageId);
    expect(await i.inspectContainer(testName('no-such'))).toBeNull();
    expect(await i.inspectImage(`${testName('no-such')}:1`)).toBeNull();
    expect(await i.inspectContainer('has space/../x')).toBeNull(); // never sent
    expect(await i.inspectImage('../../containers/x/export')).toBeNull();
  });

  it('bounded events come back at once, even with an end rounded up past now', async () => {
    // "At once" is not timed here: the end is at most a second ahead, and the request is bounded.
    const i = createTestInspector();
    const events = await i.events({
      since: Math.floor(Date.now() / 1000) - 600,
      until: Math.ceil(Date.now() / 1000) + 1,
      filters: { container: [done] },
    });
    expect(events.map((e) => e.Action)).toEqual(expect.arrayContaining(['create', 'start', 'die']));
  });

  it('logs: null unless enabled; then at most the asked tail, secret shapes redacted', async () => {
    expect(await createTestInspector().logs(web, 10)).toBeNull();
    const lines = (await createTestInspector({ showLogs: true }).logs(web, 50))!;
    expect(lines).toEqual(['hello', 'token=[redacted]']);
    expect((await createTestInspector({ showLogs: true }).logs(web, 1))!).toEqual(['token=[redacted]']);
  });

  it('ps and images: summaries with ports, exit codes and which containers use an image', async () => {
    const host = createTestHost();
    const ps = await host.listContainers({ all: true });
    const w = ps.find((c) => c.names.includes(web))!;
    expect(w.state).toBe('running');
    expect(w.ports.some((p) => /^127\.0\.0\.1:\d+->8080\/tcp$/.test(p))).toBe(true);
    expect(ps.find((c) => c.names.includes(done))).toMatchObject({ state: 'exited', exitCode: 3 });
    const img = (await host.listImages()).find((x) => x.id === imageId)!;
    expect(img.tags).toEqual([`${image.toLowerCase()}:latest`]);
    expect(img.containers.sort()).toEqual([done, web].sort());
    const j = sink();
    expect(await runPs(hostBot(host), { all: true, json: true }, j.out)).toBe(0);
    const rows = JSON.parse(j.text()) as Array<Record<string, unknown>>;
    expect(Object.keys(rows[0]!).sort()).toEqual(['created', 'exitCode', 'id', 'image', 'imageId', 'names', 'ports', 'state', 'status']);
    const im = sink();
    expect(await runImages(hostBot(host), { json: true }, im.out)).toBe(0);
    expect(Object.keys((JSON.parse(im.text()) as Array<Record<string, unknown>>)[0]!).sort()).toEqual([
      'containers',
      'created',
      'id',
      'size',
      'tags',
    ]);
    expect(await host.suggestNames(web.slice(0, -1), 3)).toContain(web);
  });
});

it('secret shapes are redacted in free text (unit)', () => {
  const cases: Array<[string, string]> = [
    ['password=s3cr3t! next', 'password=[redacted] next'],
    ['DB_PASSWORD: "x y z"', 'DB_PASSWORD: [redacted]'],
    ['Authorization: Bearer eyJhbGciOi.abc.def', 'Authorization: Bearer [redacted]'],
    ['key AKIAABCDEFGHIJKLMNOP here', 'key [redacted] here'],
    ['slack xoxb-1234-5678-abcdef', 'slack [redacted]'],
    ['gh ghp_abcdefghijklmnopqrstuvwxyz0123', 'gh [redacted]'],
    ['gh github_pat_11ABCDEFG0123456789_abcdef', 'gh [redacted]'],
    ['postgres://app:pa55word@db:5432/app', 'postgres://app:[redacted]@db:5432/app'],
    ['secret=abc&token=def', 'secret=[redacted]&token=[redacted]'],
  ];
  for (const [input, want] of cases) expect(redactSecrets(input), input).toBe(want);
  expect(redactSecrets('listening on :8080')).toBe('listening on :8080');
});
