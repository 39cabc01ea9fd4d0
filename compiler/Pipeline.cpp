//===- Pipeline.cpp - Pass pipelines of a compilation ---------------------===//

#include "compiler/Pipeline.h"

#include "passes/Passes.h"

#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

#include <mutex>

using namespace mlir;

namespace aotc {

void buildONNXPipeline(OpPassManager &pm, const CompilerOptions &options) {
  ShapeInferencePassOptions shapeOptions;
  shapeOptions.inputShapes.assign(options.inputShapes.begin(),
                                  options.inputShapes.end());
  pm.addPass(createShapeInferencePass(shapeOptions));
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void buildLinalgPipeline(OpPassManager &pm) {
  pm.addPass(createConvertONNXToLinalgPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createFusePass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

/// Upstream passes by their registered names: these option strings are the
/// ones verified in shared/notes/MLIR22.md.
static LogicalResult addUpstreamPasses(OpPassManager &pm, StringRef pipeline) {
  std::string errors;
  llvm::raw_string_ostream os(errors);
  if (succeeded(parsePassPipeline(pipeline, pm, os)))
    return success();
  llvm::errs() << "aotc: internal error: bad pipeline: " << errors << "\n";
  return failure();
}

LogicalResult buildCPUCodegenPipeline(OpPassManager &pm,
                                      const TargetDescription &target) {
  TileAndVectorizePassOptions tiling;
  tiling.matmulTile = {target.matmulTile.m, target.matmulTile.n,
                       target.matmulTile.k};
  pm.addNestedPass<func::FuncOp>(createTileAndVectorizePass(tiling));
  if (failed(addUpstreamPasses(
          pm,
          "canonicalize, loop-invariant-subset-hoisting, canonicalize, cse")))
    return failure();
  pm.addPass(createBufferizePass());
  // Canonicalize before out-params: it only hoists an allocation that is
  // returned directly, and CSE exposes self-copies a second round removes.
  if (failed(addUpstreamPasses(
          pm, "canonicalize, cse, canonicalize, "
              "buffer-results-to-out-params{hoist-static-allocs=1 "
              "modify-public-functions=1}, canonicalize, cse")))
    return failure();
  pm.addPass(createPlanMemoryPass());
  ApproximateMathPassOptions math;
  math.expandOps.assign(target.mathOpsToExpand.begin(),
                        target.mathOpsToExpand.end());
  pm.addPass(createApproximateMathPass(math));
  return success();
}

LogicalResult buildLLVMLoweringPipeline(OpPassManager &pm) {
  return addUpstreamPasses(
      pm, "convert-linalg-to-loops, func.func(lower-vector-mask), "
          "func.func(convert-vector-to-scf{full-unroll=1}), "
          "expand-strided-metadata, lower-affine, canonicalize, "
          "convert-scf-to-cf, "
          "convert-vector-to-llvm{vector-contract-lowering=outerproduct}, "
          "finalize-memref-to-llvm, convert-arith-to-llvm, "
          "convert-index-to-llvm, convert-math-to-llvm, convert-ub-to-llvm, "
          "convert-cf-to-llvm, "
          "convert-func-to-llvm{use-bare-ptr-memref-call-conv=1}, "
          "reconcile-unrealized-casts");
}

void registerPipelines() {
  static std::once_flag once;
  std::call_once(once, [] {
    registerAllPasses();
    registerAotcPasses();
    PassPipelineRegistration<>(
        "aotc-onnx-pipeline",
        "Shape inference and cleanup of an imported ONNX graph",
        [](OpPassManager &pm) { buildONNXPipeline(pm, CompilerOptions()); });
    PassPipelineRegistration<>(
        "aotc-linalg-pipeline", "onnx to fused linalg on tensors",
        [](OpPassManager &pm) { buildLinalgPipeline(pm); });
  });
}

} // namespace aotc
