//===- Pipeline.h - Pass pipelines of a compilation -------------*- C++ -*-===//

#ifndef AOTC_COMPILER_PIPELINE_H
#define AOTC_COMPILER_PIPELINE_H

#include "compiler/Options.h"
#include "targets/Common/TargetDescription.h"

#include "mlir/Pass/PassManager.h"

namespace aotc {

/// Shape inference and graph cleanup on the imported module: what
/// `--emit=onnx` prints. The two halves below, which the driver runs (and
/// times) one after the other.
void buildONNXPipeline(mlir::OpPassManager &pm, const CompilerOptions &options);

/// Shape inference, then canonicalization (folding) and CSE.
void buildShapeInferencePipeline(mlir::OpPassManager &pm,
                                 const CompilerOptions &options);

/// Graph-level fusions on the static, folded graph.
void buildGraphOptPipeline(mlir::OpPassManager &pm);

/// Run-time index checks (aotc-check-indices), for targets whose entry point
/// reports them.
void buildIndexChecksPipeline(mlir::OpPassManager &pm);

/// onnx → linalg on tensors, with elementwise ops fused into their
/// producers: what `--emit=linalg` prints.
void buildLinalgPipeline(mlir::OpPassManager &pm);

/// linalg on tensors → planned buffers for a CPU target: tiling and
/// vectorization, bufferization, the memory plan (recorded on the graph
/// function), math approximations, one function per kernel (timed with
/// `profile`).
mlir::LogicalResult buildCPUCodegenPipeline(mlir::OpPassManager &pm,
                                            const TargetDescription &target,
                                            bool profile = false);

/// Vectors, loops and buffers → the LLVM dialect. The graph function ends
/// with bare-pointer arguments (arena, inputs, outputs).
mlir::LogicalResult buildLLVMLoweringPipeline(mlir::OpPassManager &pm);

/// Registers the pipelines and the upstream passes they use.
void registerPipelines();

} // namespace aotc

#endif // AOTC_COMPILER_PIPELINE_H
