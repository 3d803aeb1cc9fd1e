#!/usr/bin/env bash
# Builds vanban with AddressSanitizer and UndefinedBehaviorSanitizer (the "sanitize" preset,
# in build-sanitize/) and runs every test under them: the unit, golden, PDF and CLI tests,
# the bad-input corpus and the fuzz corpora. A leak, an overflow or undefined behaviour
# fails the test that caused it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/install-deps.sh"
cd "$root"
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}
export CTEST_PARALLEL_LEVEL=${CTEST_PARALLEL_LEVEL:-$(nproc)}
cmake --workflow --preset sanitize
