// RUN: aotc-opt %s --split-input-file --aotc-convert-onnx-to-linalg | FileCheck %s

// Tests that BatchNormalization with constant parameters folds them into a
// per-channel scale and shift at compile time: one multiply-add remains.

// CHECK-DAG:   #[[$ID:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG:   #[[$CHANNEL:.+]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-LABEL: func.func @batchnorm_constant
// CHECK-SAME:    %[[X:.+]]: tensor<1x2x3x3xf32>
// CHECK-DAG:     %[[SCALE:.+]] = arith.constant dense<1.000000e+00> : tensor<2xf32>
// CHECK-DAG:     %[[SHIFT:.+]] = arith.constant dense<[5.000000e-01, -1.500000e+00]> : tensor<2xf32>
// CHECK:         %[[Y:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$CHANNEL]], #[[$CHANNEL]], #[[$ID]]]
// CHECK-SAME:        ins(%[[X]], %[[SCALE]], %[[SHIFT]] :
// CHECK:         ^bb0(%[[IN:.+]]: f32, %[[S:.+]]: f32, %[[T:.+]]: f32, %{{.+}}: f32):
// CHECK:           %[[MUL:.+]] = arith.mulf %[[IN]], %[[S]] : f32
// CHECK:           %[[ADD:.+]] = arith.addf %[[MUL]], %[[T]] : f32
// CHECK:           linalg.yield %[[ADD]] : f32
// CHECK-NOT:     math.sqrt
// CHECK:         return %[[Y]]
func.func @batchnorm_constant(%x: tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32> {
  %scale = "onnx.Constant"() {value = dense<[1.0, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %bias = "onnx.Constant"() {value = dense<[0.5, -0.5]> : tensor<2xf32>} : () -> tensor<2xf32>
  %mean = "onnx.Constant"() {value = dense<[0.0, 1.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %var = "onnx.Constant"() {value = dense<[1.0, 4.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %0 = "onnx.BatchNormalization"(%x, %scale, %bias, %mean, %var) <{resultSegmentSizes = array<i32: 1, 0, 0>}> {epsilon = 0.0 : f32} : (tensor<1x2x3x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
  return %0 : tensor<1x2x3x3xf32>
}

// -----

// Tests that BatchNormalization with runtime parameters computes the scale
// and shift per channel first, then one multiply-add per element.

// CHECK-DAG:   #[[$ID:.+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG:   #[[$CHANNEL:.+]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-LABEL: func.func @batchnorm_runtime
// CHECK-SAME:    %[[X:.+]]: tensor<2x3x4xf32>, %[[SCALE:.+]]: tensor<3xf32>, %[[BIAS:.+]]: tensor<3xf32>, %[[MEAN:.+]]: tensor<3xf32>, %[[VAR:.+]]: tensor<3xf32>
// CHECK:         %[[EPS:.+]] = arith.constant 9.99999974E-6 : f32
// CHECK:         %[[S:.+]] = linalg.generic {{.*}} ins(%[[SCALE]], %[[VAR]] : tensor<3xf32>, tensor<3xf32>)
// CHECK:           arith.addf %{{.+}}, %[[EPS]] : f32
// CHECK:           math.sqrt
// CHECK:           arith.divf
// CHECK:         %[[T:.+]] = linalg.generic {{.*}} ins(%[[BIAS]], %[[MEAN]], %[[S]] :
// CHECK:           arith.mulf
// CHECK:           arith.subf
// CHECK:         %[[Y:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$CHANNEL]], #[[$CHANNEL]], #[[$ID]]]
// CHECK-SAME:        ins(%[[X]], %[[S]], %[[T]] :
// CHECK:         return %[[Y]]
func.func @batchnorm_runtime(%x: tensor<2x3x4xf32>, %scale: tensor<3xf32>, %bias: tensor<3xf32>, %mean: tensor<3xf32>, %var: tensor<3xf32>) -> tensor<2x3x4xf32> {
  %0 = "onnx.BatchNormalization"(%x, %scale, %bias, %mean, %var) <{resultSegmentSizes = array<i32: 1, 0, 0>}> : (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// Tests that Softmax subtracts the maximum along the axis before
// exponentiating and divides by the sum.

// CHECK-DAG:   #[[$ID:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG:   #[[$ROW:.+]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @softmax
// CHECK-SAME:    %[[X:.+]]: tensor<2x5xf32>
// CHECK:         %[[NEG_INF:.+]] = arith.constant 0xFF800000 : f32
// CHECK:         %[[MAX_INIT:.+]] = linalg.fill ins(%[[NEG_INF]] : f32) outs(%{{.+}} : tensor<2xf32>)
// CHECK:         %[[MAX:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$ROW]]], iterator_types = ["parallel", "reduction"]}
// CHECK-SAME:        ins(%[[X]] : tensor<2x5xf32>) outs(%[[MAX_INIT]] : tensor<2xf32>)
// CHECK:           arith.maximumf
// CHECK:         %[[EXP:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$ROW]], #[[$ID]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME:        ins(%[[X]], %[[MAX]] : tensor<2x5xf32>, tensor<2xf32>)
// CHECK:           %[[SHIFTED:.+]] = arith.subf
// CHECK:           math.exp %[[SHIFTED]] : f32
// CHECK:         %[[SUM:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$ROW]]], iterator_types = ["parallel", "reduction"]}
// CHECK-SAME:        ins(%[[EXP]] : tensor<2x5xf32>)
// CHECK:           arith.addf
// CHECK:         %[[Y:.+]] = linalg.generic {{.*}} ins(%[[EXP]], %[[SUM]] : tensor<2x5xf32>, tensor<2xf32>)
// CHECK:           arith.divf
// CHECK:         return %[[Y]]
func.func @softmax(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  %0 = "onnx.Softmax"(%x) {axis = -1 : si64} : (tensor<2x5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

// Tests that LogSoftmax along an inner axis yields x - max - log(sum).

// CHECK-DAG:   #[[$ID:.+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG:   #[[$REDUCED:.+]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-LABEL: func.func @log_softmax
// CHECK-SAME:    %[[X:.+]]: tensor<2x5x3xf32>
// CHECK:         %[[MAX:.+]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction", "parallel"]
// CHECK:         %[[EXP:.+]] = linalg.generic
// CHECK:         %[[SUM:.+]] = linalg.generic {{.*}} ins(%[[EXP]]
// CHECK:         %[[Y:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$REDUCED]], #[[$REDUCED]], #[[$ID]]]
// CHECK-SAME:        ins(%[[X]], %[[MAX]], %[[SUM]] :
// CHECK:         ^bb0(%[[IN:.+]]: f32, %[[M:.+]]: f32, %[[S:.+]]: f32, %{{.+}}: f32):
// CHECK:           %[[SHIFTED:.+]] = arith.subf %[[IN]], %[[M]] : f32
// CHECK:           %[[LOG:.+]] = math.log %[[S]] : f32
// CHECK:           %[[R:.+]] = arith.subf %[[SHIFTED]], %[[LOG]] : f32
// CHECK:           linalg.yield %[[R]] : f32
// CHECK:         return %[[Y]]
func.func @log_softmax(%x: tensor<2x5x3xf32>) -> tensor<2x5x3xf32> {
  %0 = "onnx.LogSoftmax"(%x) {axis = 1 : si64} : (tensor<2x5x3xf32>) -> tensor<2x5x3xf32>
  return %0 : tensor<2x5x3xf32>
}

// -----

// Tests that ReduceMean with constant axes and keepdims reduces, divides by
// the reduced size and restores the unit dimension.

// CHECK-LABEL: func.func @reduce_mean_keepdims
// CHECK-SAME:    %[[X:.+]]: tensor<2x5x3xf32>
// CHECK:         %[[SUM:.+]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction", "parallel"]
// CHECK-SAME:        ins(%[[X]] : tensor<2x5x3xf32>) outs(%{{.+}} : tensor<2x3xf32>)
// CHECK:         %[[COUNT:.+]] = arith.constant 5.000000e+00 : f32
// CHECK:         %[[MEAN:.+]] = linalg.generic {{.*}} ins(%[[SUM]] : tensor<2x3xf32>)
// CHECK:           arith.divf %{{.+}}, %[[COUNT]] : f32
// CHECK:         %[[Y:.+]] = tensor.expand_shape %[[MEAN]] {{\[}}[0], [1, 2]] output_shape [2, 1, 3]
// CHECK:         return %[[Y]]
func.func @reduce_mean_keepdims(%x: tensor<2x5x3xf32>) -> tensor<2x1x3xf32> {
  %axes = "onnx.Constant"() {value = dense<[-2]> : tensor<1xi64>} : () -> tensor<1xi64>
  %0 = "onnx.ReduceMean"(%x, %axes) : (tensor<2x5x3xf32>, tensor<1xi64>) -> tensor<2x1x3xf32>
  return %0 : tensor<2x1x3xf32>
}

// -----

// Tests that ReduceSum without axes reduces every dimension.

// CHECK-DAG:   #[[$ALL:.+]] = affine_map<(d0, d1) -> ()>
// CHECK-LABEL: func.func @reduce_sum_all
// CHECK:         %[[SUM:.+]] = linalg.generic {indexing_maps = [#{{.+}}, #[[$ALL]]], iterator_types = ["reduction", "reduction"]}
// CHECK-SAME:        outs(%{{.+}} : tensor<f32>)
// CHECK:         return %[[SUM]]
func.func @reduce_sum_all(%x: tensor<2x3xf32>) -> tensor<f32> {
  %0 = "onnx.ReduceSum"(%x) {keepdims = 0 : si64} : (tensor<2x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// Tests that ReduceMax on signed integers starts from the minimum and
// combines with maxsi.

// CHECK-LABEL: func.func @reduce_max_int
// CHECK:         %[[MIN:.+]] = arith.constant -2147483648 : i32
// CHECK:         %[[INIT:.+]] = linalg.fill ins(%[[MIN]] : i32)
// CHECK:         linalg.generic {{.*}} iterator_types = ["reduction", "parallel"]{{.*}} outs(%[[INIT]] : tensor<3xi32>)
// CHECK:           arith.maxsi
func.func @reduce_max_int(%x: tensor<4x3xi32>) -> tensor<3xi32> {
  %axes = "onnx.Constant"() {value = dense<[0]> : tensor<1xi64>} : () -> tensor<1xi64>
  %0 = "onnx.ReduceMax"(%x, %axes) {keepdims = 0 : si64} : (tensor<4x3xi32>, tensor<1xi64>) -> tensor<3xi32>
  return %0 : tensor<3xi32>
}

// -----

// Tests that LayerNormalization reduces over the trailing dimensions and
// reads scale and bias with broadcasting maps.

// CHECK-DAG:   #[[$ID:.+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG:   #[[$ROWS:.+]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG:   #[[$LAST:.+]] = affine_map<(d0, d1, d2) -> (d2)>
// CHECK-LABEL: func.func @layer_norm
// CHECK-SAME:    %[[X:.+]]: tensor<2x4x8xf32>, %[[SCALE:.+]]: tensor<8xf32>, %[[BIAS:.+]]: tensor<8xf32>
// CHECK:         %[[SUM:.+]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]{{.*}} ins(%[[X]]
// CHECK:         %[[MEAN:.+]] = linalg.generic {{.*}} ins(%[[SUM]]
// CHECK:         %[[SQUARES:.+]] = linalg.generic {{.*}} ins(%[[X]], %[[MEAN]]
// CHECK:         %[[SQSUM:.+]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]{{.*}} ins(%[[SQUARES]]
// CHECK:         %[[VAR:.+]] = linalg.generic {{.*}} ins(%[[SQSUM]]
// CHECK:         %[[INV_STD:.+]] = linalg.generic {{.*}} ins(%[[VAR]]
// CHECK:           math.sqrt
// CHECK:         %[[Y:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$ROWS]], #[[$ROWS]], #[[$LAST]], #[[$LAST]], #[[$ID]]]
// CHECK-SAME:        ins(%[[X]], %[[MEAN]], %[[INV_STD]], %[[SCALE]], %[[BIAS]] :
// CHECK:         return %[[Y]]
func.func @layer_norm(%x: tensor<2x4x8xf32>, %scale: tensor<8xf32>, %bias: tensor<8xf32>) -> tensor<2x4x8xf32> {
  %0 = "onnx.LayerNormalization"(%x, %scale, %bias) <{resultSegmentSizes = array<i32: 1, 0, 0>}> {axis = -1 : si64} : (tensor<2x4x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x4x8xf32>
  return %0 : tensor<2x4x8xf32>
}

// -----

// Tests that ArgMax is one reduction with two results, the running maximum
// and its index, that keeps the first index on ties (strict ogt).

// CHECK-DAG:   #[[$ID:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG:   #[[$ROW:.+]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @argmax
// CHECK-SAME:    %[[X:.+]]: tensor<2x5xf32>
// CHECK:         %[[VALUES:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%{{.+}} : tensor<2xf32>)
// CHECK:         %[[INDICES:.+]] = linalg.fill ins(%{{.+}} : i64) outs(%{{.+}} : tensor<2xi64>)
// CHECK:         %[[R:.+]]:2 = linalg.generic {indexing_maps = [#[[$ID]], #[[$ROW]], #[[$ROW]]], iterator_types = ["parallel", "reduction"]}
// CHECK-SAME:        ins(%[[X]] : tensor<2x5xf32>) outs(%[[VALUES]], %[[INDICES]] : tensor<2xf32>, tensor<2xi64>)
// CHECK:         ^bb0(%[[IN:.+]]: f32, %[[BEST:.+]]: f32, %[[BEST_INDEX:.+]]: i64):
// CHECK:           %[[BETTER:.+]] = arith.cmpf ogt, %[[IN]], %[[BEST]] : f32
// CHECK:           %[[I:.+]] = linalg.index 1 : index
// CHECK:           %[[I64:.+]] = arith.index_cast %[[I]] : index to i64
// CHECK:           %[[NEW_BEST:.+]] = arith.select %[[BETTER]], %[[IN]], %[[BEST]] : f32
// CHECK:           %[[NEW_INDEX:.+]] = arith.select %[[BETTER]], %[[I64]], %[[BEST_INDEX]] : i64
// CHECK:           linalg.yield %[[NEW_BEST]], %[[NEW_INDEX]] : f32, i64
// CHECK:         %[[Y:.+]] = tensor.expand_shape %[[R]]#1 {{\[}}[0, 1]] output_shape [2, 1]
// CHECK:         return %[[Y]]
func.func @argmax(%x: tensor<2x5xf32>) -> tensor<2x1xi64> {
  %0 = "onnx.ArgMax"(%x) {axis = 1 : si64} : (tensor<2x5xf32>) -> tensor<2x1xi64>
  return %0 : tensor<2x1xi64>
}

// -----

// Tests that LayerNormalization returns the mean and inverse standard
// deviation it computed, with the normalized axes as unit dimensions.

// CHECK-LABEL: func.func @layer_norm_statistics
// CHECK:         %[[SUM:.+]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]
// CHECK:         %[[MEAN:.+]] = linalg.generic {{.*}} ins(%[[SUM]] : tensor<2xf32>)
// CHECK:         %[[SQUARES:.+]] = linalg.generic {{.*}} ins(%{{.+}}, %[[MEAN]] :
// CHECK:         %[[SQSUM:.+]] = linalg.generic {{.*}} ins(%[[SQUARES]] :
// CHECK:         %[[VAR:.+]] = linalg.generic {{.*}} ins(%[[SQSUM]] :
// CHECK:         %[[INV_STD:.+]] = linalg.generic {{.*}} ins(%[[VAR]] :
// CHECK:           math.sqrt
// CHECK:         %[[Y:.+]] = linalg.generic {{.*}} ins(%{{.+}}, %[[MEAN]], %[[INV_STD]], %{{.+}} :
// CHECK-DAG:     %[[MEAN_OUT:.+]] = tensor.expand_shape %[[MEAN]] {{\[}}[0, 1]] output_shape [2, 1]
// CHECK-DAG:     %[[INV_STD_OUT:.+]] = tensor.expand_shape %[[INV_STD]] {{\[}}[0, 1]] output_shape [2, 1]
// CHECK:         return %[[Y]], %[[MEAN_OUT]], %[[INV_STD_OUT]]
func.func @layer_norm_statistics(%x: tensor<2x8xf32>, %scale: tensor<8xf32>) -> (tensor<2x8xf32>, tensor<2x1xf32>, tensor<2x1xf32>) {
  %0, %1, %2 = "onnx.LayerNormalization"(%x, %scale) <{operandSegmentSizes = array<i32: 1, 1, 0>, resultSegmentSizes = array<i32: 1, 1, 1>}> : (tensor<2x8xf32>, tensor<8xf32>) -> (tensor<2x8xf32>, tensor<2x1xf32>, tensor<2x1xf32>)
  return %0, %1, %2 : tensor<2x8xf32>, tensor<2x1xf32>, tensor<2x1xf32>
}

// -----

// Tests that Hardmax compares each index along the axis with the ArgMax
// reduction's result.

// CHECK-DAG:   #[[$ROW:.+]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @hardmax
// CHECK:         %[[ARG:.+]]:2 = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]
// CHECK:         linalg.generic {indexing_maps = [#[[$ROW]], #{{.+}}]{{.*}} ins(%[[ARG]]#1 : tensor<2xi64>) outs(%{{.+}} : tensor<2x5xf32>)
// CHECK:         ^bb0(%[[BEST:.+]]: i64, %{{.+}}: f32):
// CHECK:           %[[I:.+]] = linalg.index 1 : index
// CHECK:           %[[I64:.+]] = arith.index_cast %[[I]] : index to i64
// CHECK:           %[[HIT:.+]] = arith.cmpi eq, %[[I64]], %[[BEST]] : i64
// CHECK:           arith.select %[[HIT]]
func.func @hardmax(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  %0 = "onnx.Hardmax"(%x) : (tensor<2x5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

// Tests that CumSum adds, for each position i along the axis, the elements
// at j <= i through an extra reduction loop.

// CHECK-DAG:   #[[$IN:.+]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG:   #[[$OUT:.+]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @cumsum
// CHECK-SAME:    %[[X:.+]]: tensor<2x5xf32>
// CHECK:         linalg.generic {indexing_maps = [#[[$IN]], #[[$OUT]]], iterator_types = ["parallel", "parallel", "reduction"]}
// CHECK-SAME:        ins(%[[X]] : tensor<2x5xf32>)
// CHECK:         ^bb0(%[[IN:.+]]: f32, %[[ACC:.+]]: f32):
// CHECK:           %[[I:.+]] = linalg.index 1 : index
// CHECK:           %[[J:.+]] = linalg.index 2 : index
// CHECK:           %[[TAKE:.+]] = arith.cmpi sle, %[[J]], %[[I]] : index
// CHECK:           %[[TERM:.+]] = arith.select %[[TAKE]], %[[IN]], %{{.+}} : f32
// CHECK:           arith.addf %[[ACC]], %[[TERM]] : f32
func.func @cumsum(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  %axis = "onnx.Constant"() {value = dense<1> : tensor<i64>} : () -> tensor<i64>
  %0 = "onnx.CumSum"(%x, %axis) : (tensor<2x5xf32>, tensor<i64>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

// Tests that LRN sums squares over a window of channels read at c + k from
// the zero-padded squares, then divides x by (bias + alpha / size * sum)^beta.

// CHECK-DAG:   #[[$WINDOW:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1 + d4, d2, d3)>
// CHECK-LABEL: func.func @lrn
// CHECK-SAME:    %[[X:.+]]: tensor<1x4x2x2xf32>
// CHECK:         %[[SQUARES:.+]] = linalg.generic {{.*}} ins(%[[X]] :
// CHECK:         %[[PADDED:.+]] = tensor.pad %[[SQUARES]] low[0, 1, 0, 0] high[0, 1, 0, 0]
// CHECK:         %[[SUMS:.+]] = linalg.generic {indexing_maps = [#[[$WINDOW]], {{.+}}], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME:        ins(%[[PADDED]], %{{.+}} : tensor<1x6x2x2xf32>, tensor<3xf32>)
// CHECK:         linalg.generic {{.*}} ins(%[[X]], %[[SUMS]] :
// CHECK:           math.powf
// CHECK:           arith.divf
func.func @lrn(%x: tensor<1x4x2x2xf32>) -> tensor<1x4x2x2xf32> {
  %0 = "onnx.LRN"(%x) {size = 3 : si64} : (tensor<1x4x2x2xf32>) -> tensor<1x4x2x2xf32>
  return %0 : tensor<1x4x2x2xf32>
}

// -----

// Tests that MeanVarianceNormalization reduces over the default axes
// (0, 2, 3) and divides by sqrt(variance) + 1e-9.

// CHECK-DAG:   #[[$CHANNEL:.+]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-LABEL: func.func @mean_variance_normalization
// CHECK-SAME:    %[[X:.+]]: tensor<2x3x4x4xf32>
// CHECK:         %[[SUM:.+]] = linalg.generic {{.*}} iterator_types = ["reduction", "parallel", "reduction", "reduction"]
// CHECK:         %[[MEAN:.+]] = linalg.generic {{.*}} ins(%[[SUM]] : tensor<3xf32>)
// CHECK:         %[[SQUARES:.+]] = linalg.generic {{.*}} ins(%[[X]], %[[MEAN]] :
// CHECK:         %[[SQSUM:.+]] = linalg.generic {{.*}} ins(%[[SQUARES]] :
// CHECK:         %[[VAR:.+]] = linalg.generic {{.*}} ins(%[[SQSUM]] :
// CHECK:         linalg.generic {indexing_maps = [#{{.+}}, #[[$CHANNEL]], #[[$CHANNEL]], #{{.+}}]{{.*}} ins(%[[X]], %[[MEAN]], %[[VAR]] :
// CHECK:           math.sqrt
// CHECK:           arith.constant 9.99999971E-10 : f32
func.func @mean_variance_normalization(%x: tensor<2x3x4x4xf32>) -> tensor<2x3x4x4xf32> {
  %0 = "onnx.MeanVarianceNormalization"(%x) : (tensor<2x3x4x4xf32>) -> tensor<2x3x4x4xf32>
  return %0 : tensor<2x3x4x4xf32>
}
