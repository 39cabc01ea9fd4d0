#!/usr/bin/env bash
# Installs every Debian package aotc needs to build and test (Debian 12, run as root).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
packages=(
  # build
  cmake ninja-build ccache clang-22 lld-22 llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools
  liblld-22-dev clang-format-22 libonnx-dev libprotobuf-dev protobuf-compiler libfmt-dev zlib1g-dev libzstd-dev
  # sanitizer and libFuzzer runtimes (-DAOTC_SANITIZE, -DAOTC_FUZZ)
  libclang-rt-22-dev
  # tests: oracles, test data, AArch64 emulation
  python3-onnx python3-numpy python3-torch python3-torchvision libonnx-testdata qemu-user file
  # packaging (cpack -G DEB): dpkg-shlibdeps
  dpkg-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
