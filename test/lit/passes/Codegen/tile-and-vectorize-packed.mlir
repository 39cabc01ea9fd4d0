// RUN: aotc-opt %s --split-input-file --aotc-tile-and-vectorize="matmul-tile=8,32,1 gemv-panels=4" --canonicalize | FileCheck %s

// Tests that a packed contraction (aotc-pack-weights' generic) gets an 8-row
// tile of one 32-wide panel, k stepped by 1, panels outside rows (A is the
// smaller operand; the one full row tile's loop folds away), the 2 remaining
// rows of M = 10 peeled off, and that both
// tiles become vector.contract of a column of A with a unit-stride panel row.

#A = affine_map<(m, n1, n0, k) -> (m, k)>
#B = affine_map<(m, n1, n0, k) -> (n1, k, n0)>
#C = affine_map<(m, n1, n0, k) -> (m, n1, n0)>
// CHECK-LABEL: func.func @packed
// CHECK: scf.for %[[N1:.+]] = %{{.+}} to %c3
// CHECK: scf.for %[[K:.+]] = %{{.+}} to %c64
// CHECK: tensor.extract_slice %{{.+}}[%[[N1]], %[[K]], 0] [1, 1, 32] [1, 1, 1] : tensor<3x64x32xf32> to tensor<1x1x32xf32>
// CHECK: vector.contract {{.*}} : vector<8x1xf32>, vector<1x1x32xf32> into vector<8x1x32xf32>
// CHECK: vector.contract {{.*}} : vector<2x1xf32>, vector<1x1x32xf32> into vector<2x1x32xf32>
func.func @packed(%a: tensor<10x64xf32>, %w: tensor<3x64x32xf32>, %c: tensor<10x3x32xf32>) -> tensor<10x3x32xf32> {
  %r = linalg.generic {indexing_maps = [#A, #B, #C], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
       ins(%a, %w : tensor<10x64xf32>, tensor<3x64x32xf32>) outs(%c : tensor<10x3x32xf32>) attrs = {aotc.packed_weight} {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<10x3x32xf32>
  return %r : tensor<10x3x32xf32>
}

// -----

// Tests that with one row (GEMV) a tile covers gemv-panels = 4 panels, the
// remaining 2 of 6 peeled.

#A = affine_map<(m, n1, n0, k) -> (m, k)>
#B = affine_map<(m, n1, n0, k) -> (n1, k, n0)>
#C = affine_map<(m, n1, n0, k) -> (m, n1, n0)>
// CHECK-LABEL: func.func @gemv
// CHECK: vector.contract {{.*}} : vector<1x1xf32>, vector<4x1x32xf32> into vector<1x4x32xf32>
// CHECK: vector.contract {{.*}} : vector<1x1xf32>, vector<2x1x32xf32> into vector<1x2x32xf32>
func.func @gemv(%a: tensor<1x64xf32>, %w: tensor<6x64x32xf32>, %c: tensor<1x6x32xf32>) -> tensor<1x6x32xf32> {
  %r = linalg.generic {indexing_maps = [#A, #B, #C], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
       ins(%a, %w : tensor<1x64xf32>, tensor<6x64x32xf32>) outs(%c : tensor<1x6x32xf32>) attrs = {aotc.packed_weight} {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<1x6x32xf32>
  return %r : tensor<1x6x32xf32>
}
