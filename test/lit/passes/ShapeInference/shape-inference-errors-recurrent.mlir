// RUN: aotc-opt %s --split-input-file --aotc-shape-inference -verify-diagnostics

// Tests that a hidden_size that R does not have is reported.
func.func @hidden_size(%x: tensor<5x3x6xf32>, %w: tensor<1x16x6xf32>, %r: tensor<1x16x4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.LSTM' op hidden_size 8 does not match R of shape 1x16x4}}
  %h = "onnx.LSTM"(%x, %w, %r) <{hidden_size = 8 : si64, operandSegmentSizes = array<i32: 1, 1, 1, 0, 0, 0, 0, 0>, resultSegmentSizes = array<i32: 0, 1, 0>}> : (tensor<5x3x6xf32>, tensor<1x16x6xf32>, tensor<1x16x4xf32>) -> tensor<*xf32>
  return %h : tensor<*xf32>
}

// -----

// Tests that W whose gate rows do not match R is reported.
func.func @weight_rows(%x: tensor<5x3x6xf32>, %w: tensor<1x8x6xf32>, %r: tensor<1x12x4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.GRU' op W of shape 1x8x6 does not match the expected 1x12x6}}
  %h = "onnx.GRU"(%x, %w, %r) <{operandSegmentSizes = array<i32: 1, 1, 1, 0, 0, 0>, resultSegmentSizes = array<i32: 0, 1>}> : (tensor<5x3x6xf32>, tensor<1x8x6xf32>, tensor<1x12x4xf32>) -> tensor<*xf32>
  return %h : tensor<*xf32>
}

// -----

// Tests that a bidirectional op with one direction of weights is reported.
func.func @directions(%x: tensor<5x3x6xf32>, %w: tensor<1x4x6xf32>, %r: tensor<1x4x4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.RNN' op W of shape 1x4x6 does not match the expected 2x4x6}}
  %h = "onnx.RNN"(%x, %w, %r) <{direction = "bidirectional", operandSegmentSizes = array<i32: 1, 1, 1, 0, 0, 0>, resultSegmentSizes = array<i32: 0, 1>}> : (tensor<5x3x6xf32>, tensor<1x4x6xf32>, tensor<1x4x4xf32>) -> tensor<*xf32>
  return %h : tensor<*xf32>
}

// -----

// Tests that an activation ONNX does not define is reported.
func.func @activation(%x: tensor<5x3x6xf32>, %w: tensor<1x4x6xf32>, %r: tensor<1x4x4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.RNN' op activation 'Gelu' is not supported}}
  %h = "onnx.RNN"(%x, %w, %r) <{activations = ["Gelu"], operandSegmentSizes = array<i32: 1, 1, 1, 0, 0, 0>, resultSegmentSizes = array<i32: 0, 1>}> : (tensor<5x3x6xf32>, tensor<1x4x6xf32>, tensor<1x4x4xf32>) -> tensor<*xf32>
  return %h : tensor<*xf32>
}

// -----

// Tests that a wrong number of activations is reported.
func.func @activation_count(%x: tensor<5x3x6xf32>, %w: tensor<1x16x6xf32>, %r: tensor<1x16x4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.LSTM' op has 2 activations, expected 3 per direction (3 in all)}}
  %h = "onnx.LSTM"(%x, %w, %r) <{activations = ["Sigmoid", "Tanh"], operandSegmentSizes = array<i32: 1, 1, 1, 0, 0, 0, 0, 0>, resultSegmentSizes = array<i32: 0, 1, 0>}> : (tensor<5x3x6xf32>, tensor<1x16x6xf32>, tensor<1x16x4xf32>) -> tensor<*xf32>
  return %h : tensor<*xf32>
}

// -----

// Tests that a sequence_lens graph input (not a constant) of a reverse pass
// is reported.
func.func @lengths(%x: tensor<5x3x6xf32>, %w: tensor<1x4x6xf32>, %r: tensor<1x4x4xf32>, %lens: tensor<3xi32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.RNN' op sequence_lens must be a compile-time constant for the reverse direction (aotc unrolls the sequence)}}
  %h = "onnx.RNN"(%x, %w, %r, %lens) <{direction = "reverse", operandSegmentSizes = array<i32: 1, 1, 1, 0, 1, 0>, resultSegmentSizes = array<i32: 0, 1>}> : (tensor<5x3x6xf32>, tensor<1x4x6xf32>, tensor<1x4x4xf32>, tensor<3xi32>) -> tensor<*xf32>
  return %h : tensor<*xf32>
}
