#!/usr/bin/env bash
# Installs every Debian 12 package vanban needs to build, run and test.
# Idempotent: packages already present are left alone. Uses sudo when not root.
#   install-deps.sh          what the build, the samples and the test suite need
#   install-deps.sh fuzz     that, and clang with libFuzzer (scripts/fuzz.sh)
#   install-deps.sh slurm    that, and munge and Slurm (scripts/slurm-test.sh)
set -euo pipefail

packages=(
  # build
  cmake g++ make pkg-config
  # engine libraries
  libhpdf-dev libdeflate-dev libkainjow-mustache-dev libpugixml-dev libicu-dev libharfbuzz-dev libcli11-dev
  # the allocator of vanban's own programs (VANBAN_MIMALLOC)
  libmimalloc-dev
  # batch records: CSV (libcsv), JSON (nlohmann-json, also read by the Mustache spec tests)
  # and Excel workbooks (libzip; their XML parts through pugixml)
  libcsv-dev nlohmann-json3-dev libzip-dev
  # images: decoded whole, under our own error handlers, before layout (engine/image)
  libpng-dev libjpeg62-turbo-dev
  # the service (vanban serve): cpp-httplib
  libcpp-httplib-dev
  # signing (vanban sign, verify): OpenSSL 3's CMS, and a key on a token through the libp11
  # PKCS#11 engine; PDF/A: the sRGB ICC profile of the output intent
  libssl-dev libengine-pkcs11-openssl icc-profiles-free
  # tests: Catch2 v2 and the PDF readers used to check what a reader sees; a C compiler for
  # the installed C API's consumer
  catch2 poppler-utils mupdf-tools qpdf gcc
  # tests of signing: a software token (SoftHSM2) and the NSS tools that give pdfsig its trust
  softhsm2 libnss3-tools opensc
  # tests of vanban serve: Python drives the HTTP checks, and the clerks' page in headless
  # Chromium through ChromeDriver
  python3 chromium chromium-driver
  # benchmarks: GNU time for the peak memory (bench/batch.sh, bench/batch-scale.sh)
  time
)
if [ "${1:-}" = slurm ]; then
  # A single-node Slurm cluster for scripts/slurm-test.sh.
  packages+=(munge slurmctld slurmd slurm-client)
fi
if [ "${1:-}" = fuzz ]; then
  # libFuzzer and the sanitizer runtimes come with clang's compiler-rt.
  packages+=(clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
