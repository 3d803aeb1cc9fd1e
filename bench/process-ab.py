#!/usr/bin/env python3
"""Whole-process A/B: two builds of vanban run in turn, one run of each per pair, so that the
shared machine's changes of speed fall on both alike. For `vanban --version` (the process start
alone) and for rendering the seed plan, prints the median wall-clock and CPU milliseconds (user
plus system, from wait4) of each build and their ratio, as a Markdown table.

    bench/process-ab.py BUILD_BEFORE BUILD_AFTER [PAIRS]     (default 100 pairs)
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if len(sys.argv) < 3:
    sys.exit(__doc__)
builds = [os.path.abspath(b) for b in sys.argv[1:3]]
pairs = int(sys.argv[3]) if len(sys.argv) > 3 else 100
for build in builds:
    if not os.access(os.path.join(build, "vanban"), os.X_OK):
        sys.exit("no %s/vanban: build it first" % build)

work_folder = tempfile.TemporaryDirectory(prefix="vanban-ab-")  # removed at exit, or on a failed run
work = work_folder.name
seed = os.path.join(root, "samples", "ke-hoach-54.xml")
commands = {
    "start (--version)": ["--version"],
    "seed plan (render)": ["render", seed, "-o", os.path.join(work, "out.pdf")],
}


def run_once(program, arguments):
    start = time.perf_counter()
    process = subprocess.Popen([program, *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("%s %s failed" % (program, " ".join(arguments)))
    return wall * 1000, (usage.ru_utime + usage.ru_stime) * 1000


rows = []
for name, arguments in commands.items():
    samples = [([], []), ([], [])]  # by position: the same build twice is an A/A run
    for build in builds:  # warm the page cache
        run_once(os.path.join(build, "vanban"), arguments)
    for i in range(pairs):
        order = (0, 1) if i % 2 == 0 else (1, 0)
        for which in order:
            wall, cpu = run_once(os.path.join(builds[which], "vanban"), arguments)
            samples[which][0].append(wall)
            samples[which][1].append(cpu)
    before, after = (tuple(statistics.median(s) for s in samples[which]) for which in (0, 1))
    rows.append((name, before, after))

print("| %d pairs | before wall ms | after wall ms | after ÷ before | before CPU ms | after CPU ms | after ÷ before |" % pairs)
print("|---|---|---|---|---|---|---|")
for name, before, after in rows:
    print("| %s | %.1f | %.1f | %.2f | %.1f | %.1f | %.2f |"
          % (name, before[0], after[0], after[0] / before[0], before[1], after[1], after[1] / before[1]))
