// RUN: aotc-opt %s --split-input-file --aotc-convert-onnx-to-linalg | FileCheck %s

// Tests that nearest Resize by an integer factor with asymmetric coordinates
// reads each input row and column through a compile-time index table.

// CHECK-DAG:   #[[$ROW:.+]] = affine_map<(d0, d1, d2, d3) -> (d2)>
// CHECK-DAG:   #[[$COL:.+]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-LABEL: func.func @resize_nearest
// CHECK-SAME:    %[[X:.+]]: tensor<1x1x2x3xf32>
// CHECK-DAG:     %[[ROWS:.+]] = arith.constant dense<[0, 0, 1, 1]> : tensor<4xi64>
// CHECK-DAG:     %[[COLS:.+]] = arith.constant dense<[0, 0, 1, 1, 2, 2]> : tensor<6xi64>
// CHECK:         %[[Y:.+]] = linalg.generic {indexing_maps = [#[[$ROW]], #[[$COL]], #{{.+}}]
// CHECK-SAME:        ins(%[[ROWS]], %[[COLS]] : tensor<4xi64>, tensor<6xi64>) outs(%{{.+}} : tensor<1x1x4x6xf32>)
// CHECK:         ^bb0(%[[R:.+]]: i64, %[[C:.+]]: i64, %{{.+}}: f32):
// CHECK-DAG:       %[[N:.+]] = linalg.index 0 : index
// CHECK-DAG:       %[[CH:.+]] = linalg.index 1 : index
// CHECK-DAG:       %[[RI:.+]] = arith.index_cast %[[R]] : i64 to index
// CHECK-DAG:       %[[CI:.+]] = arith.index_cast %[[C]] : i64 to index
// CHECK:           %[[E:.+]] = tensor.extract %[[X]][%[[N]], %[[CH]], %[[RI]], %[[CI]]] : tensor<1x1x2x3xf32>
// CHECK:           linalg.yield %[[E]] : f32
// CHECK:         return %[[Y]]
func.func @resize_nearest(%x: tensor<1x1x2x3xf32>) -> tensor<1x1x4x6xf32> {
  %scales = "onnx.Constant"() {value = dense<[1.0, 1.0, 2.0, 2.0]> : tensor<4xf32>} : () -> tensor<4xf32>
  %0 = "onnx.Resize"(%x, %scales) <{operandSegmentSizes = array<i32: 1, 0, 1, 0>}> {coordinate_transformation_mode = "asymmetric", mode = "nearest", nearest_mode = "floor"} : (tensor<1x1x2x3xf32>, tensor<4xf32>) -> tensor<1x1x4x6xf32>
  return %0 : tensor<1x1x4x6xf32>
}

// -----

// Tests that linear Resize of one dimension blends the two neighbours with
// compile-time weights (half_pixel: output 0 of 4 reads 2 inputs at -0.25,
// clamped to input 0).

// CHECK-LABEL: func.func @resize_linear
// CHECK-SAME:    %[[X:.+]]: tensor<1x2xf32>
// CHECK-DAG:     %[[LO:.+]] = arith.constant dense<[0, 0, 0, 1]> : tensor<4xi64>
// CHECK-DAG:     %[[HI:.+]] = arith.constant dense<[0, 1, 1, 1]> : tensor<4xi64>
// CHECK-DAG:     %[[W:.+]] = arith.constant dense<[7.500000e-01, 2.500000e-01, 7.500000e-01, 2.500000e-01]> : tensor<4xf32>
// CHECK:         linalg.generic {{.*}} ins(%[[LO]], %[[HI]], %[[W]] :
// CHECK:         ^bb0(%[[L:.+]]: i64, %[[H:.+]]: i64, %[[WH:.+]]: f32, %{{.+}}: f32):
// CHECK:           %[[WL:.+]] = arith.subf %{{.+}}, %[[WH]] : f32
// CHECK:           %[[EL:.+]] = tensor.extract %[[X]]
// CHECK:           %[[TL:.+]] = arith.mulf %[[EL]], %[[WL]] : f32
// CHECK:           %[[EH:.+]] = tensor.extract %[[X]]
// CHECK:           %[[TH:.+]] = arith.mulf %[[EH]], %[[WH]] : f32
// CHECK:           %[[SUM:.+]] = arith.addf %[[TL]], %[[TH]] : f32
// CHECK:           linalg.yield %[[SUM]] : f32
func.func @resize_linear(%x: tensor<1x2xf32>) -> tensor<1x4xf32> {
  %sizes = "onnx.Constant"() {value = dense<[1, 4]> : tensor<2xi64>} : () -> tensor<2xi64>
  %0 = "onnx.Resize"(%x, %sizes) <{operandSegmentSizes = array<i32: 1, 0, 0, 1>}> {mode = "linear"} : (tensor<1x2xf32>, tensor<2xi64>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

// Tests that Upsample uses asymmetric coordinates rounded down.

// CHECK-LABEL: func.func @upsample
// CHECK:         %[[COLS:.+]] = arith.constant dense<[0, 0, 0, 1, 1, 1]> : tensor<6xi64>
// CHECK:         linalg.generic {{.*}} ins(%[[COLS]] : tensor<6xi64>) outs(%{{.+}} : tensor<1x1x2x6xf32>)
func.func @upsample(%x: tensor<1x1x2x2xf32>) -> tensor<1x1x2x6xf32> {
  %scales = "onnx.Constant"() {value = dense<[1.0, 1.0, 1.0, 3.0]> : tensor<4xf32>} : () -> tensor<4xf32>
  %0 = "onnx.Upsample"(%x, %scales) : (tensor<1x1x2x2xf32>, tensor<4xf32>) -> tensor<1x1x2x6xf32>
  return %0 : tensor<1x1x2x6xf32>
}

// -----

// Tests that align_corners with scales takes the resized length unrounded,
// as ONNX does: 4 columns by 0.6 give 2 outputs, and output 1 reads input
// 1 * 3 / (2.4 - 1) = 2.142857 (weight 0.142857 on input 3).

// CHECK-LABEL: func.func @resize_align_corners_scales
// CHECK-DAG:     arith.constant dense<[0, 2]> : tensor<2xi64>
// CHECK-DAG:     arith.constant dense<[1, 3]> : tensor<2xi64>
// CHECK-DAG:     arith.constant dense<[0.000000e+00, 1.428570e-01]> : tensor<2xf32>
func.func @resize_align_corners_scales(%x: tensor<1x4xf32>) -> tensor<1x2xf32> {
  %scales = "onnx.Constant"() {value = dense<[1.0, 0.6]> : tensor<2xf32>} : () -> tensor<2xf32>
  %0 = "onnx.Resize"(%x, %scales) <{operandSegmentSizes = array<i32: 1, 0, 1, 0>}> {coordinate_transformation_mode = "align_corners", mode = "linear"} : (tensor<1x4xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  return %0 : tensor<1x2xf32>
}
