#!/usr/bin/env python3
"""In-process A/B: the in-process benchmark of two builds run in turn, one round of each per
pair, so that the shared machine's changes of speed fall on both alike. Each round is
`bench/vanban_bench_inprocess RUNS` (the seed plan rendered RUNS times with fonts and the
template loaded once); prints, as a Markdown table, the median over the rounds of each
build's median total milliseconds and their ratio.

    bench/inprocess-ab.py BUILD_BEFORE BUILD_AFTER [ROUNDS] [RUNS]     (default 7 rounds of 200)

The two builds may be of different commits: only the "total" column of each program's table
is compared, whatever its other columns are.
"""
import os
import statistics
import subprocess
import sys

if len(sys.argv) < 3:
    sys.exit(__doc__)
builds = [os.path.abspath(b) for b in sys.argv[1:3]]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 7
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 200
programs = [os.path.join(b, "bench", "vanban_bench_inprocess") for b in builds]
for program in programs:
    if not os.access(program, os.X_OK):
        sys.exit("no %s: build it first" % program)


def total_ms(program):
    out = subprocess.run([program, str(runs)], check=True, capture_output=True, text=True).stdout.splitlines()
    header = [cell.strip() for cell in out[0].split("|")]
    column = next(k for k, name in enumerate(header) if name.startswith("total"))
    # The row starts with "|": its cells are one place to the right of the header's.
    row = [cell.strip() for cell in out[1].split("|")]
    return float(row[column + 1])


totals = [[], []]
for _ in range(rounds):
    for side, program in enumerate(programs):
        totals[side].append(total_ms(program))

before, after = (statistics.median(t) for t in totals)
print("| %d rounds of %d renders | before total ms | after total ms | after ÷ before |" % (rounds, runs))
print("|---|---|---|---|")
print("| seed plan, in process | %.2f | %.2f | %.2f |" % (before, after, after / before))
print("| rounds, before | %s |||" % " ".join("%.2f" % t for t in totals[0]))
print("| rounds, after | %s |||" % " ".join("%.2f" % t for t in totals[1]))
