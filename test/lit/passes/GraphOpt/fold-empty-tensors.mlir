// RUN: aotc-opt %s --split-input-file --aotc-fold-empty-tensors --verify-diagnostics | FileCheck %s

// Tests that elementwise ops, Softmax and reshapes of an empty input become
// an empty constant, and the empty graph input is no longer read.
// CHECK-LABEL: func.func @elementwise
// CHECK:         %[[E:.+]] = "onnx.Constant"() <{value = dense<> : tensor<2x0xf32>}>
// CHECK-NOT:     "onnx.Relu"
// CHECK-NOT:     "onnx.Softmax"
// CHECK:         return %[[E]]
func.func @elementwise(%x: tensor<2x0xf32>) -> tensor<2x0xf32> {
  %0 = "onnx.Relu"(%x) : (tensor<2x0xf32>) -> tensor<2x0xf32>
  %1 = "onnx.Softmax"(%0) <{axis = 1 : si64}> : (tensor<2x0xf32>) -> tensor<2x0xf32>
  return %1 : tensor<2x0xf32>
}

// -----

// Tests that a contraction over K = 0 is zeros.
// CHECK-LABEL: func.func @matmul
// CHECK:         %[[Z:.+]] = "onnx.Constant"() <{value = dense<0.000000e+00> : tensor<2x4xf32>}>
// CHECK-NOT:     "onnx.MatMul"
// CHECK:         return %[[Z]]
func.func @matmul(%a: tensor<2x0xf32>, %b: tensor<0x4xf32>) -> tensor<2x4xf32> {
  %0 = "onnx.MatMul"(%a, %b) : (tensor<2x0xf32>, tensor<0x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// Tests that Gemm over K = 0 is beta * C, broadcast.
// CHECK-LABEL: func.func @gemm
// CHECK-DAG:     %[[Z:.+]] = "onnx.Constant"() <{value = dense<0.000000e+00> : tensor<2x4xf32>}>
// CHECK-DAG:     %[[BETA:.+]] = "onnx.Constant"() <{value = dense<5.000000e-01> : tensor<f32>}>
// CHECK:         %[[SCALED:.+]] = "onnx.Mul"(%arg2, %[[BETA]])
// CHECK:         %[[SUM:.+]] = "onnx.Add"(%[[Z]], %[[SCALED]]) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
// CHECK:         return %[[SUM]]
func.func @gemm(%a: tensor<2x0xf32>, %b: tensor<0x4xf32>, %c: tensor<4xf32>) -> tensor<2x4xf32> {
  %0 = "onnx.Gemm"(%a, %b, %c) <{beta = 0.5 : f32}> : (tensor<2x0xf32>, tensor<0x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// Tests that a Conv over zero input channels is its bias per channel.
// CHECK-LABEL: func.func @conv
// CHECK-DAG:     %[[Z:.+]] = "onnx.Constant"() <{value = dense<0.000000e+00> : tensor<1x2x2x2xf32>}>
// CHECK-DAG:     %[[SHAPE:.+]] = "onnx.Constant"() <{value = dense<[1, 2, 1, 1]> : tensor<4xi64>}>
// CHECK:         %[[BIAS:.+]] = "onnx.Reshape"(%arg2, %[[SHAPE]]) <{allowzero = 0 : si64}> : (tensor<2xf32>, tensor<4xi64>) -> tensor<1x2x1x1xf32>
// CHECK:         "onnx.Add"(%[[Z]], %[[BIAS]])
func.func @conv(%x: tensor<1x0x4x4xf32>, %w: tensor<2x0x3x3xf32>, %b: tensor<2xf32>) -> tensor<1x2x2x2xf32> {
  %0 = "onnx.Conv"(%x, %w, %b) : (tensor<1x0x4x4xf32>, tensor<2x0x3x3xf32>, tensor<2xf32>) -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

// -----

// Tests the identity of each reduction over an empty set (an integer
// ReduceMean, which has no NaN, gives 0).
// CHECK-LABEL: func.func @reductions
// CHECK-DAG:     "onnx.Constant"() <{value = dense<0.000000e+00> : tensor<2xf32>}>
// CHECK-DAG:     "onnx.Constant"() <{value = dense<1.000000e+00> : tensor<2xf32>}>
// CHECK-DAG:     "onnx.Constant"() <{value = dense<0xFF800000> : tensor<2xf32>}>
// CHECK-DAG:     "onnx.Constant"() <{value = dense<0x7F800000> : tensor<2xf32>}>
// CHECK-DAG:     "onnx.Constant"() <{value = dense<0x7FC00000> : tensor<2xf32>}>
// CHECK-DAG:     "onnx.Constant"() <{value = dense<-2147483648> : tensor<2xi32>}>
// CHECK-DAG:     "onnx.Constant"() <{value = dense<0> : tensor<2xi32>}>
// CHECK-NOT:     "onnx.Reduce
func.func @reductions(%x: tensor<2x0xf32>, %i: tensor<2x0xi32>) -> (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xi32>, tensor<2xi32>) {
  %axes = "onnx.Constant"() <{value = dense<1> : tensor<1xi64>}> : () -> tensor<1xi64>
  %0 = "onnx.ReduceSum"(%x, %axes) <{keepdims = 0 : si64}> : (tensor<2x0xf32>, tensor<1xi64>) -> tensor<2xf32>
  %1 = "onnx.ReduceProd"(%x, %axes) <{keepdims = 0 : si64}> : (tensor<2x0xf32>, tensor<1xi64>) -> tensor<2xf32>
  %2 = "onnx.ReduceMax"(%x, %axes) <{keepdims = 0 : si64}> : (tensor<2x0xf32>, tensor<1xi64>) -> tensor<2xf32>
  %3 = "onnx.ReduceMin"(%x, %axes) <{keepdims = 0 : si64}> : (tensor<2x0xf32>, tensor<1xi64>) -> tensor<2xf32>
  %4 = "onnx.ReduceMean"(%x, %axes) <{keepdims = 0 : si64}> : (tensor<2x0xf32>, tensor<1xi64>) -> tensor<2xf32>
  %5 = "onnx.ReduceMax"(%i, %axes) <{keepdims = 0 : si64}> : (tensor<2x0xi32>, tensor<1xi64>) -> tensor<2xi32>
  %6 = "onnx.ReduceMean"(%i, %axes) <{keepdims = 0 : si64}> : (tensor<2x0xi32>, tensor<1xi64>) -> tensor<2xi32>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xi32>, tensor<2xi32>
}

// -----

// Tests that Concat drops its empty operands.
// CHECK-LABEL: func.func @concat
// CHECK:         %[[C:.+]] = "onnx.Concat"(%arg1) <{axis = 1 : si64}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK:         return %[[C]]
func.func @concat(%a: tensor<2x0xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "onnx.Concat"(%a, %b) <{axis = 1 : si64}> : (tensor<2x0xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Tests that an op that would make data from nothing is an error.
func.func @pad(%x: tensor<0x2xf32>, %pads: tensor<4xi64>) -> tensor<2x2xf32> {
  // expected-error @+1 {{a zero-size operand is not supported by this op (it would make a non-empty result from no elements)}}
  %0 = "onnx.Pad"(%x, %pads) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>}> : (tensor<0x2xf32>, tensor<4xi64>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// Tests that an empty 1-D constant operand (axes, a scalar's shape) is an
// attribute, not data: the op stays.
// CHECK-LABEL: func.func @empty_axes
// CHECK:         "onnx.Squeeze"
func.func @empty_axes(%x: tensor<1x2xf32>) -> tensor<2xf32> {
  %axes = "onnx.Constant"() <{value = dense<> : tensor<0xi64>}> : () -> tensor<0xi64>
  %0 = "onnx.Squeeze"(%x, %axes) : (tensor<1x2xf32>, tensor<0xi64>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
