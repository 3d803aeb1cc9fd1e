#!/usr/bin/env bash
# Line-breaking quality: each sample rendered with total fit (the default) and with first fit
# (what word processors do), and the figures of `vanban render --stats` side by side.
# Appends rows to bench/results-line-breaking.md and prints them.
#
#   bench/line-breaking.sh [BUILD_DIR] [SAMPLE.xml ...]   (default: every sample)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
shift || true
vanban="$build/vanban"
[ -x "$vanban" ] || { echo "no $vanban: build first (scripts/test.sh)" >&2; exit 2; }
samples=("$@")
if [ ${#samples[@]} -eq 0 ]; then samples=("$root"/samples/*.xml); fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results="$root/bench/results-line-breaking.md"
if [ ! -f "$results" ]; then
  cat > "$results" <<'HEAD'
# Line-breaking quality: total fit against first fit

Written by `bench/line-breaking.sh`. Figures from `vanban render --stats` over the justified
body lines: "space ratio" is the actual inter-word space over its natural width (1 = as the
font designed it; below 1 shrunk, above 1 stretched); "loose" counts lines stretched beyond
1.5×. First fit is what Word and LibreOffice do: fill each line, then stretch it.

Target (issue 3): the seed plan on 4 pages with no overfull line, spacing evener than first fit.

| date | commit | sample | breaker | pages | lines | overfull | loose | min ratio | max ratio | mean ratio |
|---|---|---|---|---|---|---|---|---|---|---|
HEAD
fi
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo -)
for sample in "${samples[@]}"; do
  for breaker in total-fit first-fit; do
    line=$("$vanban" render "$sample" -o "$work/out.pdf" --stats --line-breaker "$breaker" 2>&1 >/dev/null)
    # "X: pages 4, lines 146, overfull 0, loose (>1.5x) 0, space ratio min 0.746 max 1.443 mean 1.055"
    row=$(awk -v date="$(date -u +%Y-%m-%d)" -v commit="$commit" -v sample="$(basename "$sample")" -v breaker="$breaker" '{
      for (i = 1; i <= NF; i++) { gsub(",", "", $(i + 1)); f[$i] = $(i + 1) }
      printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", date, commit, sample, breaker,
             f["pages"], f["lines"], f["overfull"], f["(>1.5x)"], f["min"], f["max"], f["mean"] }' <<< "$line")
    echo "$row" | tee -a "$results"
  done
done
