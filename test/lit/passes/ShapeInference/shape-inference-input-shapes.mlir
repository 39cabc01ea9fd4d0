// RUN: aotc-opt %s --aotc-shape-inference="input-shapes=x:2x8,y:4" | FileCheck %s

// Tests that input-shapes pins dynamic and unranked graph inputs and that
// the shapes that follow from them are inferred.

// CHECK-LABEL: func.func @pinned
// CHECK-SAME: (%{{.+}}: tensor<2x8xf32> {onnx.name = "x"}, %{{.+}}: tensor<4xi64> {onnx.name = "y"})
// CHECK-SAME: -> (tensor<8x2xf32>, tensor<2x8xf32>, tensor<4xi64>)
// CHECK: "onnx.Transpose"{{.*}} -> tensor<8x2xf32>
// CHECK: "onnx.Reshape"{{.*}} -> tensor<2x8xf32>
func.func @pinned(%x: tensor<?x8xf32> {onnx.name = "x"}, %y: tensor<*xi64> {onnx.name = "y"}) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xi64>) {
  %shape = "onnx.Constant"() <{value = dense<[-1, 8]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %0 = "onnx.Transpose"(%x) : (tensor<?x8xf32>) -> tensor<*xf32>
  %1 = "onnx.Reshape"(%0, %shape) : (tensor<*xf32>, tensor<2xi64>) -> tensor<*xf32>
  %2 = "onnx.Neg"(%y) : (tensor<*xi64>) -> tensor<*xi64>
  return %0, %1, %2 : tensor<*xf32>, tensor<*xf32>, tensor<*xi64>
}
