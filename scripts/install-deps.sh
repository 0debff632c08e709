#!/usr/bin/env bash
# Installs the Debian packages Parzen needs to build, when they are missing.
# Usage: scripts/install-deps.sh [extra-package…]   (extra packages: e.g. pandoc for benchmarks)
set -euo pipefail
# libcurl4-openssl-dev: the static release build of parzen-preview links Foundation's
# networking library, which needs libcurl.so at link time (FlyingFox imports it).
needed=(libcmark-gfm-dev libcmark-gfm-extensions-dev libxxhash-dev libharfbuzz-dev libbrotli-dev libcurl4-openssl-dev
        pkg-config "$@")
missing=()
for package in "${needed[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}" >&2
    if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
