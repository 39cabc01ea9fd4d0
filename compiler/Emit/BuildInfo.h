//===- BuildInfo.h - What an artifact says about its build ------*- C++ -*-===//
#ifndef AOTC_COMPILER_EMIT_BUILDINFO_H
#define AOTC_COMPILER_EMIT_BUILDINFO_H

#include <string>
#include <vector>

namespace aotc {

/// Shown by `infer --info` and `--version`, and written into the header.
struct BuildInfo {
  /// getVersionLine(): "aotc 0.1.0 (git 0123456789ab)".
  std::string compiler;
  /// --target as the user gave it.
  std::string target;
  /// The LLVM CPU it resolved to ("native" is the host's CPU name).
  std::string cpu;
  /// TargetDescription::cpuFeatures, space-separated: what the code needs.
  std::string cpuFeatures;
  /// SHA-256 of the model file, lowercase hex.
  std::string modelSHA256;
  /// --weights-section, or empty.
  std::string weightsSection;
  /// The inputs --input-value pinned, "NAME: DTYPE [SHAPE] = VALUES" each.
  std::vector<std::string> pinnedInputs;
  /// --profile: kernel calls are timed into a profile table.
  bool profile = false;
};

} // namespace aotc

#endif // AOTC_COMPILER_EMIT_BUILDINFO_H
