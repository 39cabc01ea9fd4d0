//===- TargetDescription.h - What a --target name means ---------*- C++ -*-===//
//
// Every decision that depends on the target (triple, CPU, features, vector
// width, tile sizes, which runtime archive to link) is read from one
// TargetDescription, built from the user's --target name by the target
// family that recognizes it.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_TARGETS_COMMON_TARGETDESCRIPTION_H
#define AOTC_TARGETS_COMMON_TARGETDESCRIPTION_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"
#include "llvm/TargetParser/Triple.h"

#include <string>

namespace llvm {
class MCSubtargetInfo;
} // namespace llvm

namespace aotc {

/// Register tile of the matmul micro-kernel: M rows by N columns of the
/// result kept in vector registers, reduction dimension stepped by K.
struct MatmulTile {
  int64_t m, n, k;
};

struct TargetDescription {
  /// The --target name as the user gave it.
  std::string name;
  llvm::Triple triple;
  /// LLVM CPU name and feature string.
  std::string cpu;
  std::string features;
  /// Width of the widest vector register used, in bits.
  unsigned vectorBits = 128;
  MatmulTile matmulTile = {4, 8, 1};
  /// Math ops (mnemonics) the CPU has no instruction for; they are expanded
  /// into arithmetic, since generated code links no libm.
  llvm::SmallVector<std::string> mathOpsToExpand;
  /// Folder name of the runtime archive built for this triple.
  std::string runtimeTriple;
};

/// A family of targets sharing one LLVM backend.
struct TargetFamily {
  llvm::StringRef triple;
  /// The CPU used when the user names the architecture itself.
  llvm::StringRef defaultCPU;
  /// Architecture names that mean `defaultCPU` (e.g. "aarch64").
  llvm::ArrayRef<llvm::StringRef> aliases;
  /// Fills vector width and tile sizes from the CPU's features.
  void (*tune)(TargetDescription &target, const llvm::MCSubtargetInfo &);
};

const TargetFamily &getX86Family();
const TargetFamily &getAArch64Family();

/// Initializes the LLVM backends aotc generates code with (once).
void initializeLLVMTargets();

/// Builds the description of `name`: "native", an architecture name
/// ("x86-64", "aarch64") or an LLVM CPU name of a supported architecture
/// ("x86-64-v4", "znver4", "neoverse-v2", "cortex-a78").
llvm::Expected<TargetDescription> lookupTarget(llvm::StringRef name);

} // namespace aotc

#endif // AOTC_TARGETS_COMMON_TARGETDESCRIPTION_H
