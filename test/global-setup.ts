// Vitest global setup: starts the socket recorder (test/helpers/recorder.ts) in front of the
// real engine socket for the whole run, hands its socket path to the tests (`inject`), and at
// the end checks that EVERY request the bot sent through it was an allow-listed GET.
//
// Making it fail: vitest 4 prints an error thrown by a global teardown but still exits 0
// (checked). So the teardown sets process.exitCode = 1 (checked: `vitest run` then exits 1),
// throws for the report, and writes the verdict to .cache/recorder-verdict.json so CI can
// check it independently of the runner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { createNlu } from '../src/nlu/index.ts';
import { botImageFiles, builtIds } from './helpers/bot-image-files.ts';
import { startRecorder } from './helpers/recorder.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The recorder's unix socket: the bot's requests in tests go here (engine-client.ts). */
    engineProxySocket: string;
    /**
     * A second recorder in front of the same engine: tests of several hosts (COACH_HOSTS) use it
     * as the second engine address, so the read-only proof covers every host.
     */
    engineProxySocketB: string;
    /** The tag the bot's own image gets in this run (built once: test/helpers/bot-image.ts). */
    botImageTag: string;
    /**
     * A model cache for this run only: the real knowledge base's classifier is trained into it here,
     * and every test loads it (test/helpers/bot.ts), as a deployed bot does.
     */
    modelCacheDir: string;
  }
}

const VERDICT_FILE = fileURLToPath(new URL('../.cache/recorder-verdict.json', import.meta.url));

function realEngineSocket(): string {
  const h = process.env.DOCKER_HOST;
  return h?.startsWith('unix://') ? h.slice('unix://'.length) : '/var/run/docker.sock';
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const recorder = await startRecorder({ target: realEngineSocket() });
  const recorderB = await startRecorder({ target: realEngineSocket() });
  project.provide('engineProxySocket', recorder.socketPath);
  project.provide('engineProxySocketB', recorderB.socketPath);
  const botImageTag = `container-coach:test-${process.pid}`;
  project.provide('botImageTag', botImageTag);
  const modelCacheDir = mkdtempSync(join(tmpdir(), 'coach-test-models-'));
  project.provide('modelCacheDir', modelCacheDir);
  // Trained here, before any test file starts: a test then only loads it (readyNlu), and no
  // test's own time limit ever holds a first training (~15 s on 2 cores).
  createNlu(loadKnowledge(fileURLToPath(new URL('../intents', import.meta.url))), { cache: { dir: modelCacheDir } }).classify(
    'what is a docker image',
  );

  return async function teardown(): Promise<void> {
    removeBotImage(botImageTag);
    rmSync(modelCacheDir, { recursive: true, force: true });
    await recorder.close();
    await recorderB.close();
    const total = recorder.requests.length + recorderB.requests.length;
    const bad = [...recorder.violations(), ...recorderB.violations()];
    mkdirSync(dirname(VERDICT_FILE), { recursive: true });
    writeFileSync(VERDICT_FILE, `${JSON.stringify({ ok: bad.length === 0, total, violations: bad }, null, 2)}\n`);
    if (bad.length === 0) {
      const dropped = recorder.dropped() + recorderB.dropped();
      const note = dropped > 0 ? ` (${dropped} connection(s) closed before a whole request arrived; nothing forwarded)` : '';
      if (total > 0) console.log(`[recorder] ${total} engine requests from the bot, all allow-listed GETs${note}.`);
      else if (process.env.REQUIRE_DOCKER === '1')
        console.warn('[recorder] no engine request went through the recorder: do the engine tests use test/helpers/engine-client.ts?');
      return;
    }
    const lines = bad.slice(0, 20).map((r) => `  ${r.method} ${r.url} — ${r.reason ?? ''}`);
    const message = `[recorder] ${bad.length} of ${total} engine requests were NOT allow-listed GETs:\n${lines.join('\n')}`;
    console.error(message);
    // Checked: vitest 4 only prints an error thrown here and still exits 0 — exitCode makes it fail.
    process.exitCode = 1;
    throw new Error(message);
  };
}

/** Removes the run's bot image and the builder's untagged stage images, if this run built one. */
function removeBotImage(tag: string): void {
  const files = botImageFiles(tag);
  if (!existsSync(files.result)) return;
  const built = JSON.parse(readFileSync(files.result, 'utf8')) as { output?: string };
  spawnSync('docker', ['rmi', tag], { stdio: 'ignore' });
  // Untagged stage images only (newest first): an id that still carries a tag (the base) is kept.
  for (const id of builtIds(built.output ?? '').reverse()) {
    const tags = spawnSync('docker', ['image', 'inspect', '--format', '{{len .RepoTags}}', id], { encoding: 'utf8' });
    if (tags.status === 0 && tags.stdout.trim() === '0') spawnSync('docker', ['rmi', id], { stdio: 'ignore' });
  }
  rmSync(files.result, { force: true });
  rmSync(files.lock, { force: true });
}
