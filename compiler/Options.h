//===- Options.h - What one aotc invocation is asked to do -----*- C++ -*-===//

#ifndef AOTC_COMPILER_OPTIONS_H
#define AOTC_COMPILER_OPTIONS_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aotc {

/// The artifact a compilation ends with.
enum class EmitKind {
  /// The imported module after shape inference and canonicalization.
  ONNX,
  /// linalg on tensors, after lowering and elementwise fusion.
  Linalg,
  /// LLVM IR of the model object, as text.
  LLVMIR,
  /// Target assembly.
  Assembly,
  /// A relocatable object with aotc_NAME_run (library / firmware mode).
  Object,
  /// A statically linked executable (runtime linked in).
  Executable,
  /// The kernels of a GPU target, as PTX text.
  PTX,
};

struct CompilerOptions {
  std::string inputPath;
  /// "-" is standard output; empty: none given, which text emits take as
  /// standard output and binary ones as an error.
  std::string outputPath;
  EmitKind emit = EmitKind::Executable;
  /// Static shapes of graph inputs, each NAME:D0xD1x...
  std::vector<std::string> inputShapes;
  /// Values pinned at compile time, each NAME=V1,V2,... or NAME:FILE.npy;
  /// those inputs leave the compiled interface.
  std::vector<std::string> inputValues;
  /// The most bytes one tensor may take; the arena and the weights in all
  /// are held to it too.
  uint64_t maxTensorBytes = uint64_t(4) << 30;
  /// The --target name (TargetDescription.h).
  std::string target = "native";
  /// Name in generated symbols; empty: the model file's stem.
  std::string modelName;
  /// Where to write the C header (library mode); empty: no header.
  std::string headerPath;
  /// Position-independent code; unset: PIC for objects, static for
  /// executables.
  std::optional<bool> positionIndependent;
  /// The section every weight goes in (a linker script places it); empty:
  /// the default read-only data sections.
  std::string weightsSection;
  /// --weights=FILE: the weights go to this file instead of the object,
  /// which then reads them through a pointer given at run time.
  std::string weightsFile;
  /// One section per function / per global (weights included).
  bool functionSections = false;
  bool dataSections = false;
  /// Print the memory plan (arena size, lower bound, ratio) to stdout.
  bool printMemoryPlan = false;
  /// CPU targets, for testing GPU code generation without a GPU: generate
  /// the GPU kernels, then run them on the CPU.
  bool emulateGPUKernels = false;
  /// GPU targets: f32 contractions may use tensor cores on TF32 inputs.
  bool allowTF32 = false;
  /// --profile: time each kernel call (CPU targets), for `--bench N
  /// --profile` or the library's aotc_NAME_profile table.
  bool profile = false;
  /// -v: print each phase's wall time and peak RSS on stderr.
  bool verbose = false;
  /// Show a progress line on stderr (a terminal) while compiling long.
  bool showProgress = false;
  /// Folder holding <triple>/libaotc_runtime.a; empty: beside the tool.
  std::string runtimeDir;
};

} // namespace aotc

#endif // AOTC_COMPILER_OPTIONS_H
