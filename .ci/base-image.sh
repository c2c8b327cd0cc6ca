#!/usr/bin/env bash
# Makes a local stand-in for node:20-bookworm-slim when the engine does not have that image.
#
# No image registry is reachable from CI, so the real base cannot be pulled. The stand-in is
# built the way the official image is shaped: a minimal Debian bookworm root filesystem, Node 20
# and npm in /usr/local, a `node` user and group with uid/gid 1000 and home /home/node. It also
# carries this machine's CA bundle, so `npm ci` inside `docker build` trusts what the machine
# trusts and reaches the same npm registry.
#
# It costs about a minute, once per machine: when the image exists the script does nothing.
# Set BASE_IMAGE to use another tag (tests do not; the project's Dockerfile names the real one).
set -euo pipefail

image=${BASE_IMAGE:-node:20-bookworm-slim}

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "base image: $image already present"
  exit 0
fi

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

node_bin=$(readlink -f "$(command -v node)")
node_major=$("$node_bin" -p 'process.versions.node.split(".")[0]')
if [ "$node_major" != "20" ]; then
  echo "base image: this machine has Node $("$node_bin" -v); the stand-in for $image needs Node 20" >&2
  exit 1
fi
npm_dir=$(readlink -f "$(dirname "$node_bin")/../lib/node_modules/npm")
if [ ! -f "$npm_dir/bin/npm-cli.js" ]; then
  # Some installs keep npm elsewhere; ask npm itself.
  npm_dir=$(readlink -f "$(npm root -g 2>/dev/null)/npm")
fi
[ -f "$npm_dir/bin/npm-cli.js" ] || { echo "base image: cannot find npm next to $node_bin" >&2; exit 1; }

ca_bundle=${SSL_CERT_FILE:-/etc/ssl/certs/ca-certificates.crt}
[ -f "$ca_bundle" ] || { echo "base image: no CA bundle at $ca_bundle" >&2; exit 1; }

command -v debootstrap >/dev/null 2>&1 || { echo "base image: debootstrap missing (run .ci/install-system.sh)" >&2; exit 1; }

root=$(mktemp -d "${TMPDIR:-/tmp}/coach-base.XXXXXX")
cleanup() { $SUDO rm -rf "$root"; }
trap cleanup EXIT

started=$(date +%s)
echo "base image: $image missing; building a stand-in in $root (debootstrap, about a minute)"
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
if ! $SUDO debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1; then
  echo "base image: debootstrap failed; last lines:" >&2
  tail -n 30 "$root.debootstrap.log" >&2
  rm -f "$root.debootstrap.log"
  exit 1
fi
rm -f "$root.debootstrap.log"

# Node and npm, where the official image keeps them.
$SUDO install -D -m 0755 "$node_bin" "$root/usr/local/bin/node"
$SUDO mkdir -p "$root/usr/local/lib/node_modules"
$SUDO cp -a "$npm_dir" "$root/usr/local/lib/node_modules/npm"
$SUDO ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
$SUDO ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"

# Node's headers, where the official image keeps them: native addons (better-sqlite3) build
# against them instead of downloading them.
node_headers=$(readlink -f "$(dirname "$node_bin")/../include/node")
[ -f "$node_headers/node.h" ] || { echo "base image: no Node headers at $node_headers" >&2; exit 1; }
$SUDO mkdir -p "$root/usr/local/include"
$SUDO cp -a "$node_headers" "$root/usr/local/include/node"

# The node user and group (uid/gid 1000, as in the official image).
$SUDO chroot "$root" groupadd --gid 1000 node
$SUDO chroot "$root" useradd --uid 1000 --gid node --shell /bin/bash --create-home --home-dir /home/node node

# The machine's CA bundle.
$SUDO install -D -m 0644 "$ca_bundle" "$root/etc/ssl/certs/ca-certificates.crt"

# Keep the image lean: package caches and docs are not needed at run time.
$SUDO rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* \
  "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/locale/* "$root"/tmp/*

$SUDO tar -C "$root" -c . | docker import \
  --change 'ENV NODE_VERSION='"$("$node_bin" -p process.versions.node)" \
  --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["node"]' \
  - "$image" >/dev/null

size=$(docker image inspect --format '{{.Size}}' "$image")
echo "base image: $image ready after $(( $(date +%s) - started )) s ($(( size / 1000000 )) MB)"
