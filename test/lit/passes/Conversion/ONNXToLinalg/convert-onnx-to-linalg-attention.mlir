// RUN: aotc-opt %s --split-input-file --aotc-convert-onnx-to-linalg | FileCheck %s

// Tests that aotc.Attention becomes a contraction reading K [b, n, d] by
// index (no transposed copy), a softmax whose max and exp apply the scale
// and the broadcast mask where they read the scores, and a second
// contraction on the unnormalized exponentials, divided by their sum
// afterwards on the [b, m, e] result.

// CHECK-DAG:   #[[$Q:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-DAG:   #[[$K:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
// CHECK-DAG:   #[[$S:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-DAG:   #[[$V:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d3, d2)>
// CHECK-DAG:   #[[$ID:.+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG:   #[[$MASK:.+]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG:   #[[$ROW:.+]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @attention
// CHECK-SAME:    %[[Q:.+]]: tensor<2x16x8xf32>, %[[K:.+]]: tensor<2x12x8xf32>, %[[V:.+]]: tensor<2x12x4xf32>, %[[M:.+]]: tensor<16x12xf32>
// CHECK:         %[[SCORES:.+]] = linalg.generic {indexing_maps = [#[[$Q]], #[[$K]], #[[$S]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[Q]], %[[K]] :
// CHECK:           arith.mulf
// CHECK:           arith.addf
// CHECK:         %[[MAX:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$MASK]], #[[$ROW]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[SCORES]], %[[M]] :
// CHECK:           arith.constant 5.000000e-01
// CHECK:           arith.maximumf
// CHECK:         %[[EXP:.+]] = linalg.generic {{.*}} ins(%[[SCORES]], %[[M]], %[[MAX]] :
// CHECK:           math.exp
// CHECK:         %[[SUM:.+]] = linalg.generic {{.*}} ins(%[[EXP]] :
// CHECK:         %[[PV:.+]] = linalg.generic {indexing_maps = [#[[$Q]], #[[$V]], #[[$S]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[EXP]], %[[V]] :
// CHECK:         %[[Y:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$ROW]], #[[$ID]]], {{.*}} ins(%[[PV]], %[[SUM]] :
// CHECK:           arith.divf
// CHECK:         return %[[Y]] : tensor<2x16x4xf32>
func.func @attention(%q: tensor<2x16x8xf32>, %k: tensor<2x12x8xf32>, %v: tensor<2x12x4xf32>, %mask: tensor<16x12xf32>) -> tensor<2x16x4xf32> {
  %y = "onnx.aotc.Attention"(%q, %k, %v, %mask) <{scale = 0.5 : f64}> : (tensor<2x16x8xf32>, tensor<2x12x8xf32>, tensor<2x12x4xf32>, tensor<16x12xf32>) -> tensor<2x16x4xf32>
  return %y : tensor<2x16x4xf32>
}

