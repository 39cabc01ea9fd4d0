// RUN: aotc-opt %s -split-input-file -verify-diagnostics

// Tests that Conv's group must be positive.
func.func @conv_group(%x: tensor<*xf32>, %w: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Conv' op group must be positive, got 0}}
  %0 = "onnx.Conv"(%x, %w) <{group = 0 : si64}> : (tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Conv's input needs a batch, a channel and a spatial dimension.
func.func @conv_input_rank(%x: tensor<1x3xf32>, %w: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Conv' op input must have rank at least 3, got 2}}
  %0 = "onnx.Conv"(%x, %w) : (tensor<1x3xf32>, tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Conv's weight needs output and input channels and a kernel.
func.func @conv_weight_rank(%x: tensor<*xf32>, %w: tensor<4x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Conv' op weight must have rank at least 3, got 2}}
  %0 = "onnx.Conv"(%x, %w) : (tensor<*xf32>, tensor<4x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Conv's weight rank must equal its input rank.
func.func @conv_ranks(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Conv' op weight rank 3 does not match input rank 4}}
  %0 = "onnx.Conv"(%x, %w) : (tensor<1x3x8x8xf32>, tensor<4x3x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that auto_pad must be one of the ONNX values.
func.func @conv_auto_pad(%x: tensor<*xf32>, %w: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Conv' op auto_pad must be one of NOTSET, SAME_UPPER, SAME_LOWER or VALID, got "SAME"}}
  %0 = "onnx.Conv"(%x, %w) <{auto_pad = "SAME"}> : (tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that kernel_shape has one value per spatial dimension.
func.func @conv_kernel_shape(%x: tensor<1x3x8x8xf32>, %w: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Conv' op kernel_shape has 3 values, expected 2 (one per spatial dimension)}}
  %0 = "onnx.Conv"(%x, %w) <{kernel_shape = array<i64: 3, 3, 3>}> : (tensor<1x3x8x8xf32>, tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that pads has a begin and an end per spatial dimension.
func.func @conv_pads(%x: tensor<1x3x8x8xf32>, %w: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Conv' op pads has 2 values, expected 4 (a begin and an end per spatial dimension)}}
  %0 = "onnx.Conv"(%x, %w) <{pads = array<i64: 1, 1>}> : (tensor<1x3x8x8xf32>, tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that pads must not be negative.
func.func @conv_negative_pads(%x: tensor<*xf32>, %w: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Conv' op pads must be non-negative, got -1}}
  %0 = "onnx.Conv"(%x, %w) <{pads = array<i64: 0, -1, 0, 0>}> : (tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that dilations must be positive.
func.func @conv_dilations(%x: tensor<*xf32>, %w: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Conv' op dilations must be positive, got 0}}
  %0 = "onnx.Conv"(%x, %w) <{dilations = array<i64: 1, 0>}> : (tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Conv's weight output channels split evenly into groups.
func.func @conv_out_channels(%x: tensor<*xf32>, %w: tensor<5x3x3x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Conv' op weight output channels (5) are not divisible by group (2)}}
  %0 = "onnx.Conv"(%x, %w) <{group = 2 : si64}> : (tensor<*xf32>, tensor<5x3x3x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Conv's input channels are the weight's times group.
func.func @conv_in_channels(%x: tensor<1x6x8x8xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Conv' op input channels (6) do not equal weight channels (2) times group (2)}}
  %0 = "onnx.Conv"(%x, %w) <{group = 2 : si64}> : (tensor<1x6x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that kernel_shape must match the weight's spatial sizes.
func.func @conv_kernel_mismatch(%x: tensor<*xf32>, %w: tensor<4x3x3x5xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Conv' op kernel_shape[1] = 3 does not match the weight's size 5}}
  %0 = "onnx.Conv"(%x, %w) <{kernel_shape = array<i64: 3, 3>}> : (tensor<*xf32>, tensor<4x3x3x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Conv's bias is 1-D.
func.func @conv_bias_rank(%x: tensor<*xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<1x4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Conv' op bias must have rank 1, got 2}}
  %0 = "onnx.Conv"(%x, %w, %b) : (tensor<*xf32>, tensor<4x3x3x3xf32>, tensor<1x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Conv's bias has one value per output channel.
func.func @conv_bias_size(%x: tensor<*xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Conv' op bias has 3 elements, expected 4 (the weight's output channels)}}
  %0 = "onnx.Conv"(%x, %w, %b) : (tensor<*xf32>, tensor<4x3x3x3xf32>, tensor<3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a pool's input needs a spatial dimension.
func.func @max_pool_rank(%x: tensor<1x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.MaxPool' op input must have rank at least 3, got 2}}
  %0 = "onnx.MaxPool"(%x) <{kernel_shape = array<i64: 2>}> : (tensor<1x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that MaxPool's kernel_shape has one value per spatial dimension.
func.func @max_pool_kernel(%x: tensor<1x3x8x8xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.MaxPool' op kernel_shape has 1 values, expected 2 (one per spatial dimension)}}
  %0 = "onnx.MaxPool"(%x) <{kernel_shape = array<i64: 2>}> : (tensor<1x3x8x8xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a kernel size must be positive.
func.func @max_pool_kernel_zero(%x: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.MaxPool' op kernel_shape must be positive, got 0}}
  %0 = "onnx.MaxPool"(%x) <{kernel_shape = array<i64: 2, 0>}> : (tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that AveragePool's strides have one value per spatial dimension.
func.func @average_pool_strides(%x: tensor<1x3x8x8xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.AveragePool' op strides has 3 values, expected 2 (one per spatial dimension)}}
  %0 = "onnx.AveragePool"(%x) <{kernel_shape = array<i64: 2, 2>, strides = array<i64: 1, 1, 1>}> : (tensor<1x3x8x8xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that AveragePool's pads have a begin and an end per spatial
// dimension.
func.func @average_pool_pads(%x: tensor<1x3x8xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.AveragePool' op pads has 1 values, expected 2 (a begin and an end per spatial dimension)}}
  %0 = "onnx.AveragePool"(%x) <{kernel_shape = array<i64: 2>, pads = array<i64: 1>}> : (tensor<1x3x8xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}
