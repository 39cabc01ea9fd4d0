// RUN: aotc-opt %s -split-input-file -canonicalize | FileCheck %s

// Tests that two Transposes compose into one.
// CHECK-LABEL: func.func @transpose_transpose
// CHECK-SAME: (%[[X:.+]]: tensor<2x3x4xf32>)
func.func @transpose_transpose(%x: tensor<2x3x4xf32>) -> tensor<3x2x4xf32> {
  // CHECK: %[[T:.+]] = "onnx.Transpose"(%[[X]]) <{perm = array<i64: 1, 0, 2>}> : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  // CHECK: return %[[T]]
  %0 = "onnx.Transpose"(%x) <{perm = array<i64: 1, 2, 0>}> : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
  %1 = "onnx.Transpose"(%0) <{perm = array<i64: 0, 2, 1>}> : (tensor<3x4x2xf32>) -> tensor<3x2x4xf32>
  return %1 : tensor<3x2x4xf32>
}

// -----

// Tests that a Transpose undone by the default (reversing) one disappears.
// CHECK-LABEL: func.func @transpose_inverse
// CHECK-SAME: (%[[X:.+]]: tensor<2x3xf32>)
func.func @transpose_inverse(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK-NOT: onnx.Transpose
  // CHECK: return %[[X]]
  %0 = "onnx.Transpose"(%x) <{perm = array<i64: 1, 0>}> : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %1 = "onnx.Transpose"(%0) : (tensor<3x2xf32>) -> tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}

// -----

// Tests that a Cast after a lossless Cast reads the original values.
// CHECK-LABEL: func.func @cast_widening
// CHECK-SAME: (%[[X:.+]]: tensor<4xi32>)
func.func @cast_widening(%x: tensor<4xi32>) -> tensor<4xf64> {
  // CHECK: %[[C:.+]] = "onnx.Cast"(%[[X]]) <{to = 11 : si64}> : (tensor<4xi32>) -> tensor<4xf64>
  // CHECK: return %[[C]]
  %0 = "onnx.Cast"(%x) <{to = 7 : si64}> : (tensor<4xi32>) -> tensor<4xi64>
  %1 = "onnx.Cast"(%0) <{to = 11 : si64}> : (tensor<4xi64>) -> tensor<4xf64>
  return %1 : tensor<4xf64>
}

// -----

// Tests that a round trip through a wider type disappears.
// CHECK-LABEL: func.func @cast_round_trip
// CHECK-SAME: (%[[X:.+]]: tensor<4xf16>)
func.func @cast_round_trip(%x: tensor<4xf16>) -> tensor<4xf16> {
  // CHECK-NOT: onnx.Cast
  // CHECK: return %[[X]]
  %0 = "onnx.Cast"(%x) <{to = 1 : si64}> : (tensor<4xf16>) -> tensor<4xf32>
  %1 = "onnx.Cast"(%0) <{to = 10 : si64}> : (tensor<4xf32>) -> tensor<4xf16>
  return %1 : tensor<4xf16>
}

// -----

// Tests that Casts that lose values stay: float to int truncates, i32 does
// not fit f32's mantissa, and signed does not fit unsigned.
// CHECK-LABEL: func.func @cast_lossy
func.func @cast_lossy(%f: tensor<4xf32>, %i: tensor<4xi32>, %s: tensor<4xi8>) -> (tensor<4xf32>, tensor<4xf64>, tensor<4xi16>) {
  // CHECK-COUNT-6: "onnx.Cast"
  %0 = "onnx.Cast"(%f) <{to = 6 : si64}> : (tensor<4xf32>) -> tensor<4xi32>
  %1 = "onnx.Cast"(%0) <{to = 1 : si64}> : (tensor<4xi32>) -> tensor<4xf32>
  %2 = "onnx.Cast"(%i) <{to = 1 : si64}> : (tensor<4xi32>) -> tensor<4xf32>
  %3 = "onnx.Cast"(%2) <{to = 11 : si64}> : (tensor<4xf32>) -> tensor<4xf64>
  %4 = "onnx.Cast"(%s) <{to = 2 : si64}> : (tensor<4xi8>) -> tensor<4xui8>
  %5 = "onnx.Cast"(%4) <{to = 5 : si64}> : (tensor<4xui8>) -> tensor<4xi16>
  return %1, %3, %5 : tensor<4xf32>, tensor<4xf64>, tensor<4xi16>
}

// -----

// Tests that a Reshape of a Reshape reads the original data when the outer
// shape copies no dimension (no 0 entries).
// CHECK-LABEL: func.func @reshape_reshape
// CHECK-SAME: (%[[X:.+]]: tensor<2x3x4xf32>, %[[S:.+]]: tensor<2xi64>)
func.func @reshape_reshape(%x: tensor<2x3x4xf32>, %s: tensor<2xi64>) -> tensor<4x6xf32> {
  // CHECK: %[[T:.+]] = "onnx.Constant"() <{value = dense<[4, -1]> : tensor<2xi64>}>
  // CHECK: %[[R:.+]] = "onnx.Reshape"(%[[X]], %[[T]]) <{allowzero = 0 : si64}> : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<4x6xf32>
  // CHECK: return %[[R]]
  %0 = "onnx.Reshape"(%x, %s) <{allowzero = 0 : si64}> : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<6x4xf32>
  %t = "onnx.Constant"() <{value = dense<[4, -1]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %1 = "onnx.Reshape"(%0, %t) <{allowzero = 0 : si64}> : (tensor<6x4xf32>, tensor<2xi64>) -> tensor<4x6xf32>
  return %1 : tensor<4x6xf32>
}

// -----

// Tests that a Reshape copying a dimension of the inner result (0 entry) or
// with an unknown shape is kept.
// CHECK-LABEL: func.func @reshape_copies_dim
func.func @reshape_copies_dim(%x: tensor<2x3x4xf32>, %s: tensor<2xi64>) -> (tensor<6x2x2xf32>, tensor<*xf32>) {
  // CHECK-COUNT-3: "onnx.Reshape"
  %0 = "onnx.Reshape"(%x, %s) <{allowzero = 0 : si64}> : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<6x4xf32>
  %t = "onnx.Constant"() <{value = dense<[0, 2, 2]> : tensor<3xi64>}> : () -> tensor<3xi64>
  %1 = "onnx.Reshape"(%0, %t) <{allowzero = 0 : si64}> : (tensor<6x4xf32>, tensor<3xi64>) -> tensor<6x2x2xf32>
  %2 = "onnx.Reshape"(%0, %s) <{allowzero = 0 : si64}> : (tensor<6x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %1, %2 : tensor<6x2x2xf32>, tensor<*xf32>
}
