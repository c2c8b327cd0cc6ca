// Meanings of the values on a docker command line: image references, published ports,
// volumes, environment variables, the build context. Kept apart from the parser in explain.ts.
import { parseImageRef } from './image-ref.ts';

export interface ImageExplained {
  meaning: string;
  /** Set when the reference has no tag or uses `latest`. */
  latestWarning?: string;
}

export function explainImage(ref: string, role: 'use' | 'remove' | 'name'): ImageExplained {
  const p = parseImageRef(ref);
  if (!p)
    return {
      meaning: `\`${ref}\` should be an image reference, but it is not one Docker accepts (names are lowercase: \`[registry/]name[:tag]\`)`,
    };
  const where = p.registry
    ? `registry \`${p.registry}\`, repository \`${p.repository}\``
    : `image \`${p.repository}\`${p.repository.includes('/') ? ` (account or organisation \`${p.repository.split('/')[0]}\`)` : ''}, from Docker Hub by default (no registry host in the name)`;
  const tag = p.tag ? `, tag \`${p.tag}\`` : p.digest ? '' : ', no tag given so Docker uses `latest`';
  const digest = p.digest ? `, pinned to digest \`${p.digest.slice(0, 19)}…\`: exactly this content, even if a tag is moved later` : '';
  const head = role === 'remove' ? 'the image to remove: ' : role === 'name' ? 'the name to give the image: ' : '';
  const meaning = `${head}${where}${tag}${digest}`;
  if (p.digest) return { meaning };
  if (!p.tag) {
    return {
      meaning:
        role === 'remove'
          ? `${meaning}; only the \`${p.repository}:latest\` tag is removed, other tags of \`${p.repository}\` stay`
          : meaning,
      latestWarning: `\`${ref}\` has no tag, so Docker uses \`${ref}:latest\`. \`latest\` is only the tag that was pushed or built last, not a version: it can point to a different image tomorrow. Pin an explicit version such as \`${p.repository}:1.4.2\` or a commit SHA.`,
    };
  }
  if (p.tag === 'latest') {
    return {
      meaning,
      latestWarning: `\`${ref}\` uses the \`latest\` tag, which moves every time someone pushes or builds under it, so what runs is unpredictable. Use an explicit version tag such as \`${p.repository}:1.4.2\`.`,
    };
  }
  return { meaning };
}

export function explainPublish(v: string): string {
  const spec = v.replace(/\/(tcp|udp|sctp)$/, '');
  const proto = /\/(udp|sctp)$/.exec(v)?.[1];
  const parts = spec.split(':');
  const suffix = proto ? ` (${proto.toUpperCase()})` : '';
  if (parts.length === 1) {
    return `publishes container port ${parts[0]} on a random free host port${suffix}; \`docker port\` or \`docker ps\` shows which one`;
  }
  const [host, container] = parts.length === 3 ? [parts[1], parts[2]] : [parts[0], parts[1]];
  const ip = parts.length === 3 ? ` only on the host address ${parts[0]}` : '';
  return `publishes host port ${host} to port ${container} inside the container${ip}${suffix}: you connect to localhost:${host}, and the app inside must listen on ${container} (on 0.0.0.0, not 127.0.0.1). Host first, container second`;
}

export function explainVolume(v: string): string {
  const ro = /:ro$/.test(v) ? ', read-only' : '';
  // A Windows drive letter (`C:\\Users\\me:/app`, `c:/src:/app`) is part of the host path, not a separator.
  const drive = /^[A-Za-z]:[\\/]/.test(v) ? v.slice(0, 2) : '';
  const parts = v
    .slice(drive.length)
    .replace(/:(ro|rw|z|Z)$/, '')
    .split(':');
  if (drive) parts[0] = `${drive}${parts[0] ?? ''}`;
  if (parts.length < 2) return `creates an anonymous volume at \`${parts[0]}\` inside the container${ro}`;
  const [src, dst] = parts;
  if (/^[/.~$%]/.test(src ?? '') || /^[A-Za-z](?::[\\/]|$)/.test(src ?? ''))
    return `bind-mounts the host folder \`${src}\` at \`${dst}\` inside the container${ro}: both sides see the same files`;
  return `mounts the named volume \`${src}\` at \`${dst}\` inside the container${ro}; the data stays in the volume when the container is removed`;
}

export function explainEnv(v: string): string {
  const eq = v.indexOf('=');
  return eq < 0
    ? `passes the variable \`${v}\` from your shell's environment into the container`
    : `sets the environment variable \`${v.slice(0, eq)}\` inside the container`;
}

export function explainRestart(v: string): string {
  const p = v.split(':')[0];
  switch (p) {
    case 'no':
      return 'never restarts the container automatically (the default)';
    case 'on-failure':
      return 'restarts the container when it exits with a non-zero exit code';
    case 'always':
      return 'always restarts the container, also when the Docker daemon starts; a manual `docker stop` holds until the daemon restarts';
    case 'unless-stopped':
      return 'restarts the container like `always`, except after you stopped it yourself';
    default:
      return `\`${v}\` is not a restart policy (use \`no\`, \`on-failure\`, \`always\` or \`unless-stopped\`)`;
  }
}

export function explainContext(v: string): string {
  if (v === '-') return 'the build context: read from standard input (a Dockerfile or a tar archive)';
  if (/^(https?:\/\/|git@|github\.com\/)/.test(v))
    return `the build context: the remote repository or archive \`${v}\`, fetched by the builder`;
  const which = v === '.' ? 'the current folder' : `the folder \`${v}\``;
  return `the build context: ${which}, whose files are sent to the builder. COPY and ADD can only use files from it, and the Dockerfile is looked for there unless -f says otherwise; a \`.dockerignore\` file keeps things like node_modules and .git out of it`;
}

export function explainCpPath(v: string): string {
  const m = /^([A-Za-z0-9][A-Za-z0-9_.-]*):(.*)$/.exec(v);
  if (m && !/^[A-Za-z]$/.test(m[1] as string)) return `the path \`${m[2] || '/'}\` inside the container \`${m[1]}\``;
  return `the path \`${v}\` on the host`;
}
