#!/usr/bin/env bash
# Renders docs/results/ from the paper-scale sweep databases (scripts/paper-scale.sh) and the
# theory results: the report (HTML + Markdown + figures) and every database as CSV.
# Usage: scripts/render-results.sh SWEEPS_DIR
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sweeps="${1:?usage: scripts/render-results.sh SWEEPS_DIR}"
ic="$repo/icrisis"
"$ic" report "$sweeps" --theory "$repo/docs/results/theory" --out "$repo/docs/results/report" \
  --title "Identity Crisis at paper scale on 2 CPU cores"
for db in "$sweeps"/*/results.sqlite; do
  name="$(basename "$(dirname "$db")")"
  "$ic" export "$(dirname "$db")" --out "$repo/docs/results/csv/$name" --no-images
done
du -sh "$repo/docs/results/report" "$repo/docs/results/csv"
