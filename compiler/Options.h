//===- Options.h - What one aotc invocation is asked to do -----*- C++ -*-===//

#ifndef AOTC_COMPILER_OPTIONS_H
#define AOTC_COMPILER_OPTIONS_H

#include <string>
#include <vector>

namespace aotc {

/// The artifact a compilation ends with.
enum class EmitKind {
  /// The imported module after shape inference and canonicalization.
  ONNX,
};

struct CompilerOptions {
  std::string inputPath;
  /// "-" is standard output.
  std::string outputPath = "-";
  EmitKind emit = EmitKind::ONNX;
  /// Static shapes of graph inputs, each NAME:D0xD1x...
  std::vector<std::string> inputShapes;
};

} // namespace aotc

#endif // AOTC_COMPILER_OPTIONS_H
