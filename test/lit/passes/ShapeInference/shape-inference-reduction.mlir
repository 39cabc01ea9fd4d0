// RUN: aotc-opt %s --split-input-file --aotc-shape-inference | FileCheck %s

// Tests that Reduce ops read constant axes (negative ones too) and keep or
// drop the reduced dimensions.

// CHECK-LABEL: func.func @reduce_axes
// CHECK: "onnx.ReduceMean"{{.*}} -> tensor<2x3x1xf32>
// CHECK: "onnx.ReduceSum"{{.*}} -> tensor<3xf32>
// CHECK: "onnx.ReduceMax"{{.*}} -> tensor<1x3x1xf32>
// CHECK: "onnx.ReduceL2"{{.*}} -> tensor<2x3xf32>
func.func @reduce_axes(%x: tensor<2x3x4xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %last = "onnx.Constant"() <{value = dense<[-1]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %outer = "onnx.Constant"() <{value = dense<[0, 2]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %0 = "onnx.ReduceMean"(%x, %last) : (tensor<2x3x4xf32>, tensor<1xi64>) -> tensor<*xf32>
  %1 = "onnx.ReduceSum"(%x, %outer) <{keepdims = 0 : si64}> : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  %2 = "onnx.ReduceMax"(%x, %outer) : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  %3 = "onnx.ReduceL2"(%x, %last) <{keepdims = 0 : si64}> : (tensor<2x3x4xf32>, tensor<1xi64>) -> tensor<*xf32>
  return %0, %1, %2, %3 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that without axes (or with empty ones) a Reduce op reduces every
// dimension, unless noop_with_empty_axes makes it the identity.

// CHECK-LABEL: func.func @reduce_all
// CHECK: "onnx.ReduceProd"{{.*}} -> tensor<1x1xf32>
// CHECK: "onnx.ReduceMin"{{.*}} -> tensor<f32>
// CHECK: "onnx.ReduceSumSquare"{{.*}} -> tensor<2x3xf32>
// CHECK: "onnx.ReduceLogSumExp"{{.*}} -> tensor<f32>
func.func @reduce_all(%x: tensor<2x3xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %none = "onnx.Constant"() <{value = dense<> : tensor<0xi64>}> : () -> tensor<0xi64>
  %0 = "onnx.ReduceProd"(%x) : (tensor<2x3xf32>) -> tensor<*xf32>
  %1 = "onnx.ReduceMin"(%x) <{keepdims = 0 : si64}> : (tensor<2x3xf32>) -> tensor<*xf32>
  %2 = "onnx.ReduceSumSquare"(%x, %none) <{noop_with_empty_axes = 1 : si64}> : (tensor<2x3xf32>, tensor<0xi64>) -> tensor<*xf32>
  %3 = "onnx.ReduceLogSumExp"(%x, %none) <{keepdims = 0 : si64}> : (tensor<2x3xf32>, tensor<0xi64>) -> tensor<*xf32>
  return %0, %1, %2, %3 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that ArgMax and ArgMin produce i64 indices with or without the
// reduced dimension.

// CHECK-LABEL: func.func @arg_reduce
// CHECK: "onnx.ArgMax"{{.*}} -> tensor<2x1x4xi64>
// CHECK: "onnx.ArgMin"{{.*}} -> tensor<2x3xi64>
func.func @arg_reduce(%x: tensor<2x3x4xf32>) -> (tensor<*xi64>, tensor<*xi64>) {
  %0 = "onnx.ArgMax"(%x) <{axis = 1 : si64}> : (tensor<2x3x4xf32>) -> tensor<*xi64>
  %1 = "onnx.ArgMin"(%x) <{axis = -1 : si64, keepdims = 0 : si64}> : (tensor<2x3x4xf32>) -> tensor<*xi64>
  return %0, %1 : tensor<*xi64>, tensor<*xi64>
}
