import json, re, sys
MERGES = [
 ("mistake.ps_vs_images","built_not_in_ps","diagnose.missing_container","never_started",None,
  "Because `docker ps` lists containers and a build (or a pull) only makes an image. An empty table right after a build doesn't mean Docker is broken: you haven't created a container from the image yet. `docker images` shows the image and `docker ps -a` shows whether a container was ever made from it; if not, start one with `docker run`, publishing a port if it is a server.", None),
 ("command.ps","running_and_all","diagnose.missing_container","ps_running_only",None,
  "Plain `docker ps` lists running containers only: the ones running right now. `docker ps -a` adds stopped ones, which is where a container that crashed or simply finished turns up, with a STATUS such as `Exited (1) 2 minutes ago` or `Created`. `docker logs NAME` then says why it stopped, and `docker start NAME` starts it again.", None),
 ("command.build","cache_flags","concept.layers","no_cache",None,
  "`--no-cache` ignores the layer cache and runs every step again, for when a cached step hides a change (an `apt-get update` or `git clone` that looks identical). `--pull` fetches a fresh copy of the base image in `FROM` instead of using the local one. With Compose: `docker compose build --no-cache`. Neither updates a container that is already running.", None),
 ("command.run","port_mapping","diagnose.port_unreachable","p_order",None,
  "Host side first, container side second: `-p HOST:CONTAINER`. `-p 8080:80` sends traffic for port 8080 on the host to port 80 inside the container, so you browse to `localhost:8080`. The second number must be the port the app listens on inside (`-p 80:8080` is a different mapping); `-p 127.0.0.1:8080:80` publishes it to this machine only.", None),
 ("command.ps","ports_column","diagnose.port_unreachable","check_ports","How do I read the PORTS column of docker ps, or check which ports a container publishes?",
  "`0.0.0.0:8080->80/tcp` means host port 8080, on every interface, leads to port 80 inside the container. A bare `80/tcp` with no arrow is only exposed, not published, so the host can't reach it, and an empty PORTS cell means nothing is published: add `-p` to `docker run`. `docker port NAME` prints just the mappings.", "docker port NAME"),
 ("concept.image","expose","diagnose.port_unreachable","not_published","What does EXPOSE 3000 in a Dockerfile do? Does it publish the port?",
  "`EXPOSE 3000` only records in the image's metadata that the app listens on port 3000: it documents the port, it does not publish it. Only `-p` (or `ports:` in Compose) publishes a port, and ports are fixed when a container is created: remove the container and run it again with `-p 3000:3000` (or `-P` for every exposed port). The image needs no rebuild.", None),
 ("mistake.latest_tag","pin_digest","concept.immutability","pin_digest","How do I pin an image to one exact build, the same in every environment?",
  "Refer to it by digest: `myapp@sha256:…` always means the same bytes in every environment, even if every tag moves; a tag like `1.4.2` is only a name that someone could push again. After a push or pull, `docker images --digests` or `docker inspect` shows the digest; deploy `myapp@sha256:…`.", "docker inspect --format '{{index .RepoDigests 0}}' myapp:1.4.2"),
 ("concept.container","runtime_config","concept.when_to_use","config_at_runtime",None,
  "Of the container. Published ports (`-p`), environment variables (`-e`), mounts (`-v`), the name and resource limits are given when the container is created, not baked into the image, so one image serves every environment. Changing them needs no rebuild, only a re-created container: `docker run` again with the new options, or edit the Compose file and run `docker compose up -d`.", None),
]

def read(i): return open(f"intents/{i}.yaml").read().split("\n")
def write(i, lines): open(f"intents/{i}.yaml","w").write("\n".join(lines))

def block(lines, uid):
    start = next(k for k,l in enumerate(lines) if l == f"  - id: {uid}")
    end = start+1
    while end < len(lines) and not (lines[end].startswith("  - ") or re.match(r"^\S", lines[end])): end += 1
    return start, end

def field_range(lines, s, e, key):
    k = next((k for k in range(s,e) if lines[k].startswith(f"    {key}:")), None)
    if k is None: return None
    j = k+1
    while j < e and (lines[j].startswith("      ") or lines[j].strip()==""): j += 1
    return k, j

norm = lambda t: re.sub(r"\s+"," ", t.strip().strip('"').strip("'").lower())
for ci, cu, di, du, q, ans, cmd in MERGES:
    dl = read(di); s,e = block(dl, du)
    fr = field_range(dl, s, e, "examples"); dup_ex = [l for l in dl[fr[0]+1:fr[1]] if l.startswith("      - ")]
    q_dup = next(l for l in dl[s:e] if l.startswith("    question:")).split(":",1)[1].strip()
    qline = "      - " + json.dumps(q_dup.strip('"'))
    dl[s:e] = [f"  - ref: {ci}/{cu}", "    examples:", *dup_ex, *([qline] if norm(q_dup) not in {norm(l[8:]) for l in dup_ex} else [])]
    write(di, dl)
    cl = read(ci); s,e = block(cl, cu)
    fr = field_range(cl, s, e, "examples"); have = {norm(l[8:]) for l in cl[fr[0]+1:fr[1]] if l.startswith("      - ")}
    add = []
    s,e = block(cl, cu)
    ar = field_range(cl, s, e, "answer"); cl[ar[0]:ar[1]] = ["    answer: >-", "      " + ans]
    s,e = block(cl, cu)
    if q:
        k = next(k for k in range(s,e) if cl[k].startswith("    question:")); cl[k] = "    question: " + json.dumps(q)
    if cmd:
        s,e = block(cl, cu); cr = field_range(cl, s, e, "command")
        new = ["    command: " + json.dumps(cmd)]
        if cr: cl[cr[0]:cr[1]] = new
        else:
            ar = field_range(cl, s, e, "answer"); cl[ar[1]:ar[1]] = new
    write(ci, cl)
    print(ci, cu, "<-", di, du, "+", len(add), "examples")
