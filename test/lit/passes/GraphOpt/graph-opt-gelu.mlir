// RUN: aotc-opt %s --split-input-file --aotc-graph-opt | FileCheck %s

// Tests that torch's opset-13 GELU, Mul(Mul(x, Add(Erf(Div(x, sqrt 2)), 1)),
// 0.5), becomes one Gelu.

// CHECK-LABEL: func.func @gelu_erf_torch
// CHECK-SAME: (%[[X:.*]]: tensor<2x256xf32>)
// CHECK-NEXT: %[[Y:.*]] = "onnx.Gelu"(%[[X]]) <{approximate = "none"}> : (tensor<2x256xf32>) -> tensor<2x256xf32>
// CHECK-NEXT: return %[[Y]]
func.func @gelu_erf_torch(%x: tensor<2x256xf32>) -> tensor<2x256xf32> {
  %sqrt2 = "onnx.Constant"() <{value = dense<1.41421354> : tensor<f32>}> : () -> tensor<f32>
  %one = "onnx.Constant"() <{value = dense<1.0> : tensor<f32>}> : () -> tensor<f32>
  %half = "onnx.Constant"() <{value = dense<0.5> : tensor<f32>}> : () -> tensor<f32>
  %s = "onnx.Div"(%x, %sqrt2) : (tensor<2x256xf32>, tensor<f32>) -> tensor<2x256xf32>
  %e = "onnx.Erf"(%s) : (tensor<2x256xf32>) -> tensor<2x256xf32>
  %g = "onnx.Add"(%e, %one) : (tensor<2x256xf32>, tensor<f32>) -> tensor<2x256xf32>
  %m = "onnx.Mul"(%x, %g) : (tensor<2x256xf32>, tensor<2x256xf32>) -> tensor<2x256xf32>
  %y = "onnx.Mul"(%m, %half) : (tensor<2x256xf32>, tensor<f32>) -> tensor<2x256xf32>
  return %y : tensor<2x256xf32>
}

// -----

// Tests the other groupings of the erf form: (0.5 * x) * gate with
// x * (1 / sqrt 2), and (gate * 0.5) * x with 1 + erf.

// CHECK-LABEL: func.func @gelu_erf_orders
// CHECK-SAME: (%[[X:.*]]: tensor<8xf32>)
// CHECK-DAG: %[[A:.*]] = "onnx.Gelu"(%[[X]]) <{approximate = "none"}>
// CHECK-DAG: %[[B:.*]] = "onnx.Gelu"(%[[X]]) <{approximate = "none"}>
// CHECK-NOT: onnx.Erf
// CHECK: return %[[A]], %[[B]]
func.func @gelu_erf_orders(%x: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>) {
  %rsqrt2 = "onnx.Constant"() <{value = dense<0.707106769> : tensor<f32>}> : () -> tensor<f32>
  %sqrt2 = "onnx.Constant"() <{value = dense<1.41421354> : tensor<f32>}> : () -> tensor<f32>
  %one = "onnx.Constant"() <{value = dense<1.0> : tensor<f32>}> : () -> tensor<f32>
  %half = "onnx.Constant"() <{value = dense<0.5> : tensor<f32>}> : () -> tensor<f32>
  %s = "onnx.Mul"(%x, %rsqrt2) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %e = "onnx.Erf"(%s) : (tensor<8xf32>) -> tensor<8xf32>
  %g = "onnx.Add"(%e, %one) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %hx = "onnx.Mul"(%half, %x) : (tensor<f32>, tensor<8xf32>) -> tensor<8xf32>
  %y = "onnx.Mul"(%hx, %g) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>

  %s2 = "onnx.Div"(%x, %sqrt2) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %e2 = "onnx.Erf"(%s2) : (tensor<8xf32>) -> tensor<8xf32>
  %g2 = "onnx.Add"(%one, %e2) : (tensor<f32>, tensor<8xf32>) -> tensor<8xf32>
  %h2 = "onnx.Mul"(%g2, %half) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %y2 = "onnx.Mul"(%x, %h2) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return %y, %y2 : tensor<8xf32>, tensor<8xf32>
}

// -----

// Tests that the tanh form, 0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715
// * x^3))), becomes Gelu with approximate = "tanh", with x^3 as a Pow or as
// a product; the second one is torch's opset-13 export of
// nn.GELU(approximate='tanh') operand for operand.

// CHECK-LABEL: func.func @gelu_tanh
// CHECK-SAME: (%[[X:.*]]: tensor<8xf32>)
// CHECK-DAG: %[[A:.*]] = "onnx.Gelu"(%[[X]]) <{approximate = "tanh"}>
// CHECK-DAG: %[[B:.*]] = "onnx.Gelu"(%[[X]]) <{approximate = "tanh"}>
// CHECK-NOT: onnx.Tanh
// CHECK: return %[[A]], %[[B]]
func.func @gelu_tanh(%x: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>) {
  %three = "onnx.Constant"() <{value = dense<3.0> : tensor<f32>}> : () -> tensor<f32>
  %c = "onnx.Constant"() <{value = dense<0.044715> : tensor<f32>}> : () -> tensor<f32>
  %k = "onnx.Constant"() <{value = dense<0.797884583> : tensor<f32>}> : () -> tensor<f32>
  %one = "onnx.Constant"() <{value = dense<1.0> : tensor<f32>}> : () -> tensor<f32>
  %half = "onnx.Constant"() <{value = dense<0.5> : tensor<f32>}> : () -> tensor<f32>
  %cube = "onnx.Pow"(%x, %three) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %t = "onnx.Mul"(%cube, %c) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %p = "onnx.Add"(%x, %t) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %u = "onnx.Mul"(%p, %k) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %th = "onnx.Tanh"(%u) : (tensor<8xf32>) -> tensor<8xf32>
  %g = "onnx.Add"(%th, %one) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %hx = "onnx.Mul"(%x, %half) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %y = "onnx.Mul"(%hx, %g) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>

  %sq = "onnx.Mul"(%x, %x) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %cube2 = "onnx.Mul"(%x, %sq) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %t2 = "onnx.Mul"(%c, %cube2) : (tensor<f32>, tensor<8xf32>) -> tensor<8xf32>
  %p2 = "onnx.Add"(%x, %t2) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %u2 = "onnx.Mul"(%k, %p2) : (tensor<f32>, tensor<8xf32>) -> tensor<8xf32>
  %th2 = "onnx.Tanh"(%u2) : (tensor<8xf32>) -> tensor<8xf32>
  %g2 = "onnx.Add"(%one, %th2) : (tensor<f32>, tensor<8xf32>) -> tensor<8xf32>
  %m2 = "onnx.Mul"(%x, %g2) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %y2 = "onnx.Mul"(%half, %m2) : (tensor<f32>, tensor<8xf32>) -> tensor<8xf32>
  return %y, %y2 : tensor<8xf32>, tensor<8xf32>
}

// -----

// Tests that wrong constants (divisor 2 instead of sqrt 2, a gate of 2 +
// erf, a factor 0.25) and a different x in the product are not GELU.

// CHECK-LABEL: func.func @not_gelu
// CHECK-NOT: onnx.Gelu
func.func @not_gelu(%x: tensor<8xf32>, %z: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) {
  %two = "onnx.Constant"() <{value = dense<2.0> : tensor<f32>}> : () -> tensor<f32>
  %sqrt2 = "onnx.Constant"() <{value = dense<1.41421354> : tensor<f32>}> : () -> tensor<f32>
  %one = "onnx.Constant"() <{value = dense<1.0> : tensor<f32>}> : () -> tensor<f32>
  %half = "onnx.Constant"() <{value = dense<0.5> : tensor<f32>}> : () -> tensor<f32>
  %quarter = "onnx.Constant"() <{value = dense<0.25> : tensor<f32>}> : () -> tensor<f32>
  %s = "onnx.Div"(%x, %two) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %e = "onnx.Erf"(%s) : (tensor<8xf32>) -> tensor<8xf32>
  %g = "onnx.Add"(%e, %one) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %m = "onnx.Mul"(%x, %g) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %y = "onnx.Mul"(%m, %half) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>

  %s2 = "onnx.Div"(%x, %sqrt2) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %e2 = "onnx.Erf"(%s2) : (tensor<8xf32>) -> tensor<8xf32>
  %g2 = "onnx.Add"(%e2, %two) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %m2 = "onnx.Mul"(%x, %g2) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %y2 = "onnx.Mul"(%m2, %half) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>

  %s3 = "onnx.Div"(%x, %sqrt2) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %e3 = "onnx.Erf"(%s3) : (tensor<8xf32>) -> tensor<8xf32>
  %g3 = "onnx.Add"(%e3, %one) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %m3 = "onnx.Mul"(%x, %g3) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %y3 = "onnx.Mul"(%m3, %quarter) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>

  %s4 = "onnx.Div"(%x, %sqrt2) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %e4 = "onnx.Erf"(%s4) : (tensor<8xf32>) -> tensor<8xf32>
  %g4 = "onnx.Add"(%e4, %one) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %m4 = "onnx.Mul"(%z, %g4) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %y4 = "onnx.Mul"(%m4, %half) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  return %y, %y2, %y3, %y4 : tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>
}
