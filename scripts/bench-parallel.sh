#!/usr/bin/env bash
# How to use 2 cores for a sweep: one trial at a time with 2 intra-op threads, two trials
# at once (workers) with one thread each, or two processes with one thread each.
# Prints wall-clock seconds per setting; docs/sweeps.md quotes the result.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ic="$repo/icrisis"
spec="$repo/scripts/bench-parallel.json"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$ic" sweep run --spec "$spec" --dry-run > /dev/null   # build and validate outside the timings

time_it() {  # name, command...
  local name="$1"; shift
  local t0=$(date +%s.%N)
  "$@" > "$work/$name.log" 2>&1
  local t1=$(date +%s.%N)
  awk -v n="$name" -v a="$t0" -v b="$t1" 'BEGIN { printf "%-40s %6.1f s\n", n, b - a }'
}

time_it "1 worker x 1 thread" "$ic" sweep run --spec "$spec" --out "$work/a" --workers 1 --threads 1
time_it "1 worker x 2 threads" "$ic" sweep run --spec "$spec" --out "$work/b" --workers 1 --threads 2
time_it "2 workers x 1 thread (one process)" "$ic" sweep run --spec "$spec" --out "$work/c" --workers 2 --threads 1
two_processes() {
  "$ic" sweep run --spec "$spec" --out "$work/d" --threads 1 --only seed=0 &
  "$ic" sweep run --spec "$spec" --out "$work/d" --threads 1 --only seed=1 &
  wait
}
time_it "2 processes x 1 thread (one database)" two_processes
