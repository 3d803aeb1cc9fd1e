#!/usr/bin/env python3
"""What loading shared libraries costs a process start: an empty C++ program linked with
vanban's libraries in several ways, each variant run in turn (one run of each per round, so
the shared machine's changes of speed fall on all alike). Prints the median wall-clock
milliseconds of each variant as a Markdown table. docs/performance.md, "Starting", quotes it.

    bench/library-load.py [ROUNDS]     (default 150)

Variants: no library; every library vanban's engine used to link at start (shared); the
same without libzip (which brings OpenSSL and bzip2); and without libzip, with ICU, pugixml
and the C++ runtime linked from Debian's static archives, as `vanban` is now built.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 150
libdir = "/usr/lib/x86_64-linux-gnu"
shared = ["mimalloc", "hpdf", "harfbuzz-subset", "harfbuzz", "deflate", "csv", "png16", "jpeg"]
icu_shared = ["-licui18n", "-licuuc", "-licudata", "-lpugixml"]
icu_static = [os.path.join(libdir, name) for name in ("libicui18n.a", "libicuuc.a", "libicudata.a", "libpugixml.a")]


def libraries(names):
    return [os.path.join(libdir, "lib%s.so" % name) for name in names]


variants = {
    "no library": [],
    "every library, shared (libzip too)": libraries(shared + ["zip"]) + icu_shared,
    "without libzip": libraries(shared) + icu_shared,
    "without libzip, ICU, pugixml and libstdc++ static": ["-static-libstdc++", "-static-libgcc"] + libraries(shared)
    + icu_static + ["-ldl", "-lpthread", "-lm"],
}

work = tempfile.TemporaryDirectory(prefix="vanban-load-")
source = os.path.join(work.name, "empty.cpp")
with open(source, "w") as out:
    out.write("int main() { return 0; }\n")
programs = {}
for k, (name, flags) in enumerate(variants.items()):
    program = os.path.join(work.name, "empty%d" % k)
    # --no-as-needed: each library is loaded although the program calls none of it.
    subprocess.run(["g++", "-O2", source, "-o", program, "-Wl,--no-as-needed", *flags], check=True)
    programs[name] = program

times = {name: [] for name in programs}
for _ in range(rounds):
    for name, program in programs.items():
        start = time.perf_counter()
        subprocess.run([program], check=True)
        times[name].append((time.perf_counter() - start) * 1000)

print("| %d rounds | median wall ms |" % rounds)
print("|---|---|")
for name, samples in times.items():
    print("| %s | %.2f |" % (name, statistics.median(samples)))
