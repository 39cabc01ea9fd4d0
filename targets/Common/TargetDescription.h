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

#include <optional>
#include <string>

namespace llvm {
class MCSubtargetInfo;
} // namespace llvm

namespace aotc {

/// Register tile of the matmul micro-kernel: M rows by N columns of the
/// result kept in vector registers, reduction dimension stepped by K. N is
/// also the width of the panels constant weights are packed into
/// ([N/n][K][n]). A matrix-vector product (M = 1) covers `gemvPanels`
/// panels per tile instead of M rows.
struct MatmulTile {
  int64_t m, n, k;
  int64_t gemvPanels = 1;
};

/// How linalg on tensors becomes code: register tiles and vectors for a
/// CPU, or kernels mapped to blocks and threads of a GPU.
enum class CodegenStrategy { CPUVectorize, GPUKernels };

/// The device side of a GPU target.
struct GPUDescription {
  /// LLVM NVPTX CPU name, which is also ptxas's -arch (e.g. "sm_90a").
  std::string chip;
  /// LLVM NVPTX features: the PTX ISA version the PTX declares.
  std::string features;
  /// Threads per block of the kernels.
  int64_t blockSize = 256;
  /// f32 contractions may run on tensor cores with TF32 inputs.
  bool allowTF32 = false;
};

struct TargetDescription {
  /// The --target name as the user gave it.
  std::string name;
  llvm::Triple triple;
  /// LLVM CPU name and feature string.
  std::string cpu;
  std::string features;
  /// The extensions of `cpu` and `features` that generated code may use and
  /// that a program can test for at run time (X86Features.h,
  /// AArch64Features.h), in their table's order.
  llvm::SmallVector<std::string> cpuFeatures;
  /// Width of the widest vector register used, in bits.
  unsigned vectorBits = 128;
  MatmulTile matmulTile = {4, 8, 1};
  /// Math ops (mnemonics) the CPU has no instruction for; they are expanded
  /// into arithmetic, since generated code links no libm.
  llvm::SmallVector<std::string> mathOpsToExpand;
  /// Folder name of the runtime archive built for this triple.
  std::string runtimeTriple;
  /// File name of the runtime archive in that folder.
  std::string runtimeArchive = "libaotc_runtime.a";
  CodegenStrategy strategy = CodegenStrategy::CPUVectorize;
  /// Set for GPU targets, whose other fields describe the host (x86-64
  /// Linux, linked against libc to load the GPU driver at run time).
  std::optional<GPUDescription> gpu;
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

/// The GPU target named `name` ("sm_80", "sm_90a", ...), if it is one.
std::optional<TargetDescription> lookupGPUTarget(llvm::StringRef name);

/// Initializes the LLVM backends aotc generates code with (once).
void initializeLLVMTargets();

/// Builds the description of `name`: "native", an architecture name
/// ("x86-64", "aarch64") or an LLVM CPU name of a supported architecture
/// ("x86-64-v4", "znver4", "neoverse-v2", "cortex-a78"), or a GPU
/// architecture ("sm_80", "sm_86", "sm_89", "sm_90", "sm_90a").
llvm::Expected<TargetDescription> lookupTarget(llvm::StringRef name);

} // namespace aotc

#endif // AOTC_TARGETS_COMMON_TARGETDESCRIPTION_H
