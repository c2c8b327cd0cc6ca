#!/usr/bin/env bash
# Starts dockerd in the background when no engine answers, and waits until it does.
set -euo pipefail
if docker info >/dev/null 2>&1; then echo "docker engine: already running"; exit 0; fi
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
log=${DOCKERD_LOG:-/tmp/dockerd.log}
# Its own session: the engine outlives the shell (or job) that started it.
$SUDO setsid sh -c "nohup dockerd >'$log' 2>&1 </dev/null &"
for i in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then echo "docker engine: ready after ${i}s"; exit 0; fi
  sleep 1
done
echo "docker engine did not start within 60 s; last log lines:" >&2
tail -n 30 "$log" >&2 || true
exit 1
