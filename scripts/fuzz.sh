#!/usr/bin/env bash
# Fuzzes vanban's readers and pipeline with libFuzzer, under AddressSanitizer and
# UndefinedBehaviorSanitizer (docs/reliability.md).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Runs each target (all of tests/fuzz/CMakeLists.txt's when none is named) for SECONDS
# (default 600), one after the other, starting from its seed corpus in tests/fuzz/corpus and
# its dictionary in tests/fuzz/dict. New inputs collect in build-fuzz/corpus/TARGET; an input
# that crashes, leaks or hangs (> 10 s) is kept in build-fuzz/crashes/TARGET/ and the script
# exits 1 at the end. To keep a crash as a regression case, copy it to
# tests/fuzz/regressions/TARGET/ (ctest replays that folder) and fix the engine.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-600}
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then
  mapfile -t targets < <(sed -n 's/^vanban_fuzz_target(\([a-z_]*\) .*/\1/p' "$root/tests/fuzz/CMakeLists.txt")
fi

"$root/scripts/install-deps.sh" fuzz
build="$root/build-fuzz"
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVANBAN_FUZZ=ON \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" >/dev/null
cmake --build "$build" -j"$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}")

found=0
printf '%-16s %8s %10s %8s %8s %s\n' target seconds runs cov corpus result
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target" crashes="$build/crashes/$target" log="$build/logs/$target.log"
  mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
  cp -n "$root/tests/fuzz/corpus/$target"/* "$corpus"/
  dict=()
  if [ -f "$root/tests/fuzz/dict/$target.dict" ]; then dict=(-dict="$root/tests/fuzz/dict/$target.dict"); fi
  result=ok
  started=$SECONDS
  # Leaks are checked at exit of each input too (detect_leaks), as ctest's sanitizer run does.
  if ! ASAN_OPTIONS=detect_leaks=1 "$build/tests/fuzz/fuzz_$target" "$corpus" "${dict[@]}" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$crashes/" >"$log" 2>&1; then
    result="FOUND: $(ls -t "$crashes" | head -1) (see $log)"
    found=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
  printf '%-16s %8s %10s %8s %8s %s\n' "$target" "$((SECONDS - started))" "${runs:-?}" "${cov:-?}" "$(ls "$corpus" | wc -l)" "$result"
done
exit $found
