// RUN: aotc-opt %s --split-input-file --aotc-convert-onnx-to-linalg | FileCheck %s

// Tests that a group-1 Conv pads the input with zeros, runs
// conv_2d_nchw_fchw with the strides into a zero-filled accumulator and adds
// the bias per channel in an epilogue generic.

// CHECK-DAG:   #[[$ID:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG:   #[[$CHANNEL:.+]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-LABEL: func.func @conv_bias_pads
// CHECK-SAME:    %[[X:.+]]: tensor<1x3x8x8xf32>, %[[W:.+]]: tensor<4x3x3x3xf32>, %[[B:.+]]: tensor<4xf32>
// CHECK:         %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK:         %[[PADDED:.+]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK:           tensor.yield %[[ZERO]] : f32
// CHECK:         } : tensor<1x3x8x8xf32> to tensor<1x3x10x10xf32>
// CHECK:         %[[ACC_INIT:.+]] = arith.constant 0.000000e+00 : f32
// CHECK:         %[[ACC:.+]] = linalg.fill ins(%[[ACC_INIT]] : f32) outs(%{{.+}} : tensor<1x4x4x4xf32>)
// CHECK:         %[[CONV:.+]] = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
// CHECK-SAME:        ins(%[[PADDED]], %[[W]] : tensor<1x3x10x10xf32>, tensor<4x3x3x3xf32>) outs(%[[ACC]] : tensor<1x4x4x4xf32>)
// CHECK:         %[[Y:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$CHANNEL]], #[[$ID]]]
// CHECK-SAME:        ins(%[[CONV]], %[[B]] : tensor<1x4x4x4xf32>, tensor<4xf32>)
// CHECK:           arith.addf
// CHECK:         return %[[Y]]
func.func @conv_bias_pads(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x4x4xf32> {
  %0 = "onnx.Conv"(%x, %w, %b) {pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// Tests that a Conv with one filter per channel is a depthwise conv on the
// filter without its unit dimension, and that SAME_UPPER pads symmetrically
// for an odd kernel.

// CHECK-LABEL: func.func @conv_depthwise
// CHECK-SAME:    %[[X:.+]]: tensor<1x8x6x6xf32>, %[[W:.+]]: tensor<8x1x3x3xf32>
// CHECK:         %[[PADDED:.+]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK:         %[[FILTER:.+]] = tensor.collapse_shape %[[W]] {{\[}}[0], [1, 2], [3]] : tensor<8x1x3x3xf32> into tensor<8x3x3xf32>
// CHECK:         %[[ACC:.+]] = linalg.fill
// CHECK:         %[[CONV:.+]] = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
// CHECK-SAME:        ins(%[[PADDED]], %[[FILTER]] : tensor<1x8x8x8xf32>, tensor<8x3x3xf32>) outs(%[[ACC]] : tensor<1x8x6x6xf32>)
// CHECK:         return %[[CONV]]
func.func @conv_depthwise(%x: tensor<1x8x6x6xf32>, %w: tensor<8x1x3x3xf32>) -> tensor<1x8x6x6xf32> {
  %0 = "onnx.Conv"(%x, %w) {auto_pad = "SAME_UPPER", group = 8 : si64} : (tensor<1x8x6x6xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x6x6xf32>
  return %0 : tensor<1x8x6x6xf32>
}

// -----

// Tests that other groups split channels and filters for
// conv_2d_ngchw_gfchw and merge the groups of the result again.

// CHECK-LABEL: func.func @conv_grouped
// CHECK-SAME:    %[[X:.+]]: tensor<1x4x5x5xf32>, %[[W:.+]]: tensor<6x2x3x3xf32>
// CHECK-NOT:     tensor.pad
// CHECK:         %[[X5:.+]] = tensor.expand_shape %[[X]] {{\[}}[0], [1, 2], [3], [4]] output_shape [1, 2, 2, 5, 5]
// CHECK:         %[[W5:.+]] = tensor.expand_shape %[[W]] {{\[}}[0, 1], [2], [3], [4]] output_shape [2, 3, 2, 3, 3]
// CHECK:         %[[ACC:.+]] = linalg.fill {{.*}} -> tensor<1x2x3x3x3xf32>
// CHECK:         %[[CONV:.+]] = linalg.conv_2d_ngchw_gfchw
// CHECK-SAME:        ins(%[[X5]], %[[W5]] : tensor<1x2x2x5x5xf32>, tensor<2x3x2x3x3xf32>) outs(%[[ACC]] : tensor<1x2x3x3x3xf32>)
// CHECK:         %[[Y:.+]] = tensor.collapse_shape %[[CONV]] {{\[}}[0], [1, 2], [3], [4]] : tensor<1x2x3x3x3xf32> into tensor<1x6x3x3xf32>
// CHECK:         return %[[Y]]
func.func @conv_grouped(%x: tensor<1x4x5x5xf32>, %w: tensor<6x2x3x3xf32>) -> tensor<1x6x3x3xf32> {
  %0 = "onnx.Conv"(%x, %w) {group = 2 : si64, dilations = array<i64: 1, 1>} : (tensor<1x4x5x5xf32>, tensor<6x2x3x3xf32>) -> tensor<1x6x3x3xf32>
  return %0 : tensor<1x6x3x3xf32>
}

// -----

// Tests that SAME_LOWER puts the odd padding element at the beginning.

// CHECK-LABEL: func.func @conv_same_lower
// CHECK:         tensor.pad %{{.+}} low[0, 0, 1, 1] high[0, 0, 0, 0]
// CHECK:         linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
func.func @conv_same_lower(%x: tensor<1x1x8x8xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32> {
  %0 = "onnx.Conv"(%x, %w) {auto_pad = "SAME_LOWER", strides = array<i64: 2, 2>} : (tensor<1x1x8x8xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  return %0 : tensor<1x1x4x4xf32>
}

// -----

// Tests that a 1-D Conv runs as a 2-D one on a unit height.

// CHECK-LABEL: func.func @conv_1d
// CHECK-SAME:    %[[X:.+]]: tensor<1x2x10xf32>, %[[W:.+]]: tensor<3x2x3xf32>
// CHECK:         %[[X4:.+]] = tensor.expand_shape %[[X]] {{\[}}[0], [1], [2, 3]] output_shape [1, 2, 1, 10]
// CHECK:         %[[PADDED:.+]] = tensor.pad %[[X4]] low[0, 0, 0, 1] high[0, 0, 0, 0]
// CHECK:         %[[W4:.+]] = tensor.expand_shape %[[W]] {{\[}}[0], [1], [2, 3]] output_shape [3, 2, 1, 3]
// CHECK:         %[[CONV:.+]] = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<[1, 2]> : tensor<2xi64>}
// CHECK-SAME:        ins(%[[PADDED]], %[[W4]] : tensor<1x2x1x11xf32>, tensor<3x2x1x3xf32>)
// CHECK:         %[[Y:.+]] = tensor.collapse_shape %[[CONV]] {{\[}}[0], [1], [2, 3]] : tensor<1x3x1x4xf32> into tensor<1x3x4xf32>
// CHECK:         return %[[Y]]
func.func @conv_1d(%x: tensor<1x2x10xf32>, %w: tensor<3x2x3xf32>) -> tensor<1x3x4xf32> {
  %0 = "onnx.Conv"(%x, %w) {dilations = array<i64: 2>, strides = array<i64: 2>, pads = array<i64: 1, 0>} : (tensor<1x2x10xf32>, tensor<3x2x3xf32>) -> tensor<1x3x4xf32>
  return %0 : tensor<1x3x4xf32>
}

// -----

// Tests that MaxPool pads with -inf and starts from -inf.

// CHECK-LABEL: func.func @maxpool_pads
// CHECK-SAME:    %[[X:.+]]: tensor<1x2x6x6xf32>
// CHECK:         %[[NEG_INF:.+]] = arith.constant 0xFF800000 : f32
// CHECK:         %[[PADDED:.+]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK:           tensor.yield %[[NEG_INF]] : f32
// CHECK:         %[[WINDOW:.+]] = tensor.empty() : tensor<3x3xf32>
// CHECK:         %[[INIT:.+]] = arith.constant 0xFF800000 : f32
// CHECK:         %[[ACC:.+]] = linalg.fill ins(%[[INIT]] : f32) outs(%{{.+}} : tensor<1x2x3x3xf32>)
// CHECK:         %[[POOL:.+]] = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
// CHECK-SAME:        ins(%[[PADDED]], %[[WINDOW]] : tensor<1x2x8x8xf32>, tensor<3x3xf32>) outs(%[[ACC]] : tensor<1x2x3x3xf32>)
// CHECK:         return %[[POOL]]
func.func @maxpool_pads(%x: tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32> {
  %0 = "onnx.MaxPool"(%x) {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32>
  return %0 : tensor<1x2x3x3xf32>
}

// -----

// Tests that ceil_mode pads the end further so that the last window exists.

// CHECK-LABEL: func.func @maxpool_ceil
// CHECK:         tensor.pad %{{.+}} low[0, 0, 0, 0] high[0, 0, 1, 1]
// CHECK:         } : tensor<1x1x5x5xf32> to tensor<1x1x6x6xf32>
// CHECK:         linalg.pooling_nchw_max
// CHECK-SAME:        outs(%{{.+}} : tensor<1x1x3x3xf32>)
func.func @maxpool_ceil(%x: tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32> {
  %0 = "onnx.MaxPool"(%x) {ceil_mode = 1 : si64, kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>
  return %0 : tensor<1x1x3x3xf32>
}

// -----

// Tests that AveragePool without padding divides the window sum by the
// constant window size.

// CHECK-LABEL: func.func @avgpool_uniform
// CHECK-SAME:    %[[X:.+]]: tensor<1x2x4x4xf32>
// CHECK-NOT:     tensor.pad
// CHECK:         %[[SUM:.+]] = linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
// CHECK-SAME:        ins(%[[X]], %{{.+}} : tensor<1x2x4x4xf32>, tensor<2x2xf32>)
// CHECK:         %[[COUNT:.+]] = arith.constant 4.000000e+00 : f32
// CHECK:         %[[AVG:.+]] = linalg.generic {{.*}} ins(%[[SUM]] : tensor<1x2x2x2xf32>)
// CHECK:           arith.divf %{{.+}}, %[[COUNT]] : f32
// CHECK:         return %[[AVG]]
func.func @avgpool_uniform(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32> {
  %0 = "onnx.AveragePool"(%x) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

// -----

// Tests that AveragePool with pads and count_include_pad = 0 divides by the
// number of input elements in each window: a product of per-row and
// per-column counts.

// CHECK-DAG:   #[[$ID:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG:   #[[$ROW:.+]] = affine_map<(d0, d1, d2, d3) -> (d2)>
// CHECK-DAG:   #[[$COL:.+]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-LABEL: func.func @avgpool_exclude_pad
// CHECK:         %[[PADDED:.+]] = tensor.pad %{{.+}} low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK:         %[[SUM:.+]] = linalg.pooling_nchw_sum {{.*}} ins(%[[PADDED]]
// CHECK-DAG:     %[[ROWS:.+]] = arith.constant dense<[2.000000e+00, 3.000000e+00, 2.000000e+00]> : tensor<3xf32>
// CHECK-DAG:     %[[COLS:.+]] = arith.constant dense<[2.000000e+00, 3.000000e+00, 2.000000e+00]> : tensor<3xf32>
// CHECK:         linalg.generic {indexing_maps = [#[[$ID]], #[[$ROW]], #[[$COL]], #[[$ID]]]
// CHECK-SAME:        ins(%[[SUM]], %[[ROWS]], %[[COLS]] :
// CHECK:         ^bb0(%[[S:.+]]: f32, %[[R:.+]]: f32, %[[C:.+]]: f32, %{{.+}}: f32):
// CHECK:           %[[N:.+]] = arith.mulf %[[R]], %[[C]] : f32
// CHECK:           %[[AVG:.+]] = arith.divf %[[S]], %[[N]] : f32
// CHECK:           linalg.yield %[[AVG]] : f32
func.func @avgpool_exclude_pad(%x: tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32> {
  %0 = "onnx.AveragePool"(%x) {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>
  return %0 : tensor<1x1x3x3xf32>
}

// -----

// Tests that with count_include_pad = 1 the padding counts, so the divisor
// is the window size again.

// CHECK-LABEL: func.func @avgpool_include_pad
// CHECK:         tensor.pad %{{.+}} low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK:         linalg.pooling_nchw_sum
// CHECK:         %[[COUNT:.+]] = arith.constant 9.000000e+00 : f32
// CHECK:         arith.divf %{{.+}}, %[[COUNT]] : f32
func.func @avgpool_include_pad(%x: tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32> {
  %0 = "onnx.AveragePool"(%x) {count_include_pad = 1 : si64, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>
  return %0 : tensor<1x1x3x3xf32>
}

// -----

// Tests that GlobalAveragePool reduces the spatial dimensions, divides by
// their size and restores the unit dimensions.

// CHECK-DAG:   #[[$ID:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG:   #[[$NC:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
// CHECK-LABEL: func.func @global_avgpool
// CHECK-SAME:    %[[X:.+]]: tensor<1x8x7x7xf32>
// CHECK:         %[[SUM:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$NC]]], iterator_types = ["parallel", "parallel", "reduction", "reduction"]}
// CHECK-SAME:        ins(%[[X]] : tensor<1x8x7x7xf32>) outs(%{{.+}} : tensor<1x8xf32>)
// CHECK:         %[[COUNT:.+]] = arith.constant 4.900000e+01 : f32
// CHECK:         %[[AVG:.+]] = linalg.generic {{.*}} ins(%[[SUM]] : tensor<1x8xf32>)
// CHECK:           arith.divf %{{.+}}, %[[COUNT]] : f32
// CHECK:         %[[Y:.+]] = tensor.expand_shape %[[AVG]] {{\[}}[0], [1, 2, 3]] output_shape [1, 8, 1, 1]
// CHECK:         return %[[Y]]
func.func @global_avgpool(%x: tensor<1x8x7x7xf32>) -> tensor<1x8x1x1xf32> {
  %0 = "onnx.GlobalAveragePool"(%x) : (tensor<1x8x7x7xf32>) -> tensor<1x8x1x1xf32>
  return %0 : tensor<1x8x1x1xf32>
}

// -----

// Tests that ConvTranspose places the input with stride-2 gaps and
// kernel - 1 - pad zeros around it (plus output_padding at the end), and
// convolves with stride 1 and the filter transposed to [F, C, KH, KW] with
// its window flipped.

// CHECK-DAG:   #[[$FLIP:.+]] = affine_map<(d0, d1, d2, d3) -> (d1, d0, -d2 + 2, -d3 + 2)>
// CHECK-LABEL: func.func @conv_transpose
// CHECK-SAME:    %[[X:.+]]: tensor<1x3x4x4xf32>, %[[W:.+]]: tensor<3x2x3x3xf32>, %[[B:.+]]: tensor<2xf32>
// CHECK:         %[[ZEROS:.+]] = linalg.fill {{.*}} -> tensor<1x3x10x10xf32>
// CHECK:         %[[PLACED:.+]] = tensor.insert_slice %[[X]] into %[[ZEROS]][0, 0, 1, 1] [1, 3, 4, 4] [1, 1, 2, 2]
// CHECK:         %[[FILTER:.+]] = linalg.generic {indexing_maps = [#[[$FLIP]], #{{.+}}]{{.*}} ins(%[[W]] : tensor<3x2x3x3xf32>) outs(%{{.+}} : tensor<2x3x3x3xf32>)
// CHECK:         %[[CONV:.+]] = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
// CHECK-SAME:        ins(%[[PLACED]], %[[FILTER]] : tensor<1x3x10x10xf32>, tensor<2x3x3x3xf32>)
// CHECK:         %[[Y:.+]] = linalg.generic {{.*}} ins(%[[CONV]], %[[B]] :
// CHECK:         return %[[Y]]
func.func @conv_transpose(%x: tensor<1x3x4x4xf32>, %w: tensor<3x2x3x3xf32>, %b: tensor<2xf32>) -> tensor<1x2x8x8xf32> {
  %0 = "onnx.ConvTranspose"(%x, %w, %b) {output_padding = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x4x4xf32>, tensor<3x2x3x3xf32>, tensor<2xf32>) -> tensor<1x2x8x8xf32>
  return %0 : tensor<1x2x8x8xf32>
}

// -----

// Tests that MaxPool on unsigned integers flips the sign bit around the
// (signed) pooling, which maps unsigned order onto signed order.

// CHECK-LABEL: func.func @maxpool_unsigned
// CHECK-SAME:    %[[X:.+]]: tensor<1x1x4x4xi8>
// CHECK:         %[[SIGN:.+]] = arith.constant -128 : i8
// CHECK:         %[[FLIPPED:.+]] = linalg.generic {{.*}} ins(%[[X]] : tensor<1x1x4x4xi8>)
// CHECK:           arith.xori %{{.+}}, %[[SIGN]] : i8
// CHECK:         %[[POOL:.+]] = linalg.pooling_nchw_max {{.*}} ins(%[[FLIPPED]], %{{.+}} :
// CHECK:         %[[Y:.+]] = linalg.generic {{.*}} ins(%[[POOL]] : tensor<1x1x2x2xi8>)
// CHECK:           arith.xori
// CHECK:         return %[[Y]]
func.func @maxpool_unsigned(%x: tensor<1x1x4x4xui8>) -> tensor<1x1x2x2xui8> {
  %0 = "onnx.MaxPool"(%x) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x1x4x4xui8>) -> tensor<1x1x2x2xui8>
  return %0 : tensor<1x1x2x2xui8>
}

// -----

// Tests that a ConvTranspose output_shape beyond the full result pads zeros
// at the end: 3 * (3 - 1) + 3 = 9 rows become 10.

// CHECK-LABEL: func.func @conv_transpose_output_shape
// CHECK:         %[[ZEROS:.+]] = linalg.fill {{.*}} -> tensor<1x1x12x10xf32>
// CHECK:         tensor.insert_slice %{{.+}} into %[[ZEROS]][0, 0, 2, 2] [1, 1, 3, 3] [1, 1, 3, 2]
// CHECK:         linalg.conv_2d_nchw_fchw {{.*}} outs(%{{.+}} : tensor<1x2x10x8xf32>)
func.func @conv_transpose_output_shape(%x: tensor<1x1x3x3xf32>, %w: tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32> {
  %0 = "onnx.ConvTranspose"(%x, %w) {output_shape = array<i64: 10, 8>, strides = array<i64: 3, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32>
  return %0 : tensor<1x2x10x8xf32>
}

// -----

// Tests that a 3-D Conv is one generic with n, f, 3 output loops parallel and
// c and 3 kernel loops reductions over the padded input.

// CHECK-LABEL: func.func @conv3d
// CHECK: tensor.pad
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "reduction"]
// CHECK: arith.mulf
// CHECK: arith.addf
func.func @conv3d(%x: tensor<1x2x4x4x4xf32>, %w: tensor<3x2x3x3x3xf32>) -> tensor<1x3x4x4x4xf32> {
  %0 = "onnx.Conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1, 1, 1>} : (tensor<1x2x4x4x4xf32>, tensor<3x2x3x3x3xf32>) -> tensor<1x3x4x4x4xf32>
  return %0 : tensor<1x3x4x4x4xf32>
}

// -----

// Tests that a 3-D MaxPool is one generic with the window loops reductions.

// CHECK-LABEL: func.func @maxpool3d
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]
// CHECK: arith.maximumf
func.func @maxpool3d(%x: tensor<1x1x4x4x4xf32>) -> tensor<1x1x2x2x2xf32> {
  %0 = "onnx.MaxPool"(%x) {kernel_shape = array<i64: 2, 2, 2>, strides = array<i64: 2, 2, 2>} : (tensor<1x1x4x4x4xf32>) -> tensor<1x1x2x2x2xf32>
  return %0 : tensor<1x1x2x2x2xf32>
}

// -----

// Tests that ConvInteger subtracts the zero points in i32 (w's per output
// channel) and convolves in i32.

// CHECK-LABEL: func.func @conv_integer
// CHECK: arith.extsi %{{.*}} : i8 to i32
// CHECK: arith.subi
// CHECK: arith.extsi %{{.*}} : i8 to i32
// CHECK: arith.subi
// CHECK: linalg.conv_2d_nchw_fchw {{.*}} -> tensor<1x2x3x3xi32>
func.func @conv_integer(%x: tensor<1x1x3x3xi8>, %w: tensor<2x1x1x1xi8>, %zx: tensor<i8>, %zw: tensor<2xi8>) -> tensor<1x2x3x3xi32> {
  %0 = "onnx.ConvInteger"(%x, %w, %zx, %zw) <{operandSegmentSizes = array<i32: 1, 1, 1, 1>}> : (tensor<1x1x3x3xi8>, tensor<2x1x1x1xi8>, tensor<i8>, tensor<2xi8>) -> tensor<1x2x3x3xi32>
  return %0 : tensor<1x2x3x3xi32>
}
