// Reading the whole message: a pasted error is answered as that error, pasted output as
// evidence, and the flags of the person's own command change the answer (issue: "Read the
// whole message"). The bot runs on the real knowledge base, classifier and catalogue.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readyNlu } from '../helpers/bot.ts';
import { check, codeOf, loadSet, type Topics } from '../../bench/answer-sets.ts';
import { renderAnswer } from '../../src/adapters/cli/render.ts';
import { createBot, type Bot } from '../../src/core/bot.ts';
import { knowledgeAnswer } from '../../src/core/answers.ts';
import { emptyEntities, type Answer } from '../../src/core/types.ts';
import { messageReading } from '../../src/app/runtime.ts';
import type { Classification } from '../../src/core/ports.ts';
import { answerFromReading, ASKS_ELSE_MIN, weighQuestion, WORDS_SURE_MIN } from '../../src/core/reading.ts';
import { loadErrorCatalogue } from '../../src/knowledge/error-catalogue.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

let bot: Bot;
beforeAll(() => {
  const kb = loadKnowledge(fileURLToPath(new URL('../../intents', import.meta.url)));
  // Built as the product builds it: the error catalogue (with its units) and the pasted-output reader.
  bot = createBot({ knowledge: kb, nlu: readyNlu(kb), ...messageReading(kb) });
});

let n = 0;
async function ask(text: string): Promise<Answer> {
  const a = await bot.handle({ text, platform: 'test', conversation: `reading-${++n}`, hostAllowed: false });
  if (!a) throw new Error('no answer');
  return a;
}

const textOf = (a: Answer) =>
  [
    a.title,
    ...a.blocks.map((b) => (b.type === 'text' ? b.text : b.type === 'list' ? b.items.join('\n') : b.type === 'code' ? b.code : '')),
    ...a.findings.map((f) => `${f.summary} ${JSON.stringify(f.evidence)}`),
  ].join('\n');

describe('what was seen, answered right', () => {
  it('"I ran docker run --rm … and docker ps is empty, why?" uses the --rm', async () => {
    const a = await ask('I ran docker run --rm -p 8080:80 myapp and docker ps is empty, why?');
    expect(['diagnose.missing_container', 'mistake.ps_vs_images']).toContain(a.intent);
    expect(textOf(a)).toMatch(/You ran it with `--rm`/);
  });

  it('"… returns an id but docker ps is empty": the prose is never the container\'s command', async () => {
    const a = await ask('docker run --rm -p 8080:80 myapp returns an id but docker ps is empty');
    expect(textOf(a)).not.toMatch(/returns an id but docker ps is empty — the command/);
    expect(textOf(a)).toMatch(/--rm/);
  });

  it('a pasted docker rmi conflict is answered as that error, with its values', async () => {
    const a = await ask(
      'Error response from daemon: conflict: unable to remove repository reference "myapp:1.0" (must force) - container 6a07d6bc134b is using its referenced image 2a79cd003033',
    );
    expect(a.title).toBe('A container still uses this image');
    expect(a.intent).toBe('command.rmi');
    expect(textOf(a)).toMatch(/docker rm 6a07d6bc134b/);
    expect(a.blocks.filter((b) => b.type === 'list').length).toBeLessThanOrEqual(1);
  });

  it('a pasted docker ps -a table is read as evidence, without a host', async () => {
    const a = await ask(
      'why did this die?\n```\nCONTAINER ID   IMAGE          COMMAND            CREATED          STATUS                       PORTS     NAMES\n9b8a7c6d5e4f   acme/job:2     "python job.py"    10 minutes ago   Exited (137) 5 minutes ago             job\n```',
    );
    expect(a.kind).toBe('diagnosis');
    expect(a.intent).toBe('diagnose.exited');
    expect(a.findings.map((f) => f.code)).toEqual(['exited']);
    expect(a.hostUsed).toBe(false);
  });

  it('a port conflict paste names the port', async () => {
    const a = await ask(
      'docker compose up fails:\nError response from daemon: driver failed programming external connectivity on endpoint shop-web-1 (1a2b3c): Bind for 0.0.0.0:8080 failed: port is already allocated',
    );
    expect(a.intent).toBe('diagnose.port_unreachable');
    expect(textOf(a)).toMatch(/`8080`/);
  });

  it('a follow-up after a pasted error stays on its topic', async () => {
    const conversation = 'reading-followup';
    await bot.handle({
      text: 'Error response from daemon: Conflict. The container name "/web" is already in use by container "8e2d0f1c9b7a". You have to remove (or rename) that container to be able to reuse that name.',
      platform: 'test',
      conversation,
      hostAllowed: false,
    });
    const a = await bot.handle({ text: 'and how do I see the stopped ones?', platform: 'test', conversation, hostAllowed: false });
    expect(a?.intent).not.toBe('none');
  });
});

describe('every example under "What was seen" in the issue, end to end', () => {
  it('"I ran docker run --rm -p 8080:80 myapp and docker ps is empty, why?": --rm comes first, with the command read back', async () => {
    const a = await ask('I ran docker run --rm -p 8080:80 myapp and docker ps is empty, why?');
    const first = a.blocks.slice(0, 2).map((b) => (b.type === 'text' ? b.text : ''));
    expect(first[0]).toMatch(/^You ran `docker run --rm -p 8080:80 myapp`: .*host port 8080 forwarded to container port 80/);
    expect(first[1]).toMatch(/You ran it with `--rm`: Docker deletes the container as soon as its main process ends/);
  });

  it('an option written after the image is named as the mistake right after the command is read back', async () => {
    const a = await ask('docker run -d myapi:1.2 -p 3000:3000 but localhost:3000 does not answer, why?');
    const lines = a.blocks.filter((b) => b.type === 'text').map((b) => b.text);
    const read = lines.findIndex((l) => l.startsWith('You ran `docker run -d myapi:1.2 -p 3000:3000`'));
    expect(read).toBeGreaterThanOrEqual(0);
    expect(lines[read + 1]).toMatch(/^`-p` comes after the image name, so Docker does not read it/);
    // The unit that answers this mistake answers, with the person's own line corrected (a unit's `mistake:` in intents/).
    expect(a.unit).toBe('command.run/flags_after_image');
    expect(a.blocks).toContainEqual({ type: 'code', code: 'docker run -d -p 3000:3000 myapi:1.2', lang: 'sh' });
    // In its place (before the image), the same option draws no such line.
    expect(textOf(await ask('docker run -d -p 3000:3000 myapi:1.2 but localhost:3000 does not answer, why?'))).not.toMatch(
      /after the image name/,
    );
  });

  it('"docker run --rm -p 8080:80 myapp returns an id but docker ps is empty": no prose in any command shown', async () => {
    const a = await ask('docker run --rm -p 8080:80 myapp returns an id but docker ps is empty');
    expect(textOf(a)).toMatch(/You ran `docker run --rm -p 8080:80 myapp`:/);
    expect(textOf(a)).not.toMatch(/myapp returns|the command to run in the container/);
  });

  it('"docker-compose up --scale worker=3 — do the 3 workers share one filesystem…": answered, no "Compose service do"', async () => {
    const a = await ask("docker-compose up --scale worker=3 — do the 3 workers share one filesystem since it's the same image?");
    expect(a.intent).toBe('concept.many_containers');
    expect(textOf(a)).toMatch(/own writable layer/);
    expect(textOf(a)).not.toMatch(/Compose service `?(?:do|the)\b/);
  });

  it("`docker rmi $(docker images -q -f dangling=true)`: -q is the inner command's flag, the substitution is what it produces", async () => {
    const a = await ask('docker rmi $(docker images -q -f dangling=true)');
    expect(a.kind).toBe('explain');
    expect(textOf(a)).not.toMatch(/not a flag I know/);
    expect(textOf(a)).toMatch(/first runs `docker images -q -f dangling=true`.*only their IDs.*image IDs/);
  });

  it('`docker stop -t 30 api && docker rm api`: both halves', async () => {
    const a = await ask('docker stop -t 30 api && docker rm api');
    expect(a.kind).toBe('explain');
    const items = a.blocks.find((b) => b.type === 'list')?.items ?? [];
    expect(items.map((i) => i.split(' — ')[0])).toEqual(['`docker stop`', '`-t 30`', '`api`', '`&&`', '`docker rm`', '`api`']);
    expect(textOf(a)).toMatch(/Then, only if that succeeded, `docker rm` removes containers/);
  });

  it('`docker-compose -f a.yml -f b.yml up -d`: explained, not refused', async () => {
    const a = await ask('docker-compose -f a.yml -f b.yml up -d');
    expect(a.kind).toBe('explain');
    expect(textOf(a)).toMatch(/`-f b\.yml` — reads the Compose file `b\.yml`; with several `-f`, later files override/);
  });

  it('"docker run ubuntu … exits": about the exit, the image read from the command, no lookup of "ubuntu" as a container', async () => {
    const a = await ask('docker run ubuntu exits immediately, why');
    expect(a.intent).toBe('diagnose.exited');
    expect(textOf(a)).toMatch(/You ran `docker run ubuntu`: creates and starts a new container from `ubuntu`/);
    expect(textOf(a)).not.toMatch(/nothing on this host matches/i);
  });
});

describe('a message that is only a command gets its explanation, wherever the command is written', () => {
  it.each([
    ['a fence and "what does this do"', '```\ndocker rm $(docker ps -aq -f status=exited)\n```\nwhat does this do'],
    [
      'a PowerShell prompt and a Windows path',
      'PS C:\\Users\\maria\\shop> docker run -v C:\\Users\\maria\\shop:/app -w /app node:20 npm test',
    ],
    ['a chain with a pipe', 'docker logs -f --tail 200 api | grep ERROR'],
    ['in backticks, asked what it does', 'what does `docker run -d -p 8080:80 nginx` do?'],
  ])('%s', async (_label, text) => {
    const a = await ask(text);
    expect(a.kind).toBe('explain');
  });

  it('the Windows path is one bind mount, drive letter included', async () => {
    const a = await ask('PS C:\\Users\\maria\\shop> docker run -v C:\\Users\\maria\\shop:/app -w /app node:20 npm test');
    expect(textOf(a)).toMatch(/bind-mounts the host folder `C:\\Users\\maria\\shop` at `\/app`/);
  });

  it('a command in backticks with words after it is a question about it: the backticks end the command', async () => {
    const a = await ask('`docker logs worker` prints absolutely nothing. the python script definitely prints every few seconds. why');
    expect(a.kind).not.toBe('explain');
    expect(a.unit).toBe('command.logs/empty_logs');
    expect(textOf(a)).toMatch(/^You ran `docker logs worker`: /m);
  });

  it('a question about the command is still answered as a question', async () => {
    const a = await ask('```\ndocker rm $(docker ps -aq)\n```\nwhy does this also delete my database container?');
    expect(a.kind).not.toBe('explain');
  });
});

describe('the question asked, with a paste as evidence', () => {
  const table =
    'CONTAINER ID   IMAGE            COMMAND              CREATED          STATUS          PORTS      NAMES\n' +
    '7f3e2d1c0b9a   loadgen:0.4      "/usr/bin/gen -c 8"  20 minutes ago   Up 20 minutes   9000/tcp   gen-a\n' +
    '6e2d1c0b9a8f   loadgen:0.4      "/usr/bin/gen -c 8"  20 minutes ago   Up 20 minutes   9000/tcp   gen-b\n' +
    '5d1c0b9a8f7e   loadgen:0.4      "/usr/bin/gen -c 8"  21 minutes ago   Up 21 minutes   9000/tcp   gen-c';

  it('a question about something else than the paste shows is answered (not the 9000/tcp finding)', async () => {
    const a = await ask(`load test is over, how do I stop all of these in one go?\n\`\`\`\n${table}\n\`\`\``);
    expect(a.intent).toBe('command.stop_rm');
    expect(a.unit).toBe('command.stop_rm/stop_all');
  });

  it('a question on the topic the paste shows gets its unit first, then what the paste shows', async () => {
    const a = await ask(
      'what does 137 mean here, did it run out of memory?\n' +
        'CONTAINER ID   IMAGE           COMMAND          CREATED       STATUS                       PORTS   NAMES\n' +
        '2b1a0f9e8d7c   indexer:3.2     "java -jar i…"   2 hours ago   Exited (137) 9 minutes ago           indexer',
    );
    expect(a.intent).toBe('diagnose.exited');
    expect(a.unit).toBe('diagnose.exited/exit_137');
    expect(a.kind).toBe('diagnosis');
    expect(a.findings.map((f) => f.subject)).toContain('indexer');
    expect(a.title).not.toMatch(/What your/);
  });

  it('a pasted error whose entry names a unit answers as that unit (a follow-up moves on from it)', async () => {
    const a = await ask('docker exec -it db psql\nError response from daemon: container 4e5f6a7b8c9d is not running');
    expect(a.title).toBe('The container is not running');
    expect(a.unit).toBe('command.exec/not_running');
  });

  it('the exit code in the paste picks the exit-code unit, whatever code the words lean to', async () => {
    const a = await ask(
      'docker ps -a\nCONTAINER ID   IMAGE          COMMAND           CREATED          STATUS                     PORTS     NAMES\n9f1c2b3a4d5e   myapi:latest   "node index.js"   10 seconds ago   Exited (1) 8 seconds ago             api\n\nwhy does it keep dying',
    );
    expect(a.kind).toBe('diagnosis');
    expect(a.unit).toBe('diagnose.exited/exit_1');
  });

  it('a pasted error under a question of another topic: that unit first, then the error named and explained', async () => {
    const a = await ask(
      'need to change one line in settings.py inside the running container but\n/app # vim settings.py\nsh: vim: not found\nhow are you supposed to edit a file in a running container?',
    );
    expect(a.unit).toBe('mistake.edit_running_container/edit_file');
    const text = textOf(a);
    expect(text).toMatch(/About the error in your message/);
    expect(text.indexOf('About the error')).toBeGreaterThan(text.indexOf(a.title));
  });

  it('under an error, the whole message counts where the words lean to the same topic (the failed docker exec and "why no fish?")', async () => {
    const a = await ask(
      'docker exec -it cache fish\nOCI runtime exec failed: exec failed: unable to start container process: exec: "fish": executable file not found in $PATH: unknown\nwhy is there no fish shell? what do I use to get in',
    );
    expect(a.unit).toBe('command.exec/bash_not_found');
    expect(textOf(a)).toMatch(/About the error in your message/);
  });

  it('a failed `docker exec … bash` is its own error: no bash in the image, use sh (errors/exec_shell_not_found.yaml)', async () => {
    const a = await ask(
      '$ docker exec -it redis bash\nOCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown',
    );
    expect(a.unit).toBe('command.exec/bash_not_found');
    expect(textOf(a)).toMatch(/docker exec -it redis sh/);
    expect(textOf(a)).not.toMatch(/About the error in your message/);
  });

  it('a pasted error with only the failing command around it keeps the error answer (the command does not ask)', async () => {
    const a = await ask('docker exec -it db_1 bash\nError response from daemon: No such container: db_1');
    expect(a.intent).toBe('diagnose.missing_container');
    expect(textOf(a)).not.toMatch(/About the error/);
  });

  it('a table that shows nothing wrong is evidence beside the question: the unit asked first', async () => {
    const a = await ask(
      '$ docker pull redis:7\nStatus: Downloaded newer image for redis:7\n$ docker ps\nCONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n\npull succeeded but I do not see redis anywhere, where did it go?',
    );
    expect(a.unit).toBe('mistake.ps_vs_images/pulled_where');
  });

  it('a table that shows nothing wrong under words that place no topic is answered by what the table shows', async () => {
    const running =
      'CONTAINER ID   IMAGE        COMMAND           CREATED        STATUS                            PORTS                    NAMES\n' +
      'c7d8e9f0a1b2   acme/app:3   "python -m app"   1 minute ago   Up 1 minute (health: starting)   0.0.0.0:5000->5000/tcp   app';
    for (const words of ['is it ok now?', 'looks fine?']) {
      const a = await ask(`\`\`\`\n${running}\n\`\`\`\n${words}`);
      expect(a.kind, words).toBe('diagnosis');
      expect(a.unit, words).toBeUndefined();
    }
  });

  describe('weighQuestion: the words around a paste and the whole message, weighed equally unless the words are sure of a unit', () => {
    const c = (intent: string, confidence: number, alternatives: [string, number][] = []): Classification => ({
      intent,
      confidence,
      alternatives: alternatives.map(([i, p]) => ({ intent: i, confidence: p })),
    });
    it('keeps the whole message when the words alone place nothing', () => {
      const whole = c('command.ps', 0.6);
      expect(weighQuestion(c('none', 0.9), whole)).toBe(whole);
      expect(weighQuestion(undefined, whole)).toBe(whole);
    });
    it('takes the words when their topic wins on both together', () => {
      const words = c('concept.registry', 0.7, [['command.images', 0.1]]);
      const whole = c('command.images', 0.5, [['concept.registry', 0.4]]);
      expect(weighQuestion(words, whole)).toBe(words);
    });
    it('keeps the whole message when its topic wins on both together', () => {
      const words = c('concept.image', 0.35, [['mistake.large_images', 0.3]]);
      const whole = c('mistake.large_images', 0.8);
      expect(weighQuestion(words, whole)).toBe(whole);
    });
    it('takes the words when they are sure of one unit, however the whole message leans', () => {
      const sure = { ...c('command.run', WORDS_SURE_MIN, [['command.exec', 0.05]]), unit: 'detached' };
      const whole = c('command.exec', 0.95, [['command.run', 0.03]]);
      expect(weighQuestion(sure, whole)).toBe(sure);
      // Just as sure of the topic but of no unit: weighed as before.
      const { unit: _unit, ...topicOnly } = sure;
      expect(weighQuestion(topicOnly, whole)).toBe(whole);
    });
    it('takes the words when they ask for the whole picture of one topic, surely', () => {
      const broad: Classification = {
        ...c('diagnose.port_unreachable', ASKS_ELSE_MIN, [['diagnose.missing_container', 0.2]]),
        wholePicture: true,
      };
      const whole = c('diagnose.missing_container', 0.9, [['diagnose.port_unreachable', 0.05]]);
      expect(weighQuestion(broad, whole)).toBe(broad);
      // Less sure than ASKS_ELSE_MIN: weighed as before.
      expect(weighQuestion({ ...broad, confidence: ASKS_ELSE_MIN - 0.01 }, whole)).toBe(whole);
    });
  });

  describe('answerFromReading: words sure of another topic over a paste that shows nothing wrong', () => {
    const kb = loadKnowledge(fileURLToPath(new URL('../../intents', import.meta.url)));
    const { reader, pasted } = messageReading(kb);
    const text =
      '$ docker ps\nCONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n\nempty. but i just did docker run -d myapi';
    const reading = reader!.read(text);
    const cls = (intent: string, confidence: number, unit?: string): Classification => ({
      intent,
      confidence,
      alternatives: [{ intent: 'diagnose.missing_container', confidence: 0.1 }],
      ...(unit ? { unit } : {}),
    });
    const read = (question: Classification, message: Classification) =>
      answerFromReading({ kb, reading, pasted: pasted!, entities: emptyEntities(), asked: emptyEntities(), question, message });

    it('answers their unit first and keeps the paste as evidence when the whole message agrees on their topic', () => {
      const a = read(cls('mistake.ps_vs_images', 0.6, 'built_not_in_ps'), cls('mistake.ps_vs_images', 0.5, 'ps_empty_after_run'));
      expect(a?.kind).toBe('diagnosis');
      expect(a?.unit).toBe('mistake.ps_vs_images/ps_empty_after_run');
      expect(a?.findings.map((f) => f.code)).toContain('not_found');
    });

    it('sets the paste aside when the whole message leans elsewhere (the classifier answers the words)', () => {
      expect(read(cls('mistake.ps_vs_images', 0.6, 'built_not_in_ps'), cls('command.ps', 0.5, 'columns'))).toBeNull();
    });
  });

  it('a general question over a paste that shows nothing wrong is answered as that question, not by the paste', async () => {
    const a = await ask(
      'CONTAINER ID   IMAGE    PORTS                    NAMES\n51a2b3c4d5e6   app:1    0.0.0.0:5000->5000/tcp   app\n\nno problem at the moment, I just want the big picture: how do I reach my app in a container from the browser?',
    );
    expect(a.intent).toBe('diagnose.port_unreachable');
    expect(a.unit).toBeUndefined();
  });
});

describe('the specifics of the message fill the answer', () => {
  it('a unit answers with the container the question names, and with its example when it names none', async () => {
    const named = await ask('how do I get a shell inside the container named billing-api?');
    expect(named.unit).toBe('command.exec/shell');
    expect(named.blocks.at(-1)).toMatchObject({ type: 'code', code: 'docker exec -it billing-api sh' });
    const plain = await ask('how do I get a shell inside a running container?');
    expect(plain.blocks.at(-1)).toMatchObject({ type: 'code', code: 'docker exec -it web sh' });
  });

  it('the image and tag the question names fill the command, under another registry too', async () => {
    const named = await ask('how do I push billing-api:2.3 to our company registry?');
    expect(named.unit).toBe('concept.registry/push_pull');
    const code = named.blocks.at(-1);
    expect(code).toMatchObject({ type: 'code' });
    expect(code?.type === 'code' ? code.code : '').toContain('docker tag billing-api:2.3 registry.example.com/team/billing-api:2.3');
    const plain = await ask('how do I push an image to our company registry?');
    expect(plain.blocks.at(-1)).toMatchObject({
      type: 'code',
      code: expect.stringContaining('docker tag myapp:1.4.2 registry.example.com/team/myapp:1.4.2'),
    });
  });

  it('an article fills the container too', () => {
    const kb = loadKnowledge(fileURLToPath(new URL('../../intents', import.meta.url)));
    const intent = kb.get('diagnose.exited');
    if (!intent) throw new Error('diagnose.exited missing');
    const a = knowledgeAnswer(kb, intent, 1, { ...emptyEntities(), names: ['worker'] });
    expect(textOf(a)).toContain('docker logs --tail 50 worker');
    expect(a.commands).toContain('docker logs --tail 50 worker');
    expect(textOf(a)).not.toMatch(/<container>/);
  });
});

describe('pasted output the bot reads without a host', () => {
  it('a status a paste shows is evidence: the words and the whole message agreeing on another unit answer first', async () => {
    const a = await ask(
      "$ docker kill importer\nimporter\n$ docker ps -a --filter name=importer --format '{{.Status}}'\nExited (137) 4 seconds ago\n\nso is kill just a faster stop, or is there a real difference between the two?",
    );
    expect(a.unit).toBe('command.stop_rm/kill_vs_stop');
    expect(textOf(a)).toMatch(/137/);
  });

  it('an empty docker ps table and the command that was run: the unit that answers it first, then what the table shows', async () => {
    const a = await ask(
      '$ docker ps\nCONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n\nempty. but i just did docker run -d myapi',
    );
    expect(a.kind).toBe('diagnosis');
    expect(a.unit).toBe('mistake.ps_vs_images/ps_empty_after_run');
    expect(textOf(a)).toMatch(/table is empty: no container is running/);
    expect(a.commands).toContain('docker ps -a');
  });

  it('docker events lines: die with 137 and oom read as an OOM kill of that container', async () => {
    const a = await ask(
      '2026-12-01T09:14:02.123456789Z container die 3b2c1d0e9f8a (exitCode=137, image=acme/worker:2, name=worker)\n2026-12-01T09:14:02.345678901Z container oom 3b2c1d0e9f8a (image=acme/worker:2, name=worker)\nwhat happened here',
    );
    expect(a.findings[0]).toMatchObject({ code: 'oom_killed', subject: 'worker' });
  });

  it('a State fragment is what the words ask about, whatever they call it ("my java service")', async () => {
    const a = await ask(
      '```\n"State": {\n  "Status": "exited",\n  "OOMKilled": true,\n  "ExitCode": 137\n}\n```\nfrom docker inspect on my java service',
    );
    expect(a.findings.map((f) => f.code)).toContain('oom_killed');
    expect(a.findings.map((f) => f.code)).not.toContain('not_found');
  });

  it('an unfenced docker compose ps: per service, with Compose commands', async () => {
    const a = await ask(
      'docker compose ps\nNAME          IMAGE        COMMAND        SERVICE   CREATED         STATUS                     PORTS\nblog-web-1    blog-web     "flask run"    web       4 minutes ago   Exited (1) 3 minutes ago\nwhy web not up',
    );
    expect(a.intent).toBe('diagnose.exited');
    expect(a.commands).toEqual(['docker compose logs --tail 50 web', 'docker compose up -d --build web']);
  });
});

describe('the held-out set, written the way people post in channels (test/fixtures/messages-held-out.jsonl)', () => {
  const rows = loadSet('messages-held-out.jsonl');
  const kb = loadKnowledge(fileURLToPath(new URL('../../intents', import.meta.url)));
  const errors = loadErrorCatalogue(fileURLToPath(new URL('../../errors', import.meta.url)));
  const topics: Topics = {
    ofError: (id) => errors.entries.find((e) => e.id === id)?.intent,
    ofCode: (code) => kb.intents.filter((i) => i.explains?.includes(code)).map((i) => i.id),
  };

  it('has at least 60 messages of each kind mixed, none a copy of another fixture', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    const others = new Set(
      ['error-pastes.jsonl', 'messages-commands.jsonl', 'messages-pasted-output.jsonl'].flatMap((f) => loadSet(f).map((r) => r.text)),
    );
    expect(rows.filter((r) => others.has(r.text))).toEqual([]);
  });

  it('at least 9 in 10 get an answer that says what the message needs, and none reads prose as a command', async () => {
    const verdicts = [];
    for (const row of rows) {
      const a = await ask(row.text);
      verdicts.push({ text: row.text.slice(0, 60), ...check(row, a.intent, renderAnswer(a), codeOf(a), topics) });
    }
    expect(verdicts.filter((v) => v.proseAsCommand)).toEqual([]);
    expect(verdicts.filter((v) => v.right).length / rows.length).toBeGreaterThanOrEqual(0.9);
  });
});
