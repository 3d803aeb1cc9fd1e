#!/usr/bin/env bash
# Installs what vanban needs, builds it (Release) and renders the sample plan to
# ke-hoach-54.pdf in the current folder.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
# Only the program: the tests (43 files) are built by scripts/test.sh.
cmake --build "$root/build" -j"$(nproc)" --target vanban
"$root/build/vanban" render "$root/samples/ke-hoach-54.xml" -o ke-hoach-54.pdf
echo "wrote $(pwd)/ke-hoach-54.pdf"
