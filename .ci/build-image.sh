#!/usr/bin/env bash
# Builds the project's Dockerfile, as is, with the build arguments it expects:
#   VERSION   from package.json          REVISION  the git commit (or "unknown")
# and, only when this machine's npm does not use the public registry, NPM_CONFIG_REGISTRY, so
# `npm ci` inside the build reaches the same registry as `npm ci` here. HTTP(S)_PROXY/NO_PROXY
# are passed through when set (predefined build args: they stay out of the image history).
# Credentials are never passed: a token in a build arg would be readable in the image.
#
# Usage: .ci/build-image.sh [TAG] [extra docker build args...]    (default TAG: container-coach:dev)
set -euo pipefail
cd "$(dirname "$0")/.."

tag=${1:-container-coach:dev}
shift || true

version=$(node -p 'require("./package.json").version')
revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)
if [ "$revision" != unknown ] && [ -n "$(git status --porcelain 2>/dev/null)" ]; then revision="$revision-dirty"; fi

args=(--build-arg "VERSION=$version" --build-arg "REVISION=$revision")

registry=$(npm config get registry 2>/dev/null || true)
case "$registry" in
  ""|https://registry.npmjs.org|https://registry.npmjs.org/) ;;
  *://*@*) echo "build-image: npm registry URL carries credentials; not passing it into the build" >&2 ;;
  *) args+=(--build-arg "NPM_CONFIG_REGISTRY=$registry") ;;
esac
for v in HTTP_PROXY HTTPS_PROXY NO_PROXY http_proxy https_proxy no_proxy; do
  if [ -n "${!v:-}" ]; then args+=(--build-arg "$v"); fi
done

echo "build-image: $tag (version $version, revision $revision${registry:+, registry $registry})"
exec docker build --force-rm "${args[@]}" "$@" -t "$tag" .
