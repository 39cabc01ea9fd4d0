//===- X86Target.cpp - The x86-64 target family ---------------------------===//

#include "targets/Common/TargetDescription.h"
#include "targets/X86/X86Features.h"

#include "llvm/MC/MCSubtargetInfo.h"

namespace aotc {

/// Tiles sized to the register file: the accumulators of an M x N tile take
/// M * N / lanes registers, and each k step needs N / lanes loads and one
/// broadcast besides.
static void tuneX86(TargetDescription &target,
                    const llvm::MCSubtargetInfo &subtarget) {
  if (subtarget.checkFeatures("+avx512f")) {
    // 32 zmm: 8 x 32 floats = 16 accumulators (8 rows x 2 zmm). GEMV: 4
    // panels = 8 accumulators and 4 independent weight streams.
    target.vectorBits = 512;
    target.matmulTile = {8, 32, 1, 4};
  } else if (subtarget.checkFeatures("+avx2")) {
    // 16 ymm: 6 x 16 floats = 12 accumulators. GEMV: 3 panels = 6.
    target.vectorBits = 256;
    target.matmulTile = {6, 16, 1, 3};
  } else {
    // 16 xmm (SSE2): 4 x 8 floats = 8 accumulators. GEMV: 3 panels = 6.
    target.vectorBits = 128;
    target.matmulTile = {4, 8, 1, 3};
  }
  // Without these, LLVM would call floorf/fmaf/... from libm.
  if (!subtarget.checkFeatures("+sse4.1"))
    target.mathOpsToExpand.append({"floor", "ceil", "trunc", "round"});
  if (!subtarget.checkFeatures("+fma"))
    target.mathOpsToExpand.push_back("fma");
  for (const X86Feature &feature : getX86Features())
    if (subtarget.checkFeatures(("+" + feature.name).str()))
      target.cpuFeatures.push_back(feature.name.str());
}

static const llvm::StringRef x86Aliases[] = {"x86_64", "amd64"};

const TargetFamily &getX86Family() {
  static const TargetFamily family = {"x86_64-unknown-linux-gnu", "x86-64",
                                      x86Aliases, tuneX86};
  return family;
}

} // namespace aotc
