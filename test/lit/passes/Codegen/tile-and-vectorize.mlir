// RUN: aotc-opt %s --split-input-file --aotc-tile-and-vectorize="matmul-tile=8,32,1" | FileCheck %s

// Tests that a matmul is tiled to the 8x32 register tile with a k step of 1,
// that the partial last tile along N (40 = 32 + 8) is peeled off, and that
// both the full and the remainder tiles become vector.contract on static
// vectors.

// CHECK-LABEL: func.func @matmul
// CHECK: scf.for
// CHECK: scf.for
// CHECK: vector.contract {{.*}} vector<8x1xf32>, vector<1x32xf32> into vector<8x32xf32>
// CHECK: vector.contract {{.*}} vector<8x1xf32>, vector<1x8xf32> into vector<8x8xf32>
// CHECK-NOT: linalg.matmul
func.func @matmul(%a: tensor<16x4xf32>, %b: tensor<4x40xf32>, %c: tensor<16x40xf32>) -> tensor<16x40xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<16x4xf32>, tensor<4x40xf32>) outs(%c : tensor<16x40xf32>) -> tensor<16x40xf32>
  return %r : tensor<16x40xf32>
}

// -----

// Tests that a pointwise (1x1, stride 1) convolution becomes a contraction
// over the collapsed spatial dimensions, with no im2col copy.

// CHECK-LABEL: func.func @pointwise
// CHECK: tensor.collapse_shape %{{.+}} {{\[}}[0], [1, 2, 3]] : tensor<8x4x1x1xf32> into tensor<8x4xf32>
// CHECK: tensor.collapse_shape %{{.+}} {{\[}}[0], [1], [2, 3]] : tensor<1x4x4x8xf32> into tensor<1x4x32xf32>
// CHECK: scf.for
// CHECK: vector.transfer_read {{.*}} : tensor<8x1xf32>, vector<1x8x32x1xf32>
// CHECK: vector.multi_reduction <add>, {{.*}} [3] : vector<1x8x32x1xf32> to vector<1x8x32xf32>
// CHECK: tensor.expand_shape
// CHECK-NOT: linalg.conv_2d_nchw_fchw
func.func @pointwise(%x: tensor<1x4x4x8xf32>, %w: tensor<8x4x1x1xf32>, %init: tensor<1x8x4x8xf32>) -> tensor<1x8x4x8xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
       ins(%x, %w : tensor<1x4x4x8xf32>, tensor<8x4x1x1xf32>) outs(%init : tensor<1x8x4x8xf32>) -> tensor<1x8x4x8xf32>
  return %r : tensor<1x8x4x8xf32>
}

// -----

// Tests that a 3x3 convolution goes through im2col into a vectorized
// contraction (the filter, 8 x 18, as laid out by ONNX, is its left operand).

// CHECK-LABEL: func.func @conv3x3
// CHECK: tensor.collapse_shape %{{.+}} {{\[}}[0], [1, 2, 3]] : tensor<8x2x3x3xf32> into tensor<8x18xf32>
// CHECK: linalg.generic
// CHECK: scf.for
// CHECK: vector.multi_reduction <add>, {{.*}} : vector<1x8x16x1xf32> to vector<1x8x16xf32>
// CHECK-NOT: linalg.conv_2d_nchw_fchw
func.func @conv3x3(%x: tensor<1x2x6x6xf32>, %w: tensor<8x2x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
       ins(%x, %w : tensor<1x2x6x6xf32>, tensor<8x2x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %r : tensor<1x8x4x4xf32>
}

// -----

// Tests that a reduction's loops are interchanged so that the innermost loop
// runs along the output's contiguous dimension.

// CHECK-LABEL: func.func @pooling
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "parallel"]
func.func @pooling(%x: tensor<1x2x8x8xf32>, %init: tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32> {
  %window = tensor.empty() : tensor<2x2xf32>
  %r = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
       ins(%x, %window : tensor<1x2x8x8xf32>, tensor<2x2xf32>) outs(%init : tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  return %r : tensor<1x2x4x4xf32>
}
