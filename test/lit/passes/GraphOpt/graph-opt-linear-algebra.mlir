// RUN: aotc-opt %s --split-input-file --aotc-graph-opt | FileCheck %s

// Tests that a 2-D MatMul plus a bias, in either operand order, becomes
// Gemm with the bias as C (declarative patterns).

// CHECK-LABEL: func.func @matmul_bias_2d
// CHECK-SAME: (%[[A:.*]]: tensor<8x16xf32>, %[[W:.*]]: tensor<16x4xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK: %[[Y:.*]] = "onnx.Gemm"(%[[A]], %[[W]], %[[B]]) <{alpha = 1.000000e+00 : f32, beta = 1.000000e+00 : f32, transA = 0 : si64, transB = 0 : si64}> : (tensor<8x16xf32>, tensor<16x4xf32>, tensor<4xf32>) -> tensor<8x4xf32>
// CHECK: %[[Z:.*]] = "onnx.Gemm"(%[[A]], %[[W]], %[[B]])
// CHECK: return %[[Y]], %[[Z]]
func.func @matmul_bias_2d(%a: tensor<8x16xf32>, %w: tensor<16x4xf32>, %b: tensor<4xf32>) -> (tensor<8x4xf32>, tensor<8x4xf32>) {
  %m = "onnx.MatMul"(%a, %w) : (tensor<8x16xf32>, tensor<16x4xf32>) -> tensor<8x4xf32>
  %y = "onnx.Add"(%m, %b) : (tensor<8x4xf32>, tensor<4xf32>) -> tensor<8x4xf32>
  %m2 = "onnx.MatMul"(%a, %w) : (tensor<8x16xf32>, tensor<16x4xf32>) -> tensor<8x4xf32>
  %z = "onnx.Add"(%b, %m2) : (tensor<4xf32>, tensor<8x4xf32>) -> tensor<8x4xf32>
  return %y, %z : tensor<8x4xf32>, tensor<8x4xf32>
}

// -----

// Tests that torch's Linear on a 3-D input, Add(bias, MatMul(x, W)), becomes
// a Gemm over the collapsed rows between two Reshapes.

// CHECK-LABEL: func.func @matmul_bias_3d
// CHECK-SAME: (%[[X:.*]]: tensor<2x16x64xf32>, %[[W:.*]]: tensor<64x192xf32>, %[[B:.*]]: tensor<192xf32>)
// CHECK-DAG: %[[ROWS:.*]] = "onnx.Constant"() <{value = dense<[32, 64]> : tensor<2xi64>}>
// CHECK-DAG: %[[OUT:.*]] = "onnx.Constant"() <{value = dense<[2, 16, 192]> : tensor<3xi64>}>
// CHECK: %[[X2:.*]] = "onnx.Reshape"(%[[X]], %[[ROWS]]) {{.*}} -> tensor<32x64xf32>
// CHECK: %[[G:.*]] = "onnx.Gemm"(%[[X2]], %[[W]], %[[B]]) {{.*}} -> tensor<32x192xf32>
// CHECK: %[[Y:.*]] = "onnx.Reshape"(%[[G]], %[[OUT]]) {{.*}} -> tensor<2x16x192xf32>
// CHECK: return %[[Y]]
func.func @matmul_bias_3d(%x: tensor<2x16x64xf32>, %w: tensor<64x192xf32>, %b: tensor<192xf32>) -> tensor<2x16x192xf32> {
  %m = "onnx.MatMul"(%x, %w) : (tensor<2x16x64xf32>, tensor<64x192xf32>) -> tensor<2x16x192xf32>
  %y = "onnx.Add"(%b, %m) : (tensor<192xf32>, tensor<2x16x192xf32>) -> tensor<2x16x192xf32>
  return %y : tensor<2x16x192xf32>
}

// -----

// Tests that an addend that is not a bias along the last dimension (a
// column bias under batch dimensions, one that widens the result), a MatMul
// used twice, and a batched right operand keep MatMul and Add.

// CHECK-LABEL: func.func @not_bias
// CHECK-NOT: onnx.Gemm
func.func @not_bias(%a: tensor<8x16xf32>, %w: tensor<16x4xf32>, %r: tensor<8x4xf32>, %col: tensor<8x1xf32>, %x: tensor<2x8x16xf32>, %bw: tensor<2x16x4xf32>, %b: tensor<4xf32>) -> (tensor<2x8x4xf32>, tensor<8x4xf32>, tensor<8x4xf32>, tensor<2x8x4xf32>) {
  %m = "onnx.MatMul"(%x, %w) : (tensor<2x8x16xf32>, tensor<16x4xf32>) -> tensor<2x8x4xf32>
  %y = "onnx.Add"(%m, %col) : (tensor<2x8x4xf32>, tensor<8x1xf32>) -> tensor<2x8x4xf32>
  %m2 = "onnx.MatMul"(%a, %w) : (tensor<8x16xf32>, tensor<16x4xf32>) -> tensor<8x4xf32>
  %y2 = "onnx.Add"(%m2, %b) : (tensor<8x4xf32>, tensor<4xf32>) -> tensor<8x4xf32>
  %m3 = "onnx.MatMul"(%x, %bw) : (tensor<2x8x16xf32>, tensor<2x16x4xf32>) -> tensor<2x8x4xf32>
  %y3 = "onnx.Add"(%m3, %b) : (tensor<2x8x4xf32>, tensor<4xf32>) -> tensor<2x8x4xf32>
  %m4 = "onnx.MatMul"(%a, %w) : (tensor<8x16xf32>, tensor<16x4xf32>) -> tensor<8x4xf32>
  %y4 = "onnx.Add"(%m4, %y3) : (tensor<8x4xf32>, tensor<2x8x4xf32>) -> tensor<2x8x4xf32>
  return %y, %y2, %m2, %y4 : tensor<2x8x4xf32>, tensor<8x4xf32>, tensor<8x4xf32>, tensor<2x8x4xf32>
}

// -----

// Tests that 2-D Transposes of Gemm's operands become transA/transB.

// CHECK-LABEL: func.func @gemm_transposes
// CHECK-SAME: (%[[A:.*]]: tensor<16x8xf32>, %[[B:.*]]: tensor<4x16xf32>, %[[C:.*]]: tensor<4xf32>)
// CHECK-NOT: onnx.Transpose
// CHECK: "onnx.Gemm"(%[[A]], %[[B]], %[[C]]) <{alpha = 1.000000e+00 : f32, beta = 1.000000e+00 : f32, transA = 1 : si64, transB = 1 : si64}>
func.func @gemm_transposes(%a: tensor<16x8xf32>, %b: tensor<4x16xf32>, %c: tensor<4xf32>) -> tensor<8x4xf32> {
  %at = "onnx.Transpose"(%a) <{perm = array<i64: 1, 0>}> : (tensor<16x8xf32>) -> tensor<8x16xf32>
  %bt = "onnx.Transpose"(%b) : (tensor<4x16xf32>) -> tensor<16x4xf32>
  %y = "onnx.Gemm"(%at, %bt, %c) : (tensor<8x16xf32>, tensor<16x4xf32>, tensor<4xf32>) -> tensor<8x4xf32>
  return %y : tensor<8x4xf32>
}

// -----

// Tests that Transpose pairs are cancelled through the onnx
// canonicalizations the pass applies: a pair composing to the identity
// disappears, another pair becomes one Transpose.

// CHECK-LABEL: func.func @transpose_pairs
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK: %[[T:.*]] = "onnx.Transpose"(%[[X]]) <{perm = array<i64: 1, 0, 2>}>
// CHECK-NOT: onnx.Transpose
// CHECK: return %[[X]], %[[T]]
func.func @transpose_pairs(%x: tensor<2x3x4xf32>) -> (tensor<2x3x4xf32>, tensor<3x2x4xf32>) {
  %a = "onnx.Transpose"(%x) <{perm = array<i64: 0, 2, 1>}> : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
  %b = "onnx.Transpose"(%a) <{perm = array<i64: 0, 2, 1>}> : (tensor<2x4x3xf32>) -> tensor<2x3x4xf32>
  %c = "onnx.Transpose"(%x) <{perm = array<i64: 2, 0, 1>}> : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  %d = "onnx.Transpose"(%c) <{perm = array<i64: 2, 1, 0>}> : (tensor<4x2x3xf32>) -> tensor<3x2x4xf32>
  return %b, %d : tensor<2x3x4xf32>, tensor<3x2x4xf32>
}
