// RUN: aotc-opt %s --split-input-file --aotc-graph-opt | FileCheck %s

// Tests torch's opset-13 attention: K^T is a Transpose (perm 0,2,3,1) of the
// keys, the scores are divided by Pow(16, 0.5) (folded to 4): one
// aotc.Attention with scale 1/4 whose K is the keys transposed to
// [B, H, N, D] by one composed Transpose.

// CHECK-LABEL: func.func @attention_torch
// CHECK-SAME: (%[[Q:.*]]: tensor<2x4x16x8xf32>, %[[KEYS:.*]]: tensor<2x16x4x8xf32>, %[[V:.*]]: tensor<2x4x16x8xf32>)
// CHECK: %[[K:.*]] = "onnx.Transpose"(%[[KEYS]]) <{perm = array<i64: 0, 2, 1, 3>}> : (tensor<2x16x4x8xf32>) -> tensor<2x4x16x8xf32>
// CHECK: %[[Y:.*]] = "onnx.aotc.Attention"(%[[Q]], %[[K]], %[[V]]) <{scale = 2.500000e-01 : f64}> : (tensor<2x4x16x8xf32>, tensor<2x4x16x8xf32>, tensor<2x4x16x8xf32>) -> tensor<2x4x16x8xf32>
// CHECK-NOT: onnx.Softmax
// CHECK: return %[[Y]]
func.func @attention_torch(%q: tensor<2x4x16x8xf32>, %keys: tensor<2x16x4x8xf32>, %v: tensor<2x4x16x8xf32>) -> tensor<2x4x16x8xf32> {
  %d = "onnx.Constant"() <{value = dense<16.0> : tensor<f32>}> : () -> tensor<f32>
  %half = "onnx.Constant"() <{value = dense<0.5> : tensor<f32>}> : () -> tensor<f32>
  %kt = "onnx.Transpose"(%keys) <{perm = array<i64: 0, 2, 3, 1>}> : (tensor<2x16x4x8xf32>) -> tensor<2x4x8x16xf32>
  %s = "onnx.MatMul"(%q, %kt) : (tensor<2x4x16x8xf32>, tensor<2x4x8x16xf32>) -> tensor<2x4x16x16xf32>
  %c = "onnx.Pow"(%d, %half) : (tensor<f32>, tensor<f32>) -> tensor<f32>
  %scaled = "onnx.Div"(%s, %c) : (tensor<2x4x16x16xf32>, tensor<f32>) -> tensor<2x4x16x16xf32>
  %p = "onnx.Softmax"(%scaled) <{axis = -1 : si64}> : (tensor<2x4x16x16xf32>) -> tensor<2x4x16x16xf32>
  %y = "onnx.MatMul"(%p, %v) : (tensor<2x4x16x16xf32>, tensor<2x4x16x8xf32>) -> tensor<2x4x16x8xf32>
  return %y : tensor<2x4x16x8xf32>
}

// -----

// Tests the form with a mask added after a Mul by the scale, more scaling
// on Q (a Div, as torch's MultiheadAttention does) and on K^T (a Mul), and
// a K^T that is no Transpose: K is its transposition of the last two
// dimensions.

// CHECK-LABEL: func.func @attention_mask
// CHECK-SAME: (%[[Q:.*]]: tensor<4x16x8xf32>, %[[KT:.*]]: tensor<4x8x16xf32>, %[[V:.*]]: tensor<4x16x32xf32>, %[[M:.*]]: tensor<16x16xf32>)
// CHECK: %[[K:.*]] = "onnx.Transpose"(%[[KT]]) <{perm = array<i64: 0, 2, 1>}>
// CHECK: "onnx.aotc.Attention"(%[[Q]], %[[K]], %[[V]], %[[M]]) <{scale = 1.250000e-01 : f64}> : {{.*}} -> tensor<4x16x32xf32>
func.func @attention_mask(%q: tensor<4x16x8xf32>, %kt: tensor<4x8x16xf32>, %v: tensor<4x16x32xf32>, %mask: tensor<16x16xf32>) -> tensor<4x16x32xf32> {
  %r = "onnx.Constant"() <{value = dense<0.5> : tensor<f32>}> : () -> tensor<f32>
  %half = "onnx.Constant"() <{value = dense<0.5> : tensor<f32>}> : () -> tensor<f32>
  %two = "onnx.Constant"() <{value = dense<2.0> : tensor<f32>}> : () -> tensor<f32>
  %qs = "onnx.Div"(%q, %two) : (tensor<4x16x8xf32>, tensor<f32>) -> tensor<4x16x8xf32>
  %ks = "onnx.Mul"(%r, %kt) : (tensor<f32>, tensor<4x8x16xf32>) -> tensor<4x8x16xf32>
  %s = "onnx.MatMul"(%qs, %ks) : (tensor<4x16x8xf32>, tensor<4x8x16xf32>) -> tensor<4x16x16xf32>
  %scaled = "onnx.Mul"(%s, %half) : (tensor<4x16x16xf32>, tensor<f32>) -> tensor<4x16x16xf32>
  %masked = "onnx.Add"(%scaled, %mask) : (tensor<4x16x16xf32>, tensor<16x16xf32>) -> tensor<4x16x16xf32>
  %p = "onnx.Softmax"(%masked) <{axis = 2 : si64}> : (tensor<4x16x16xf32>) -> tensor<4x16x16xf32>
  %y = "onnx.MatMul"(%p, %v) : (tensor<4x16x16xf32>, tensor<4x16x32xf32>) -> tensor<4x16x32xf32>
  return %y : tensor<4x16x32xf32>
}

// -----

// Tests that a softmax over another axis, scores used twice, a scale that
// is not a constant and broadcast batch dimensions are not fused.

// CHECK-LABEL: func.func @not_attention
// CHECK-NOT: onnx.aotc.Attention
func.func @not_attention(%q: tensor<4x16x8xf32>, %kt: tensor<4x8x16xf32>, %v: tensor<4x16x8xf32>, %c: tensor<f32>, %v1: tensor<1x16x8xf32>) -> (tensor<4x16x8xf32>, tensor<4x16x8xf32>, tensor<4x16x16xf32>, tensor<4x16x8xf32>, tensor<4x16x8xf32>) {
  %s = "onnx.MatMul"(%q, %kt) : (tensor<4x16x8xf32>, tensor<4x8x16xf32>) -> tensor<4x16x16xf32>
  %p = "onnx.Softmax"(%s) <{axis = 1 : si64}> : (tensor<4x16x16xf32>) -> tensor<4x16x16xf32>
  %y = "onnx.MatMul"(%p, %v) : (tensor<4x16x16xf32>, tensor<4x16x8xf32>) -> tensor<4x16x8xf32>

  %s2 = "onnx.MatMul"(%q, %kt) : (tensor<4x16x8xf32>, tensor<4x8x16xf32>) -> tensor<4x16x16xf32>
  %p2 = "onnx.Softmax"(%s2) <{axis = -1 : si64}> : (tensor<4x16x16xf32>) -> tensor<4x16x16xf32>
  %y2 = "onnx.MatMul"(%p2, %v) : (tensor<4x16x16xf32>, tensor<4x16x8xf32>) -> tensor<4x16x8xf32>

  %s3 = "onnx.MatMul"(%q, %kt) : (tensor<4x16x8xf32>, tensor<4x8x16xf32>) -> tensor<4x16x16xf32>
  %d3 = "onnx.Div"(%s3, %c) : (tensor<4x16x16xf32>, tensor<f32>) -> tensor<4x16x16xf32>
  %p3 = "onnx.Softmax"(%d3) <{axis = -1 : si64}> : (tensor<4x16x16xf32>) -> tensor<4x16x16xf32>
  %y3 = "onnx.MatMul"(%p3, %v) : (tensor<4x16x16xf32>, tensor<4x16x8xf32>) -> tensor<4x16x8xf32>

  %s4 = "onnx.MatMul"(%q, %kt) : (tensor<4x16x8xf32>, tensor<4x8x16xf32>) -> tensor<4x16x16xf32>
  %p4 = "onnx.Softmax"(%s4) <{axis = -1 : si64}> : (tensor<4x16x16xf32>) -> tensor<4x16x16xf32>
  %y4 = "onnx.MatMul"(%p4, %v1) : (tensor<4x16x16xf32>, tensor<1x16x8xf32>) -> tensor<4x16x8xf32>
  return %y, %y2, %s2, %y3, %y4 : tensor<4x16x8xf32>, tensor<4x16x8xf32>, tensor<4x16x16xf32>, tensor<4x16x8xf32>, tensor<4x16x8xf32>
}
