//===- UpstreamPasses.h - Pass sequences shared by targets ------*- C++ -*-===//

#ifndef AOTC_TARGETS_COMMON_UPSTREAMPASSES_H
#define AOTC_TARGETS_COMMON_UPSTREAMPASSES_H

#include "mlir/Pass/PassManager.h"

namespace aotc {

/// Adds upstream passes given as a textual pipeline (the option strings
/// verified in shared/notes/MLIR22.md); a bad pipeline is an internal
/// error, reported on stderr.
mlir::LogicalResult addUpstreamPasses(mlir::OpPassManager &pm,
                                      llvm::StringRef pipeline);

/// One-shot bufferization, then results turned into out-parameters, which
/// every target's code generation does the same way.
mlir::LogicalResult addBufferizationPasses(mlir::OpPassManager &pm);

} // namespace aotc

#endif // AOTC_TARGETS_COMMON_UPSTREAMPASSES_H
