#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a built aotc: installs the
# dependencies, configures and builds into build/, then compiles the example
# model and shows the result.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh

if [ ! -f build/build.ninja ]; then
  cmake -G Ninja -B build \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld -DCMAKE_SHARED_LINKER_FLAGS=-fuse-ld=lld \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir
fi
# ccache shares objects between build folders of one checkout.
export CCACHE_BASEDIR="$PWD"
ninja -C build

# The example: a tiny CNN compiled into a static executable, then run.
example=build/examples/tiny-cnn
mkdir -p "$example"
show() { echo "\$ $*"; "$@"; }
echo
show build/bin/aotc examples/tiny-cnn/model.pbtxt --input-shape=image:1x1x8x8 \
  --print-memory-plan -o "$example/infer"
show file "$example/infer"
show "$example/infer" --info
/usr/bin/python3 examples/tiny-cnn/make-input.py "$example/input.npy"
show "$example/infer" "$example/input.npy" -o "$example/output.npy"
echo "output (class probabilities):"
/usr/bin/python3 examples/tiny-cnn/print-npy.py "$example/output.npy" | paste -sd' '
