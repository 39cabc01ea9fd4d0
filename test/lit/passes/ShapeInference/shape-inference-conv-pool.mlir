// RUN: aotc-opt %s --split-input-file --aotc-shape-inference | FileCheck %s

// Tests Conv output sizes with explicit pads, strides and dilations, with
// the kernel taken from the weight.

// CHECK-LABEL: func.func @conv_explicit
// CHECK: "onnx.Conv"{{.*}} -> tensor<1x16x112x112xf32>
// CHECK: "onnx.Conv"{{.*}} -> tensor<1x16x108x108xf32>
// CHECK: "onnx.Conv"{{.*}} -> tensor<1x16x112x111xf32>
func.func @conv_explicit(%x: tensor<1x3x224x224xf32>, %w: tensor<16x3x7x7xf32>, %b: tensor<16xf32>, %w3: tensor<16x3x3x3xf32>, %w16: tensor<16x16x3x3xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0 = "onnx.Conv"(%x, %w, %b) <{pads = array<i64: 3, 3, 3, 3>, strides = array<i64: 2, 2>}> : (tensor<1x3x224x224xf32>, tensor<16x3x7x7xf32>, tensor<16xf32>) -> tensor<*xf32>
  %1 = "onnx.Conv"(%0, %w16) <{dilations = array<i64: 2, 2>, group = 1 : si64}> : (tensor<*xf32>, tensor<16x16x3x3xf32>) -> tensor<*xf32>
  %2 = "onnx.Conv"(%x, %w3) <{kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 0, 1, 0>, strides = array<i64: 2, 2>}> : (tensor<1x3x224x224xf32>, tensor<16x3x3x3xf32>) -> tensor<*xf32>
  return %0, %1, %2 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests Conv with auto_pad SAME_UPPER, SAME_LOWER and VALID, and a grouped
// (depthwise) 1-D convolution.

// CHECK-LABEL: func.func @conv_auto_pad
// CHECK: "onnx.Conv"{{.*}} -> tensor<2x8x5x5xf32>
// CHECK: "onnx.Conv"{{.*}} -> tensor<2x8x10x10xf32>
// CHECK: "onnx.Conv"{{.*}} -> tensor<2x8x4x4xf32>
// CHECK: "onnx.Conv"{{.*}} -> tensor<1x6x9xf32>
func.func @conv_auto_pad(%x: tensor<2x4x10x10xf32>, %w: tensor<8x4x3x3xf32>, %y: tensor<1x6x11xf32>, %dw: tensor<6x1x3xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0 = "onnx.Conv"(%x, %w) <{auto_pad = "SAME_UPPER", strides = array<i64: 2, 2>}> : (tensor<2x4x10x10xf32>, tensor<8x4x3x3xf32>) -> tensor<*xf32>
  %1 = "onnx.Conv"(%x, %w) <{auto_pad = "SAME_LOWER"}> : (tensor<2x4x10x10xf32>, tensor<8x4x3x3xf32>) -> tensor<*xf32>
  %2 = "onnx.Conv"(%x, %w) <{auto_pad = "VALID", strides = array<i64: 2, 2>}> : (tensor<2x4x10x10xf32>, tensor<8x4x3x3xf32>) -> tensor<*xf32>
  %3 = "onnx.Conv"(%y, %dw) <{group = 6 : si64}> : (tensor<1x6x11xf32>, tensor<6x1x3xf32>) -> tensor<*xf32>
  return %0, %1, %2, %3 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests ConvTranspose output sizes from strides, pads and output_padding,
// from output_shape, with SAME_UPPER, and with groups.

// CHECK-LABEL: func.func @conv_transpose
// CHECK: "onnx.ConvTranspose"{{.*}} -> tensor<1x8x8x8xf32>
// CHECK: "onnx.ConvTranspose"{{.*}} -> tensor<1x8x8x7xf32>
// CHECK: "onnx.ConvTranspose"{{.*}} -> tensor<1x8x10x12xf32>
// CHECK: "onnx.ConvTranspose"{{.*}} -> tensor<1x8x8x8xf32>
// CHECK: "onnx.ConvTranspose"{{.*}} -> tensor<1x16x9x9xf32>
func.func @conv_transpose(%x: tensor<1x4x4x4xf32>, %w: tensor<4x8x3x3xf32>, %w2: tensor<4x8x2x2xf32>, %w3: tensor<4x4x3x3xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0 = "onnx.ConvTranspose"(%x, %w2) <{strides = array<i64: 2, 2>}> : (tensor<1x4x4x4xf32>, tensor<4x8x2x2xf32>) -> tensor<*xf32>
  %1 = "onnx.ConvTranspose"(%x, %w) <{strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, output_padding = array<i64: 1, 0>}> : (tensor<1x4x4x4xf32>, tensor<4x8x3x3xf32>) -> tensor<*xf32>
  %2 = "onnx.ConvTranspose"(%x, %w) <{strides = array<i64: 2, 2>, output_shape = array<i64: 10, 12>}> : (tensor<1x4x4x4xf32>, tensor<4x8x3x3xf32>) -> tensor<*xf32>
  %3 = "onnx.ConvTranspose"(%x, %w) <{auto_pad = "SAME_UPPER", strides = array<i64: 2, 2>}> : (tensor<1x4x4x4xf32>, tensor<4x8x3x3xf32>) -> tensor<*xf32>
  %4 = "onnx.ConvTranspose"(%x, %w3) <{group = 4 : si64, strides = array<i64: 2, 2>}> : (tensor<1x4x4x4xf32>, tensor<4x4x3x3xf32>) -> tensor<*xf32>
  return %0, %1, %2, %3, %4 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests MaxPool with both results (Indices are i64), ceil_mode (where a
// last window starting in the end padding is dropped: 5 with pads 1 gives 3,
// not 4), dilations and SAME_UPPER.

// CHECK-LABEL: func.func @max_pool
// CHECK: "onnx.MaxPool"{{.*}} -> (tensor<1x64x56x56xf32>, tensor<1x64x56x56xi64>)
// CHECK: "onnx.MaxPool"{{.*}} -> tensor<1x64x57x57xf32>
// CHECK: "onnx.MaxPool"{{.*}} -> tensor<1x2x3x3xf32>
// CHECK: "onnx.MaxPool"{{.*}} -> tensor<1x64x110x110xf32>
// CHECK: "onnx.MaxPool"{{.*}} -> tensor<1x64x38x38xf32>
func.func @max_pool(%x: tensor<1x64x112x112xf32>, %y: tensor<1x2x5x5xf32>) -> (tensor<*xf32>, tensor<*xi64>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0, %1 = "onnx.MaxPool"(%x) <{kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}> : (tensor<1x64x112x112xf32>) -> (tensor<*xf32>, tensor<*xi64>)
  %2 = "onnx.MaxPool"(%x) <{ceil_mode = 1 : si64, kernel_shape = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}> : (tensor<1x64x112x112xf32>) -> tensor<*xf32>
  %3 = "onnx.MaxPool"(%y) <{ceil_mode = 1 : si64, kernel_shape = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}> : (tensor<1x2x5x5xf32>) -> tensor<*xf32>
  %4 = "onnx.MaxPool"(%x) <{dilations = array<i64: 2, 2>, kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>}> : (tensor<1x64x112x112xf32>) -> tensor<*xf32>
  %5 = "onnx.MaxPool"(%x) <{auto_pad = "SAME_UPPER", kernel_shape = array<i64: 3, 3>, strides = array<i64: 3, 3>}> : (tensor<1x64x112x112xf32>) -> tensor<*xf32>
  return %0, %1, %2, %3, %4, %5 : tensor<*xf32>, tensor<*xi64>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests AveragePool (with ceil_mode), LpPool and the global pools.

// CHECK-LABEL: func.func @other_pools
// CHECK: "onnx.AveragePool"{{.*}} -> tensor<1x8x4x4xf32>
// CHECK: "onnx.AveragePool"{{.*}} -> tensor<1x8x3x3xf32>
// CHECK: "onnx.LpPool"{{.*}} -> tensor<1x8x6x6xf32>
// CHECK: "onnx.GlobalAveragePool"{{.*}} -> tensor<1x8x1x1xf32>
// CHECK: "onnx.GlobalMaxPool"{{.*}} -> tensor<1x8x1x1xf32>
// CHECK: "onnx.GlobalLpPool"{{.*}} -> tensor<1x8x1x1xf32>
func.func @other_pools(%x: tensor<1x8x7x7xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0 = "onnx.AveragePool"(%x) <{ceil_mode = 1 : si64, kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>}> : (tensor<1x8x7x7xf32>) -> tensor<*xf32>
  %1 = "onnx.AveragePool"(%x) <{kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>}> : (tensor<1x8x7x7xf32>) -> tensor<*xf32>
  %2 = "onnx.LpPool"(%x) <{kernel_shape = array<i64: 2, 2>}> : (tensor<1x8x7x7xf32>) -> tensor<*xf32>
  %3 = "onnx.GlobalAveragePool"(%x) : (tensor<1x8x7x7xf32>) -> tensor<*xf32>
  %4 = "onnx.GlobalMaxPool"(%x) : (tensor<1x8x7x7xf32>) -> tensor<*xf32>
  %5 = "onnx.GlobalLpPool"(%x) : (tensor<1x8x7x7xf32>) -> tensor<*xf32>
  return %0, %1, %2, %3, %4, %5 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that ConvInteger (i32) and QLinearConv (the output zero point's type)
// have Conv's output shape.

// CHECK-LABEL: func.func @quantized_conv
// CHECK: "onnx.ConvInteger"{{.*}} -> tensor<1x4x3x3xi32>
// CHECK: "onnx.QLinearConv"{{.*}} -> tensor<1x4x2x2xui8>
func.func @quantized_conv(%x: tensor<1x2x5x5xui8>, %w: tensor<4x2x3x3xui8>, %s: tensor<f32>, %z: tensor<ui8>) -> (tensor<*xi32>, tensor<*xui8>) {
  %0 = "onnx.ConvInteger"(%x, %w) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>}> : (tensor<1x2x5x5xui8>, tensor<4x2x3x3xui8>) -> tensor<*xi32>
  %1 = "onnx.QLinearConv"(%x, %s, %z, %w, %s, %z, %s, %z) {strides = array<i64: 2, 2>} : (tensor<1x2x5x5xui8>, tensor<f32>, tensor<ui8>, tensor<4x2x3x3xui8>, tensor<f32>, tensor<ui8>, tensor<f32>, tensor<ui8>) -> tensor<*xui8>
  return %0, %1 : tensor<*xi32>, tensor<*xui8>
}
