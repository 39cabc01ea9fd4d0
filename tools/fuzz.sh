#!/usr/bin/env bash
# Builds one fuzz target of test/fuzz with libFuzzer, ASan and UBSan (in
# build-fuzz/, configured on first use) and runs it, one process, for the
# given minutes:
#
#   tools/fuzz.sh model 30     # model reader + importer + shape inference
#   tools/fuzz.sh npy 30       # the executables' .npy/raw input reader
#
# The corpus grows in build-fuzz/fuzz/TARGET/corpus (seeded from
# test/fuzz/TARGET/seeds, which is only read); crashes, leaks, timeouts and
# out-of-memory inputs land in build-fuzz/fuzz/TARGET/artifacts/, the log in
# build-fuzz/fuzz/TARGET/fuzz.log. Reproduce one with
# `build-fuzz/bin/aotc-fuzz-TARGET FILE`; once fixed, copy it into
# test/fuzz/TARGET/crashers/, which ctest replays. Extra arguments go to
# libFuzzer. BUILD_DIR overrides build-fuzz; NO_BUILD=1 runs the binary
# there as it is.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 2 ]; then
  echo "usage: tools/fuzz.sh model|npy MINUTES [LIBFUZZER-OPTION...]" >&2
  exit 2
fi
target=$1
minutes=$2
shift 2
case "$target" in
  model) max_len=8192 ;;
  npy) max_len=4096 ;;
  *) echo "tools/fuzz.sh: unknown target '$target' (model or npy)" >&2; exit 2 ;;
esac

build=${BUILD_DIR:-build-fuzz}
if [ -z "${NO_BUILD:-}" ] && [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -B "$build" \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld -DCMAKE_SHARED_LINKER_FLAGS=-fuse-ld=lld \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir -DAOTC_FUZZ=ON
fi
if [ -z "${NO_BUILD:-}" ]; then
  export CCACHE_BASEDIR="$PWD"
  ninja -C "$build" "aotc-fuzz-$target"
fi

work=$build/fuzz/$target
mkdir -p "$work/corpus" "$work/artifacts"
options=(
  -max_total_time=$((minutes * 60))
  -max_len=$max_len
  -timeout=10           # seconds per input: longer is a hang
  -rss_limit_mb=4096    # and so is a bigger allocation
  -print_final_stats=1
  -artifact_prefix="$work/artifacts/"
)
[ -f "test/fuzz/$target/$target.dict" ] && options+=(-dict="test/fuzz/$target/$target.dict")
echo "fuzzing $target for $minutes min; log: $work/fuzz.log" >&2
status=0
"$build/bin/aotc-fuzz-$target" "${options[@]}" "$@" \
  "$work/corpus" "test/fuzz/$target/seeds" >"$work/fuzz.log" 2>&1 || status=$?
grep -E '^(#[0-9]+ +DONE|stat::|Done )' "$work/fuzz.log" >&2 || tail -n 5 "$work/fuzz.log" >&2
echo "corpus: $(ls "$work/corpus" | wc -l) files; artifacts:" >&2
ls -1 "$work/artifacts" >&2
exit "$status"
