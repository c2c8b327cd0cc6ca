import type { Fact } from './types.ts';

/** Facts the diagnose.*, host.* and meta.* answers must hold (checked against the answer text). */
export const facts: Fact[] = [
  // diagnose.missing_container
  {
    fact: 'built an image but docker ps is empty: no container was started',
    source: 'long',
    intent: 'diagnose.missing_container',
    unit: 'built_not_in_ps',
    terms: ['docker ps -a', 'docker images', 'docker run'],
  },
  {
    fact: 'docker ps lists running containers only; -a adds stopped ones',
    source: 'long',
    intent: 'diagnose.missing_container',
    unit: 'running_and_all',
    terms: ['running containers only', 'docker ps -a', 'Exited'],
  },
  {
    fact: 'a container started with --rm is deleted when it ends; recent events show destroy',
    source: 'long',
    intent: 'diagnose.missing_container',
    unit: 'removed_rm',
    terms: ['docker events', '--rm', 'destroy'],
  },
  {
    fact: 'Compose names containers project-service-1',
    source: 'long',
    intent: 'diagnose.missing_container',
    unit: 'compose_service',
    terms: ['docker compose ps -a', 'project-service-1'],
  },
  {
    fact: 'the client may be talking to another engine (context)',
    source: 'long',
    intent: 'diagnose.missing_container',
    unit: 'other_engine',
    terms: ['docker context ls', 'rootless'],
  },

  // diagnose.exited
  {
    fact: 'exit code 0: the main process finished; a container whose command ends, ends',
    source: 'both',
    intent: 'diagnose.exited',
    unit: 'exit_0',
    terms: ['main process finished', 'a container whose command ends, ends'],
  },
  { fact: 'exit code 1: application error', source: 'both', intent: 'diagnose.exited', unit: 'exit_1', terms: ['Application error'] },
  {
    fact: 'exit code 125: the engine could not run the container',
    source: 'both',
    intent: 'diagnose.exited',
    unit: 'exit_125_127',
    terms: ['125', 'engine could not run'],
  },
  {
    fact: 'exit code 126: the command cannot be invoked',
    source: 'both',
    intent: 'diagnose.exited',
    unit: 'exit_125_127',
    terms: ['126', 'cannot be invoked'],
  },
  {
    fact: 'exit code 127: command not found',
    source: 'both',
    intent: 'diagnose.exited',
    unit: 'exit_125_127',
    terms: ['127', 'Command not found'],
  },
  {
    fact: 'exit code 137 is 128+9, SIGKILL',
    source: 'both',
    intent: 'diagnose.exited',
    unit: 'exit_137',
    terms: ['137', '128+9', 'SIGKILL'],
  },
  {
    fact: '137 comes from docker kill, a stop past the 10 s grace period, or the OOM killer',
    source: 'both',
    intent: 'diagnose.exited',
    unit: 'exit_137',
    terms: ['docker kill', '10 s grace period', 'OOM killer'],
  },
  {
    fact: 'check OOMKilled with docker inspect',
    source: 'both',
    intent: 'diagnose.exited',
    unit: 'exit_137',
    terms: ['OOMKilled', 'docker inspect'],
  },
  {
    fact: 'exit code 139: SIGSEGV, segmentation fault',
    source: 'both',
    intent: 'diagnose.exited',
    unit: 'exit_139',
    terms: ['139', 'SIGSEGV', 'segmentation fault'],
  },
  { fact: 'exit code 143: SIGTERM', source: 'both', intent: 'diagnose.exited', unit: 'exit_143', terms: ['143', 'SIGTERM'] },
  {
    fact: 'restart loop: Restarting (1), RestartCount climbing; read the logs, fix, rebuild',
    source: 'both',
    intent: 'diagnose.exited',
    unit: 'restart_loop',
    terms: ['Restarting (1)', 'RestartCount', 'docker logs', 'rebuild'],
  },

  // diagnose.port_unreachable
  {
    fact: 'EXPOSE does not publish a port; only -p does',
    source: 'long',
    intent: 'diagnose.port_unreachable',
    unit: 'expose',
    terms: ['EXPOSE', 'does not open|does not publish', '-p'],
  },
  {
    fact: '-p is host:container; 8080:80 means browse to 8080',
    source: 'long',
    intent: 'diagnose.port_unreachable',
    unit: 'port_mapping',
    terms: ['HOST:CONTAINER', '-p 8080:80', 'localhost:8080'],
  },
  {
    fact: 'an app bound to 127.0.0.1 inside the container must listen on 0.0.0.0',
    source: 'long',
    intent: 'diagnose.port_unreachable',
    unit: 'bind_all_interfaces',
    terms: ['127.0.0.1', '0.0.0.0'],
  },
  {
    fact: 'check the PORTS column of docker ps and docker port NAME',
    source: 'long',
    intent: 'diagnose.port_unreachable',
    unit: 'ports_column',
    terms: ['PORTS', 'docker port <container>', '80/tcp'],
  },
  {
    fact: 'wrong host (Docker Desktop, remote engine) or a firewall',
    source: 'long',
    intent: 'diagnose.port_unreachable',
    unit: 'wrong_host',
    terms: ['Docker Desktop', 'remote', 'firewall'],
  },
  {
    fact: 'ports are fixed at creation: re-create the container, no rebuild',
    source: 'short',
    intent: 'diagnose.port_unreachable',
    unit: 'expose',
    terms: ['fixed when a container is created', 'run it again'],
  },

  // diagnose.daemon_unreachable
  {
    fact: 'Cannot connect to the Docker daemon: start the engine or Docker Desktop',
    source: 'long',
    intent: 'diagnose.daemon_unreachable',
    unit: 'daemon_not_running',
    terms: ['Cannot connect to the Docker daemon', 'systemctl start docker', 'Docker Desktop'],
  },
  {
    fact: 'permission denied on docker.sock: join the docker group and log in again',
    source: 'long',
    intent: 'diagnose.daemon_unreachable',
    unit: 'permission_denied',
    terms: ['permission denied', '/var/run/docker.sock', 'usermod -aG docker', 'log out'],
  },
  {
    fact: 'the docker group is root-equivalent; sudo or rootless instead',
    source: 'long',
    intent: 'diagnose.daemon_unreachable',
    unit: 'docker_group_risk',
    terms: ['root-equivalent', 'sudo', 'rootless'],
  },
  {
    fact: 'wrong DOCKER_HOST or docker context',
    source: 'long',
    intent: 'diagnose.daemon_unreachable',
    unit: 'wrong_context',
    terms: ['DOCKER_HOST', 'docker context ls', 'docker context use default', 'unset DOCKER_HOST'],
  },

  // host.*
  {
    fact: 'no host connected: an admin enables access through DOCKER_HOST or the default socket',
    source: 'long',
    intent: 'host.list_containers',
    unit: 'no_host',
    terms: ['admin', 'DOCKER_HOST', '/var/run/docker.sock', 'read-only'],
  },
  {
    fact: 'list containers yourself with docker ps -a; what STATUS and PORTS mean',
    source: 'long',
    intent: 'host.list_containers',
    unit: 'ps_columns',
    terms: ['docker ps -a', 'STATUS', 'PORTS', 'NAMES'],
  },
  {
    fact: 'no host connected: an admin enables access for images too',
    source: 'long',
    intent: 'host.list_images',
    unit: 'no_host',
    terms: ['admin', 'DOCKER_HOST', '/var/run/docker.sock'],
  },
  {
    fact: 'list images yourself with docker images; repository, tag, id, size',
    source: 'long',
    intent: 'host.list_images',
    unit: 'images_columns',
    terms: ['docker images', 'REPOSITORY', 'TAG', 'IMAGE ID', 'SIZE'],
  },
  {
    fact: 'an image in the list is not a running app; containers are in docker ps',
    source: 'long',
    intent: 'host.list_images',
    unit: 'image_not_running',
    terms: ['not a running app', 'docker ps'],
  },

  // meta.*
  {
    fact: 'help lists the bot commands',
    source: 'long',
    intent: 'meta.help',
    unit: 'commands',
    terms: ['why [name] [--port N]', 'explain <docker command>', '`ps`', '`images`', '`help`'],
  },
  {
    fact: 'greeting offers example questions and points to help',
    source: 'long',
    intent: 'meta.greeting',
    unit: 'hello',
    terms: ['image and a container', 'docker ps', 'help'],
  },
];
