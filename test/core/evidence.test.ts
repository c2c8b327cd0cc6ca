// The pieces of "evidence, not replacement" that need no engine: which unit answers a question,
// when a message names something or asks to look, which containers fit the specifics given,
// and that a host-wide look's counts read the same in every renderer and in --json.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runWhy } from '../../src/adapters/cli/host-commands.ts';
import { plain, renderAnswer as renderCli } from '../../src/adapters/cli/render.ts';
import { renderAnswer as renderDiscord } from '../../src/adapters/discord/render.ts';
import { renderAnswer as renderSlack } from '../../src/adapters/slack/render.ts';
import { fitting, nameInText, recentlyStopped, subjectPhrase } from '../../src/core/case-match.ts';
import { asksToLook } from '../../src/core/evidence.ts';
import { diagnosisAnswer } from '../../src/core/host-answers.ts';
import { countImages } from '../../src/core/image-counts.ts';
import { pickUnitByWords } from '../../src/core/unit-pick.ts';
import type { ContainerSummary, Diagnosis } from '../../src/core/types.ts';
import { emptyEntities } from '../../src/core/types.ts';
import { extractEntities } from '../../src/nlu/entities.ts';
import { knowledgeBase } from '../helpers/bot.ts';
import { containerNamed, exitedFinding, fakeHost } from '../helpers/fake-host.ts';
import { hostBot } from '../helpers/host-bot.ts';

const kb = knowledgeBase();
const unitFor = (intent: string, text: string) => pickUnitByWords(kb.get(intent)!, text)?.id ?? null;

describe('the direct answer (unit) for a question', () => {
  it.each([
    ['diagnose.exited', 'container exited with code 137 what does it mean', 'exit_137'],
    ['diagnose.exited', 'my python container shows Exited (139)', 'exit_139'],
    ['diagnose.exited', 'container keeps restarting in a loop, how do I stop it long enough to debug it?', 'restart_loop'],
    ['diagnose.exited', 'what does exit code 143 mean', 'exit_143'],
    ['diagnose.exited', 'exited (127) /app/start.sh not found', 'exit_125_127'],
    [
      'diagnose.port_unreachable',
      'I run with -p 3000:3000 but curl gives connection refused; the app log says listening on 127.0.0.1:3000',
      'bind_all_interfaces',
    ],
    ['diagnose.port_unreachable', 'which is the host port in -p 8080:80', 'port_mapping'],
    ['diagnose.missing_container', 'docker run --rm, now docker ps -a is empty', 'removed_rm'],
    ['diagnose.missing_container', 'the stack is up but api is missing', 'compose_service'],
    ['diagnose.daemon_unreachable', 'Got permission denied while trying to connect to the Docker daemon socket', 'permission_denied'],
  ])('%s: "%s" → %s', (intent, text, unit) => {
    expect(unitFor(intent, text)).toBe(unit);
  });

  it('a broad question gets the article (no unit)', () => {
    expect(unitFor('diagnose.missing_container', 'check my host, is anything failing?')).toBeNull();
  });
});

describe('does the message name something, or ask to look?', () => {
  const list: ContainerSummary[] = [
    containerNamed('shop-api-1', 0, { service: 'api', project: 'shop' }),
    containerNamed('db', 1, { image: 'postgres:16' }),
    containerNamed('app', 2),
  ];
  it('a container name, a Compose service or an image repository used as a word', () => {
    expect(nameInText('why did shop-api-1 stop', list)).toBe('shop-api-1');
    expect(nameInText('the stack is up but api is missing', list)).toBe('api');
    expect(nameInText('my postgres container exited with 137', list)).toBe('postgres');
    // Everyday words are not names, even when a container carries one.
    expect(nameInText('my app exited with code 137', list)).toBeNull();
  });
  it('"X is missing", "the X service": a name the entity reader does not mark', () => {
    expect(subjectPhrase('the stack is up but worker is missing')).toBe('worker');
    expect(subjectPhrase('the billing service is down')).toBe('billing');
    expect(subjectPhrase('my container is missing')).toBeNull();
  });
  it('asks to look: "check my host", "look at the server"', () => {
    expect(asksToLook('check my host, is anything failing?')).toBe(true);
    expect(asksToLook('can you look at the server')).toBe(true);
    expect(asksToLook('container exited with code 137 what does it mean')).toBe(false);
  });
  it('the containers that fit an exit code or a port; stopped ones to offer', () => {
    const cs = [
      containerNamed('a', 0, { state: 'exited', status: 'Exited (137) 1 minute ago', exitCode: 137 }),
      containerNamed('b', 1, { state: 'exited', status: 'Exited (1) 1 minute ago', exitCode: 1 }),
      containerNamed('c', 2, { state: 'running', status: 'Up 1 minute', exitCode: null, ports: ['0.0.0.0:3000->3000/tcp'] }),
    ];
    expect(fitting(cs, { exitCode: 137 }).map((c) => c.names[0])).toEqual(['a']);
    expect(fitting(cs, { port: 3000 }).map((c) => c.names[0])).toEqual(['c']);
    expect(fitting(cs, {})).toEqual([]);
    expect(recentlyStopped(cs).sort()).toEqual(['a', 'b']);
  });
});

describe('a question in words on a connected host', () => {
  it('answers first; with nothing about this case, one line offers to look (and names no command for others)', async () => {
    const host = fakeHost({
      containers: [containerNamed('night-job', 0, { state: 'exited', status: 'Exited (1) 1 minute ago', exitCode: 1 })],
      diagnose: () => ({ host: 'h', subject: null, findings: [exitedFinding('night-job', { fix: ['docker rm night-job'] })] }),
    });
    // A classifier that says diagnose.exited: this test is about what follows classification.
    const nlu = {
      classify: () => ({ intent: 'diagnose.exited', confidence: 1, alternatives: [] }),
      entities: extractEntities,
      explain: () => null,
    };
    const bot = hostBot(host, { nlu });
    const a = await bot.handle({
      text: 'container exited with code 137 what does it mean',
      platform: 'slack',
      conversation: 'e1',
      hostAllowed: true,
    });
    expect(a?.title).toMatch(/137/);
    expect(a?.findings).toEqual([]);
    expect(host.calls).toEqual(['listContainers --all']);
    expect(a?.blocks.at(-1)).toEqual({
      type: 'text',
      text: 'Which container? Stopped recently here: `night-job` — `/docker why NAME` and I will look.',
    });
    expect(a?.commands.join(' ')).not.toContain('night-job');
  });
});

describe('the host-wide look: the same numbers in every renderer and in --json', () => {
  const d: Diagnosis = {
    host: 'unix:///var/run/docker.sock',
    subject: null,
    findings: [exitedFinding('shop-api-1'), exitedFinding('batch')],
    overview: {
      total: 9,
      shown: 2,
      more: 7,
      unusedImages: 4,
      danglingImages: 3,
      groups: [
        { project: 'shop', subjects: ['shop-api-1'] },
        { project: null, subjects: ['batch'] },
      ],
    },
  };
  const a = diagnosisAnswer(kb, 'diagnose.missing_container', d, emptyEntities());
  const said = /…and 7 more with something to report \(9 in all\)/;
  const images = /4 images have no container \(3 of them dangling/;

  it('terminal, Slack and Discord say "…and 7 more (9 in all)" and "4 images have no container"', () => {
    const cli = renderCli(a, plain);
    const slack = JSON.stringify(renderSlack(a, { conversation: 'c' }));
    const discord = JSON.stringify(renderDiscord(a, { conversation: 'c' }));
    for (const out of [cli, slack, discord]) {
      expect(out).toMatch(said);
      expect(out).toMatch(images);
      expect(out).toContain('shop');
    }
  });

  it('`coach why --json` carries the same counts', async () => {
    const out = new PassThrough();
    let json = '';
    out.on('data', (b: Buffer) => (json += b.toString()));
    const host = fakeHost({ diagnose: () => d });
    expect(await runWhy(hostBot(host), { json: true }, out)).toBe(0);
    expect(JSON.parse(json)).toMatchObject({ overview: { total: 9, shown: 2, more: 7, unusedImages: 4, danglingImages: 3 } });
  });

  it('images are counted one way: tagged and dangling, none twice', () => {
    const i = (tags: string[], containers: string[]) => ({ id: 'x', tags, size: 1, created: '', containers });
    expect(countImages([i(['a:1'], []), i([], []), i([], ['c']), i(['b:1'], ['d'])])).toEqual({ unused: 2, dangling: 1 });
  });
});
