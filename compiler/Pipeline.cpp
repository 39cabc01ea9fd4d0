//===- Pipeline.cpp - Pass pipelines of a compilation ---------------------===//

#include "compiler/Pipeline.h"

#include "passes/Passes.h"

#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

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

void registerPipelines() {
  PassPipelineRegistration<>(
      "aotc-onnx-pipeline",
      "Shape inference and cleanup of an imported ONNX graph",
      [](OpPassManager &pm) { buildONNXPipeline(pm, CompilerOptions()); });
}

} // namespace aotc
