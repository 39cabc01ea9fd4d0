// RUN: aotc-opt %s --split-input-file --verify-diagnostics --aotc-shape-inference="input-values='s=3 2'" | FileCheck %s

// Tests that input-values pins an input used as a shape operand: the input
// leaves the signature, becomes a constant, and the shapes that follow from
// it are inferred; the pinned value is recorded for --info.

// CHECK-LABEL: func.func @pinned
// CHECK-SAME: (%{{.+}}: tensor<6xf32> {onnx.name = "x"}) -> tensor<3x2xf32>
// CHECK-SAME: aotc.pinned_inputs = ["s: int64 [2] = 3, 2"]
// CHECK: "onnx.Reshape"{{.*}} -> tensor<3x2xf32>
func.func @pinned(%x: tensor<6xf32> {onnx.name = "x"}, %s: tensor<2xi64> {onnx.name = "s"}) -> tensor<*xf32> {
  %0 = "onnx.Reshape"(%x, %s) : (tensor<6xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// expected-error @+1 {{--input-value 's=3 2' gives 2 values; input 's' of shape [3] has 3}}
func.func @wrong_count(%x: tensor<6xf32> {onnx.name = "x"}, %s: tensor<3xi64> {onnx.name = "s"}) -> tensor<*xf32> {
  %0 = "onnx.Reshape"(%x, %s) : (tensor<6xf32>, tensor<3xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}
