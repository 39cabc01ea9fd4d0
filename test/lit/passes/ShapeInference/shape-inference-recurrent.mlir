// RUN: aotc-opt %s --split-input-file --aotc-shape-inference | FileCheck %s

// Tests that a bidirectional LSTM gives Y [S, D, B, H] and Y_h, Y_c
// [D, B, H] in layout 0, the hidden size taken from R.
// CHECK-LABEL: func.func @lstm_bidirectional
// CHECK: "onnx.LSTM"{{.*}} -> (tensor<5x2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>)
func.func @lstm_bidirectional(%x: tensor<5x3x6xf32>, %w: tensor<2x16x6xf32>, %r: tensor<2x16x4xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %y, %h, %c = "onnx.LSTM"(%x, %w, %r) <{direction = "bidirectional", operandSegmentSizes = array<i32: 1, 1, 1, 0, 0, 0, 0, 0>, resultSegmentSizes = array<i32: 1, 1, 1>}> : (tensor<5x3x6xf32>, tensor<2x16x6xf32>, tensor<2x16x4xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>)
  return %y, %h, %c : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that layout 1 makes Y [B, S, D, H] and Y_h [B, D, H], and that an
// absent Y leaves only Y_h.
// CHECK-LABEL: func.func @gru_batch_major
// CHECK: "onnx.GRU"{{.*}} -> tensor<3x5x1x4xf32>
// CHECK: "onnx.GRU"{{.*}} -> tensor<3x1x4xf32>
func.func @gru_batch_major(%x: tensor<3x5x6xf32>, %w: tensor<1x12x6xf32>, %r: tensor<1x12x4xf32>) -> (tensor<*xf32>, tensor<*xf32>) {
  %y = "onnx.GRU"(%x, %w, %r) <{hidden_size = 4 : si64, layout = 1 : si64, operandSegmentSizes = array<i32: 1, 1, 1, 0, 0, 0>, resultSegmentSizes = array<i32: 1, 0>}> : (tensor<3x5x6xf32>, tensor<1x12x6xf32>, tensor<1x12x4xf32>) -> tensor<*xf32>
  %h = "onnx.GRU"(%x, %w, %r) <{layout = 1 : si64, operandSegmentSizes = array<i32: 1, 1, 1, 0, 0, 0>, resultSegmentSizes = array<i32: 0, 1>}> : (tensor<3x5x6xf32>, tensor<1x12x6xf32>, tensor<1x12x4xf32>) -> tensor<*xf32>
  return %y, %h : tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that a reverse RNN has one direction.
// CHECK-LABEL: func.func @rnn_reverse
// CHECK: "onnx.RNN"{{.*}} -> (tensor<2x1x3x4xf32>, tensor<1x3x4xf32>)
func.func @rnn_reverse(%x: tensor<2x3x6xf32>, %w: tensor<1x4x6xf32>, %r: tensor<1x4x4xf32>) -> (tensor<*xf32>, tensor<*xf32>) {
  %y, %h = "onnx.RNN"(%x, %w, %r) <{direction = "reverse", operandSegmentSizes = array<i32: 1, 1, 1, 0, 0, 0>, resultSegmentSizes = array<i32: 1, 1>}> : (tensor<2x3x6xf32>, tensor<1x4x6xf32>, tensor<1x4x4xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  return %y, %h : tensor<*xf32>, tensor<*xf32>
}
