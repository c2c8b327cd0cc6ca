// The load generators of bench:slack, each in a worker thread (its own event loop, plain JS so it
// needs no loader): a client sharing an event loop with anything else would add that work to
// every latency it measures.
import { Worker } from 'node:worker_threads';
import { SIGNING_SECRET } from '../test/adapters/slack/requests.ts';

/** Signed POSTs (signed just before sending, as Slack does): all at once, or `concurrency` lanes. */
const CLIENT = `
const { workerData, parentPort } = require('node:worker_threads');
const { request } = require('node:http');
const { createHmac } = require('node:crypto');
const { url, secret, bodies, concurrency } = workerData;
function post(body) {
  const ts = Math.floor(Date.now() / 1000);
  const sig = 'v0=' + createHmac('sha256', secret).update('v0:' + ts + ':' + body).digest('hex');
  return new Promise((resolve) => {
    const started = performance.now();
    const req = request(url, { method: 'POST', timeout: 10000, headers: {
      'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body),
      'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode || 0, ms: performance.now() - started }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.end(body);
  });
}
async function run() {
  if (!concurrency) return Promise.all(bodies.map(post));
  const out = new Array(bodies.length);
  let next = 0;
  const lane = async () => { while (next < bodies.length) { const i = next++; out[i] = await post(bodies[i]); } };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return out;
}
run().then((r) => parentPort.postMessage(r));
`;

/** Unsigned bodies of \`bytes\` each, all at once, from one shared filler buffer; statuses back (0: no answer). */
const FLOODER = `
const { workerData, parentPort } = require('node:worker_threads');
const { request } = require('node:http');
const { url, count, bytes } = workerData;
const slice = Buffer.alloc(64 * 1024, 'a');
function one() {
  return new Promise((resolve) => {
    let status = 0, sent = 0, done = false;
    const finish = () => { if (!done) { done = true; resolve(status); } };
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': bytes } });
    req.setTimeout(30000, () => req.destroy());
    req.on('response', (res) => { status = res.statusCode || 0; res.resume(); res.on('end', () => { req.destroy(); finish(); }); });
    req.on('error', finish);
    req.on('close', () => setTimeout(finish, 50));
    const pump = () => {
      while (!done && status === 0 && sent < bytes) {
        const n = Math.min(slice.length, bytes - sent); sent += n;
        if (!req.write(n === slice.length ? slice : slice.subarray(0, n))) return void req.once('drain', pump);
      }
      if (!done && status === 0) req.end();
    };
    pump();
  });
}
Promise.all(Array.from({ length: count }, one)).then((r) => parentPort.postMessage(r));
`;

function inWorker<T>(code: string, workerData: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData });
    w.once('message', (r: T) => {
      resolve(r);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

export interface Ack {
  status: number;
  ms: number;
}

/** Sends signed `bodies` to `url`; the acks back in order (status 0: no answer). */
export function fire(url: string, bodies: string[], concurrency?: number): Promise<Ack[]> {
  return inWorker(CLIENT, { url, secret: SIGNING_SECRET, bodies, concurrency });
}

/** `count` unsigned POSTs of `bytes` each to `url`, all at once; their statuses. */
export function flood(url: string, count: number, bytes: number): Promise<number[]> {
  return inWorker(FLOODER, { url, count, bytes });
}
