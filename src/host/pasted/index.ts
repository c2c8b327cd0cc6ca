// Pasted output is evidence: a `docker ps` / `docker compose ps` table, a `docker images`
// table, `docker inspect` JSON (whole or a State fragment) or `docker events` lines are read
// into the same Snapshot a live engine gives, and the same rules run over it. So a person who
// cannot give the bot host access gets the same diagnosis from what they paste.
import type Docker from 'dockerode';
import type { DiagnoseRequest } from '../../core/ports.ts';
import type { Finding } from '../../core/types.ts';
import { runRules } from '../rules/index.ts';
import type { Snapshot } from '../rules/model.ts';
import { emptyTable, perService } from './compose.ts';
import { containersFromEvents, parseEvents } from './parse-events.ts';
import { isImagesTable, parseImages } from './parse-images.ts';
import { parseInspect } from './parse-inspect.ts';
import { parsePs, psFormat } from './parse-ps.ts';
import { MAX_LINES, pasteLines } from './table.ts';

export type PastedSource = 'ps' | 'compose-ps' | 'compose-v1-ps' | 'images' | 'inspect' | 'events';

export interface PastedDiagnosis {
  source: PastedSource;
  findings: Finding[];
  /** How many containers / images / events were read from the paste. */
  read: number;
  /** The paste was longer than we read (MAX_LINES); the answer says so. */
  truncated: boolean;
}

export { MAX_LINES };

/** Reads the first kind of output found in `text`; null when it holds none. `now` in seconds. */
export function diagnosePasted(text: string, request: DiagnoseRequest = {}, now = Math.floor(Date.now() / 1000)): PastedDiagnosis | null {
  const { lines, truncated } = pasteLines(text);
  const base = (over: Partial<Snapshot>): Snapshot => ({
    pasted: true,
    now: now * 1000,
    request,
    containers: [],
    images: [],
    events: [],
    eventsSince: now - 3600,
    eventsUntil: now,
    inspects: {},
    imageInspect: null,
    ...over,
  });

  const inspects = parseInspect(lines.join('\n'));
  if (inspects.length > 0) {
    const containers = inspects.map(listEntryOf);
    const s = base({ containers, inspects: Object.fromEntries(inspects.map((i) => [i.Id, i])) });
    return { source: 'inspect', findings: runRules(withSubject(s, containers)), read: inspects.length, truncated };
  }
  const format = psFormat(lines);
  if (format) {
    const containers = parsePs(lines, format, now);
    if (containers.length > 0) {
      let findings = runRules(withSubject(base({ containers }), containers));
      // Compose tags the images it builds `project-service:latest` itself: not a choice to warn about.
      if (format !== 'ps')
        findings = perService(
          findings.filter((f) => f.code !== 'latest_tag_in_use'),
          containers,
          format === 'compose-ps' ? 'docker compose' : 'docker-compose',
        );
      return { source: format, findings, read: containers.length, truncated };
    }
    // Only the header: nothing runs. That is the evidence (`docker ps` hides stopped containers).
    return { source: format, findings: [emptyTable(format, request.subject)], read: 0, truncated };
  }
  if (isImagesTable(lines)) {
    const images = parseImages(lines, now);
    return { source: 'images', findings: danglingImages(images), read: images.length, truncated };
  }
  const events = parseEvents(lines);
  if (events.length > 0) {
    const containers = containersFromEvents(events);
    return { source: 'events', findings: runRules(withSubject(base({ events, containers }), containers)), read: events.length, truncated };
  }
  return null;
}

/** One container pasted and no name asked: ask about it, so all its facts are used (OOMKilled, its tag…). */
function withSubject(s: Snapshot, containers: Docker.ContainerInfo[]): Snapshot {
  // A pasted fragment with no id or name (a `State` block) is what the words are about, whatever they call it.
  const only = containers.length === 1 ? containers[0] : undefined;
  const nameless = only !== undefined && only.Id.startsWith('pasted-') && only.Names[0] === `/${only.Id.slice(0, 12)}`;
  if ((s.request.subject && !nameless) || containers.length !== 1) return s;
  const name = containers[0]?.Names[0]?.replace(/^\//, '');
  return name ? { ...s, request: { ...s.request, subject: name } } : s;
}

/** The list entry the engine would have shown for an inspected container. */
function listEntryOf(i: Docker.ContainerInspectInfo): Docker.ContainerInfo {
  const status = i.State.Status;
  // A pasted fragment may lack what the engine always sends (Config, Created).
  const loose = i as { Config?: { Image?: string; Labels?: Record<string, string> }; Created?: string };
  return {
    Id: i.Id,
    Names: [i.Name && i.Name !== '' ? (i.Name.startsWith('/') ? i.Name : `/${i.Name}`) : `/${i.Id.slice(0, 12)}`],
    Image: loose.Config?.Image ?? i.Image,
    ImageID: i.Image,
    Command: '',
    Created: Math.floor(Date.parse(loose.Created ?? '') / 1000) || 0,
    Ports: [],
    Labels: loose.Config?.Labels ?? {},
    State: status,
    Status: status === 'exited' ? `Exited (${i.State.ExitCode})` : status,
    HostConfig: { NetworkMode: 'default' },
    NetworkSettings: { Networks: {} },
    Mounts: [],
  };
}

function danglingImages(images: Docker.ImageInfo[]): Finding[] {
  const dangling = images.filter((i) => (i.RepoTags ?? []).length === 0);
  if (dangling.length === 0) return [];
  const bytes = dangling.reduce((n, i) => n + i.Size, 0);
  return [
    {
      code: 'dangling_images',
      severity: 'info',
      subject: '<none>:<none>',
      evidence: {
        count: dangling.length,
        totalBytes: bytes,
        ids: dangling
          .slice(0, 5)
          .map((i) => i.Id.replace(/^sha256:/, '').slice(0, 12))
          .join(', '),
      },
      summary: `${dangling.length} image${dangling.length === 1 ? ' is' : 's are'} \`<none>:<none>\`: dangling images, left behind when a tag moved to a newer build (a rebuild with the same tag) or by intermediate build steps. They are not containers, and nothing runs from them unless a container still uses one.`,
      fix: ['docker image prune', 'docker system df'],
    },
  ];
}
