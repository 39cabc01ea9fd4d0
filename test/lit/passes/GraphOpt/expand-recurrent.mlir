// RUN: aotc-opt %s --split-input-file --aotc-expand-recurrent --verify-diagnostics | FileCheck %s

// Tests that a forward RNN projects the input of both steps with one MatMul
// by the transposed weight, skips H·Rᵀ on the first step (no initial_h),
// and stacks the steps' states into Y.
// CHECK-LABEL: func.func @rnn_forward
// CHECK:         %[[WT:.+]] = "onnx.Transpose"({{.*}}) <{perm = array<i64: 1, 0>}> : (tensor<4x3xf32>) -> tensor<3x4xf32>
// CHECK:         %[[RT:.+]] = "onnx.Transpose"({{.*}}) <{perm = array<i64: 1, 0>}> : (tensor<4x4xf32>) -> tensor<4x4xf32>
// CHECK:         %[[P:.+]] = "onnx.MatMul"(%{{.+}}, %[[WT]]) : (tensor<4x3xf32>, tensor<3x4xf32>) -> tensor<4x4xf32>
// CHECK:         %[[X0:.+]] = "onnx.Slice"(%[[P]]
// CHECK:         %[[H0:.+]] = "onnx.Tanh"(%[[X0]]) : (tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK:         %[[X1:.+]] = "onnx.Slice"(%[[P]]
// CHECK:         %[[HR:.+]] = "onnx.MatMul"(%[[H0]], %[[RT]]) : (tensor<2x4xf32>, tensor<4x4xf32>) -> tensor<2x4xf32>
// CHECK:         %[[S1:.+]] = "onnx.Add"(%[[X1]], %[[HR]])
// CHECK:         %[[H1:.+]] = "onnx.Tanh"(%[[S1]])
// CHECK:         %[[YH:.+]] = "onnx.Reshape"(%[[H1]], %{{.+}}) {{.*}} -> tensor<1x2x4xf32>
// CHECK:         %[[YS:.+]] = "onnx.Concat"(%[[H0]], %[[H1]]) <{axis = 0 : si64}> : (tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<4x4xf32>
// CHECK:         %[[Y:.+]] = "onnx.Reshape"(%[[YS]], %{{.+}}) {{.*}} -> tensor<2x1x2x4xf32>
// CHECK-NOT:     "onnx.RNN"
// CHECK:         return %[[Y]], %[[YH]]
func.func @rnn_forward(%x: tensor<2x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) -> (tensor<2x1x2x4xf32>, tensor<1x2x4xf32>) {
  %y, %yh = "onnx.RNN"(%x, %w, %r) <{hidden_size = 4 : si64, operandSegmentSizes = array<i32: 1, 1, 1, 0, 0, 0>, resultSegmentSizes = array<i32: 1, 1>}> : (tensor<2x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<2x1x2x4xf32>, tensor<1x2x4xf32>)
  return %y, %yh : tensor<2x1x2x4xf32>, tensor<1x2x4xf32>
}

// -----

// Tests that an LSTM step with initial states and peepholes computes the
// gates i, o, f, c from one H·Rᵀ, clips the pre-activations and applies the
// explicit activations with their alpha and beta.
// CHECK-LABEL: func.func @lstm_step
// CHECK:         "onnx.MatMul"{{.*}} -> tensor<1x8xf32>
// CHECK:         %[[G:.+]] = "onnx.MatMul"{{.*}} : (tensor<1x2xf32>, tensor<2x8xf32>) -> tensor<1x8xf32>
// CHECK:         "onnx.Clip"
// CHECK:         "onnx.HardSigmoid"({{.*}}) <{alpha = 3.000000e-01 : f32, beta = 4.000000e-01 : f32}>
// CHECK:         "onnx.LeakyRelu"({{.*}}) <{alpha = 5.000000e-01 : f32}>
// CHECK:         "onnx.Softsign"
// CHECK-NOT:     "onnx.LSTM"
func.func @lstm_step(%x: tensor<1x1x3xf32>, %w: tensor<1x8x3xf32>, %r: tensor<1x8x2xf32>, %b: tensor<1x16xf32>, %h: tensor<1x1x2xf32>, %c: tensor<1x1x2xf32>, %p: tensor<1x6xf32>) -> (tensor<1x1x2xf32>, tensor<1x1x2xf32>) {
  %y_h, %y_c = "onnx.LSTM"(%x, %w, %r, %b, %h, %c, %p) <{activations = ["HardSigmoid", "LeakyRelu", "Softsign"], activation_alpha = array<f32: 0.3, 0.5>, activation_beta = array<f32: 0.4>, clip = 3.0 : f32, hidden_size = 2 : si64, operandSegmentSizes = array<i32: 1, 1, 1, 1, 0, 1, 1, 1>, resultSegmentSizes = array<i32: 0, 1, 1>}> : (tensor<1x1x3xf32>, tensor<1x8x3xf32>, tensor<1x8x2xf32>, tensor<1x16xf32>, tensor<1x1x2xf32>, tensor<1x1x2xf32>, tensor<1x6xf32>) -> (tensor<1x1x2xf32>, tensor<1x1x2xf32>)
  return %y_h, %y_c : tensor<1x1x2xf32>, tensor<1x1x2xf32>
}

// -----

// Tests that constant per-batch sequence lengths shorter than the sequence
// keep an ended batch's state (Where on a constant mask) and give zeros in
// Y past its end, and that layout 1 transposes X in and Y out.
// CHECK-LABEL: func.func @gru_lengths
// CHECK:         "onnx.Transpose"(%{{.+}}) <{perm = array<i64: 1, 0, 2>}> : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
// CHECK:         %[[M:.+]] = "onnx.Constant"() <{value = dense<{{\[}}[true], [false]]> : tensor<2x1xi1>}>
// CHECK:         "onnx.Where"(%[[M]]
// CHECK:         "onnx.Transpose"(%{{.+}}) <{perm = array<i64: 2, 0, 1, 3>}> : (tensor<3x1x2x5xf32>) -> tensor<2x3x1x5xf32>
// CHECK-NOT:     "onnx.GRU"
func.func @gru_lengths(%x: tensor<2x3x4xf32>, %w: tensor<1x15x4xf32>, %r: tensor<1x15x5xf32>) -> tensor<2x3x1x5xf32> {
  %lens = "onnx.Constant"() <{value = dense<[3, 2]> : tensor<2xi32>}> : () -> tensor<2xi32>
  %y = "onnx.GRU"(%x, %w, %r, %lens) <{layout = 1 : si64, linear_before_reset = 1 : si64, operandSegmentSizes = array<i32: 1, 1, 1, 0, 1, 0>, resultSegmentSizes = array<i32: 1, 0>}> : (tensor<2x3x4xf32>, tensor<1x15x4xf32>, tensor<1x15x5xf32>, tensor<2xi32>) -> tensor<2x3x1x5xf32>
  return %y : tensor<2x3x1x5xf32>
}

// -----

// Tests that sequence_lens given at run time masks each forward step with
// k < sequence_lens.
// CHECK-LABEL: func.func @runtime_lengths
// CHECK:         %[[LT:.+]] = "onnx.Less"(%{{.+}}, %arg3) : (tensor<1xi32>, tensor<2xi32>) -> tensor<2xi1>
// CHECK:         %[[M:.+]] = "onnx.Reshape"(%[[LT]]
// CHECK:         "onnx.Where"(%[[M]]
// CHECK-NOT:     "onnx.RNN"
func.func @runtime_lengths(%x: tensor<2x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>, %lens: tensor<2xi32>) -> tensor<1x2x4xf32> {
  %yh = "onnx.RNN"(%x, %w, %r, %lens) <{operandSegmentSizes = array<i32: 1, 1, 1, 0, 1, 0>, resultSegmentSizes = array<i32: 0, 1>}> : (tensor<2x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>, tensor<2xi32>) -> tensor<1x2x4xf32>
  return %yh : tensor<1x2x4xf32>
}
