// Out-of-scope sentences, part three: the operations around Docker that this bot does not cover —
// the host machine itself, CI pipelines, other container runtimes, Swarm, cloud deploy settings,
// web servers, TLS and DNS records. Part one (out-of-scope.ts) assembles the whole list. Written
// by hand; none is taken from test/fixtures.

// The host machine itself, without Docker: disk, permissions, systemd, SSH, apt, ports, cron, memory.
export const hostAdmin = [
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
export const ciPipelines = [
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
export const containerRuntimes = [
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
export const swarm = [
  'swarm service stuck at 0/1 replicas: no suitable node',
  'how to update a swarm stack with zero downtime',
  'swarm overlay network: services on different nodes cant talk to each other',
  'docker secret create says this node is not a swarm manager',
];

// Cloud container platforms' deploy settings: ECS/Fargate, Cloud Run, App Service, App Runner, Fly.
export const cloudDeploy = [
  'ECS task definition: how to set cpu and memory for fargate',
  'ecs service keeps failing ALB health checks and the tasks get replaced',
  'cloud run min instances to avoid cold starts, worth the cost?',
  'azure app service custom container: where do I set WEBSITES_PORT',
  'fly deploy stuck on "waiting for machine to be healthy"',
  'Deploying to AWS App Runner from ECR, service creation fails after 20 minutes with "Health check failed on protocol TCP". Works fine locally. Does App Runner need a different health check path configured somewhere?',
];

// Web servers, TLS certificates and DNS records, not about containers.
export const webTlsDns = [
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
