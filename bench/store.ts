// npm run bench:store — what the store costs, on each engine, in one run: opening it (with the
// migrations), the RSS it adds to the process, and the time of the writes an answer causes
// (one answer record) and of the reads a follow-up causes (one context read), p50/p99.
// Each engine runs in its own child process, so one's memory does not count against the other.
// PostgreSQL: a throwaway cluster on 127.0.0.1 (test/helpers/postgres.ts), skipped when the
// server binaries are missing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresMissing, startPostgres } from '../test/helpers/postgres.ts';

const N = 200;
const here = fileURLToPath(import.meta.url);

interface Row {
  engine: string;
  openMs: number;
  rssAddedMb: number;
  writeP50Us: number;
  writeP99Us: number;
  readP50Us: number;
  readP99Us: number;
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/** In the child: open, write N answers and contexts, read them back; print one JSON line. */
async function child(target: string): Promise<void> {
  const { openStore } = await import('../src/store/open.ts');
  const before = process.memoryUsage.rss();
  const t0 = performance.now();
  const store = await openStore(target.startsWith('postgres') ? { databaseUrl: target, dataDir: '/nonexistent' } : { dataDir: target });
  const openMs = performance.now() - t0;
  const writes: number[] = [];
  const reads: number[] = [];
  const now = Date.now();
  for (let i = 0; i < N; i++) {
    const w = performance.now();
    await store.recordAnswer({
      id: `a${i}`,
      at: now,
      platform: 'slack',
      intent: 'concept.image',
      kind: 'knowledge',
      confidence: 0.9,
      text: `question ${i}`,
      hostUsed: false,
    });
    await store.putContext(`c${i}`, JSON.stringify({ intent: 'concept.image', i }), now + 60_000);
    writes.push((performance.now() - w) * 1000);
  }
  for (let i = 0; i < N; i++) {
    const r = performance.now();
    await store.getContext(`c${i}`, now);
    reads.push((performance.now() - r) * 1000);
  }
  const rssAddedMb = (process.memoryUsage.rss() - before) / 1048576;
  await store.close();
  const row: Row = {
    engine: store.engine,
    openMs,
    rssAddedMb,
    writeP50Us: pct(writes, 50),
    writeP99Us: pct(writes, 99),
    readP50Us: pct(reads, 50),
    readP99Us: pct(reads, 99),
  };
  process.stdout.write(`${JSON.stringify(row)}\n`);
}

function measure(target: string): Row {
  const out = execFileSync(process.execPath, ['--import', 'tsx', here, '--child', target], { encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Row;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'coach-bench-store-'));
  try {
    rows.push({ ...measure(dir), engine: 'sqlite (embedded, first open: creates and migrates)' });
    rows.push({ ...measure(dir), engine: 'sqlite (embedded, reopen)' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const missing = postgresMissing();
  if (missing) console.log(`PostgreSQL skipped: ${missing}`);
  else {
    const pg = await startPostgres();
    try {
      const url = pg.createDatabase('bench_store');
      rows.push({ ...measure(url), engine: 'postgres (127.0.0.1, first open: migrates)' });
      rows.push({ ...measure(url), engine: 'postgres (reopen)' });
    } finally {
      pg.stop();
    }
  }
  const f = (n: number, d = 0) => n.toFixed(d);
  console.log(`\n## Store: open, memory, and the writes/reads per answer (${N} each)\n`);
  console.log('| engine | open (ms) | RSS added (MB) | write answer+context p50 / p99 (µs) | read context p50 / p99 (µs) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows)
    console.log(
      `| ${r.engine} | ${f(r.openMs)} | ${f(r.rssAddedMb, 1)} | ${f(r.writeP50Us)} / ${f(r.writeP99Us)} | ${f(r.readP50Us)} / ${f(r.readP99Us)} |`,
    );
  console.log('\nWrites happen after the reply has gone out (src/app/learning.ts); a context read is the one store call before an answer.');
}

if (process.argv[2] === '--child') await child(process.argv[3] ?? '');
else await main();
