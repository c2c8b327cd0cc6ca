import type { Fact } from './types.ts';

/** Facts from the source articles that the concept.* answers must hold. */
export const facts: Fact[] = [
  // concept.image
  { fact: 'an image is a read-only blueprint', source: 'long', intent: 'concept.image', terms: ['read-only', 'blueprint'] },
  { fact: 'an image is a packaged artifact', source: 'short', intent: 'concept.image', terms: ['packaged', 'artifact'] },
  {
    fact: 'an image holds an OS base (userland), not a kernel; containers share the host kernel',
    source: 'long',
    intent: 'concept.image',
    terms: ['userland', 'no kernel', "host's kernel"],
  },
  {
    fact: 'an image holds a runtime such as Node.js, Python or Java',
    source: 'long',
    intent: 'concept.image',
    terms: ['runtime', 'Node.js', 'Python', 'Java'],
  },
  {
    fact: 'an image holds application code, libraries and dependencies',
    source: 'both',
    intent: 'concept.image',
    terms: ['application code', 'libraries', 'dependencies'],
  },
  {
    fact: 'an image holds environment configuration and the startup command',
    source: 'both',
    intent: 'concept.image',
    terms: ['environment configuration', 'startup command'],
  },
  { fact: 'images are built from a Dockerfile', source: 'long', intent: 'concept.image', terms: ['Dockerfile', 'docker build'] },
  { fact: 'the image is a mould, the container is the cake', source: 'long', intent: 'concept.image', terms: ['mould', 'cake'] },

  // concept.container
  { fact: 'a container is a running instance of an image', source: 'both', intent: 'concept.container', terms: ['running instance'] },
  { fact: 'a container is a live isolated process', source: 'long', intent: 'concept.container', terms: ['live', 'isolated process'] },
  {
    fact: 'a container has its own filesystem based on the image',
    source: 'long',
    intent: 'concept.container',
    terms: ['filesystem', "image's layers"],
  },
  {
    fact: 'a container has its own network interface and process space',
    source: 'long',
    intent: 'concept.container',
    terms: ['network interface', 'process space'],
  },
  {
    fact: 'runtime config such as ports, env vars and mounts belongs to the container',
    source: 'short',
    intent: 'concept.container',
    terms: ['ports', 'environment variables', 'mounts'],
  },
  {
    fact: 'unlike VMs, containers share the host kernel and start in milliseconds',
    source: 'long',
    intent: 'concept.container',
    terms: ['virtual machine', 'shares the host kernel', 'milliseconds'],
  },

  // concept.difference
  {
    fact: 'nature: static blueprint vs running process',
    source: 'long',
    intent: 'concept.difference',
    terms: ['Nature', 'Static blueprint', 'Running process'],
  },
  {
    fact: 'state: image immutable, container mutable while running, changes lost on removal',
    source: 'long',
    intent: 'concept.difference',
    terms: ['Immutable', 'Mutable while running', 'lost on removal'],
  },
  {
    fact: 'storage: image stored in a registry or locally, container lives on the host',
    source: 'long',
    intent: 'concept.difference',
    terms: ['Storage', 'registry', 'Lives on the host'],
  },
  {
    fact: 'creation: docker build vs docker run',
    source: 'long',
    intent: 'concept.difference',
    terms: ['Creation', 'docker build', 'docker run'],
  },
  {
    fact: 'lifespan: images are durable, containers are ephemeral',
    source: 'long',
    intent: 'concept.difference',
    terms: ['Lifespan', 'durable', 'ephemeral'],
  },
  {
    fact: 'multiplicity: many containers from one image, horizontal scaling',
    source: 'long',
    intent: 'concept.difference',
    terms: ['Multiplicity', 'Many containers from one image', 'horizontal scaling'],
  },
  { fact: 'analogy: class and object', source: 'long', intent: 'concept.difference', terms: ['class', 'object'] },
  { fact: 'analogy: program and process', source: 'long', intent: 'concept.difference', terms: ['Program and process', 'executable'] },
  {
    fact: 'summary: image is a versioned blueprint built once and reused; container is created, run and discarded',
    source: 'long',
    intent: 'concept.difference',
    terms: ['versioned blueprint', 'build once', 'reuse many times', 'create, run and then throw away'],
  },

  // concept.lifecycle
  {
    fact: 'container states: created, running, paused, exited/stopped, removed',
    source: 'long',
    intent: 'concept.lifecycle',
    terms: ['created', 'paused', 'exited', 'removed'],
  },
  { fact: 'docker run is create plus start', source: 'long', intent: 'concept.lifecycle', terms: ['docker run', 'create + start'] },
  {
    fact: 'docker start restarts an existing stopped container',
    source: 'long',
    intent: 'concept.lifecycle',
    terms: ['docker start', 'existing', 'stopped container'],
  },
  { fact: 'containers are ephemeral and disposable', source: 'long', intent: 'concept.lifecycle', terms: ['ephemeral', 'disposable'] },
  {
    fact: 'in Kubernetes a crashed pod is replaced by a new one from the same image',
    source: 'long',
    intent: 'concept.lifecycle',
    terms: ['Kubernetes', 'crashed pod', 'same image'],
  },
  {
    fact: 'never keep important state in the container filesystem',
    source: 'long',
    intent: 'concept.lifecycle',
    terms: ['never keep important state', 'filesystem'],
  },
  {
    fact: 're-created containers start with a clean state',
    source: 'long',
    intent: 'concept.lifecycle',
    terms: ['re-created', 'clean state'],
  },

  // concept.immutability
  { fact: 'once built, an image does not change', source: 'long', intent: 'concept.immutability', terms: ['never changes', 'built'] },
  { fact: 'to update, rebuild the image with a new tag', source: 'long', intent: 'concept.immutability', terms: ['rebuild', 'new tag'] },
  {
    fact: 'immutability makes deployments predictable: no drift, identical containers',
    source: 'long',
    intent: 'concept.immutability',
    terms: ['predictable', 'drift', 'identical'],
  },
  {
    fact: 'changes inside a container are not written back to the image',
    source: 'both',
    intent: 'concept.immutability',
    terms: ['written back', 'writable layer'],
  },
  {
    fact: 'docker commit exists but the Dockerfile is the source of truth',
    source: 'short',
    intent: 'concept.immutability',
    terms: ['docker commit', 'Dockerfile as the source of truth'],
  },

  // concept.layers
  {
    fact: 'each Dockerfile instruction (RUN, COPY, ENV) makes a layer',
    source: 'long',
    intent: 'concept.layers',
    terms: ['RUN', 'COPY', 'ENV', 'layer'],
  },
  { fact: 'layers are cached to speed up rebuilds', source: 'long', intent: 'concept.layers', terms: ['caches', 'rebuild'] },
  {
    fact: 'docker history shows how an image was built',
    source: 'long',
    intent: 'concept.layers',
    terms: ['docker history', 'how an image was built'],
  },
  {
    fact: 'order instructions so rarely-changing ones come first',
    source: 'long',
    intent: 'concept.layers',
    terms: ['order instructions', 'least to most frequently changing'],
  },

  // concept.registry
  {
    fact: 'registries: Docker Hub, AWS ECR, Google Artifact Registry, private registries',
    source: 'long',
    intent: 'concept.registry',
    terms: ['Docker Hub', 'ECR', 'Google Artifact Registry', 'private registries'],
  },
  {
    fact: 'images are pushed to and pulled from a registry',
    source: 'long',
    intent: 'concept.registry',
    terms: ['docker push', 'docker pull'],
  },
  {
    fact: 'CI/CD builds an image on every merge to main, tags it with the commit SHA or version, pushes it',
    source: 'long',
    intent: 'concept.registry',
    terms: ['CI/CD', 'merge to main', 'commit SHA', 'version number'],
  },
  {
    fact: 'Kubernetes pulls that specific tag to run the workload',
    source: 'long',
    intent: 'concept.registry',
    terms: ['Kubernetes', 'pull exactly that tag'],
  },
  {
    fact: 'tag with a specific version; :latest in production causes unexpected deployments',
    source: 'long',
    intent: 'concept.registry',
    terms: ['myapp:1.4.2', 'myapp:abc123', ':latest', 'surprise deployments'],
  },

  // concept.many_containers
  {
    fact: 'many containers can run from one image at the same time',
    source: 'both',
    intent: 'concept.many_containers',
    terms: ['any number of containers', 'same time'],
  },
  { fact: 'each container from the same image is independent', source: 'long', intent: 'concept.many_containers', terms: ['independent'] },
  {
    fact: 'horizontal scaling: more containers from the same image',
    source: 'long',
    intent: 'concept.many_containers',
    terms: ['horizontal scaling', 'load balancer'],
  },
  {
    fact: 'copies side by side need distinct names and host ports',
    source: 'long',
    intent: 'concept.many_containers',
    terms: ['side by side', 'distinct name', 'host port'],
  },
  {
    fact: 'an image can outlive many containers; that is normal',
    source: 'short',
    intent: 'concept.many_containers',
    terms: ['outlive many containers', 'normal'],
  },

  // concept.persistence
  {
    fact: 'a running container can write files to its writable layer',
    source: 'long',
    intent: 'concept.persistence',
    terms: ['write files', 'writable layer'],
  },
  {
    fact: 'changes are lost when the container is removed unless written to a mounted volume',
    source: 'long',
    intent: 'concept.persistence',
    terms: ['removed', 'mounted volume'],
  },
  { fact: 'volumes vs bind mounts', source: 'short', intent: 'concept.persistence', terms: ['Named volume', 'Bind mount'] },
  {
    fact: 'docker compose down removes containers; down -v also removes volumes',
    source: 'long',
    intent: 'concept.persistence',
    terms: ['docker compose down', 'docker compose down -v'],
  },

  // concept.storage
  {
    fact: 'on Linux Docker stores data under /var/lib/docker',
    source: 'short',
    intent: 'concept.storage',
    terms: ['/var/lib/docker', 'overlay2'],
  },
  {
    fact: 'Docker Desktop keeps it inside a Linux VM disk image',
    source: 'short',
    intent: 'concept.storage',
    terms: ['Docker Desktop', 'virtual machine', 'disk image'],
  },
  { fact: 'docker system df shows disk usage', source: 'short', intent: 'concept.storage', terms: ['docker system df', 'reclaimable'] },
  {
    fact: 'prune commands reclaim space',
    source: 'short',
    intent: 'concept.storage',
    terms: ['docker system prune', 'docker image prune', 'docker builder prune'],
  },

  // concept.restart_policy
  {
    fact: 'restart policies: no, on-failure[:N], always, unless-stopped',
    source: 'long',
    intent: 'concept.restart_policy',
    terms: ['`no`', 'on-failure[:N]', '`always`', 'unless-stopped'],
  },
  {
    fact: 'the default policy no is why containers do not come back after a reboot',
    source: 'long',
    intent: 'concept.restart_policy',
    terms: ['default', 'reboot'],
  },
  {
    fact: 'the Docker service must start at boot and a removed container cannot be revived',
    source: 'long',
    intent: 'concept.restart_policy',
    terms: ['systemctl enable docker', 'no longer exists'],
  },

  // concept.when_to_use
  {
    fact: 'you need an image to package, version in a registry, share reproducible builds, roll back',
    source: 'long',
    intent: 'concept.when_to_use',
    terms: ['package the app', 'versioned snapshot', 'reproducible build', 'roll back'],
  },
  {
    fact: 'you need a container to run and serve traffic, test locally, run one-off tasks, debug',
    source: 'long',
    intent: 'concept.when_to_use',
    terms: ['serve traffic', 'locally', 'database migration', 'batch job'],
  },
  {
    fact: 'image questions are about layers, size, dependencies (build, review, scanning, publishing)',
    source: 'short',
    intent: 'concept.when_to_use',
    terms: ['layers, size and dependencies', 'scanning', 'publishing'],
  },
  {
    fact: 'container questions are about environment, logs, ports, health, resources, restarts, execution',
    source: 'short',
    intent: 'concept.when_to_use',
    terms: ['logs', 'ports', 'health', 'resource usage', 'restart behaviour'],
  },
  {
    fact: 'good debugging starts by deciding which side of the line the problem is on',
    source: 'short',
    intent: 'concept.when_to_use',
    terms: ['debugging', 'which side of the build/run line'],
  },
  { fact: 'decide whether to rebuild or just re-run', source: 'short', intent: 'concept.when_to_use', terms: ['rebuild or just re-run'] },
  {
    fact: 'the Dockerfile is the source of truth',
    source: 'short',
    intent: 'concept.when_to_use',
    terms: ['Dockerfile is the source of truth'],
  },
  {
    fact: 'CI/CD builds images; the orchestration layer (Kubernetes, ECS, Docker Compose) manages containers',
    source: 'long',
    intent: 'concept.when_to_use',
    terms: ['CI/CD builds images', 'orchestration layer', 'ECS', 'Docker Compose'],
  },
  {
    fact: 'practice: list questions to ask if an app fails only when the container starts',
    source: 'short',
    intent: 'concept.when_to_use',
    terms: ['breaks only at the moment its container starts', 'list the questions'],
  },
];
