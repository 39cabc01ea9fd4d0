//===- Passes.td - aotc transform passes -------------------*- tablegen -*-===//

#ifndef AOTC_PASSES_TD
#define AOTC_PASSES_TD

include "mlir/Pass/PassBase.td"

//===----------------------------------------------------------------------===//
// ONNX graph passes
//===----------------------------------------------------------------------===//

def ShapeInferencePass : Pass<"aotc-shape-inference", "mlir::ModuleOp"> {
  let summary = "Give every value of the ONNX graph a static shape";
  let description = [{
    Walks each function in order, pins the input shapes given by
    `input-shapes`, refines every op's result types through its
    ShapeInferenceOpInterface and folds the shape arithmetic that exporters
    emit (Shape, Gather, Concat, Unsqueeze, Slice, Cast, ...) into constants,
    so that a value computed from static shapes becomes an `onnx.Constant`.
    Afterwards no value may have a dynamic or unknown shape: each one that
    does is an error naming the node that produced it.

    Before:
    ```mlir
    func.func @main_graph(%x: tensor<?x4xf32>) -> tensor<*xf32> {
      %s = "onnx.Shape"(%x) : (tensor<?x4xf32>) -> tensor<*xi64>
      %r = "onnx.Reshape"(%x, %s) : (tensor<?x4xf32>, tensor<*xi64>) -> tensor<*xf32>
      return %r : tensor<*xf32>
    }
    ```
    After, with `input-shapes=x:2x4`:
    ```mlir
    func.func @main_graph(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
      %c = onnx.Constant dense<[2, 4]> : tensor<2xi64>
      %r = "onnx.Reshape"(%x, %c) : (tensor<2x4xf32>, tensor<2xi64>) -> tensor<2x4xf32>
      return %r : tensor<2x4xf32>
    }
    ```
  }];
  let options = [
    ListOption<"inputShapes", "input-shapes", "std::string",
               "Static shapes of graph inputs, as NAME:D0xD1x...">,
  ];
  let dependentDialects = ["::aotc::onnx::ONNXDialect"];
}

#endif // AOTC_PASSES_TD
