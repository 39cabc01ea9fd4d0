//===- Pipeline.cpp - Pass pipelines of a compilation ---------------------===//

#include "compiler/Pipeline.h"

#include "passes/Passes.h"
#include "targets/Common/UpstreamPasses.h"

#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

#include <mutex>

using namespace mlir;

namespace aotc {

void buildShapeInferencePipeline(OpPassManager &pm,
                                 const CompilerOptions &options) {
  ShapeInferencePassOptions shapeOptions;
  shapeOptions.inputShapes.assign(options.inputShapes.begin(),
                                  options.inputShapes.end());
  shapeOptions.inputValues.assign(options.inputValues.begin(),
                                  options.inputValues.end());
  shapeOptions.maxTensorBytes = options.maxTensorBytes;
  pm.addPass(createShapeInferencePass(shapeOptions));
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void buildGraphOptPipeline(OpPassManager &pm) {
  // Recurrent ops become plain ONNX ops on static shapes; the canonicalizer
  // folds the transposed weights into constants before the fusions match.
  pm.addPass(createExpandRecurrentPass());
  pm.addPass(createCanonicalizerPass());
  // Fusions match the static, folded graph; CSE merges the constants they
  // create.
  pm.addPass(createFoldEmptyTensorsPass());
  pm.addPass(createGraphOptPass());
  pm.addPass(createCSEPass());
}

void buildONNXPipeline(OpPassManager &pm, const CompilerOptions &options) {
  buildShapeInferencePipeline(pm, options);
  buildGraphOptPipeline(pm);
}

void buildIndexChecksPipeline(OpPassManager &pm) {
  pm.addPass(createCheckIndicesPass());
}

void buildLinalgPipeline(OpPassManager &pm) {
  pm.addPass(createConvertONNXToLinalgPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createFusePass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

LogicalResult buildCPUCodegenPipeline(OpPassManager &pm,
                                      const TargetDescription &target,
                                      bool profile) {
  PackWeightsPassOptions packing;
  packing.panelWidth = target.matmulTile.n;
  pm.addNestedPass<func::FuncOp>(createPackWeightsPass(packing));
  TileAndVectorizePassOptions tiling;
  tiling.matmulTile = {target.matmulTile.m, target.matmulTile.n,
                       target.matmulTile.k};
  tiling.gemvPanels = target.matmulTile.gemvPanels;
  pm.addNestedPass<func::FuncOp>(createTileAndVectorizePass(tiling));
  if (failed(addUpstreamPasses(
          pm,
          "canonicalize, loop-invariant-subset-hoisting, canonicalize, cse")))
    return failure();
  if (failed(addBufferizationPasses(pm)))
    return failure();
  pm.addPass(createPlanMemoryPass());
  ApproximateMathPassOptions math;
  math.expandOps.assign(target.mathOpsToExpand.begin(),
                        target.mathOpsToExpand.end());
  pm.addPass(createApproximateMathPass(math));
  // Last: kernels see their final bodies, so equal ones are found equal.
  OutlineKernelsPassOptions outline;
  outline.profile = profile;
  pm.addPass(createOutlineKernelsPass(outline));
  return success();
}

LogicalResult buildLLVMLoweringPipeline(OpPassManager &pm) {
  // arith-expand turns f32 <-> bf16 conversions into integer operations,
  // which LLVM would otherwise lower to compiler-rt calls (__truncsfbf2):
  // the object stays free of builtins on every target.
  return addUpstreamPasses(
      pm,
      "convert-linalg-to-loops, func.func(lower-vector-mask), "
      "func.func(convert-vector-to-scf{full-unroll=1}), "
      "expand-strided-metadata, lower-affine, canonicalize, "
      "convert-scf-to-cf, "
      "arith-emulate-unsupported-floats{source-types=bf16 target-type=f32}, "
      "arith-expand{include-bf16=1}, "
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
