// RUN: aotc-opt %s --split-input-file --aotc-convert-onnx-to-linalg | FileCheck %s

// Tests that aotc.Attention becomes a batch_matmul on K copied to [b, d, n]
// (contiguous vector loads in the micro-kernel), a softmax whose max and
// exp apply the scale and the broadcast mask where they read the scores,
// and a second batch_matmul on the unnormalized exponentials, divided by
// their sum afterwards on the [b, m, e] result.

// CHECK-DAG:   #[[$ID:.+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG:   #[[$MASK:.+]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG:   #[[$ROW:.+]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @attention
// CHECK-SAME:    %[[Q:.+]]: tensor<2x16x8xf32>, %[[K:.+]]: tensor<2x12x8xf32>, %[[V:.+]]: tensor<2x12x4xf32>, %[[M:.+]]: tensor<16x12xf32>
// CHECK:         %[[KT:.+]] = linalg.transpose ins(%[[K]] : tensor<2x12x8xf32>) outs({{.*}} : tensor<2x8x12xf32>) permutation = [0, 2, 1]
// CHECK:         %[[SCORES:.+]] = linalg.batch_matmul ins(%[[Q]], %[[KT]] :
// CHECK:         %[[MAX:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$MASK]], #[[$ROW]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[SCORES]], %[[M]] :
// CHECK:           arith.constant 5.000000e-01
// CHECK:           arith.maximumf
// CHECK:         %[[EXP:.+]] = linalg.generic {{.*}} ins(%[[SCORES]], %[[M]], %[[MAX]] :
// CHECK:           math.exp
// CHECK:         %[[SUM:.+]] = linalg.generic {{.*}} ins(%[[EXP]] :
// CHECK:         %[[PV:.+]] = linalg.batch_matmul ins(%[[EXP]], %[[V]] :
// CHECK:         %[[Y:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$ROW]], #[[$ID]]], {{.*}} ins(%[[PV]], %[[SUM]] :
// CHECK:           arith.divf
// CHECK:         return %[[Y]] : tensor<2x16x4xf32>
func.func @attention(%q: tensor<2x16x8xf32>, %k: tensor<2x12x8xf32>, %v: tensor<2x12x4xf32>, %mask: tensor<16x12xf32>) -> tensor<2x16x4xf32> {
  %y = "onnx.aotc.Attention"(%q, %k, %v, %mask) <{scale = 0.5 : f64}> : (tensor<2x16x8xf32>, tensor<2x12x8xf32>, tensor<2x12x4xf32>, tensor<16x12xf32>) -> tensor<2x16x4xf32>
  return %y : tensor<2x16x4xf32>
}

// -----

// Tests that two batch dimensions (batch, heads) are collapsed into the one
// of batch_matmul around the contractions, and that the softmax keeps them.

// CHECK-LABEL: func.func @attention_heads
// CHECK-SAME:    %[[Q:.+]]: tensor<2x4x16x8xf32>, %[[K:.+]]: tensor<2x4x16x8xf32>, %[[V:.+]]: tensor<2x4x16x8xf32>
// CHECK-DAG:     %[[Q3:.+]] = tensor.collapse_shape %[[Q]] {{\[}}[0, 1], [2], [3]] : tensor<2x4x16x8xf32> into tensor<8x16x8xf32>
// CHECK-DAG:     %[[K3:.+]] = tensor.collapse_shape %[[K]] {{\[}}[0, 1], [2], [3]] : tensor<2x4x16x8xf32> into tensor<8x16x8xf32>
// CHECK:         %[[KT3:.+]] = linalg.transpose ins(%[[K3]] :
// CHECK:         %[[S3:.+]] = linalg.batch_matmul ins(%[[Q3]], %[[KT3]] : {{.*}} -> tensor<8x16x16xf32>
// CHECK:         %[[S:.+]] = tensor.expand_shape %[[S3]] {{\[}}[0, 1], [2], [3]] {{.*}} : tensor<8x16x16xf32> into tensor<2x4x16x16xf32>
// CHECK:         linalg.generic {{.*}} ins(%[[S]] : tensor<2x4x16x16xf32>)
// CHECK:         linalg.batch_matmul {{.*}} -> tensor<8x16x8xf32>
// CHECK:         return {{.*}} : tensor<2x4x16x8xf32>
func.func @attention_heads(%q: tensor<2x4x16x8xf32>, %k: tensor<2x4x16x8xf32>, %v: tensor<2x4x16x8xf32>) -> tensor<2x4x16x8xf32> {
  %y = "onnx.aotc.Attention"(%q, %k, %v) <{scale = 0.25 : f64}> : (tensor<2x4x16x8xf32>, tensor<2x4x16x8xf32>, tensor<2x4x16x8xf32>) -> tensor<2x4x16x8xf32>
  return %y : tensor<2x4x16x8xf32>
}
