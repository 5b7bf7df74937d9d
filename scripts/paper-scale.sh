#!/usr/bin/env bash
# The paper-scale runs behind docs/results/ (hours on 2 cores; run outside CI).
# Re-running resumes: finished trials are skipped. The grids of `channels` and `kernels`
# are larger than 2 cores allow, so a stated part is run (--only); the report lists the
# rest as planned but not run.
#
# Usage: scripts/paper-scale.sh [SWEEPS_DIR] [FULL_DATA_DIR]
#   FULL_DATA_DIR must hold the full MNIST (icrisis data fetch --mnist [--from DIR] --dir FULL_DATA_DIR);
#   only fcn-many uses it (it trains on up to 60,000 images). Every other sweep uses the embedded pack.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$repo/sweeps/paper}"
full="${2:-${ICRISIS_DATA_DIR:-$HOME/.cache/icrisis/data}}"
ic="$repo/icrisis"
# An empty folder as the data dir pins every sweep but fcn-many to the embedded pack,
# whatever a user has fetched into the default cache.
pack_only="$out/.pack-only"
mkdir -p "$pack_only"

"$ic" sweep run --preset fig3 --scale paper --out "$out/fig3-paper" --data-dir "$pack_only"
"$ic" sweep run --preset fig2 --scale paper --out "$out/fig2-paper" --data-dir "$pack_only"
"$ic" sweep run --preset fig4 --scale paper --out "$out/fig4-paper" --data-dir "$pack_only"
"$ic" sweep run --preset channels --scale paper --out "$out/channels-paper" --data-dir "$pack_only" \
  --only channels=8,16,32,64,128
"$ic" sweep run --preset kernels --scale paper --out "$out/kernels-paper" --data-dir "$pack_only" \
  --only kernel=3,7,11 --only seed=0
"$ic" sweep run --preset fcn-many --scale paper --out "$out/fcn-many-paper" --data-dir "$full"
