#!/usr/bin/env bash
# Proves `vanban batch --shard` on a real Slurm cluster (docs/scaling.md): starts a single-node
# cluster on this machine from Debian's packages (munge, slurmctld, slurmd), its state in a
# temporary folder; prints 10,000 generated certificates as an array job of 4 tasks
# (sbatch --array=0-3), one PDF per record named by the person; checks that the outputs are
# exactly the records, each once, with the names the whole file gives them (a name that
# repeats gets "-2" the same way in every shard); then removes one task's files and reruns
# that index alone, and checks that it redoes its slice without touching the others.
# Run as root (the daemons are started directly, without systemd), after scripts/test.sh.
#
#   scripts/slurm-test.sh [RECORDS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
records=${1:-10000}
vanban="$root/build/vanban"
"$root/scripts/install-deps.sh" slurm
[ -x "$vanban" ] || { echo "slurm-test: no $vanban: run scripts/test.sh first" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "slurm-test: run as root: the daemons are started directly" >&2; exit 2; }

work=$(mktemp -d)
host=$(hostname -s)
export SLURM_CONF="$work/slurm.conf"
stop() {
  for pid in $(cat "$work"/*.pid 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
  sleep 1
  rm -rf "$work"
}
trap stop EXIT

# --- the cluster: one node, this machine, every core ------------------------------------
mkdir -p "$work/state" "$work/spool" "$work/munge"
cat > "$SLURM_CONF" <<EOF
ClusterName=vanban-test
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/builtin
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=vanban Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
munged --force --socket="$work/munge/munge.socket.2" --pid-file="$work/munge.pid" \
  --log-file="$work/munge.log" --seed-file="$work/munge/seed"
# Slurm's munge plugin is told where this munged listens.
echo "AuthInfo=socket=$work/munge/munge.socket.2" >> "$SLURM_CONF"
slurmctld -c
slurmd
for _ in $(seq 60); do
  sinfo -h -o %T 2>/dev/null | grep -q idle && break
  sleep 1
done
sinfo -h -o %T | grep -q idle || { echo "slurm-test: the node did not come up" >&2; cat "$work"/slurm*.log >&2; exit 1; }

# --- the batch: 10,000 certificates, 4 shards ---------------------------------------------
source "$root/bench/lib.sh"
generate_certificates "$records" "$work"
cat > "$work/giay-khen.sbatch" <<EOF
#!/bin/bash
#SBATCH --job-name=giay-khen
#SBATCH --cpus-per-task=1
#SBATCH --output=$work/task-%a.log
"$vanban" batch -t giay-khen "$work/records.csv" --data "$work/common.xml" --shard 4 -j 1 \\
  --out-dir "$work/out" --name '{{recipient.name}}.pdf' --resume \\
  --report "$work/report-\$SLURM_ARRAY_TASK_ID.csv" --quiet
EOF
sbatch --wait --array=0-3 "$work/giay-khen.sbatch" > /dev/null || true  # the job's own exit is checked below

# Every record once: the reports together have one row per record, each printed, and the
# folder holds exactly the files they name.
check() {
  local label=$1
  tail -q -n +2 "$work"/report-*.csv | sort -t, -k1,1n > "$work/all-rows"
  local rows printed files
  rows=$(wc -l < "$work/all-rows")
  printed=$(grep -c ',printed,\|,skipped,' "$work/all-rows" || true)
  files=$(find "$work/out" -name '*.pdf' | wc -l)
  [ "$rows" = "$records" ] || { echo "slurm-test: $label: $rows report rows for $records records" >&2; exit 1; }
  [ "$printed" = "$records" ] || { echo "slurm-test: $label: $printed of $records records printed" >&2; cat "$work"/task-*.log >&2; exit 1; }
  [ "$files" = "$records" ] || { echo "slurm-test: $label: $files files for $records records" >&2; exit 1; }
  cut -d, -f1 "$work/all-rows" | uniq -d | grep -q . && { echo "slurm-test: $label: a record in two shards" >&2; exit 1; }
  # The names the whole file gives (vanban alone, one shard of one) are the names the shards wrote.
  awk -F'"' '{ print $4 }' "$work/all-rows" | sed 's|.*/||' | sort > "$work/names-from-shards"
  find "$work/out" -name '*.pdf' -printf '%f\n' | sort > "$work/names-on-disk"
  cmp -s "$work/names-from-shards" "$work/names-on-disk" || { echo "slurm-test: $label: files and reports disagree" >&2; exit 1; }
  echo "slurm-test: $label: $records records, $files files, each once"
}
check "array 0-3"
repeated=$(grep -c -- '-2\.pdf$' "$work/names-from-shards" || true)
echo "slurm-test: $repeated names given twice, told apart the same way in every shard"

# --- a failed index reruns alone ------------------------------------------------------------
# Task 2's files go (as if its node had died mid-way); rerun index 2 only.
grep -h ',printed,\|,skipped,' "$work/report-2.csv" | awk -F'"' '{ print $4 }' | xargs -d '\n' rm -f
find "$work/out" -name '*.pdf' -exec touch -d '2020-06-22 00:00' {} +
before=$(find "$work/out" -name '*.pdf' | wc -l)
sbatch --wait --array=2 "$work/giay-khen.sbatch" > /dev/null || true
newer=$(find "$work/out" -name '*.pdf' -newermt '2020-06-23' | wc -l)
slice=$(( $(wc -l < "$work/report-2.csv") - 1 ))
[ "$newer" = "$slice" ] || { echo "slurm-test: the rerun wrote $newer files, its slice is $slice" >&2; exit 1; }
echo "slurm-test: index 2 rerun alone: $((records - before)) files redone, the other shards untouched"
check "after the rerun"
