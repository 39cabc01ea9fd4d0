// RUN: aotc-opt %s --split-input-file --aotc-graph-opt | FileCheck %s

// Tests that torch's opset-13 LayerNorm (ReduceMean, Sub, Pow 2, ReduceMean,
// Add eps, Sqrt, Div, Mul gamma, Add beta) over the last axis becomes one
// LayerNormalization with gamma, beta and epsilon.

// CHECK-LABEL: func.func @layer_norm
// CHECK-SAME: (%[[X:.*]]: tensor<2x16x64xf32>, %[[G:.*]]: tensor<64xf32>, %[[B:.*]]: tensor<64xf32>)
// CHECK: %[[Y:.*]] = "onnx.LayerNormalization"(%[[X]], %[[G]], %[[B]]) <{axis = 2 : si64, epsilon = 9.99999974E-6 : f32, resultSegmentSizes = array<i32: 1, 0, 0>, stash_type = 1 : si64}>
// CHECK-NOT: onnx.ReduceMean
// CHECK: return %[[Y]]
func.func @layer_norm(%x: tensor<2x16x64xf32>, %gamma: tensor<64xf32>, %beta: tensor<64xf32>) -> tensor<2x16x64xf32> {
  %axes = "onnx.Constant"() <{value = dense<-1> : tensor<1xi64>}> : () -> tensor<1xi64>
  %two = "onnx.Constant"() <{value = dense<2.0> : tensor<f32>}> : () -> tensor<f32>
  %eps = "onnx.Constant"() <{value = dense<9.99999974E-6> : tensor<f32>}> : () -> tensor<f32>
  %mean = "onnx.ReduceMean"(%x, %axes) : (tensor<2x16x64xf32>, tensor<1xi64>) -> tensor<2x16x1xf32>
  %d = "onnx.Sub"(%x, %mean) : (tensor<2x16x64xf32>, tensor<2x16x1xf32>) -> tensor<2x16x64xf32>
  %sq = "onnx.Pow"(%d, %two) : (tensor<2x16x64xf32>, tensor<f32>) -> tensor<2x16x64xf32>
  %var = "onnx.ReduceMean"(%sq, %axes) : (tensor<2x16x64xf32>, tensor<1xi64>) -> tensor<2x16x1xf32>
  %ve = "onnx.Add"(%var, %eps) : (tensor<2x16x1xf32>, tensor<f32>) -> tensor<2x16x1xf32>
  %sd = "onnx.Sqrt"(%ve) : (tensor<2x16x1xf32>) -> tensor<2x16x1xf32>
  %n = "onnx.Div"(%d, %sd) : (tensor<2x16x64xf32>, tensor<2x16x1xf32>) -> tensor<2x16x64xf32>
  %s = "onnx.Mul"(%n, %gamma) : (tensor<2x16x64xf32>, tensor<64xf32>) -> tensor<2x16x64xf32>
  %y = "onnx.Add"(%beta, %s) : (tensor<64xf32>, tensor<2x16x64xf32>) -> tensor<2x16x64xf32>
  return %y : tensor<2x16x64xf32>
}

// -----

// Tests that the form without gamma and beta, with Mul(d, d) as the square
// and two trailing axes, gets a scale of ones and axis = 1.

// CHECK-LABEL: func.func @layer_norm_plain
// CHECK: %[[ONES:.*]] = "onnx.Constant"() <{value = dense<1.000000e+00> : tensor<4x8xf32>}>
// CHECK: "onnx.LayerNormalization"(%{{.*}}, %[[ONES]]) <{axis = 1 : si64, epsilon = 1.000000e-03 : f32
func.func @layer_norm_plain(%x: tensor<3x4x8xf32>) -> tensor<3x4x8xf32> {
  %axes = "onnx.Constant"() <{value = dense<[1, 2]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %eps = "onnx.Constant"() <{value = dense<1.0e-3> : tensor<f32>}> : () -> tensor<f32>
  %mean = "onnx.ReduceMean"(%x, %axes) : (tensor<3x4x8xf32>, tensor<2xi64>) -> tensor<3x1x1xf32>
  %d = "onnx.Sub"(%x, %mean) : (tensor<3x4x8xf32>, tensor<3x1x1xf32>) -> tensor<3x4x8xf32>
  %sq = "onnx.Mul"(%d, %d) : (tensor<3x4x8xf32>, tensor<3x4x8xf32>) -> tensor<3x4x8xf32>
  %var = "onnx.ReduceMean"(%sq, %axes) : (tensor<3x4x8xf32>, tensor<2xi64>) -> tensor<3x1x1xf32>
  %ve = "onnx.Add"(%eps, %var) : (tensor<f32>, tensor<3x1x1xf32>) -> tensor<3x1x1xf32>
  %sd = "onnx.Sqrt"(%ve) : (tensor<3x1x1xf32>) -> tensor<3x1x1xf32>
  %n = "onnx.Div"(%d, %sd) : (tensor<3x4x8xf32>, tensor<3x1x1xf32>) -> tensor<3x4x8xf32>
  return %n : tensor<3x4x8xf32>
}

// -----

// Tests that a normalization over a leading axis is not a LayerNorm.

// CHECK-LABEL: func.func @not_trailing_axis
// CHECK-NOT: onnx.LayerNormalization
func.func @not_trailing_axis(%x: tensor<2x16x64xf32>) -> tensor<2x16x64xf32> {
  %axes = "onnx.Constant"() <{value = dense<1> : tensor<1xi64>}> : () -> tensor<1xi64>
  %two = "onnx.Constant"() <{value = dense<2.0> : tensor<f32>}> : () -> tensor<f32>
  %eps = "onnx.Constant"() <{value = dense<1.0e-5> : tensor<f32>}> : () -> tensor<f32>
  %mean = "onnx.ReduceMean"(%x, %axes) : (tensor<2x16x64xf32>, tensor<1xi64>) -> tensor<2x1x64xf32>
  %d = "onnx.Sub"(%x, %mean) : (tensor<2x16x64xf32>, tensor<2x1x64xf32>) -> tensor<2x16x64xf32>
  %sq = "onnx.Pow"(%d, %two) : (tensor<2x16x64xf32>, tensor<f32>) -> tensor<2x16x64xf32>
  %var = "onnx.ReduceMean"(%sq, %axes) : (tensor<2x16x64xf32>, tensor<1xi64>) -> tensor<2x1x64xf32>
  %ve = "onnx.Add"(%var, %eps) : (tensor<2x1x64xf32>, tensor<f32>) -> tensor<2x1x64xf32>
  %sd = "onnx.Sqrt"(%ve) : (tensor<2x1x64xf32>) -> tensor<2x1x64xf32>
  %n = "onnx.Div"(%d, %sd) : (tensor<2x16x64xf32>, tensor<2x1x64xf32>) -> tensor<2x16x64xf32>
  return %n : tensor<2x16x64xf32>
}

// -----

// Tests that a cube instead of a square, or an epsilon that is not a
// constant, is not a LayerNorm.

// CHECK-LABEL: func.func @wrong_power_and_epsilon
// CHECK-NOT: onnx.LayerNormalization
func.func @wrong_power_and_epsilon(%x: tensor<2x64xf32>, %eps: tensor<f32>) -> (tensor<2x64xf32>, tensor<2x64xf32>) {
  %axes = "onnx.Constant"() <{value = dense<-1> : tensor<1xi64>}> : () -> tensor<1xi64>
  %three = "onnx.Constant"() <{value = dense<3.0> : tensor<f32>}> : () -> tensor<f32>
  %two = "onnx.Constant"() <{value = dense<2.0> : tensor<f32>}> : () -> tensor<f32>
  %c = "onnx.Constant"() <{value = dense<1.0e-5> : tensor<f32>}> : () -> tensor<f32>
  %mean = "onnx.ReduceMean"(%x, %axes) : (tensor<2x64xf32>, tensor<1xi64>) -> tensor<2x1xf32>
  %d = "onnx.Sub"(%x, %mean) : (tensor<2x64xf32>, tensor<2x1xf32>) -> tensor<2x64xf32>
  %sq = "onnx.Pow"(%d, %three) : (tensor<2x64xf32>, tensor<f32>) -> tensor<2x64xf32>
  %var = "onnx.ReduceMean"(%sq, %axes) : (tensor<2x64xf32>, tensor<1xi64>) -> tensor<2x1xf32>
  %ve = "onnx.Add"(%var, %c) : (tensor<2x1xf32>, tensor<f32>) -> tensor<2x1xf32>
  %sd = "onnx.Sqrt"(%ve) : (tensor<2x1xf32>) -> tensor<2x1xf32>
  %n = "onnx.Div"(%d, %sd) : (tensor<2x64xf32>, tensor<2x1xf32>) -> tensor<2x64xf32>

  %mean2 = "onnx.ReduceMean"(%x, %axes) : (tensor<2x64xf32>, tensor<1xi64>) -> tensor<2x1xf32>
  %d2 = "onnx.Sub"(%x, %mean2) : (tensor<2x64xf32>, tensor<2x1xf32>) -> tensor<2x64xf32>
  %sq2 = "onnx.Pow"(%d2, %two) : (tensor<2x64xf32>, tensor<f32>) -> tensor<2x64xf32>
  %var2 = "onnx.ReduceMean"(%sq2, %axes) : (tensor<2x64xf32>, tensor<1xi64>) -> tensor<2x1xf32>
  %ve2 = "onnx.Add"(%var2, %eps) : (tensor<2x1xf32>, tensor<f32>) -> tensor<2x1xf32>
  %sd2 = "onnx.Sqrt"(%ve2) : (tensor<2x1xf32>) -> tensor<2x1xf32>
  %n2 = "onnx.Div"(%d2, %sd2) : (tensor<2x64xf32>, tensor<2x1xf32>) -> tensor<2x64xf32>
  return %n, %n2 : tensor<2x64xf32>, tensor<2x64xf32>
}

// -----

// Tests that a centered value used elsewhere too keeps the chain as it is.

// CHECK-LABEL: func.func @centered_reused
// CHECK-NOT: onnx.LayerNormalization
func.func @centered_reused(%x: tensor<2x64xf32>) -> (tensor<2x64xf32>, tensor<2x64xf32>) {
  %axes = "onnx.Constant"() <{value = dense<-1> : tensor<1xi64>}> : () -> tensor<1xi64>
  %two = "onnx.Constant"() <{value = dense<2.0> : tensor<f32>}> : () -> tensor<f32>
  %eps = "onnx.Constant"() <{value = dense<1.0e-5> : tensor<f32>}> : () -> tensor<f32>
  %mean = "onnx.ReduceMean"(%x, %axes) : (tensor<2x64xf32>, tensor<1xi64>) -> tensor<2x1xf32>
  %d = "onnx.Sub"(%x, %mean) : (tensor<2x64xf32>, tensor<2x1xf32>) -> tensor<2x64xf32>
  %sq = "onnx.Pow"(%d, %two) : (tensor<2x64xf32>, tensor<f32>) -> tensor<2x64xf32>
  %var = "onnx.ReduceMean"(%sq, %axes) : (tensor<2x64xf32>, tensor<1xi64>) -> tensor<2x1xf32>
  %ve = "onnx.Add"(%var, %eps) : (tensor<2x1xf32>, tensor<f32>) -> tensor<2x1xf32>
  %sd = "onnx.Sqrt"(%ve) : (tensor<2x1xf32>) -> tensor<2x1xf32>
  %n = "onnx.Div"(%d, %sd) : (tensor<2x64xf32>, tensor<2x1xf32>) -> tensor<2x64xf32>
  return %n, %d : tensor<2x64xf32>, tensor<2x64xf32>
}
