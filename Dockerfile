# container-coach: the bot's own image.
#
#   docker build --build-arg VERSION=$(node -p 'require("./package.json").version') \
#                --build-arg REVISION=$(git rev-parse HEAD) -t container-coach .
#   docker run --rm container-coach coach ask "what is a docker image"
#   docker run -d --name coach --env-file .env -e COACH_HTTP_PORT=8080 container-coach
#   (README.md "Run it in Docker": the full run command, compose with a socket proxy, pinning the base by digest)
#
# The base is pinned by tag here (never :latest). For a release, pin it by digest too —
# FROM node:20-bookworm-slim@sha256:… — README.md ("Pin the base image by digest") shows how to find the digest and why.
# No `# syntax=` line on purpose: it would make every build pull a frontend image.

FROM node:20-bookworm-slim AS base
WORKDIR /app

# --- compile the TypeScript ------------------------------------------------------------------
FROM base AS build
# The registry npm uses; the build script passes the machine's own when it is not the default.
# Never pass a token this way (build args are visible in the build history); use a BuildKit
# secret mount for a private registry. HTTP(S)_PROXY are predefined build args: pass them with
# --build-arg and they stay out of the history. None of this reaches the runtime stage.
ARG NPM_CONFIG_REGISTRY=https://registry.npmjs.org/
COPY package.json package-lock.json ./
# --ignore-scripts: no install script runs, but one: the embedded store's driver (better-sqlite3)
# is native code, built right after. Its install script fetches a prebuilt binary, or compiles it
# with python3/make/g++ against Node's own headers (no download) — tools that exist only in this
# stage; the runtime stage gets the built file and no compiler.
RUN npm ci --ignore-scripts --no-audit --no-fund --no-update-notifier
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3 make g++ >/dev/null \
 && rm -rf /var/lib/apt/lists/*
RUN npm_config_nodedir=/usr/local npm rebuild better-sqlite3 --no-audit --no-fund --no-update-notifier \
 && node -e "new (require('better-sqlite3'))(':memory:').close()" \
 && rm -rf node_modules/better-sqlite3/deps node_modules/better-sqlite3/src node_modules/better-sqlite3/build/Release/obj* node_modules/better-sqlite3/build/Release/.deps
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# --- production dependencies only -----------------------------------------------------------
# `npm prune --omit=dev` leaves exactly the lockfile's production tree (what `npm ci --omit=dev`
# installs) without a second download; tsx, typescript and vitest are gone. Then drop what the
# compiled code can never load (see deploy/prune-deps.mjs): mostly `natural`'s storage backends.
FROM build AS prod-modules
COPY deploy/prune-deps.mjs /tmp/prune-deps.mjs
RUN npm prune --omit=dev --ignore-scripts --no-audit --no-fund --no-update-notifier \
 && node /tmp/prune-deps.mjs /app

# --- runtime: compiled code, knowledge base, production dependencies; no src/, no compilers ----
FROM base AS runtime
ENV NODE_ENV=production \
    COACH_HTTP_PORT=8080 \
    COACH_DATA_DIR=/data
# The embedded store's file lives in /data: the only place the `node` user may write. A volume,
# so it survives a new container (and works with a read-only root file system); with
# DATABASE_URL set (PostgreSQL, several replicas) it stays empty.
RUN mkdir /data && chown node:node /data
VOLUME /data
# Owned by root and not writable by the `node` user that runs the bot: the app cannot change itself.
COPY --from=prod-modules /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json package-lock.json ./
COPY intents ./intents
COPY errors ./errors
COPY course ./course
COPY bin ./bin
# `coach` on the PATH, and a smoke test: the build fails if the image cannot answer a question.
RUN chmod 0755 bin/coach.js \
 && ln -s /app/bin/coach.js /usr/local/bin/coach \
 && coach ask "what is a docker image" >/dev/null
# The trained intent model, built once here into /app/.cache/model (COACH_MODEL_CACHE_DIR's default)
# and keyed by the compiled dist/nlu code and the intents: every `coach` process starts warm instead
# of training (~0.5-1 s). Owned by root, so the `node` user only reads it (a read-only root file
# system is fine). The build fails if no model was saved, or if a second process replaced it
# (it would have trained again instead of loading it).
RUN coach ask "how do I delete an image" >/dev/null \
 && saved=$(stat -c %i /app/.cache/model/intent-classifier.bin) \
 && coach ask "what is a container" >/dev/null \
 && test "$(stat -c %i /app/.cache/model/intent-classifier.bin)" = "$saved"

# Nothing at run time installs packages or changes user: drop the package managers the base
# ships (npm, npx, corepack, yarn; the bot never runs them, and they are the first tool an
# attacker with code execution reaches for) and every setuid/setgid bit (su, mount, passwd…),
# so no file in the image can raise privileges even without no-new-privileges.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack /opt/yarn* \
           /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack /usr/local/bin/yarn /usr/local/bin/yarnpkg \
 && find / -xdev -perm /6000 -type f -exec chmod a-s {} + \
 && ! command -v npm && test -z "$(find / -xdev -perm /6000 -type f)"

USER node
EXPOSE 8080
# /healthz: on COACH_HTTP_PORT, or on PORT when a Slack HTTP / Discord interactions adapter serves
# the HTTP endpoints. Node's fetch rather than curl: the slim base has no curl.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "Promise.any([process.env.COACH_HTTP_PORT,process.env.PORT||3000].filter(Boolean).map(p=>fetch('http://127.0.0.1:'+p+'/healthz').then(r=>r.ok||Promise.reject()))).then(()=>process.exit(0),()=>process.exit(1))"]
# node is PID 1 (no init): the bot handles SIGTERM itself — stops taking questions, finishes
# those in flight, closes connections and exits 0 well inside `docker stop`'s 10 s.
STOPSIGNAL SIGTERM

# Last, so a new revision rebuilds only this metadata, not the layers above.
ARG VERSION=0.0.0-dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="container-coach" \
      org.opencontainers.image.description="A chat bot that explains Docker images vs containers and diagnoses a connected Docker host, read-only" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.base.name="docker.io/library/node:20-bookworm-slim"

CMD ["coach", "start"]
