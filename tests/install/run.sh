#!/usr/bin/env bash
# Installs the built vanban into a temporary prefix, then builds and runs, against that prefix
# only, a C++ program through find_package(vanban CONFIG) and a C program through pkg-config;
# reads back the PDFs they wrote.
#   run.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 source=$2
work=$(mktemp -d)
[ -n "${VANBAN_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
sample=$source/docs/examples/giay-khen.json
# A sanitizer build's library needs the sanitizers' runtime in its consumers too.
flags=$(sed -n 's/^CMAKE_CXX_FLAGS:STRING=//p' "$build/CMakeCache.txt")
sanitize=$(grep -o -- '-fsanitize=[^ ]*' <<<"$flags" | head -1 || true)

# C++: CMake package.
cmake -S "$source/tests/install" -B "$work/cpp" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS="$sanitize" >/dev/null
cmake --build "$work/cpp" >/dev/null
"$work/cpp/cpp_consumer" "$prefix/share/vanban" "$sample" "$work/cpp.pdf" >"$work/cpp.out"
grep -q "thiếu trường này" "$work/cpp.out" || { echo "no Vietnamese diagnostic from the C++ consumer"; cat "$work/cpp.out"; exit 1; }
pdftotext "$work/cpp.pdf" - | grep -q "Nguyễn Văn An" || { echo "the C++ consumer's PDF lacks the recipient"; exit 1; }

# C: pkg-config, linked statically or not as the library was built.
export PKG_CONFIG_PATH=$(dirname "$(find "$prefix" -name vanban.pc)")
static=--static
if find "$prefix" -name 'libvanban.so*' | grep -q .; then static=; fi
# shellcheck disable=SC2046
gcc -std=c11 -Wall -Werror $sanitize -o "$work/c_consumer" "$source/tests/install/c_consumer.c" $(pkg-config --cflags --libs $static vanban)
if [ -z "$static" ]; then export LD_LIBRARY_PATH=$(dirname "$(find "$prefix" -name 'libvanban.so' | head -1)"); fi
VANBAN_HOME="$prefix/share/vanban" "$work/c_consumer" "$sample" "$work/c.pdf" "$source/samples/batch/giay-khen-danh-sach.csv" \
  "$source/samples/batch/giay-khen-chung.xml" "$work/c-batch.pdf" >"$work/c.out"
grep -q "lỗi: .*\[check.required-field\]" "$work/c.out" || { echo "no Vietnamese diagnostic from the C consumer"; cat "$work/c.out"; exit 1; }
grep -q '"field":"achievement"' "$work/c.out" || { echo "the C consumer's JSON does not name the field"; cat "$work/c.out"; exit 1; }
pdftotext "$work/c.pdf" - | grep -q "GIẤY KHEN" || { echo "the C consumer's PDF lacks its title"; exit 1; }
# The C batch: its print file holds the list's people, its report tells the nameless record
# in Vietnamese, and each printed record came with its own named PDF.
[ "$(pdfinfo "$work/c-batch.pdf" | sed -n 's/^Pages: *//p')" = 8 ] || { echo "the C batch's print file is not 8 pages"; exit 1; }
pdftotext "$work/c-batch.pdf" - | grep -q "Huỳnh Văn Tám" || { echo "the C batch's print file lacks a record"; exit 1; }
grep -A20 '"record": 6,' "$work/c.out" | grep -q '"field": "recipient/name"' || { echo "the C batch's report does not tell record 6's field"; cat "$work/c.out"; exit 1; }
grep -q "cần 'recipient/name'" "$work/c.out" || { echo "the C batch's report is not in Vietnamese"; cat "$work/c.out"; exit 1; }
grep -q "^file: Nguyễn Văn An.pdf" "$work/c.out" || { echo "the C batch gave no named PDF per record"; cat "$work/c.out"; exit 1; }
grep -q '^fields: {"fields": \[' "$work/c.out" || { echo "the C consumer did not print the signature fields"; cat "$work/c.out"; exit 1; }
grep -q "^sink: 8 PDFs" "$work/c.out" || { echo "the C batch's record sink was not given each printed record's PDF"; cat "$work/c.out"; exit 1; }
cmp -s "$work/c.pdf" "$work/cpp.pdf" || { echo "the C and C++ consumers made different PDFs of the same data"; exit 1; }
# The installed command line: `vanban serve` hands over to the installed vanban-serve, which
# finds the installed templates; vanban itself links no HTTP library.
if readelf -d "$prefix/bin/vanban" | grep -qE 'NEEDED.*(httplib|libssl)'; then echo "the installed vanban links the HTTP service"; exit 1; fi
if readelf -d "$prefix/bin/vanban" | grep -qE 'NEEDED.*libcrypto'; then echo "the installed vanban links OpenSSL"; exit 1; fi
# `vanban render --pdfa` and `vanban lint-pdfa`, which hands over to the installed vanban-sign.
env -u VANBAN_HOME "$prefix/bin/vanban" render --pdfa 2b "$sample" -o "$work/archival.pdf" 2>/dev/null
env -u VANBAN_HOME "$prefix/bin/vanban" lint-pdfa "$work/archival.pdf" >"$work/lint.out" ||
  { echo "the installed vanban lint-pdfa failed"; cat "$work/lint.out"; exit 1; }
grep -q "PDF/A-2b lint: passes" "$work/lint.out" || { echo "the installed lint did not pass the PDF/A file"; cat "$work/lint.out"; exit 1; }
env -u VANBAN_HOME "$prefix/bin/vanban" serve --port 0 2>"$work/serve.err" &
server=$!
port=
for _ in $(seq 100); do
  port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/serve.err")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { kill $server; echo "the installed vanban serve did not start"; cat "$work/serve.err"; exit 1; }
templates=$(python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=30).read().decode())' \
  "http://127.0.0.1:$port/v1/templates" || true)
kill $server; wait $server || true
grep -q '"giay-khen"' <<<"$templates" || { echo "the installed service lists no giay-khen template: $templates"; exit 1; }
echo "install: C++ (find_package) and C (pkg-config) consumers built and ran, and vanban serve answered, against $prefix"
