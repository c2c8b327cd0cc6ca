// What the explainer knows about docker subcommands: their flags (long and short forms, and
// whether each takes a value), what their positional arguments are, and which catalogue
// intent covers them. A flag that is not listed is reported as unknown, never guessed.

export interface FlagSpec {
  /** All spellings: `-d`, `--detach`. */
  names: string[];
  /** Set when the flag takes a value; the name of the value, e.g. `host:container`. */
  value?: string;
  meaning: string;
}

/**
 * What the positional arguments are, in order. A role ending in `...` takes every remaining
 * argument; `command...` also ends flag parsing (what follows belongs to the program, not docker).
 */
export type ArgRole =
  'image' | 'images...' | 'container' | 'containers...' | 'context' | 'command...' | 'target-image' | 'path' | 'services...';

export interface SubcommandSpec {
  summary: string;
  intent?: string;
  args: ArgRole[];
  flags: FlagSpec[];
}

const f = (names: string, meaning: string, value?: string): FlagSpec => ({
  names: names.split(' '),
  meaning,
  ...(value ? { value } : {}),
});

const FORMAT = f('--format', 'prints each item with a Go template (or `json`) instead of the default table', 'template');
const FILTER = f('-f --filter', 'only shows items that match the filter, e.g. `status=exited` or `dangling=true`', 'key=value');
const QUIET = f('-q --quiet', 'prints only the IDs (handy to feed into another command)');
const NO_TRUNC = f('--no-trunc', 'does not shorten IDs and long values');
const PRUNE_FORCE = f('-f --force', 'does not ask for confirmation');

// Tables: one flag or subcommand per line reads better than Prettier's layout (and keeps the file small).
// prettier-ignore
const RUN_FLAGS: FlagSpec[] = [
  f('-d --detach', 'runs the container in the background and prints its ID; without it the container runs in the foreground attached to your terminal'),
  f('-p --publish', 'publishes a container port on the host; the order is host port first, container port second', 'host:container'),
  f('-P --publish-all', 'publishes every port the image EXPOSEs to random free ports on the host'),
  f('--name', 'gives the container a fixed name you can use instead of its ID; names must be unique on the host', 'name'),
  f('-e --env', 'sets an environment variable inside the container', 'KEY=value'),
  f('--env-file', 'reads environment variables from a file, one KEY=value per line', 'file'),
  f('-v --volume', 'mounts a named volume or a host folder into the container; data written there outlives the container', 'source:/path'),
  f('--mount', 'mounts a volume, bind mount or tmpfs (the long, explicit form of -v)', 'type=…,source=…,target=…'),
  f('--rm', 'removes the container automatically when it exits'),
  f('-i --interactive', 'keeps standard input open so you can type into the process'),
  f('-t --tty', 'allocates a terminal, so shells and colours behave as you expect (usually combined as -it)'),
  f('-w --workdir', 'the working directory for the process inside the container', 'path'),
  f('-u --user', 'runs the process as this user (name or UID[:GID]) instead of the image default', 'user'),
  f('--restart', 'the restart policy: `no`, `on-failure[:N]`, `always` or `unless-stopped`', 'policy'),
  f('--network --net', 'connects the container to this network', 'network'),
  f('--entrypoint', "replaces the image's ENTRYPOINT", 'command'),
  f('-m --memory', 'limits the memory the container may use; going over it gets the process killed (OOMKilled, exit code 137)', 'limit'),
  f('--cpus', 'limits how many CPUs the container may use', 'number'),
  f('-h --hostname', 'sets the hostname inside the container', 'name'),
  f('-l --label', 'adds metadata to the container', 'key=value'),
  f('--platform', 'picks the image variant for this platform, e.g. linux/amd64', 'os/arch'),
  f('--pull', 'when to pull the image: `missing` (default), `always` or `never`', 'policy'),
  f('--init', 'runs a tiny init process as PID 1 that forwards signals and reaps zombie processes'),
  f('--privileged', 'gives the container almost all host capabilities; avoid unless you really need it'),
  f('--add-host', 'adds a line to /etc/hosts inside the container', 'host:ip'),
  f('--expose', 'records a port as exposed without publishing it on the host', 'port'),
  f('--gpus', 'gives the container access to GPUs', 'gpus'),
  f('--health-cmd', 'the command Docker runs to check whether the container is healthy', 'command'),
  f('--read-only', "mounts the container's root filesystem read-only"),
];

const FOLLOW = f('-f --follow', 'keeps streaming new output until you press Ctrl+C');
// prettier-ignore
const BUILD_FLAGS: FlagSpec[] = [
  f('-t --tag', 'names and tags the resulting image (name:tag); can be given several times', 'name:tag'),
  f('-f --file', 'uses this Dockerfile instead of `Dockerfile` in the build context', 'path'),
  f('--build-arg', 'sets a build-time variable declared with ARG in the Dockerfile', 'KEY=value'),
  f('--no-cache', 'ignores the layer cache and runs every instruction again'),
  f('--pull', 'always checks for a newer version of the base image(s)'),
  f('--target', 'stops at this stage of a multi-stage Dockerfile', 'stage'),
  f('--platform', 'builds for this platform, e.g. linux/amd64', 'os/arch'),
  f('--progress', 'how build output is shown: `auto`, `plain` or `tty`', 'type'),
  f('-q --quiet', 'prints only the image ID when done'),
  f('--secret', 'makes a secret available to RUN instructions without storing it in the image', 'id=…,src=…'),
  f('--label', 'adds metadata to the image', 'key=value'),
  f('--network', 'the network RUN instructions use during the build', 'mode'),
  f('--load', 'loads the built image into the local image store (buildx)'),
  f('--push', 'pushes the built image to its registry (buildx)'),
];

// prettier-ignore
export const SUBCOMMANDS: Record<string, SubcommandSpec> = {
  run: { summary: 'creates a new container from an image and starts it', intent: 'command.run', args: ['image', 'command...'], flags: RUN_FLAGS },
  create: { summary: 'creates a new container from an image without starting it (state `Created`)', intent: 'command.run', args: ['image', 'command...'], flags: RUN_FLAGS },
  build: { summary: 'builds an image from a Dockerfile and the files in the build context', intent: 'command.build', args: ['context'], flags: BUILD_FLAGS },
  ps: {
    summary: 'lists containers: only running ones unless you add -a',
    intent: 'command.ps',
    args: [],
    flags: [f('-a --all', 'also shows stopped (exited) and created containers, not only running ones'), QUIET, FILTER, FORMAT, NO_TRUNC, f('-s --size', 'adds the size of each container’s writable layer'), f('-n --last', 'shows the last N created containers', 'N'), f('-l --latest', 'shows only the most recently created container')],
  },
  images: {
    summary: 'lists the images stored on this machine: repository, tag, image ID, age and size',
    intent: 'command.images',
    args: [],
    flags: [f('-a --all', 'also shows intermediate images'), QUIET, FILTER, FORMAT, NO_TRUNC, f('--digests', 'adds the content digest of each image')],
  },
  stop: {
    summary: 'stops running containers gracefully: SIGTERM first, then SIGKILL after a grace period (10 s by default); the containers stay on disk',
    intent: 'command.stop_rm',
    args: ['containers...'],
    flags: [f('-t --time --timeout', 'seconds to wait after SIGTERM before killing', 'seconds'), f('-s --signal', 'the signal to send instead of SIGTERM', 'signal')],
  },
  start: { summary: 'starts existing stopped or created containers again (it does not create new ones)', intent: 'concept.lifecycle', args: ['containers...'], flags: [f('-a --attach', 'attaches to the output and forwards signals'), f('-i --interactive', 'attaches standard input')] },
  restart: { summary: 'stops and then starts containers again; the same container, with the same writable layer', intent: 'command.stop_rm', args: ['containers...'], flags: [f('-t --time --timeout', 'seconds to wait before killing during the stop', 'seconds')] },
  kill: { summary: 'kills running containers immediately with SIGKILL (exit code 137), with no graceful shutdown', intent: 'command.stop_rm', args: ['containers...'], flags: [f('-s --signal', 'sends this signal instead of SIGKILL', 'signal')] },
  rm: {
    summary: 'removes containers (and their writable layers); the images they were created from stay',
    intent: 'command.stop_rm',
    args: ['containers...'],
    flags: [f('-f --force', 'also removes a running container, killing it first'), f('-v --volumes', 'also removes anonymous volumes attached to the container'), f('-l --link', 'removes a legacy link, not the container')],
  },
  rmi: {
    summary: 'removes images (tags) from this machine; containers are not removed by it',
    intent: 'command.rmi',
    args: ['images...'],
    flags: [f('-f --force', 'removes the image even if it has several tags or a stopped container was created from it; an image a running container uses is still refused'), f('--no-prune', 'keeps untagged parent images')],
  },
  exec: {
    summary: 'runs an extra command inside a container that is already running',
    intent: 'command.exec',
    args: ['container', 'command...'],
    flags: [f('-i --interactive', 'keeps standard input open so you can type into the process'), f('-t --tty', 'allocates a terminal (usually combined as -it for a shell)'), f('-d --detach', 'runs the command in the background'), f('-e --env', 'sets an environment variable for this command', 'KEY=value'), f('-u --user', 'runs the command as this user', 'user'), f('-w --workdir', 'the working directory for the command', 'path'), f('--privileged', 'gives the command extended privileges')],
  },
  logs: {
    summary: 'prints what a container wrote to its standard output and error',
    intent: 'command.logs',
    args: ['container'],
    flags: [FOLLOW, f('-n --tail', 'shows only the last N lines', 'N'), f('-t --timestamps', 'prefixes each line with its timestamp'), f('--since', 'only output since this time (e.g. `10m` or a timestamp)', 'time'), f('--until', 'only output before this time', 'time'), f('--details', 'adds extra attributes given to the logging driver')],
  },
  inspect: {
    summary: 'prints the full low-level details of containers or images as JSON (state, exit code, mounts, ports, config)',
    intent: 'command.logs',
    args: ['containers...'],
    flags: [f('-f --format', 'prints only what this Go template selects, e.g. `{{.State.ExitCode}}`', 'template'), f('-s --size', 'adds sizes (containers)'), f('--type', 'says whether the names are containers, images, volumes…', 'type')],
  },
  attach: {
    summary: 'connects your terminal to the main process of a running container (its input and output)',
    intent: 'command.exec',
    args: ['container'],
    flags: [f('--detach-keys', 'the key sequence that detaches (default Ctrl+P Ctrl+Q)', 'keys'), f('--no-stdin', 'does not attach standard input'), f('--sig-proxy', 'forwards signals such as Ctrl+C to the process (on by default)', 'true|false')],
  },
  cp: { summary: 'copies files or folders between a container and the host (either direction; `container:path` names the container side)', intent: 'command.exec', args: ['path', 'path'], flags: [f('-a --archive', 'keeps file ownership'), f('-L --follow-link', 'copies what a symlink points to')] },
  pull: { summary: 'downloads an image from a registry to this machine', intent: 'concept.registry', args: ['image'], flags: [f('-a --all-tags', 'downloads every tag of the repository'), f('--platform', 'picks the variant for this platform', 'os/arch'), f('-q --quiet', 'prints less output')] },
  push: { summary: 'uploads an image to the registry its name points to (Docker Hub unless the name starts with a registry host)', intent: 'concept.registry', args: ['image'], flags: [f('-a --all-tags', 'pushes every local tag of the repository'), f('-q --quiet', 'prints less output')] },
  tag: { summary: 'gives an existing image another name:tag; no copy is made, both names point to the same image ID', intent: 'concept.registry', args: ['image', 'target-image'], flags: [] },
  commit: {
    summary: "saves a container's current filesystem changes as a new image",
    intent: 'concept.immutability',
    args: ['container', 'target-image'],
    flags: [f('-m --message', 'a commit message', 'text'), f('-a --author', 'the author', 'name'), f('-c --change', 'applies a Dockerfile instruction such as CMD or ENV to the new image', 'instruction'), f('-p --pause', 'pauses the container while committing (on by default)')],
  },
  history: { summary: 'shows the layers of an image and the instruction that created each one, newest first', intent: 'concept.layers', args: ['image'], flags: [NO_TRUNC, QUIET, FORMAT, f('-H --human', 'prints sizes and dates in human-readable form (default true)', 'true|false')] },
  'system prune': {
    summary: 'deletes all stopped containers, unused networks, dangling images and unused build cache',
    intent: 'mistake.cleanup_confusion',
    args: [],
    flags: [f('-a --all', 'also deletes every image no container uses, not only dangling ones'), f('--volumes', 'also deletes unused volumes, which may hold data'), PRUNE_FORCE, f('--filter', 'limits what is pruned, e.g. `until=24h`', 'key=value')],
  },
  'system df': { summary: 'shows how much disk space images, containers, volumes and the build cache use', intent: 'concept.storage', args: [], flags: [f('-v --verbose', 'lists every item with its size'), FORMAT] },
  'image prune': { summary: 'deletes dangling images (untagged, not used by a container)', intent: 'mistake.cleanup_confusion', args: [], flags: [f('-a --all', 'deletes every image no container uses, not only dangling ones'), PRUNE_FORCE, f('--filter', 'limits what is pruned, e.g. `until=24h`', 'key=value')] },
  'container prune': { summary: 'deletes every stopped container (images are kept)', intent: 'mistake.cleanup_confusion', args: [], flags: [PRUNE_FORCE, f('--filter', 'limits what is pruned, e.g. `until=24h`', 'key=value')] },
  'compose up': {
    summary: 'creates and starts the services defined in the Compose file; containers whose config or image changed are re-created, others are left as they are',
    intent: 'mistake.rebuild_not_applied',
    args: ['services...'],
    flags: [f('-d --detach', 'runs the containers in the background'), f('--build', 'builds the images before starting'), f('--force-recreate', 're-creates the containers even if nothing changed'), f('--no-deps', 'does not start linked services'), f('--remove-orphans', 'removes containers of services no longer in the Compose file'), f('--pull', 'when to pull images: `always`, `missing`, `never`', 'policy'), f('-f --file', 'uses this Compose file', 'file'), f('--scale', 'runs N containers of a service', 'service=N'), f('-V --renew-anon-volumes', 're-creates anonymous volumes instead of reusing their data'), f('--wait', 'waits until services are running/healthy')],
  },
  'compose down': {
    summary: 'stops and removes the containers and networks the Compose project created; named volumes and images are kept unless you ask',
    intent: 'concept.persistence',
    args: [],
    flags: [f('-v --volumes', 'also removes named and anonymous volumes: the data in them is deleted'), f('--rmi', 'also removes images: `all` or `local`', 'type'), f('--remove-orphans', 'also removes containers of services no longer in the Compose file'), f('-t --timeout', 'seconds to wait for a graceful stop', 'seconds'), f('-f --file', 'uses this Compose file', 'file')],
  },
  'compose ps': { summary: "lists the Compose project's containers (running ones unless you add -a)", intent: 'command.ps', args: ['services...'], flags: [f('-a --all', 'also shows stopped containers'), QUIET, FORMAT, f('--services', 'prints only the service names')] },
  'compose logs': { summary: "prints the output of the Compose project's containers, prefixed with the service name", intent: 'command.logs', args: ['services...'], flags: [FOLLOW, f('-n --tail', 'shows only the last N lines per container', 'N'), f('-t --timestamps', 'adds timestamps'), f('--since', 'only output since this time', 'time')] },
  'compose build': { summary: 'builds (or rebuilds) the images of the services that have a `build:` section', intent: 'command.build', args: ['services...'], flags: [f('--no-cache', 'ignores the layer cache'), f('--pull', 'always checks for newer base images')] },
  'compose pull': { summary: 'downloads the images of the services; running containers are not changed until `compose up` re-creates them', intent: 'mistake.rebuild_not_applied', args: ['services...'], flags: [f('-q --quiet', 'prints less output')] },
  'compose restart': { summary: "restarts the services' existing containers; it does not pick up a new image or changed config", intent: 'mistake.rebuild_not_applied', args: ['services...'], flags: [f('-t --timeout', 'seconds to wait before killing', 'seconds')] },
  'compose stop': { summary: "stops the services' containers without removing them", intent: 'command.stop_rm', args: ['services...'], flags: [f('-t --timeout', 'seconds to wait before killing', 'seconds')] },
  'compose exec': { summary: "runs a command in a service's running container", intent: 'command.exec', args: ['container', 'command...'], flags: [f('-T --no-TTY', 'does not allocate a terminal'), f('-e --env', 'sets an environment variable', 'KEY=value'), f('-u --user', 'runs as this user', 'user'), f('-w --workdir', 'working directory', 'path'), f('-d --detach', 'runs in the background')] },
};

/** `docker image rm` → `rmi`, `docker container ls` → `ps`: management commands that are the same as a classic one. */
export const ALIASES: Record<string, string> = {
  'image ls': 'images',
  'image list': 'images',
  'image rm': 'rmi',
  'image remove': 'rmi',
  'image pull': 'pull',
  'image push': 'push',
  'image tag': 'tag',
  'image history': 'history',
  'image inspect': 'inspect',
  'image build': 'build',
  'builder build': 'build',
  'buildx build': 'build',
  'container ls': 'ps',
  'container list': 'ps',
  'container rm': 'rm',
  'container remove': 'rm',
  'container stop': 'stop',
  'container start': 'start',
  'container restart': 'restart',
  'container kill': 'kill',
  'container run': 'run',
  'container create': 'create',
  'container exec': 'exec',
  'container logs': 'logs',
  'container inspect': 'inspect',
  'container attach': 'attach',
  'container cp': 'cp',
  'container commit': 'commit',
  'compose rm': 'compose down',
};

/** Words after `docker` that take a second word (`docker compose up`). */
export const MANAGEMENT = new Set(['compose', 'image', 'container', 'system', 'builder', 'buildx']);

/** Every top-level docker subcommand, for entity extraction (`docker X` mentions). */
export const KNOWN_SUBCOMMANDS = new Set([
  ...Object.keys(SUBCOMMANDS).map((k) => k.split(' ')[0] as string),
  ...MANAGEMENT,
  'stats',
  'top',
  'pause',
  'unpause',
  'port',
  'rename',
  'update',
  'wait',
  'diff',
  'events',
  'export',
  'import',
  'save',
  'load',
  'login',
  'logout',
  'search',
  'info',
  'version',
  'volume',
  'network',
  'context',
  'swarm',
  'service',
  'stack',
  'node',
  'secret',
  'config',
  'plugin',
  'manifest',
  'trust',
  'init',
  'scout',
]);

/** Subcommands whose first positional argument is a container name (for entity extraction). */
export const CONTAINER_ARG = new Set([
  'stop',
  'start',
  'restart',
  'kill',
  'rm',
  'logs',
  'exec',
  'attach',
  'inspect',
  'stats',
  'top',
  'pause',
  'unpause',
  'port',
  'wait',
  'diff',
  'export',
  'commit',
  'rename',
  'update',
]);
/** Subcommands whose first positional argument is an image reference. */
export const IMAGE_ARG = new Set(['run', 'create', 'rmi', 'pull', 'push', 'tag', 'history', 'save']);

export function findFlag(spec: SubcommandSpec, name: string): FlagSpec | undefined {
  return spec.flags.find((fl) => fl.names.includes(name));
}
