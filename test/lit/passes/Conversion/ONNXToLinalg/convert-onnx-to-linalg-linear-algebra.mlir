// RUN: aotc-opt %s --split-input-file --aotc-convert-onnx-to-linalg | FileCheck %s

// Tests that a 2-D MatMul is linalg.matmul into a zero-filled accumulator.

// CHECK-LABEL: func.func @matmul_2d
// CHECK-SAME:    %[[A:.+]]: tensor<3x4xf32>, %[[B:.+]]: tensor<4x5xf32>
// CHECK:         %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK:         %[[EMPTY:.+]] = tensor.empty() : tensor<3x5xf32>
// CHECK:         %[[ACC:.+]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<3x5xf32>)
// CHECK:         %[[MM:.+]] = linalg.matmul ins(%[[A]], %[[B]] : tensor<3x4xf32>, tensor<4x5xf32>) outs(%[[ACC]] : tensor<3x5xf32>)
// CHECK:         return %[[MM]]
func.func @matmul_2d(%a: tensor<3x4xf32>, %b: tensor<4x5xf32>) -> tensor<3x5xf32> {
  %0 = "onnx.MatMul"(%a, %b) : (tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

// Tests that a 1-D lhs becomes a row whose dimension the result drops.

// CHECK-LABEL: func.func @matmul_vector_lhs
// CHECK-SAME:    %[[A:.+]]: tensor<4xf32>, %[[B:.+]]: tensor<4x5xf32>
// CHECK:         %[[ROW:.+]] = tensor.expand_shape %[[A]] {{\[}}[0, 1]] output_shape [1, 4]
// CHECK:         %[[MM:.+]] = linalg.matmul ins(%[[ROW]], %[[B]] : tensor<1x4xf32>, tensor<4x5xf32>)
// CHECK:         %[[Y:.+]] = tensor.collapse_shape %[[MM]] {{\[}}[0, 1]] : tensor<1x5xf32> into tensor<5xf32>
// CHECK:         return %[[Y]]
func.func @matmul_vector_lhs(%a: tensor<4xf32>, %b: tensor<4x5xf32>) -> tensor<5xf32> {
  %0 = "onnx.MatMul"(%a, %b) : (tensor<4xf32>, tensor<4x5xf32>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

// Tests that a batched lhs times a 2-D rhs collapses the batch into the
// rows of one linalg.matmul.

// CHECK-LABEL: func.func @matmul_batch_times_2d
// CHECK-SAME:    %[[A:.+]]: tensor<2x3x4xf32>, %[[B:.+]]: tensor<4x5xf32>
// CHECK:         %[[ROWS:.+]] = tensor.collapse_shape %[[A]] {{\[}}[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
// CHECK:         %[[MM:.+]] = linalg.matmul ins(%[[ROWS]], %[[B]] : tensor<6x4xf32>, tensor<4x5xf32>)
// CHECK:         %[[Y:.+]] = tensor.expand_shape %[[MM]] {{\[}}[0, 1], [2]] output_shape [2, 3, 5]
// CHECK:         return %[[Y]]
func.func @matmul_batch_times_2d(%a: tensor<2x3x4xf32>, %b: tensor<4x5xf32>) -> tensor<2x3x5xf32> {
  %0 = "onnx.MatMul"(%a, %b) : (tensor<2x3x4xf32>, tensor<4x5xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// -----

// Tests that batch dimensions are broadcast to the result's and collapsed
// for linalg.batch_matmul.

// CHECK-DAG:   #[[$A_BCAST:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, 0, d2, d3)>
// CHECK-DAG:   #[[$B_BCAST:.+]] = affine_map<(d0, d1, d2, d3) -> (d1, d2, d3)>
// CHECK-LABEL: func.func @matmul_broadcast_batch
// CHECK-SAME:    %[[A:.+]]: tensor<2x1x3x4xf32>, %[[B:.+]]: tensor<3x4x5xf32>
// CHECK:         %[[A4:.+]] = linalg.generic {indexing_maps = [#[[$A_BCAST]], {{.+}}]{{.*}} ins(%[[A]] : {{.*}}) outs(%{{.+}} : tensor<2x3x3x4xf32>)
// CHECK:         %[[A3:.+]] = tensor.collapse_shape %[[A4]] {{\[}}[0, 1], [2], [3]] : tensor<2x3x3x4xf32> into tensor<6x3x4xf32>
// CHECK:         %[[B4:.+]] = linalg.generic {indexing_maps = [#[[$B_BCAST]], {{.+}}]{{.*}} ins(%[[B]] : {{.*}}) outs(%{{.+}} : tensor<2x3x4x5xf32>)
// CHECK:         %[[B3:.+]] = tensor.collapse_shape %[[B4]] {{\[}}[0, 1], [2], [3]] : tensor<2x3x4x5xf32> into tensor<6x4x5xf32>
// CHECK:         %[[BMM:.+]] = linalg.batch_matmul ins(%[[A3]], %[[B3]] : tensor<6x3x4xf32>, tensor<6x4x5xf32>)
// CHECK:         %[[Y:.+]] = tensor.expand_shape %[[BMM]] {{\[}}[0, 1], [2], [3]] output_shape [2, 3, 3, 5]
// CHECK:         return %[[Y]]
func.func @matmul_broadcast_batch(%a: tensor<2x1x3x4xf32>, %b: tensor<3x4x5xf32>) -> tensor<2x3x3x5xf32> {
  %0 = "onnx.MatMul"(%a, %b) : (tensor<2x1x3x4xf32>, tensor<3x4x5xf32>) -> tensor<2x3x3x5xf32>
  return %0 : tensor<2x3x3x5xf32>
}

// -----

// Tests that Gemm with transB reads B transposed through the matmul's
// indexing maps and, with alpha = beta = 1, accumulates onto C broadcast
// into the matmul's init (no epilogue pass).

// CHECK-DAG:   #[[$LHS:.+]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG:   #[[$RHS_T:.+]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG:   #[[$OUT:.+]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG:   #[[$ID:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG:   #[[$ROW:.+]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @gemm_trans_b
// CHECK-SAME:    %[[A:.+]]: tensor<2x4xf32>, %[[B:.+]]: tensor<3x4xf32>, %[[C:.+]]: tensor<3xf32>
// CHECK:         %[[ACC:.+]] = linalg.generic {indexing_maps = [#[[$ROW]], #[[$ID]]]{{.*}} ins(%[[C]] : tensor<3xf32>)
// CHECK:         %[[MM:.+]] = linalg.matmul indexing_maps = [#[[$LHS]], #[[$RHS_T]], #[[$OUT]]] ins(%[[A]], %[[B]] : tensor<2x4xf32>, tensor<3x4xf32>) outs(%[[ACC]] : tensor<2x3xf32>)
// CHECK-NOT:     linalg.generic
// CHECK:         return %[[MM]]
func.func @gemm_trans_b(%a: tensor<2x4xf32>, %b: tensor<3x4xf32>, %c: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = "onnx.Gemm"(%a, %b, %c) {transB = 1 : si64} : (tensor<2x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Tests that alpha and beta scale the product and C in the epilogue.

// CHECK-DAG:   #[[$LHS_T:.+]] = affine_map<(d0, d1, d2) -> (d2, d0)>
// CHECK-DAG:   #[[$RHS:.+]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-LABEL: func.func @gemm_alpha_beta
// CHECK:         %[[MM:.+]] = linalg.matmul indexing_maps = [#[[$LHS_T]], #[[$RHS]], #{{.+}}]
// CHECK:         linalg.generic {{.*}} ins(%[[MM]], %{{.+}} : tensor<2x3xf32>, tensor<2x3xf32>)
// CHECK:         ^bb0(%[[AB:.+]]: f32, %[[CIN:.+]]: f32, %{{.+}}: f32):
// CHECK:           %[[ALPHA:.+]] = arith.constant 5.000000e-01 : f32
// CHECK:           %[[SCALED:.+]] = arith.mulf %[[AB]], %[[ALPHA]] : f32
// CHECK:           %[[BETA:.+]] = arith.constant 2.000000e+00 : f32
// CHECK:           %[[CSCALED:.+]] = arith.mulf %[[CIN]], %[[BETA]] : f32
// CHECK:           %[[SUM:.+]] = arith.addf %[[SCALED]], %[[CSCALED]] : f32
// CHECK:           linalg.yield %[[SUM]] : f32
func.func @gemm_alpha_beta(%a: tensor<4x2xf32>, %b: tensor<4x3xf32>, %c: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "onnx.Gemm"(%a, %b, %c) {alpha = 0.5 : f32, beta = 2.0 : f32, transA = 1 : si64} : (tensor<4x2xf32>, tensor<4x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Tests that Gemm without C and with alpha 1 is only the matmul.

// CHECK-LABEL: func.func @gemm_plain
// CHECK:         %[[MM:.+]] = linalg.matmul ins(
// CHECK-NOT:     linalg.generic
// CHECK:         return %[[MM]]
func.func @gemm_plain(%a: tensor<2x4xf32>, %b: tensor<4x3xf32>) -> tensor<2x3xf32> {
  %0 = "onnx.Gemm"(%a, %b) : (tensor<2x4xf32>, tensor<4x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Tests that Einsum is one generic: output indices parallel, the contracted
// index a reduction, a product accumulated into zeros.

// CHECK-DAG: #[[A:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-DAG: #[[B:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d3, d2)>
// CHECK-DAG: #[[C:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @einsum_batch_matmul
// CHECK: %[[ZERO:.*]] = linalg.fill
// CHECK: linalg.generic {indexing_maps = [#[[A]], #[[B]], #[[C]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME: outs(%[[ZERO]]
// CHECK: arith.mulf
// CHECK: arith.addf
func.func @einsum_batch_matmul(%a: tensor<5x2x3xf32>, %b: tensor<5x3x4xf32>) -> tensor<5x2x4xf32> {
  %0 = "onnx.Einsum"(%a, %b) {equation = "bij, bjk -> bik"} : (tensor<5x2x3xf32>, tensor<5x3x4xf32>) -> tensor<5x2x4xf32>
  return %0 : tensor<5x2x4xf32>
}

// -----

// Tests that a repeated index reads a diagonal and the ellipsis becomes
// leading parallel loops.

// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1) -> (d0, d1, d1)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @einsum_diagonal
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #[[OUT]]], iterator_types = ["parallel", "parallel"]}
func.func @einsum_diagonal(%a: tensor<3x5x5xf64>) -> tensor<3x5xf64> {
  %0 = "onnx.Einsum"(%a) {equation = "...ii ->...i"} : (tensor<3x5x5xf64>) -> tensor<3x5xf64>
  return %0 : tensor<3x5xf64>
}
