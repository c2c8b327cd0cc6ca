// Sentences that belong to no intent, trained as the classifier's internal out-of-scope class so
// that near misses (same vocabulary, other topic) come back `none`. Written by hand for this list
// from the catalogue's "Out of scope" line; none is taken from test/fixtures (the eval set).
// Grouped by the neighbour topic they stand for; keep each group varied in style. The groups with
// no Docker topic at all live in out-of-scope-chat.ts.
import { chitChat, databases, elsewhere, packageManagers, programming, smallTalk, versionControl } from './out-of-scope-chat.ts';

const kubernetes = [
  'kubernetes pod stuck in CrashLoopBackOff',
  'my pod keeps going into crashloopbackoff after deploy',
  'ImagePullBackOff on a private registry in k8s',
  'pod status ErrImagePull what does it mean',
  'kubectl get pods shows 0/1 ready',
  'how do I write a kubernetes deployment yaml',
  'helm chart values not applied to my release',
  'kubectl logs for a pod that restarted',
  'how to scale a deployment with kubectl',
  'k8s service not routing traffic to pods',
  'what is a kubernetes namespace',
  'liveness probe failing and pod restarts',
  'how to set resource limits on a pod',
  'ingress controller returns 404 for my service',
  'persistent volume claim stuck in pending',
  'kubectl apply says field is immutable',
  'how do I exec into a pod with kubectl',
  'configmap changes not picked up by the pod',
  'node NotReady in my kubernetes cluster',
  'difference between a deployment and a statefulset',
  'minikube start fails on my laptop',
  'how do I roll back a deployment in kubernetes',
  'pod evicted because of disk pressure',
  'what is a sidecar in kubernetes',
  'Back-off restarting failed container in my pod',
  'kubernetes pod OOMKilled even though the limits look fine',
  'pod restarting every few minutes with exit code 137 in k8s',
  'kubectl describe pod says Last State: Terminated Reason: Error',
  'init container stuck at Init:0/1',
  "k3s pods can't pull images from my local registry",
  'how to pass env variables to a pod from a secret',
  'helm release stuck in pending-upgrade, how do I get it out',
  'eks pods pending 0/3 nodes are available: insufficient cpu',
  'docker desktop kubernetes stuck on starting',
  'openshift route returns "Application is not available"',
  'oc new-app fails: pod runs as root, not allowed by the restricted SCC',
  'helm dependency update: no repository definition for bitnami',
  'kubectl port-forward keeps droping the connection after a few minutes',
  'hpa shows <unknown>/50% for the cpu target',
  'Our AKS nodes were upgraded last night and now every pod using a PVC is stuck in ContainerCreating with "Multi-Attach error for volume". kubectl get pv shows them Bound. How do I get them unstuck without losing data?',
  'cert-manager certificate stuck not ready, http01 challenge pending',
];

const podman = [
  'podman rootless containers cannot bind port 80',
  'how is podman different from docker',
  'podman-compose does not start my services',
  'podman machine start hangs on windows',
  'buildah vs podman build',
  'podman pod create with several containers',
  'podman generate systemd unit file',
  'selinux denies volume mount in podman',
  'podman ps shows nothing after reboot',
  'Error: short-name resolution enforced but cannot prompt without a TTY',
  'rootless podman container exits right away with newuidmap error',
  'buildah bud fails with overlay mount error',
  'alias docker=podman breaks my scripts',
  "podman desktop can't connect to the podman machine",
  'podman play kube with a multi-container pod yaml',
  'podman auto-update does nothing for my quadlet units',
];

const composeYaml = [
  'docker-compose.yml yaml: mapping values are not allowed in this context',
  'compose file error: services.web.ports must be a list',
  'yaml indentation error in my compose file',
  'Additional property volumes is not allowed in docker-compose.yml',
  'invalid top-level property in compose file version 3',
  'how do i write anchors and aliases in compose yaml',
  'compose says found character that cannot start any token',
  'should I quote port numbers in the yaml',
  'what does version: "3.8" at the top of the compose file do',
  'compose yaml tabs vs spaces error',
  'yaml.scanner.ScannerError: while scanning a simple key in docker-compose.yml',
  'services.app.environment must be a mapping',
  'compose config says depends_on contains an invalid type',
  'compose warning: the attribute version is obsolete',
  'how to write a multiline command in docker-compose yaml',
  "Unsupported config option for services: 'netwroks'",
  'compose file: mapping key "image" already defined at line 7',
  '${VAR:-default} substitution not working in my compose file',
  'The Compose file is invalid because: Invalid interpolation format for "environment" option in service "api"',
  'how to escape a dollar sign in compose yaml, $$ or \\$ ?',
  'yaml merge key <<: *defaults not merging in my compose file',
  'x- extension fields in compose, reuse one block of settings across several services',
  'compose: did not find expected key while parsing a block mapping at line 12 column 5',
  'do true/false values under environment: need quotes in the compose yaml',
];

const networkingInternals = [
  'how does docker embedded dns server 127.0.0.11 work',
  'containers cannot resolve each other by service name',
  'docker network overlay vs bridge vs macvlan',
  'iptables rules docker creates for the bridge network',
  'custom dns server for the docker daemon',
  'how does service discovery work between containers on a user defined network',
  'docker swarm routing mesh explained',
  'ipv6 support in docker networks',
  'docker0 bridge subnet conflicts with my vpn',
  'dns resolution slow inside container resolv.conf',
  'docker network inspect shows the wrong subnet for my bridge',
  'change default-address-pools in daemon.json',
  'containers on the same user defined network ping by ip but not by name',
  'docker bypasses ufw and overwrites my iptables rules',
  'macvlan container cannot reach the host',
  'MTU problems on the docker bridge when the vpn is up',
  'how does the embedded dns forward queries to upstream servers',
];

const npm = [
  'npm ERR! code EACCES permission denied',
  'npm install fails with node-gyp rebuild error',
  'npm ERR! peer dependency conflict ERESOLVE',
  'package-lock.json keeps changing after npm install',
  'npm run build out of memory javascript heap',
  'how to upgrade node version with nvm',
  'yarn vs npm which one should I use',
  'cannot find module express after npm install',
  'npm audit fix breaks my project',
  'npm publish 403 forbidden',
];

const linux = [
  'how do I change file permissions with chmod',
  'ubuntu apt-get update fails with gpg error',
  'how to check disk space on linux',
  'systemctl service fails to start on boot',
  'ssh permission denied publickey',
  'how do I find which process is using a port on linux',
  'bash script variable not expanding',
  'how to add a user to sudoers',
  'cron job not running',
  'grep recursively for a string in files',
  'how to mount a usb drive in linux',
  'my laptop wifi keeps disconnecting on ubuntu',
  'how to kill a process by name',
  'what is the difference between a hard link and a soft link',
  'nginx config returns 502 bad gateway',
  'how to set an environment variable permanently in bash',
  'tar extract to a specific folder',
  'how much ram does my server have',
  'how to extend an lvm volume on centos',
  'journald logs filling up /var/log',
  'firewalld open port 8080 permanently',
  "logrotate isn't rotating my nginx logs",
  'too many open files, how to raise ulimit',
];

const otherTech = [
  'git merge conflict how to resolve',
  'how do I undo the last git commit',
  'python virtualenv vs conda',
  'pip install fails with ssl error',
  'sql query to find duplicate rows',
  'how to center a div in css',
  'java out of memory error heap space',
  'react useEffect runs twice',
  'aws s3 bucket access denied',
  'terraform state lock error',
  'jenkins pipeline syntax for parallel stages',
  'github actions workflow not triggering',
  'how to set up a virtual machine in virtualbox',
  'vagrant up hangs at ssh auth',
  'ansible playbook to install packages',
  'what is a microservice architecture',
  'how do I configure a reverse proxy with traefik labels',
  'postgres connection refused on localhost',
  'redis eviction policy explained',
  'how to write a unit test in jest',
  'terraform plan wants to recreate my resource every time',
  'ansible: host key verification failed, host unreachable',
  'github actions: yaml syntax error in workflow file on line 20',
  'jenkins agent goes offline after upgrade',
  'gitlab ci job stuck pending waiting for runner',
];

// Running a registry server (auth, storage, Harbor/Nexus), not pushing/pulling to one.
const registryServer = [
  'setting up registry:2 with htpasswd basic auth and tls',
  "self-hosted registry garbage-collect doesn't free any disk",
  'harbor install fails with nginx certificate error',
  'nexus docker hosted repository http connector port setup',
];

// A language stack's own build error that happens to run inside a Dockerfile (pip, npm, maven, go, gcc).
const stackBuild = [
  'pip install fails in dockerfile: error building wheel for psycopg2',
  'RUN npm ci fails with EACCES during docker build',
  "maven build in dockerfile can't resolve dependencies behind the corporate proxy",
  'go mod download fails in docker build with tls handshake timeout',
  'python alpine image: gcc failed with exit status 1 installing numpy',
  'bundle install fails in docker, nokogiri native extension error',
  'composer install in my php dockerfile requires ext-gd',
  'cargo build inside docker: linking with cc failed',
  "ModuleNotFoundError: No module named 'requests' even after pip install",
  'opencv in my python container: ImportError: libGL.so.1: cannot open shared object file',
  'Django app running in a container throws "OperationalError: FATAL: password authentication failed for user postgres". The password is definitely right, I can psql in with it from my laptop. Is this a pg_hba.conf thing?',
  'java.lang.UnsupportedClassVersionError when my jar starts, compiled with 21 runs on 17',
];

// The host machine itself, without Docker: disk, permissions, systemd, SSH, apt, ports, cron, memory.
const hostAdmin = [
  'df -h says / is 100% full but du -sh /* only adds up to 12G',
  'no space left on device on my ubuntu vps, how to find which folder is eating it',
  'Ubuntu 22.04 server, ran `sudo apt upgrade` and get "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 2214 (unattended-upgr)". Is it safe to kill that process or should I just wait?',
  'apt install: unmet dependencies, you have held broken packages',
  'sudo lsof -i :8080 shows java owning the port, how do i stop it for good',
  'netstat -tulpn shows 0.0.0.0:22 and :::22, whats the difference',
  'my systemd service keeps restarting with status=203/EXEC',
  'How to run a Python script as a systemd service on boot?',
  'crontab entry works when i run it by hand but not from cron, PATH issue?',
  'ssh still asks for a password after ssh-copy-id',
  'ssh-keygen ed25519 or rsa 4096, which one should I use?',
  'chown -R www-data /var/www and apache still gives 403 forbidden',
  'bash: ./deploy.sh: Permission denied even though im the owner',
  'Our build box has been super slow since monday. `top` shows kswapd0 at 100% and `free -m` says 200MB free out of 16GB, no new services installed. How do I find out what is eating the memory?',
  'how to increase the swap file size on ubuntu',
];

// CI systems: GitHub Actions / GitLab CI YAML syntax, runners and pipeline settings.
const ciPipelines = [
  '.gitlab-ci.yml: jobs:build config contains unknown keys: scirpt',
  'github actions how to cache node_modules between workflow runs',
  'Our self-hosted GitHub Actions runner shows "Offline" in the repo settings since yesterday. The service is running on the VM (`./svc.sh status` says active) and the token was not rotated. Anyone seen this before?',
  'gitlab-runner register fails with 403 Forbidden',
  'how do I pass secrets as env variables in a github actions workflow',
  'gitlab ci only/except vs rules, which should i use',
  'azure devops pipeline yaml: Unexpected value steps',
  'workflow_dispatch inputs not showing up in the actions tab',
];

// Container tools other than Docker and Podman: containerd/nerdctl, CRI, LXC/LXD, Singularity, kaniko.
const containerRuntimes = [
  'nerdctl compose up fails: failed to verify networking settings, CNI plugin not found',
  'ctr images pull works but crictl images does not show it',
  'lxc container has no network after reboot, lxcbr0 missing',
  'lxd init: zfs or btrfs storage pool for a homelab?',
  'singularity build from a def file fails: FATAL: could not use fakeroot',
  'apptainer on our HPC cluster: how do I bind mount /scratch into the sif',
  'buildah unshare needed for buildah mount as a rootless user?',
  'kaniko in gitlab ci: error checking push permissions',
  'Moving our CI from docker to podman on RHEL 9. `podman login` works but `podman push` gives "Error: trying to reuse blob ... unauthorized". Same creds work with docker on my laptop. Is there an auth.json location thing I am missing?',
];

// Docker Swarm orchestration.
const swarm = [
  'swarm service stuck at 0/1 replicas: no suitable node',
  'how to update a swarm stack with zero downtime',
  'swarm overlay network: services on different nodes cant talk to each other',
  'docker secret create says this node is not a swarm manager',
];

// Cloud container platforms' deploy settings: ECS/Fargate, Cloud Run, App Service, App Runner, Fly.
const cloudDeploy = [
  'ECS task definition: how to set cpu and memory for fargate',
  'ecs service keeps failing ALB health checks and the tasks get replaced',
  'cloud run min instances to avoid cold starts, worth the cost?',
  'azure app service custom container: where do I set WEBSITES_PORT',
  'fly deploy stuck on "waiting for machine to be healthy"',
  'Deploying to AWS App Runner from ECR, service creation fails after 20 minutes with "Health check failed on protocol TCP". Works fine locally. Does App Runner need a different health check path configured somewhere?',
];

// Web servers, TLS certificates and DNS records, not about containers.
const webTlsDns = [
  'nginx proxy_pass trailing slash strips part of the path',
  'apache .htaccess rewrite rule ignored, AllowOverride?',
  'nginx: [emerg] unknown directive "proxy_set_heade"',
  'nginx 413 Request Entity Too Large on file upload',
  'certbot renew fails: Timeout during connect (likely firewall problem)',
  'ssllabs says my certificate chain is incomplete, how to add the intermediate cert',
  'curl: (60) SSL certificate problem: unable to get local issuer certificate',
  'NET::ERR_CERT_AUTHORITY_INVALID with my self-signed cert on a .local domain',
  'cname at the root domain not allowed, what do i use instead',
  'Moved our domain from GoDaddy to Cloudflare yesterday. `dig example.com NS` already shows the cloudflare nameservers, but half the team still gets the old IP and email stopped arriving. Did I miss copying the MX records or is it just propagation?',
];

export const OUT_OF_SCOPE: readonly string[] = [
  ...smallTalk,
  ...programming,
  ...elsewhere,
  ...kubernetes,
  ...podman,
  ...composeYaml,
  ...networkingInternals,
  ...npm,
  ...linux,
  ...otherTech,
  ...chitChat,
  ...registryServer,
  ...stackBuild,
  ...hostAdmin,
  ...ciPipelines,
  ...containerRuntimes,
  ...swarm,
  ...cloudDeploy,
  ...webTlsDns,
  ...versionControl,
  ...packageManagers,
  ...databases,
];
