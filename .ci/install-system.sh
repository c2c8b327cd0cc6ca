#!/usr/bin/env bash
# Debian packages the tests need: a Docker Engine, static busybox for FROM-scratch test
# images, docker-compose to validate deploy/compose.yaml, debootstrap for the stand-in base image,
# PostgreSQL for the store's tests, and a C++ toolchain for better-sqlite3.
set -euo pipefail
need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
[ -x /bin/busybox ] || need+=(busybox-static)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
command -v debootstrap >/dev/null 2>&1 || need+=(debootstrap)
# openssl: the TLS connection tests make their own certificates.
command -v openssl >/dev/null 2>&1 || need+=(openssl)
# PostgreSQL server: the store's contract suite and the two-replica tests run against a real one
# (test/helpers/postgres.ts starts a throwaway cluster on 127.0.0.1 as the postgres user).
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
# python3, make, g++: `npm ci` builds better-sqlite3 (the embedded store) from source when its
# prebuilt binary cannot be downloaded.
command -v python3 >/dev/null 2>&1 || need+=(python3)
command -v make >/dev/null 2>&1 || need+=(make)
command -v g++ >/dev/null 2>&1 || need+=(g++)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
