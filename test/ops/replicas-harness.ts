// Two `coach start` processes (replica A and B) on one PostgreSQL server, in Slack HTTP mode and
// with the Discord interactions endpoint, both talking to the same local Slack and Discord
// stand-ins — the way several replicas sit behind a load balancer. Shared by test/ops/replicas*.test.ts.
import { generateKeyPairSync, sign as edSign, type KeyObject } from 'node:crypto';
import { APP_ID, DiscordStandIn } from '../adapters/discord/stand-in.ts';
import { postSigned, SIGNING_SECRET, type SignedPost } from '../adapters/slack/requests.ts';
import { startStandIn, type StandIn } from '../adapters/slack/stand-in.ts';
import { startPostgres, type PostgresServer } from '../helpers/postgres.ts';
import { freePort, startCoach, START_MS, type Running } from '../helpers/process.ts';
import { cleanEnv, runCoach, type RunResult } from '../helpers/spawn.ts';
import { waitFor } from '../helpers/wait.ts';

export interface Replica {
  name: 'A' | 'B';
  base: string;
  running: Running;
  /** A signed Slack request to this replica's /slack/events. */
  slack(rawBody: string, contentType?: string): Promise<SignedPost>;
  /** A signed Discord interaction to this replica's /discord/interactions. */
  discord(body: unknown): Promise<{ status: number; body: any }>;
}

export interface Replicas {
  pg: PostgresServer;
  databaseUrl: string;
  slack: StandIn;
  discord: DiscordStandIn;
  a: Replica;
  b: Replica;
  /** `coach report --json` against the replicas' database (a separate process, as an operator runs it). */
  report(): Promise<RunResult>;
  close(): Promise<void>;
}

export async function startReplicas(database: string): Promise<Replicas> {
  const pg = await startPostgres();
  const databaseUrl = pg.createDatabase(database);
  const slack = await startStandIn();
  const discord = await new DiscordStandIn().listen();
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicHex = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
  const env = {
    COACH_LOG_FORMAT: 'json',
    DATABASE_URL: databaseUrl,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    DISCORD_PUBLIC_KEY: publicHex,
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: discord.apiUrl,
  };
  const started: Replica[] = [];
  try {
    for (const name of ['A', 'B'] as const) {
      const port = await freePort();
      started.push(replica(name, `http://127.0.0.1:${port}`, startCoach(['start'], cleanEnv({ ...env, PORT: String(port) })), privateKey));
    }
    // Both start at once (migrations included); each is ready when its /readyz says so.
    await Promise.all(started.map((r) => waitReady(r)));
  } catch (err) {
    for (const r of started) r.running.kill();
    await slack.close();
    await discord.close();
    pg.stop();
    throw err;
  }
  const [a, b] = started as [Replica, Replica];
  return {
    pg,
    databaseUrl,
    slack,
    discord,
    a,
    b,
    report: () => runCoach(['report', '--json', '--since', '1d'], { env: cleanEnv({ DATABASE_URL: databaseUrl }) }),
    async close() {
      for (const r of started) r.running.kill();
      await Promise.all(started.map((r) => r.running.exited));
      await slack.close();
      await discord.close();
      pg.stop();
    },
  };
}

function replica(name: 'A' | 'B', base: string, running: Running, key: KeyObject): Replica {
  return {
    name,
    base,
    running,
    slack: (rawBody, contentType) => postSigned(`${base}/slack/events`, rawBody, contentType ? { contentType } : {}),
    async discord(body) {
      const raw = JSON.stringify(body);
      const ts = String(Math.floor(Date.now() / 1000));
      const sig = edSign(null, Buffer.from(ts + raw), key).toString('hex');
      const res = await fetch(`${base}/discord/interactions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-signature-ed25519': sig, 'x-signature-timestamp': ts },
        body: raw,
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
  };
}

async function waitReady(r: Replica): Promise<void> {
  await waitFor(
    `replica ${r.name} ready`,
    async () => {
      if (r.running.child.exitCode !== null) throw new Error(`replica ${r.name} exited; stderr:\n${r.running.stderr()}`);
      try {
        return (await fetch(`${r.base}/readyz`)).status === 200;
      } catch {
        return false;
      }
    },
    { everyMs: 200, timeoutMs: START_MS * 2, detail: () => r.running.stderr().slice(-4000) },
  );
}
