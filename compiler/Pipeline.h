//===- Pipeline.h - Pass pipelines of a compilation -------------*- C++ -*-===//

#ifndef AOTC_COMPILER_PIPELINE_H
#define AOTC_COMPILER_PIPELINE_H

#include "compiler/Options.h"
#include "mlir/Pass/PassManager.h"

namespace aotc {

/// Shape inference and graph cleanup on the imported module: what
/// `--emit=onnx` prints.
void buildONNXPipeline(mlir::OpPassManager &pm,
                       const CompilerOptions &options);

/// Registers the pipelines with the pass registry (for aotc-opt).
void registerPipelines();

} // namespace aotc

#endif // AOTC_COMPILER_PIPELINE_H
