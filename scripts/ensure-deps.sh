#!/usr/bin/env bash
# Installs the one system package the tool wants: tcmalloc (libtcmalloc-minimal4), the
# allocator that keeps LibTorch training loops' memory flat (docs/memory.md). Without it
# everything still works, with glibc malloc and a warning.
set -euo pipefail
if ldconfig -p 2>/dev/null | grep -q 'libtcmalloc_minimal.so.4'; then exit 0; fi
if [ -e /usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4 ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "warning: libtcmalloc-minimal4 is not installed and I am not root; install it with 'apt-get install libtcmalloc-minimal4' for flat memory in long runs" >&2
    exit 0
  fi
fi
echo "Installing libtcmalloc-minimal4 (apt)..." >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -qq libtcmalloc-minimal4 >/dev/null 2>&1 || {
  $SUDO apt-get update -qq >/dev/null 2>&1 && $SUDO apt-get install -y -qq libtcmalloc-minimal4 >/dev/null 2>&1
} || echo "warning: could not install libtcmalloc-minimal4; continuing with glibc malloc" >&2
