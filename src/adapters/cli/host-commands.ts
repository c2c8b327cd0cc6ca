// `coach why`, `coach ps`, `coach images`: the connected host, in the terminal. Human output is
// short and ends with what to do next; long lists are capped ("…and N more"). `--json` prints
// the contract shapes: `{"host","subject","findings"}` for why, arrays of plain objects for
// ps/images. Exit codes: 0 done, 1 the engine could not be reached.
import { HostUnreachableError } from '../../core/errors.ts';
import type { ContainerSummary, HostPort, ImageSummary } from '../../core/ports.ts';
import type { Finding } from '../../core/types.ts';
import { clean } from './render.ts';

type Out = NodeJS.WritableStream;

export const MAX_HUMAN_FINDINGS = 4;
export const MAX_HUMAN_ROWS = 20;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const MARK = { error: '✗', warning: '!', info: 'i' } as const;

export async function runWhy(host: HostPort, o: { name?: string; port?: number; json: boolean }, out: Out): Promise<number> {
  const d = await host.diagnose({ ...(o.name ? { subject: o.name } : {}), ...(o.port !== undefined ? { port: o.port } : {}) });
  const unreachable = d.findings.some((f) => f.code === 'daemon_unreachable');
  if (o.json) {
    write(out, JSON.stringify({ host: d.host, subject: d.subject, findings: d.findings }, null, 2));
    return unreachable ? 1 : 0;
  }
  const findings = [...d.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const lines = [`Engine: ${clean(d.host)} (read-only)${d.subject ? ` — about "${cell(d.subject, 60)}"` : ''}`];
  if (findings.length === 0) lines.push('Nothing to report.', `Next: coach ps --all   # to see every container`);
  for (const f of findings.slice(0, MAX_HUMAN_FINDINGS)) lines.push('', ...findingLines(f));
  const more = findings.length - MAX_HUMAN_FINDINGS;
  if (more > 0) lines.push('', `…and ${more} more (coach why${d.subject ? ` ${d.subject}` : ''} --json shows all).`);
  const next = findings[0]?.fix[0];
  if (next) lines.push('', `Next: ${clean(next)}`);
  write(out, lines.join('\n'));
  return unreachable ? 1 : 0;
}

function findingLines(f: Finding): string[] {
  const evidence = Object.entries(f.evidence)
    .filter(([, v]) => v !== null && v !== '')
    .slice(0, 5)
    .map(([k, v]) => `${k}=${cell(String(v), 60)}`);
  return [
    `${MARK[f.severity]} ${f.code} — ${cell(f.subject, 60)}`,
    `  ${clean(f.summary)}`,
    ...(evidence.length ? [`  evidence: ${evidence.join(', ')}`] : []),
    ...f.fix.slice(0, 3).map((x) => `  → ${clean(x)}`),
  ];
}

export async function runPs(host: HostPort, o: { all: boolean; json: boolean }, out: Out): Promise<number> {
  let list: ContainerSummary[];
  try {
    list = await host.listContainers({ all: o.all });
  } catch (err) {
    return unreachable(err, o.json, out);
  }
  if (o.json) {
    const rows = list.map((c) => ({
      id: c.id,
      names: c.names,
      image: c.image,
      imageId: c.imageId,
      state: c.state,
      status: c.status,
      exitCode: c.exitCode,
      ports: c.ports,
      created: c.created,
    }));
    write(out, JSON.stringify(rows, null, 2));
    return 0;
  }
  if (list.length === 0) {
    write(
      out,
      o.all
        ? `No containers at all on ${clean(host.description)}. An image you built has not been run yet: docker run IMAGE (or coach images to see them).`
        : `No running containers on ${clean(host.description)}. Stopped ones are not shown: coach ps --all`,
    );
    return 0;
  }
  const rows = list.map((c) => [cell(c.names.join(', '), 30), cell(c.image, 30), cell(c.status, 28), cell(c.ports.join(', ') || '—', 40)]);
  const lines = [
    `${list.length} ${o.all ? 'containers' : 'running containers'} on ${clean(host.description)}:`,
    ...table(['NAME', 'IMAGE', 'STATUS', 'PORTS'], rows),
  ];
  lines.push(o.all ? 'Next: coach why NAME   # why one is stopped or unreachable' : 'Stopped containers are not shown: coach ps --all');
  write(out, lines.join('\n'));
  return 0;
}

export async function runImages(host: HostPort, o: { json: boolean }, out: Out): Promise<number> {
  let list: ImageSummary[];
  try {
    list = await host.listImages();
  } catch (err) {
    return unreachable(err, o.json, out);
  }
  if (o.json) {
    const rows = list.map((i) => ({ tags: i.tags, id: i.id, size: i.size, created: i.created, containers: i.containers }));
    write(out, JSON.stringify(rows, null, 2));
    return 0;
  }
  if (list.length === 0) {
    write(out, `No images on ${clean(host.description)}. Build one: docker build -t NAME .`);
    return 0;
  }
  const rows = list.map((i) => [
    cell(i.tags.join(', ') || '<none>', 40),
    shortId(i.id),
    humanSize(i.size),
    i.created.slice(0, 10),
    i.containers.length ? cell(i.containers.join(', '), 30) : 'none — never run',
  ]);
  const unused = list.filter((i) => i.containers.length === 0).length;
  const lines = [`${list.length} images on ${clean(host.description)}:`, ...table(['TAGS', 'ID', 'SIZE', 'CREATED', 'CONTAINERS'], rows)];
  lines.push(
    unused > 0
      ? `${unused} image(s) have no container: an image only runs once you docker run it.`
      : 'Next: coach ps --all   # the containers made from them',
  );
  write(out, lines.join('\n'));
  return 0;
}

function unreachable(err: unknown, json: boolean, out: Out): number {
  if (!(err instanceof HostUnreachableError)) throw err;
  const f = err.finding;
  write(
    out,
    json
      ? JSON.stringify({ error: f }, null, 2)
      : [`Could not read the engine: ${clean(f.summary)}`, ...f.fix.map((x) => `  → ${clean(x)}`)].join('\n'),
  );
  return 1;
}

/** Columns padded to the widest cell; rows past MAX_HUMAN_ROWS become "…and N more". */
function table(header: string[], rows: string[][]): string[] {
  const shown = rows.slice(0, MAX_HUMAN_ROWS);
  const widths = header.map((h, i) => Math.max(h.length, ...shown.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  const lines = [fmt(header), ...shown.map(fmt)];
  if (rows.length > shown.length) lines.push(`…and ${rows.length - shown.length} more`);
  return lines;
}

function cell(s: string, n: number): string {
  const c = clean(s).replace(/\s+/g, ' ');
  return c.length > n ? `${c.slice(0, n - 1)}…` : c;
}

function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

function humanSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v >= 10 || u === 0 ? Math.round(v) : v.toFixed(1)}${units[u]}`;
}

function write(out: Out, text: string): void {
  out.write(`${text}\n`);
}
