import type { Fact } from './types.ts';

/** Facts for the mistake.* and command.* intents. Each term must appear in that intent's answer and in the answer unit named by `unit`. */
export const facts: Fact[] = [
  // mistake.edit_running_container
  {
    fact: 'editing a running container is lost on restart',
    source: 'both',
    intent: 'mistake.edit_running_container',
    unit: 'changes_lost',
    terms: ['docker exec', 'rebuild', 'fix is gone'],
  },
  {
    fact: 'modifying a container instead of rebuilding is the most damaging mistake',
    source: 'long',
    intent: 'mistake.edit_running_container',
    unit: 'changes_lost',
    terms: ['most damaging', 'docker exec'],
  },
  {
    fact: 'the fix disappears on redeploy, crash or node failure',
    source: 'long',
    intent: 'mistake.edit_running_container',
    unit: 'changes_lost',
    terms: ['redeploy', 'crash', 'node failure'],
  },
  {
    fact: 'correct approach: change source, rebuild the image, re-create the container',
    source: 'long',
    intent: 'mistake.edit_running_container',
    unit: 'right_way',
    terms: ['application code', 'Rebuild the image', 'Re-create the container'],
  },
  {
    fact: 'SSHing in and editing files by hand is a workflow problem',
    source: 'long',
    intent: 'mistake.edit_running_container',
    unit: 'ssh_by_hand',
    terms: ['SSH', 'by hand', 'workflow problem'],
  },
  {
    fact: 'changes that matter belong in the Dockerfile or application code',
    source: 'long',
    intent: 'mistake.edit_running_container',
    unit: 'right_way',
    terms: ['worth keeping', 'Dockerfile or the code'],
  },
  {
    fact: 'do not rely on ad hoc fixes or treat manual changes as permanent',
    source: 'short',
    intent: 'mistake.edit_running_container',
    unit: 'ssh_by_hand',
    terms: ['ad hoc', 'permanent'],
  },
  {
    fact: 'editing a running container does not improve the Dockerfile',
    source: 'short',
    intent: 'mistake.edit_running_container',
    unit: 'source_of_truth',
    terms: ['improve the Dockerfile'],
  },
  {
    fact: 'the Dockerfile and build process are the source of truth',
    source: 'short',
    intent: 'mistake.edit_running_container',
    unit: 'source_of_truth',
    terms: ['source of truth', 'Dockerfile'],
  },

  // mistake.latest_tag
  {
    fact: ':latest points at different builds over time, whichever was pushed last',
    source: 'long',
    intent: 'mistake.latest_tag',
    unit: 'why_not_in_production',
    terms: [':latest', 'different builds', 'pushed last'],
  },
  {
    fact: 'two engineers pushing back to back makes pulling :latest unpredictable',
    source: 'long',
    intent: 'mistake.latest_tag',
    unit: 'why_not_in_production',
    terms: ['two engineers', 'unpredictable'],
  },
  {
    fact: 'tag with explicit semantic versions such as myapp:1.4.2',
    source: 'long',
    intent: 'mistake.latest_tag',
    unit: 'how_to_tag',
    terms: ['myapp:1.4.2', 'semver', 'explicit tag'],
  },
  {
    fact: 'or tag with the commit SHA such as myapp:abc123',
    source: 'long',
    intent: 'mistake.latest_tag',
    unit: 'how_to_tag',
    terms: ['commit SHA', 'myapp:abc123'],
  },
  {
    fact: ':latest is just the default tag name, not the newest',
    source: 'both',
    intent: 'mistake.latest_tag',
    unit: 'latest_means',
    terms: ['newest', "don't name one"],
  },

  // mistake.ps_vs_images
  {
    fact: 'docker ps shows running containers; -a adds stopped ones',
    source: 'long',
    intent: 'mistake.ps_vs_images',
    unit: 'difference',
    terms: ['docker ps -a', 'running', 'stopped'],
  },
  {
    fact: 'docker images shows images stored locally',
    source: 'long',
    intent: 'mistake.ps_vs_images',
    unit: 'difference',
    terms: ['docker images', 'stored on your machine'],
  },
  {
    fact: 'beginners see an empty docker ps and assume Docker is broken',
    source: 'long',
    intent: 'mistake.ps_vs_images',
    unit: 'built_not_in_ps',
    terms: ['Docker is broken', 'empty'],
  },
  {
    fact: 'the image exists but no container was started yet; fix with docker run',
    source: 'long',
    intent: 'mistake.ps_vs_images',
    unit: 'built_not_in_ps',
    terms: ["haven't created a container", 'docker run'],
  },

  // mistake.large_images
  {
    fact: 'large images come from COPYing node_modules, .git and local config',
    source: 'long',
    intent: 'mistake.large_images',
    unit: 'why_big',
    terms: ['COPY . .', 'node_modules', '.git', 'local config'],
  },
  {
    fact: 'use a .dockerignore, like .gitignore',
    source: 'long',
    intent: 'mistake.large_images',
    unit: 'dockerignore',
    terms: ['.dockerignore', '.gitignore'],
  },
  { fact: 'use slim base images', source: 'long', intent: 'mistake.large_images', unit: 'slim_base', terms: ['slim', 'node:20-alpine'] },
  {
    fact: 'use multi-stage builds',
    source: 'long',
    intent: 'mistake.large_images',
    unit: 'multi_stage',
    terms: ['multi-stage', 'COPY --from'],
  },
  {
    fact: 'install production dependencies only with npm ci --omit=dev',
    source: 'long',
    intent: 'mistake.large_images',
    unit: 'prod_deps',
    terms: ['npm ci --omit=dev', 'production dependencies'],
  },

  // mistake.rebuild_not_applied
  {
    fact: 'rebuilding an image does not change already-running containers',
    source: 'short',
    intent: 'mistake.rebuild_not_applied',
    unit: 'why_old_code',
    terms: ['Rebuilding', 'already running', 'future'],
  },
  {
    fact: 'pulling a new image changes future runs only; restart is not enough',
    source: 'short',
    intent: 'mistake.rebuild_not_applied',
    unit: 'restart_not_enough',
    terms: ['docker pull', 'docker restart'],
  },
  {
    fact: 'stop, remove and run a new container to apply a new image',
    source: 'short',
    intent: 'mistake.rebuild_not_applied',
    unit: 'recreate',
    terms: ['docker stop', 'docker rm', 'docker run'],
  },
  {
    fact: 'compose: up -d --build, or --force-recreate',
    source: 'short',
    intent: 'mistake.rebuild_not_applied',
    unit: 'compose_not_recreating',
    terms: ['docker compose up -d --build', '--force-recreate'],
  },
  {
    fact: 'upgrading a container to a new release means re-creating it; volumes keep data',
    source: 'short',
    intent: 'mistake.rebuild_not_applied',
    unit: 'upgrade_keep_data',
    terms: ['Upgrading', 'volume'],
  },

  // mistake.cleanup_confusion
  {
    fact: 'do not mix up artifact cleanup and runtime cleanup',
    source: 'short',
    intent: 'mistake.cleanup_confusion',
    unit: 'rm_vs_rmi',
    terms: ['runtime', 'artifact'],
  },
  {
    fact: 'rm removes containers, rmi removes images',
    source: 'short',
    intent: 'mistake.cleanup_confusion',
    unit: 'rm_vs_rmi',
    terms: ['docker rm', 'docker rmi'],
  },
  {
    fact: 'deleting a container does not delete the image',
    source: 'short',
    intent: 'mistake.cleanup_confusion',
    unit: 'container_delete_image',
    terms: ['never deletes its image'],
  },
  {
    fact: 'stopped containers are runtime leftovers, not the source of truth',
    source: 'short',
    intent: 'mistake.cleanup_confusion',
    unit: 'stopped_piling_up',
    terms: ['leftovers', 'source of truth', 'stopped'],
  },
  {
    fact: 'cleanup habits: docker container prune and --rm',
    source: 'short',
    intent: 'mistake.cleanup_confusion',
    unit: 'clean_stopped',
    terms: ['docker container prune', '--rm', 'habit'],
  },
  {
    fact: 'removing a container frees little space; the image holds the bulk',
    source: 'short',
    intent: 'mistake.cleanup_confusion',
    unit: 'no_space_freed',
    terms: ['writable layer', 'freeing almost no space'],
  },

  // command.build (worked example)
  {
    fact: 'docker build -t myapp:2.1.0 . reads the Dockerfile and creates a tagged image',
    source: 'long',
    intent: 'command.build',
    unit: 'what_it_does',
    terms: ['docker build -t myapp:2.1.0 .', 'Dockerfile', 'tags'],
  },
  {
    fact: 'the final . is the build context, where Docker finds the files',
    source: 'long',
    intent: 'command.build',
    unit: 'build_context',
    terms: ['build context', 'final `.`'],
  },
  {
    fact: 'worked example: Node.js Dockerfile defines the image and runs nothing',
    source: 'long',
    intent: 'command.build',
    unit: 'node_example',
    terms: ['FROM node:20-alpine', 'npm ci --omit=dev', 'CMD ["node", "server.js"]', 'runs nothing'],
  },
  {
    fact: 'worked example: docker build -t my-api:1.0.0 . creates my-api tagged 1.0.0, nothing running yet',
    source: 'long',
    intent: 'command.build',
    unit: 'node_example',
    terms: ['docker build -t my-api:1.0.0 .', '`1.0.0`', 'nothing is running'],
  },
  {
    fact: 'image first, container second; in production push to a registry and let Kubernetes pull and run it',
    source: 'long',
    intent: 'command.build',
    unit: 'build_then_run',
    terms: ['Image first, container second', 'registry', 'Kubernetes'],
  },

  // command.run (worked example)
  {
    fact: 'docker run -d -p 8080:80 --name web myapp:2.1.0 creates and starts a container',
    source: 'long',
    intent: 'command.run',
    unit: 'what_it_does',
    terms: ['docker run -d -p 8080:80 --name web myapp:2.1.0', 'creates a new container'],
  },
  {
    fact: '-d runs in the background (detached)',
    source: 'long',
    intent: 'command.run',
    unit: 'detached',
    terms: ['detached', 'background'],
  },
  {
    fact: '-p 8080:80 maps host port 8080 to container port 80 (host:container)',
    source: 'long',
    intent: 'command.run',
    unit: 'port_mapping',
    terms: ['-p 8080:80', 'host side first'],
  },
  {
    fact: 'other common flags: -e, -v, --rm',
    source: 'long',
    intent: 'command.run',
    unit: 'other_flags',
    terms: ['-e KEY=value', '-v', '--rm'],
  },
  {
    fact: 'worked example: docker run -d -p 3000:3000 --name my-api-prod my-api:1.0.0',
    source: 'long',
    intent: 'command.run',
    unit: 'node_example',
    terms: ['--name my-api-prod my-api:1.0.0', '-p 3000:3000'],
  },
  {
    fact: 'worked example: docker ps shows it Up 2 minutes with 0.0.0.0:3000->3000/tcp',
    source: 'long',
    intent: 'command.run',
    unit: 'check_running',
    terms: ['Up 2 minutes', '0.0.0.0:3000->3000/tcp', 'CONTAINER ID'],
  },
  {
    fact: 'image first, container second (run refers back to the build step)',
    source: 'long',
    intent: 'command.run',
    unit: 'node_example',
    terms: ['Image first, container second', 'docker build -t my-api:1.0.0 .'],
  },

  // command.ps
  {
    fact: 'docker ps lists running containers; -a includes stopped',
    source: 'long',
    intent: 'command.ps',
    unit: 'running_and_all',
    terms: ['running right now', 'docker ps -a', 'stopped'],
  },
  {
    fact: 'docker ps columns explained',
    source: 'long',
    intent: 'command.ps',
    unit: 'columns',
    terms: ['CONTAINER ID', 'STATUS', 'PORTS', 'NAMES'],
  },

  // command.images
  {
    fact: 'docker images lists local images',
    source: 'long',
    intent: 'command.images',
    unit: 'list_local',
    terms: ['docker images', 'stored locally'],
  },
  {
    fact: 'docker images columns: repository, tag, image ID, created, size',
    source: 'long',
    intent: 'command.images',
    unit: 'columns',
    terms: ['REPOSITORY', 'TAG', 'IMAGE ID', 'SIZE'],
  },

  // command.stop_rm
  {
    fact: 'docker stop stops gracefully: SIGTERM, then SIGKILL after a 10 s grace period',
    source: 'long',
    intent: 'command.stop_rm',
    unit: 'stop_graceful',
    terms: ['docker stop web', 'SIGTERM', 'SIGKILL', '10 seconds'],
  },
  {
    fact: 'docker rm removes the container; the image is untouched and can start new containers',
    source: 'long',
    intent: 'command.stop_rm',
    unit: 'rm_container',
    terms: ['docker rm web', 'touch the image', 'fresh containers'],
  },
  {
    fact: 'docker kill ends a container immediately',
    source: 'long',
    intent: 'command.stop_rm',
    unit: 'kill_vs_stop',
    terms: ['docker kill', 'immediately'],
  },

  // command.rmi
  {
    fact: 'docker rmi myapp:2.1.0 deletes a local image; docker image rm is the same',
    source: 'long',
    intent: 'command.rmi',
    unit: 'remove_image',
    terms: ['docker rmi myapp:2.1.0', 'docker image rm', 'local machine'],
  },
  {
    fact: 'rmi does not change existing containers; refused while any container, even stopped, uses it',
    source: 'long',
    intent: 'command.rmi',
    unit: 'image_in_use',
    terms: ['running or stopped', 'refuses', 'stopped container'],
  },
  {
    fact: 'forcing with -f only untags; a running container keeps running',
    source: 'long',
    intent: 'command.rmi',
    unit: 'force',
    terms: ['-f', 'keeps running', 'untagged'],
  },

  // command.exec
  {
    fact: 'docker exec -it web sh opens a shell in a running container',
    source: 'long',
    intent: 'command.exec',
    unit: 'shell',
    terms: ['docker exec -it web sh', 'already running'],
  },
  {
    fact: 'docker attach connects to the main process; detach with Ctrl-P Ctrl-Q',
    source: 'long',
    intent: 'command.exec',
    unit: 'attach_detach',
    terms: ['docker attach', 'Ctrl-P', 'Ctrl-Q'],
  },
  {
    fact: 'docker cp copies files in and out',
    source: 'long',
    intent: 'command.exec',
    unit: 'copy_files',
    terms: ['docker cp', 'in and out'],
  },

  // command.logs
  {
    fact: 'docker logs -f --tail 100 web follows the last lines',
    source: 'long',
    intent: 'command.logs',
    unit: 'follow_tail',
    terms: ['docker logs -f --tail 100 web', '--tail 100', '-f'],
  },
  {
    fact: 'docker inspect shows State.Status, State.ExitCode, State.OOMKilled',
    source: 'long',
    intent: 'command.logs',
    unit: 'inspect_state',
    terms: ['State.Status', 'State.ExitCode', 'State.OOMKilled'],
  },
  {
    fact: "docker inspect --format '{{.State.ExitCode}}' web pulls out the exit code",
    source: 'long',
    intent: 'command.logs',
    unit: 'exit_code',
    terms: ["docker inspect --format '{{.State.ExitCode}}' web"],
  },
];
