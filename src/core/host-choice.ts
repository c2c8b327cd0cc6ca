// Which of the connected hosts a question uses. The adapter says which hosts this person may
// use here (Question.hosts, from the channel bindings); the person may name one (`--host
// staging`, "why web on staging"); otherwise the default host is used when allowed here, else
// the first allowed one. A host that is unknown and one that is not open here get the same
// words, so a channel cannot learn the names of other teams' hosts by guessing.
import type { NamedHost } from './ports.ts';
import type { Question } from './types.ts';

export type HostPick = { ok: true; named: NamedHost } | { ok: false; notice: string };

/** The hosts `q` may use, in configured order (the default first). */
export function allowedHosts(all: readonly NamedHost[], q: Question): NamedHost[] {
  if (!q.hostAllowed) return [];
  const allowed = q.hosts;
  return allowed ? all.filter((h) => allowed.includes(h.name)) : [...all];
}

/** The host to ask for `q`; the caller has checked that hosts exist and `q.hostAllowed`. */
export function pickHost(all: readonly NamedHost[], q: Question): HostPick {
  const allowed = allowedHosts(all, q);
  if (q.host !== undefined) {
    const named = allowed.find((h) => h.name === q.host);
    if (named) return { ok: true, named };
    const list = allowed.map((h) => `\`${h.name}\``).join(', ');
    return {
      ok: false,
      notice: `There is no host called \`${clip(q.host)}\` that you can use here${list ? ` (hosts here: ${list})` : ''}, so this answer comes from what I know.`,
    };
  }
  const first = allowed[0];
  if (first) return { ok: true, named: first };
  return { ok: false, notice: '' };
}

/** The person's text, repeated only as far as a host name could go (no markup reaches chat). */
function clip(s: string): string {
  const t = s.replace(/[^A-Za-z0-9._-]/g, '');
  return t.length > 32 ? `${t.slice(0, 32)}…` : t || '?';
}

/** `--host NAME` with a host-shaped NAME (`-H tcp://…` in a pasted docker command is not ours). */
const FLAG = /(?:^|\s)--host(?:=|\s+)([a-z][a-z0-9-]{0,31})(?=\s|$)/i;

/**
 * Reads which host the person named and removes it from the text: `--host NAME` (any name, so
 * a typo is answered as such) or a trailing `on NAME` / `@NAME` when NAME is a configured host.
 */
export function takeHostMention(text: string, names: readonly string[]): { text: string; host?: string } {
  const flag = FLAG.exec(text);
  // `docker --host ci ps` is the docker CLI's own flag, in a command the person is asking about.
  const inDockerCommand = flag !== null && /\bdocker\b[^\n]*$/i.test(text.slice(0, flag.index));
  if (flag?.[1] && !inDockerCommand) return { text: text.replace(FLAG, ' ').replace(/\s+/g, ' ').trim(), host: flag[1].toLowerCase() };
  if (names.length < 2) return { text };
  const on = /\s+(?:on|at|in)\s+(?:host\s+|the\s+)?([a-z][a-z0-9-]*)(?:\s+host)?\s*[?.!]*\s*$/i.exec(text);
  const name = on?.[1]?.toLowerCase();
  if (on && name && names.includes(name)) return { text: text.slice(0, on.index).trim(), host: name };
  return { text };
}
