// RUN: aotc-opt %s --split-input-file --aotc-pack-weights="panel-width=2" | FileCheck %s

// Tests that a matmul's constant B[K=2][N=3] = [[1, 2, 3], [4, 5, 6]] is
// packed into panels of 2 columns, K-major, Bp[2][2][2], the last panel
// zero-padded: 1 2 4 5 | 3 0 6 0; that C is padded to 4 columns, viewed as
// [M][2][2] and sliced back to 3 columns.

// CHECK: #[[A:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d3)>
// CHECK: #[[B:.+]] = affine_map<(d0, d1, d2, d3) -> (d1, d3, d2)>
// CHECK: #[[C:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @matmul
// CHECK: %[[W:.+]] = arith.constant dense_resource<[[KEY:packed[_0-9]*]]> : tensor<2x2x2xf32>
// CHECK: %[[E:.+]] = tensor.empty() : tensor<5x4xf32>
// CHECK: %[[F:.+]] = linalg.fill {{.*}} outs(%[[E]] : tensor<5x4xf32>)
// CHECK: %[[CT:.+]] = tensor.expand_shape %[[F]] {{\[}}[0], [1, 2]] output_shape [5, 2, 2]
// CHECK: %[[R:.+]] = linalg.generic {indexing_maps = [#[[A]], #[[B]], #[[C]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%{{.+}}, %[[W]] : tensor<5x2xf32>, tensor<2x2x2xf32>) outs(%[[CT]] : tensor<5x2x2xf32>)
// CHECK-SAME: aotc.packed_weight
// CHECK: %[[RC:.+]] = tensor.collapse_shape %[[R]] {{\[}}[0], [1, 2]] : tensor<5x2x2xf32> into tensor<5x4xf32>
// CHECK: tensor.extract_slice %[[RC]][0, 0] [5, 3] [1, 1] : tensor<5x4xf32> to tensor<5x3xf32>
// CHECK-NOT: linalg.matmul
// CHECK: [[KEY]]: "0x040000000000803F00000040000080400000A04000004040000000000000C04000000000"
func.func @matmul(%a: tensor<5x2xf32>) -> tensor<5x3xf32> {
  %w = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<5x3xf32>
  %c = linalg.fill ins(%z : f32) outs(%e : tensor<5x3xf32>) -> tensor<5x3xf32>
  %r = linalg.matmul ins(%a, %w : tensor<5x2xf32>, tensor<2x3xf32>) outs(%c : tensor<5x3xf32>) -> tensor<5x3xf32>
  return %r : tensor<5x3xf32>
}

// -----

// Tests that a transposed weight (Gemm transB: B read as [N][K]) is only
// another packing: Bt = [[1, 4], [2, 5], [3, 6]] gives the same panels as
// above, and that a start value that is not a fill (Gemm's broadcast bias)
// is padded.

// CHECK-LABEL: func.func @transposed
// CHECK: %[[W:.+]] = arith.constant dense_resource<[[KEY:packed[_0-9]*]]> : tensor<2x2x2xf32>
// CHECK: %[[P:.+]] = tensor.pad %{{.+}} low[0, 0] high[0, 1]
// CHECK: tensor.expand_shape %[[P]]
// CHECK: linalg.generic
// CHECK-SAME: ins(%{{.+}}, %[[W]] : tensor<5x2xf32>, tensor<2x2x2xf32>)
// CHECK: [[KEY]]: "0x040000000000803F00000040000080400000A04000004040000000000000C04000000000"
func.func @transposed(%a: tensor<5x2xf32>, %c: tensor<5x3xf32>) -> tensor<5x3xf32> {
  %w = arith.constant dense<[[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]]> : tensor<3x2xf32>
  %r = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]
       ins(%a, %w : tensor<5x2xf32>, tensor<3x2xf32>) outs(%c : tensor<5x3xf32>) -> tensor<5x3xf32>
  return %r : tensor<5x3xf32>
}

// -----

// Tests the MatMul-shaped generic of a batched MatMul with a 2-D weight
// ([2, 3, K] x [K, N]): its row dims are collapsed to M = 6, and N = 4 needs
// no padding, so C is only reshaped.

// CHECK-LABEL: func.func @batched
// CHECK: %[[W:.+]] = arith.constant dense_resource<{{.+}}> : tensor<2x2x2xf32>
// CHECK: %[[A:.+]] = tensor.collapse_shape %{{.+}} {{\[}}[0, 1], [2]] : tensor<2x3x2xf32> into tensor<6x2xf32>
// CHECK: %[[C:.+]] = tensor.collapse_shape %{{.+}} {{\[}}[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
// CHECK: %[[CT:.+]] = tensor.expand_shape %[[C]] {{\[}}[0], [1, 2]] output_shape [6, 2, 2]
// CHECK: %[[R:.+]] = linalg.generic
// CHECK-SAME: ins(%[[A]], %[[W]] : tensor<6x2xf32>, tensor<2x2x2xf32>) outs(%[[CT]] : tensor<6x2x2xf32>)
// CHECK: %[[RC:.+]] = tensor.collapse_shape %[[R]] {{\[}}[0], [1, 2]] : tensor<6x2x2xf32> into tensor<6x4xf32>
// CHECK: tensor.expand_shape %[[RC]] {{\[}}[0, 1], [2]] output_shape [2, 3, 4] : tensor<6x4xf32> into tensor<2x3x4xf32>
// Panels of [[1, 2, 3, 4], [5, 6, 7, 8]]: 1 2 5 6 | 3 4 7 8.
// CHECK: "0x040000000000803F000000400000A0400000C04000004040000080400000E04000000041"
#lhs = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
#rhs = affine_map<(d0, d1, d2, d3) -> (d3, d2)>
#out = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
func.func @batched(%a: tensor<2x3x2xf32>, %c: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %w = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]> : tensor<2x4xf32>
  %r = linalg.generic {indexing_maps = [#lhs, #rhs, #out], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
       ins(%a, %w : tensor<2x3x2xf32>, tensor<2x4xf32>) outs(%c : tensor<2x3x4xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x3x4xf32>
  return %r : tensor<2x3x4xf32>
}

// -----

// Tests that a weight that is not a constant is left alone.

// CHECK-LABEL: func.func @not_packed
// CHECK: linalg.matmul
// CHECK-NOT: aotc.packed_weight
func.func @not_packed(%a: tensor<4x2xf32>, %w: tensor<2x3xf32>, %c: tensor<4x3xf32>) -> tensor<4x3xf32> {
  %r = linalg.matmul ins(%a, %w : tensor<4x2xf32>, tensor<2x3xf32>) outs(%c : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %r : tensor<4x3xf32>
}
