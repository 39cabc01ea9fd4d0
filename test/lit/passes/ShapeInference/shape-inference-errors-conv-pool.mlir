// RUN: aotc-opt %s --split-input-file --aotc-shape-inference -verify-diagnostics

// Operands go through an unranked Relu where the op has a verifier, so that
// the errors come from shape inference, which sees the shapes.

// Tests that a convolution input without a spatial dimension is reported.
func.func @conv_rank(%x: tensor<1x3xf32>, %w: tensor<8x3x3xf32>) -> tensor<*xf32> {
  %r = "onnx.Relu"(%x) : (tensor<1x3xf32>) -> tensor<*xf32>
  // expected-error @+1 {{'onnx.Conv' op input of shape 1x3 must have a batch, a channel and a spatial dimension}}
  %0 = "onnx.Conv"(%r, %w) : (tensor<*xf32>, tensor<8x3x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a weight whose rank differs from the input's is reported.
func.func @conv_weight_rank(%x: tensor<1x3x8x8xf32>, %w: tensor<8x3x3xf32>) -> tensor<*xf32> {
  %r = "onnx.Relu"(%x) : (tensor<1x3x8x8xf32>) -> tensor<*xf32>
  // expected-error @+1 {{'onnx.Conv' op weight of shape 8x3x3 must have the rank of the input of shape 1x3x8x8}}
  %0 = "onnx.Conv"(%r, %w) : (tensor<*xf32>, tensor<8x3x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that input channels that differ from the weight's times group are
// reported.
func.func @conv_channels(%x: tensor<1x3x8x8xf32>, %w: tensor<8x2x3x3xf32>) -> tensor<*xf32> {
  %r = "onnx.Relu"(%x) : (tensor<1x3x8x8xf32>) -> tensor<*xf32>
  // expected-error @+1 {{'onnx.Conv' op input channels (3) do not match weight channels × group (4)}}
  %0 = "onnx.Conv"(%r, %w) <{group = 2 : si64}> : (tensor<*xf32>, tensor<8x2x3x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that output channels not divisible by group are reported.
func.func @conv_group(%x: tensor<1x4x8x8xf32>, %w: tensor<6x1x3x3xf32>) -> tensor<*xf32> {
  %r = "onnx.Relu"(%x) : (tensor<1x4x8x8xf32>) -> tensor<*xf32>
  %rw = "onnx.Relu"(%w) : (tensor<6x1x3x3xf32>) -> tensor<*xf32>
  // expected-error @+1 {{'onnx.Conv' op output channels (6) are not divisible by group (4)}}
  %0 = "onnx.Conv"(%r, %rw) <{group = 4 : si64}> : (tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a bias of the wrong size is reported.
func.func @conv_bias(%x: tensor<1x3x8x8xf32>, %w: tensor<8x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<*xf32> {
  %r = "onnx.Relu"(%x) : (tensor<1x3x8x8xf32>) -> tensor<*xf32>
  %rb = "onnx.Relu"(%b) : (tensor<4xf32>) -> tensor<*xf32>
  // expected-error @+1 {{'onnx.Conv' op bias of shape 4 does not match the output channels (8)}}
  %0 = "onnx.Conv"(%r, %w, %rb) : (tensor<*xf32>, tensor<8x3x3x3xf32>, tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a kernel_shape that contradicts the weight is reported.
func.func @conv_kernel(%x: tensor<1x3x8x8xf32>, %w: tensor<8x3x3x3xf32>) -> tensor<*xf32> {
  %rw = "onnx.Relu"(%w) : (tensor<8x3x3x3xf32>) -> tensor<*xf32>
  // expected-error @+1 {{'onnx.Conv' op kernel_shape [5, 5] does not match the weight shape 8x3x3x3}}
  %0 = "onnx.Conv"(%x, %rw) <{kernel_shape = array<i64: 5, 5>}> : (tensor<1x3x8x8xf32>, tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a non-positive group is reported.
func.func @conv_transpose_group(%x: tensor<1x4x4x4xf32>, %w: tensor<4x8x3x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.ConvTranspose' op group 0 must be positive}}
  %0 = "onnx.ConvTranspose"(%x, %w) <{group = 0 : si64}> : (tensor<1x4x4x4xf32>, tensor<4x8x3x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that ConvTranspose input channels that differ from the weight's
// first dimension are reported.
func.func @conv_transpose_channels(%x: tensor<1x4x4x4xf32>, %w: tensor<3x8x3x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.ConvTranspose' op input channels (4) do not match weight dimension 0 (3)}}
  %0 = "onnx.ConvTranspose"(%x, %w) : (tensor<1x4x4x4xf32>, tensor<3x8x3x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that an output_shape shorter than the spatial rank is reported.
func.func @conv_transpose_output_shape(%x: tensor<1x4x4x4xf32>, %w: tensor<4x8x3x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.ConvTranspose' op output_shape [10] has fewer values than the input's 2 spatial dimensions}}
  %0 = "onnx.ConvTranspose"(%x, %w) <{output_shape = array<i64: 10>}> : (tensor<1x4x4x4xf32>, tensor<4x8x3x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that an output_padding of the wrong length is reported.
func.func @conv_transpose_output_padding(%x: tensor<1x4x4x4xf32>, %w: tensor<4x8x3x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.ConvTranspose' op output_padding has 1 values but the input has 2 spatial dimensions}}
  %0 = "onnx.ConvTranspose"(%x, %w) <{output_padding = array<i64: 1>}> : (tensor<1x4x4x4xf32>, tensor<4x8x3x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that pads that crop a transposed convolution to nothing are
// reported.
func.func @conv_transpose_empty(%x: tensor<1x4x1x1xf32>, %w: tensor<4x8x1x1xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.ConvTranspose' op computed output spatial shape 0x0 is empty}}
  %0 = "onnx.ConvTranspose"(%x, %w) <{pads = array<i64: 1, 1, 0, 0>}> : (tensor<1x4x1x1xf32>, tensor<4x8x1x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that an unknown auto_pad is reported.
func.func @auto_pad(%x: tensor<1x3x8x8xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.LpPool' op unknown auto_pad 'SAME': expected NOTSET, SAME_UPPER, SAME_LOWER or VALID}}
  %0 = "onnx.LpPool"(%x) <{auto_pad = "SAME", kernel_shape = array<i64: 2, 2>}> : (tensor<1x3x8x8xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that strides of the wrong length are reported.
func.func @strides_length(%x: tensor<1x3x8x8xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.LpPool' op strides has 3 values but the input has 2 spatial dimensions}}
  %0 = "onnx.LpPool"(%x) <{kernel_shape = array<i64: 2, 2>, strides = array<i64: 1, 1, 1>}> : (tensor<1x3x8x8xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a zero stride is reported.
func.func @strides_zero(%x: tensor<1x3x8x8xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.LpPool' op strides [0, 1] must be at least 1}}
  %0 = "onnx.LpPool"(%x) <{kernel_shape = array<i64: 2, 2>, strides = array<i64: 0, 1>}> : (tensor<1x3x8x8xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that pads of the wrong length are reported.
func.func @pads_length(%x: tensor<1x3x8x8xf32>) -> tensor<*xf32> {
  %r = "onnx.Relu"(%x) : (tensor<1x3x8x8xf32>) -> tensor<*xf32>
  // expected-error @+1 {{'onnx.MaxPool' op pads has 2 values but the input has 2 spatial dimensions (expected 4)}}
  %0 = "onnx.MaxPool"(%r) <{kernel_shape = array<i64: 2, 2>, pads = array<i64: 1, 1>}> : (tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that negative pads are reported.
func.func @pads_negative(%x: tensor<1x3x8x8xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.LpPool' op pads [0, -1, 0, 0] must not be negative}}
  %0 = "onnx.LpPool"(%x) <{kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, -1, 0, 0>}> : (tensor<1x3x8x8xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a window larger than the padded input is reported.
func.func @window_too_large(%x: tensor<1x3x4x4xf32>) -> tensor<*xf32> {
  %r = "onnx.Relu"(%x) : (tensor<1x3x4x4xf32>) -> tensor<*xf32>
  // expected-error @+1 {{'onnx.AveragePool' op window of size 7 does not fit into spatial dimension 1 of size 6 (padded)}}
  %0 = "onnx.AveragePool"(%r) <{kernel_shape = array<i64: 3, 7>, pads = array<i64: 0, 1, 0, 1>}> : (tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}
