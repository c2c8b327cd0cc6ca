// Test set-up straight on the real engine socket (NOT through the recorder: these are writes the
// bot may never send, so they must not be counted as the bot's requests). Used to make things
// happen on the engine quickly, e.g. fill its in-memory events buffer with cheap tag/untag events.
import { request } from 'node:http';

/** The real engine's socket, as the global setup finds it. */
export function realEngineSocket(): string {
  const h = process.env.DOCKER_HOST;
  return h?.startsWith('unix://') ? h.slice('unix://'.length) : '/var/run/docker.sock';
}

/** One engine API call; resolves with the status and the body text. */
export function engineApi(method: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: realEngineSocket(), method, path, headers: { host: 'docker' }, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`engine API ${method} ${path}: no answer`)));
    req.on('error', reject);
    req.end();
  });
}

/** Events the engine still holds for `container` since `since` (seconds): a bounded call, never a stream. */
export async function heldEvents(container: string, since: number): Promise<Array<{ Action: string }>> {
  const until = (Date.now() / 1000).toFixed(3);
  const filters = encodeURIComponent(JSON.stringify({ container: [container] }));
  const r = await engineApi('GET', `/events?since=${Math.floor(since)}&until=${until}&filters=${filters}`);
  if (r.status !== 200) throw new Error(`events: HTTP ${r.status} ${r.body.slice(0, 200)}`);
  return r.body
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { Action: string });
}

/**
 * `rounds` × (tag + untag) of `image`: two events each, cheap (no container, no layer work).
 * The tags carry `prefix`, so a failed run's leftovers are found by the usual cleanup.
 */
export async function tagUntag(image: string, prefix: string, rounds: number, start = 0): Promise<void> {
  for (let i = start; i < start + rounds; i++) {
    const repo = encodeURIComponent(`${prefix}-evt`);
    const tag = await engineApi('POST', `/images/${encodeURIComponent(image)}/tag?repo=${repo}&tag=t${i}`);
    if (tag.status !== 201) throw new Error(`tag: HTTP ${tag.status} ${tag.body.slice(0, 200)}`);
    const untag = await engineApi('DELETE', `/images/${repo}:t${i}?noprune=1`);
    if (untag.status !== 200) throw new Error(`untag: HTTP ${untag.status} ${untag.body.slice(0, 200)}`);
  }
}
