#!/usr/bin/env bash
# The whole suite, three times in a row, on a clean clone, while two CPU-bound processes
# (`yes > /dev/null`) load both cores of the machine: a suite that holds here holds in CI.
# Usage: bash bench/suite-under-load.sh [RUNS]   (prints a table; exits 1 when any run failed)
set -euo pipefail
runs=${1:-3}
src=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
cleanup() {
  [ -n "${hogs:-}" ] && kill $hogs 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# The clone gets ../shared beside it, as in CI.
[ -d "$src/../shared" ] && ln -s "$(cd "$src/../shared" && pwd)" "$work/shared"
git clone -q "$src" "$work/repo"
cd "$work/repo"
npm ci --no-audit --no-fund >/dev/null 2>&1
yes >/dev/null & h1=$!
yes >/dev/null & h2=$!
hogs="$h1 $h2"
results=()
failed=0
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  if REQUIRE_DOCKER=${REQUIRE_DOCKER:-1} npm test >"$work/run-$i.log" 2>&1; then status=passed; else status=FAILED; failed=1; fi
  secs=$(( $(date +%s) - start ))
  plain=$(sed 's/\x1b\[[0-9;]*m//g' "$work/run-$i.log")
  tests=$(grep -E '^\s+Tests ' <<<"$plain" | tail -1 | xargs || true)
  duration=$(grep -E '^\s+Duration ' <<<"$plain" | tail -1 | awk '{print $2}' || true)
  results+=("$i | $status | ${secs}s | ${duration:-?} | ${tests:-?}")
  [ "$status" = FAILED ] && { echo "--- run $i failed; last lines:"; tail -40 "$work/run-$i.log"; }
done
kill $hogs 2>/dev/null || true
hogs=""
echo
echo "run | result | wall (npm test) | vitest Duration | tests"
echo "--- | --- | --- | --- | ---"
printf '%s\n' "${results[@]}"
exit $failed
