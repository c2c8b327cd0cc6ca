// The warnings of a docker command line's explanation (explain.ts): where the articles' mistakes
// apply to the flags and subcommand given (`--rm`, `rm` vs `rmi`, a shell via `exec`), and an error
// in the line itself (Docker's options written after the image).
import { SUBCOMMANDS, findFlag } from './docker-flags.ts';

const SHELLS = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|ash|zsh|dash|fish)$/;
const EDITS = /^(?:apt|apt-get|apk|yum|dnf|pip|pip3|npm|yarn|pnpm|gem|vi|vim|nano|sed|tee|mv|cp|touch|chmod|chown)$/;

/** Docker's own options written after the image: what to say, and the words split into them and the rest. */
export interface MisplacedOptions {
  text: string;
  /** Docker's options with their values, in order (`-p 8080:80`). */
  moved: string[];
  /** The words that stay after the image: the container's command or arguments. */
  rest: string[];
}

/**
 * `docker run myapp -p 8080:80`: Docker reads options only before the image; after it every word
 * goes to the container (as its command, or as arguments to the image's entrypoint), so the port is
 * never published. Flags that `docker run` itself knows, written there, are most likely meant for
 * Docker (an entrypoint's own flags, such as mysql's `--character-set-server`, are not named).
 */
export function optionsAfterImage(sub: string, command: string[]): MisplacedOptions | null {
  const spec = SUBCOMMANDS[sub];
  if (!spec || !command[0]?.startsWith('-')) return null;
  const moved: string[] = [];
  const rest: string[] = [];
  const flags = new Set<string>();
  for (let k = 0; k < command.length; k++) {
    const w = command[k] as string;
    const name = w.split('=')[0] as string;
    const flag = w.startsWith('-') ? findFlag(spec, name) : undefined;
    // A Docker flag that needs a value but has none after it is the program's own (`docker run node:20 -v` prints node's version).
    const needsNext = flag?.value !== undefined && !w.includes('=') && !/^-[a-z]{2,}$/.test(w);
    if (!flag || (needsNext && k + 1 >= command.length)) {
      rest.push(w);
      continue;
    }
    flags.add(name);
    moved.push(w);
    if (needsNext) moved.push(command[++k] as string);
  }
  if (flags.size === 0) return null;
  const quoted = [...flags].slice(0, 3).map((f) => `\`${f}\``);
  const named = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1] as string}`;
  const one = flags.size === 1;
  const text = `${named} ${one ? 'comes' : 'come'} after the image name, so Docker does not read ${one ? 'it' : 'them'}: everything after the image goes to the container as its command or arguments. Options for Docker go before the image: \`docker ${sub} [options] IMAGE [command]\`.`;
  return { text, moved, rest };
}

export function execWarning(cmd: string, rest: string[], warnings: string[]): void {
  const editing = EDITS.test(cmd) || rest.some((x) => /^(install|add|-i)$/.test(x));
  if (SHELLS.test(cmd) || editing) {
    warnings.push(
      `${editing ? 'This changes files inside a running container.' : 'A shell is fine for looking around.'} Anything you edit or install this way lives only in this container's writable layer: it is lost when the container is removed and re-created (a redeploy, \`docker compose up\` with a new image), and it never reaches the image. Make lasting changes in the Dockerfile or the code, rebuild the image and re-create the container.`,
    );
  }
}

export function warningsFor(sub: string, seen: Map<string, string>, pos: string[], warnings: string[]): void {
  const p = seen.get('--publish');
  if (p !== undefined && p.includes(':'))
    warnings.push(
      '`-p` is host port first, container port second: the right-hand number must be the port the app listens on inside the container.',
    );
  if (seen.has('--rm'))
    warnings.push(
      '`--rm` removes the container and its writable layer when it exits: files written inside it (outside volumes) are gone, and so are its logs and exit code.',
    );
  if (sub === 'rm') {
    warnings.push(
      '`docker rm` removes containers, not images: the image stays and you can run a new container from it. To remove an image use `docker rmi`.',
    );
    if (seen.has('--force')) warnings.push('`-f` kills a running container without a graceful stop before removing it.');
  }
  if (sub === 'rmi')
    warnings.push(
      '`docker rmi` removes images, not containers; Docker refuses to remove an image a container (even a stopped one) was created from, so remove those with `docker rm` first. To remove a container use `docker rm`.',
    );
  if (sub === 'build' && !seen.has('--tag'))
    warnings.push(
      'No `-t`: the image gets only an ID and shows up as `<none>` in `docker images`. Give it a name and version, e.g. `-t myapp:1.0.0`.',
    );
  if (sub === 'commit')
    warnings.push(
      'A committed image records no recipe: nobody can see or repeat how it was made. Put the change in the Dockerfile and rebuild instead.',
    );
  if (sub === 'compose down' && seen.has('--volumes'))
    warnings.push('`-v` deletes the volumes too: the data in them (databases, uploads) is gone.');
  if ((sub === 'system prune' || sub === 'image prune') && seen.has('--all'))
    warnings.push('`-a` removes every image that no container uses, not only dangling ones: you will pull or rebuild them next time.');
  if (sub === 'system prune' && seen.has('--volumes')) warnings.push('`--volumes` deletes unused volumes and the data in them.');
  if (sub === 'system prune' || sub === 'container prune')
    warnings.push('Stopped containers are deleted with their writable layers; anything not in a volume is gone.');
}
