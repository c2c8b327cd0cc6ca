// Out-of-scope sentences, part three: the operations around Docker that this bot does not cover —
// the host machine itself, CI pipelines, other container runtimes, Swarm, cloud deploy settings,
// web servers, TLS and DNS records; then systemd units, SSH and firewalls, Java app servers,
// process exit codes and cron, virtual machines, CI caches, platform deploys (Heroku, Vercel,
// Netlify) and Linux users and sudo, each with no container in it. Part one (out-of-scope.ts)
// assembles the whole list. Written by hand; none is taken from test/fixtures.

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
  'ncdu says ~/.cache is 40GB on my workstation, safe to delete it?',
  'sort the biggest directories under /var with du on a plain ubuntu box',
  'which process keeps filling my root partition with log files',
  'find the largest files on a linux server, something like find / -size +1G',
  'how can I see which files take up the most space on my laptop drive',
  'the /srv partition hit 95%, which tool shows what is using it',
  'journalctl says the journal takes 6GB, how do I cap it in journald.conf',
  'systemd: Start request repeated too quickly for my node service, how do I see why it fails',
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
  'lxc launch ubuntu:24.04 hangs at retrieving image',
  'lxd: give an instance a static ip on the managed bridge',
  'incus vs lxd after the canonical fork, which should a homelab use',
  'lxc exec into an instance as a normal user instead of root',
  'raise the memory limit of an lxd instance without restarting it',
  'proxmox lxc: mount a host folder into an unprivileged ct',
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

// systemd units on their own: Restart=, timers, unit files, journalctl — no container in them.
export const systemdUnits = [
  'Restart=always vs Restart=on-failure in a systemd unit, which one for a web api',
  'systemd gives up with "start request repeated too quickly", how do I raise StartLimitBurst',
  'RestartSec=5 seems ignored, my service restarts instantly',
  'where do I put my own .service file, /etc/systemd/system or /lib/systemd/system',
  'changed the unit file but systemctl still runs the old ExecStart',
  'systemd timer instead of a cron job, how do I write the OnCalendar line',
  'journalctl -u myapp shows nothing although the service is running',
  'my unit needs the network up first, After=network-online.target is not enough',
  'run a systemd service as a non-root user with User= and Group=',
  'systemctl enable vs start, what does each one do',
];

// SSH, port 22 and host firewalls on a plain server.
export const sshAndFirewall = [
  'moved sshd to port 2222 and now I cannot log in at all',
  'ufw allow 22 then ufw enable, will I lock myself out of the vps',
  'fail2ban keeps banning my own office ip',
  'ssh connection closes after a few minutes idle, ServerAliveInterval?',
  'disable root login and password auth in sshd_config',
  'iptables rule to only accept port 443 from one subnet',
  'ssh tunnel to reach a database that only listens on localhost of the server',
  'port 22 connection refused on a fresh centos box',
  'warning: remote host identification has changed after reinstalling the server',
  'open port 3000 in the aws security group and the ubuntu firewall',
];

// Java app servers and their ports: Spring Boot, Tomcat, Jetty, application.properties.
export const javaServers = [
  'spring boot: web server failed to start, port 8080 was already in use',
  'change the embedded tomcat port in application.properties',
  'tomcat 10 manager app says 403 access denied',
  'deploy a war file to a standalone tomcat on windows',
  'spring profiles: application-prod.yml is not picked up',
  'spring boot actuator health endpoint returns 404',
  'jetty vs undertow vs tomcat as the embedded server',
  'server.servlet.context-path not applied in spring boot 3',
  'catalina.out grows forever, how to rotate it',
  'spring boot app starts slowly, 40 seconds before the banner',
];

// Processes outside containers: exit codes, OOM "Killed", cron, supervisors.
export const processExits = [
  'my python script just prints Killed and stops halfway on the vps',
  'dmesg says out of memory: killed process 4121 (node)',
  'node process exits with code 1 and no error message',
  'what does exit status 130 mean after I press ctrl+c',
  'bash script returns 127, command not found from cron',
  'check the exit code of the last command in powershell',
  'set -e makes my script stop on a grep that finds nothing',
  'cron job output goes nowhere, how do I log it to a file',
  'run a cron job every 15 minutes only on weekdays',
  'the linux oom killer picks my database first, can I protect it',
  'sys.exit(0) vs os._exit in python',
  'process.exit in node before the log is flushed',
];

// Virtual machines: Vagrant, VirtualBox, VMware, Hyper-V, WSL as a VM.
export const virtualMachines = [
  'vagrant up times out waiting for the machine to boot',
  'virtualbox shared folder not mounted in the ubuntu guest',
  'vmware workstation and hyper-v cannot run at the same time',
  'take a snapshot of a virtualbox vm before upgrading it',
  'port forwarding from the host to a virtualbox nat guest',
  'vagrant box outdated warning, how do I update the box',
  'give my vm more cpus and ram in hyper-v manager',
  'move a virtualbox guest over to kvm, the disk format differs',
  'bridged vs nat networking for a virtual machine',
  'proxmox: move a vm to another node in the cluster',
];

// CI caches and build tool caches: GitHub Actions, GitLab CI, Gradle, Maven, pip.
export const ciCaches = [
  'actions/cache never hits, the key changes every run',
  'gradle build cache on gitlab ci runners, where to point it',
  'cache the ~/.m2 repository between github actions jobs',
  'clear the cache of a github actions workflow',
  'gitlab ci cache vs artifacts, which one passes files to the next job',
  'pip cache on ci: setup-python cache: pip does nothing',
  'our ci cache is 5 gb and restoring it takes longer than the build',
  'bitbucket pipelines cache for node modules not restored',
  'gradle --no-build-cache vs --rerun-tasks',
];

// Platform deploys and rollbacks: Heroku, Vercel, Netlify, Render, Railway.
export const paasDeploys = [
  'heroku rollback to the previous release from the cli',
  'vercel: promote an older deployment back to production',
  'netlify deploy preview works but the production deploy is blank',
  'heroku h10 app crashed after my last push',
  'heroku dyno restarts every 24 hours, can I turn that off',
  'render.com free service sleeps after 15 minutes',
  'vercel build fails: command "npm run build" exited with 1',
  'netlify redirects file for a single page app',
  'railway app cannot reach its postgres plugin',
  'set environment variables per branch on vercel',
];

// Linux users, groups and sudo on a host.
export const usersAndSudo = [
  'add an existing user to a group without removing the others',
  'the new group membership only works after I log out and in again, why',
  'user is not in the sudoers file. this incident will be reported',
  'run one command as another user with sudo -u',
  'visudo: let a user restart nginx without a password',
  'list which groups a linux user belongs to',
  'umask so files created by the team are group writable',
  'setgid on a shared folder so new files keep its group',
];
