#!/usr/bin/env bash
# Benchmark: vanban serve against spawning the CLI for the same work, on the loopback, in one
# run. The seed plan (XML) and a single Giấy khen (JSON) through POST /v1/render from CLIENTS
# kept-alive connections (bench/load.cpp), median of RUNS runs; the same documents made by
# `vanban render` processes, as many at once as there are cores; then the service's resident
# memory before and after LONG certificate requests. Appends a row to bench/results-service.md.
#
#   bench/service.sh [BUILD_DIR] [RUNS] [LONG]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
runs=${2:-3}
long=${3:-100000}
clients=8
vanban="$build/vanban"
load="$build/bench/vanban_bench_load"
[ -x "$vanban" ] && [ -x "$load" ] || { echo "no $vanban or $load: build first (scripts/test.sh)" >&2; exit 2; }

work=$(mktemp -d)
# shellcheck source=lib.sh
source "$root/bench/lib.sh"
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
seed=$root/samples/ke-hoach-54.xml
# The certificate as the service takes it: {"template": …, "data": {…}}.
cert_json=$root/docs/examples/giay-khen.json
sed -e '1s/^{/{"template": "giay-khen", "data": {/' -e 's/^  "template": "giay-khen",$//' -e '$s/}$/}}/' "$cert_json" > "$work/cert-request.json"

"$vanban" serve --port 0 -q 2> "$work/serve.log" &
server_pid=$!
for _ in $(seq 100); do grep -q listening "$work/serve.log" && break; sleep 0.05; done
port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.log")
[ -n "$port" ] || { echo "vanban serve did not start" >&2; cat "$work/serve.log" >&2; exit 1; }
"$load" "$port" /v1/render application/json "$work/cert-request.json" 2 200 >/dev/null  # warm

field() { awk -v k="$1" '{ for (i = 1; i < NF; i++) if ($i == k) print $(i + 1) }'; }

# http NAME TYPE FILE REQUESTS: the median rate, p50 and p99 of RUNS runs.
http() {
  local name=$1 type=$2 file=$3 n=$4
  : > "$work/$name"
  for ((i = 0; i < runs; i++)); do
    "$load" "$port" /v1/render "$type" "$file" "$clients" "$n" >> "$work/$name" || { echo "load failed: $(tail -1 "$work/$name")" >&2; exit 1; }
  done
  echo "$(field per_second < "$work/$name" | median) $(field p50_ms < "$work/$name" | median) $(field p99_ms < "$work/$name" | median)"
}

# cli FILE N: documents per second, N renders by as many processes at once as there are cores.
cli() {
  local file=$1 n=$2 rates=()
  for ((i = 0; i < runs; i++)); do
    local start end
    start=$(date +%s%N)
    seq "$n" | xargs -P "$(nproc)" -I{} "$vanban" render "$file" -o "$work/cli-{}.pdf" 2>/dev/null
    end=$(date +%s%N)
    rates+=("$(awk -v n="$n" -v ns=$((end - start)) 'BEGIN { printf "%.1f", n / (ns / 1e9) }')")
    rm -f "$work"/cli-*.pdf
  done
  printf '%s\n' "${rates[@]}" | median
}

read -r seed_rate seed_p50 seed_p99 <<< "$(http seed application/xml "$seed" 1000)"
read -r cert_rate cert_p50 cert_p99 <<< "$(http cert application/json "$work/cert-request.json" 5000)"
cp "$cert_json" "$work/cert.json"
seed_cli=$(cli "$seed" 200)
cert_cli=$(cli "$work/cert.json" 400)

rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status"; }
rss_before=$(rss)
"$load" "$port" /v1/render application/json "$work/cert-request.json" "$clients" "$long" > "$work/long"
rss_after=$(rss)
growth=$(awk -v a="$rss_before" -v b="$rss_after" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')
long_ok=$(field status_200 < "$work/long")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
row="| $(date -u +%Y-%m-%d) | $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo -) | $(nproc) | $seed_rate | $seed_cli | $(ratio "$seed_rate" "$seed_cli") | $seed_p50 | $seed_p99 | $cert_rate | $cert_cli | $(ratio "$cert_rate" "$cert_cli") | $cert_p50 | $cert_p99 | ${long_ok:-0} | $((rss_before / 1024)) → $((rss_after / 1024)) MB ($growth %) |"
results=$root/bench/results-service.md
if [ ! -f "$results" ]; then
  cat > "$results" <<'HEAD'
# vanban serve against spawning the CLI (bench/service.sh)

Documents per second through `POST /v1/render` from 8 kept-alive clients on the loopback
(median of the runs; bench/load.cpp), beside `vanban render` processes started for the same
documents, as many at once as there are cores; the latency median and 99th percentile at 8
clients; the service's resident memory before and after the long run of certificates. The load
generator shares the cores with the service.

| date | commit | cores | seed /s HTTP | seed /s CLI | × | seed p50 ms | seed p99 ms | certificate /s HTTP | certificate /s CLI | × | cert p50 ms | cert p99 ms | long run | resident memory |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
HEAD
fi
add_row "$results" '^[|] date .*seed /s HTTP' "$row"
echo "$row"
