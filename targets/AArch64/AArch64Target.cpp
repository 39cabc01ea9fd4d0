//===- AArch64Target.cpp - The AArch64 target family ----------------------===//

#include "targets/AArch64/AArch64Features.h"
#include "targets/Common/TargetDescription.h"

#include "llvm/MC/MCSubtargetInfo.h"

namespace aotc {

/// NEON has 32 q registers of 4 floats: an 8 x 8 tile keeps 16 accumulators
/// and leaves room for the loaded row and broadcasts. (The x86 8 x 32 tile
/// would need 64 and spill.) GEMV: 4 panels of 2 q registers = 8
/// accumulators. SVE is not used: fixed-width vectors only.
static void tuneAArch64(TargetDescription &target,
                        const llvm::MCSubtargetInfo &subtarget) {
  target.vectorBits = 128;
  target.matmulTile = {8, 8, 1, 4};
  for (const AArch64Feature &feature : getAArch64Features())
    if (subtarget.checkFeatures(("+" + feature.name).str()))
      target.cpuFeatures.push_back(feature.name.str());
}

static const llvm::StringRef aarch64Aliases[] = {"aarch64", "arm64"};

const TargetFamily &getAArch64Family() {
  static const TargetFamily family = {"aarch64-unknown-linux-gnu", "generic",
                                      aarch64Aliases, tuneAArch64};
  return family;
}

} // namespace aotc
