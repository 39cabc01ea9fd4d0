// RUN: aotc-opt %s --split-input-file --aotc-shape-inference | FileCheck %s

// Tests that BatchNormalization (inference form) and InstanceNormalization
// keep the input's shape.

// CHECK-LABEL: func.func @batch_instance_norm
// CHECK: "onnx.BatchNormalization"{{.*}} -> tensor<2x8x5x5xf32>
// CHECK: "onnx.InstanceNormalization"{{.*}} -> tensor<2x8x5x5xf32>
func.func @batch_instance_norm(%x: tensor<2x8x5x5xf32>, %c: tensor<8xf32>) -> tensor<*xf32> {
  %0 = "onnx.BatchNormalization"(%x, %c, %c, %c, %c) <{resultSegmentSizes = array<i32: 1, 0, 0>}> : (tensor<2x8x5x5xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<*xf32>
  %1 = "onnx.InstanceNormalization"(%0, %c, %c) : (tensor<*xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<*xf32>
  return %1 : tensor<*xf32>
}

// -----

// Tests that BatchNormalization's running statistics, when present, are
// per channel.

// CHECK-LABEL: func.func @batch_norm_training
// CHECK: "onnx.BatchNormalization"{{.*}} -> (tensor<2x8x5xf32>, tensor<8xf32>, tensor<8xf32>)
func.func @batch_norm_training(%x: tensor<2x8x5xf32>, %c: tensor<8xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0, %1, %2 = "onnx.BatchNormalization"(%x, %c, %c, %c, %c) <{resultSegmentSizes = array<i32: 1, 1, 1>, training_mode = 1 : si64}> : (tensor<2x8x5xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>)
  return %0, %1, %2 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that LayerNormalization keeps X's shape and gives Mean and
// InvStdDev the leading dimensions followed by ones, in stash_type (f32).

// CHECK-LABEL: func.func @layer_norm
// CHECK: "onnx.LayerNormalization"{{.*}} -> tensor<2x7x16xf16>
// CHECK: "onnx.LayerNormalization"{{.*}} -> (tensor<2x7x16xf16>, tensor<2x1x1xf32>, tensor<2x1x1xf32>)
func.func @layer_norm(%x: tensor<2x7x16xf16>, %scale: tensor<16xf16>, %b: tensor<16xf16>, %s2: tensor<7x16xf16>) -> (tensor<*xf16>, tensor<*xf16>, tensor<*xf32>, tensor<*xf32>) {
  %0 = "onnx.LayerNormalization"(%x, %scale, %b) <{operandSegmentSizes = array<i32: 1, 1, 1>, resultSegmentSizes = array<i32: 1, 0, 0>}> : (tensor<2x7x16xf16>, tensor<16xf16>, tensor<16xf16>) -> tensor<*xf16>
  %1, %2, %3 = "onnx.LayerNormalization"(%x, %s2) <{axis = 1 : si64, operandSegmentSizes = array<i32: 1, 1, 0>, resultSegmentSizes = array<i32: 1, 1, 1>}> : (tensor<2x7x16xf16>, tensor<7x16xf16>) -> (tensor<*xf16>, tensor<*xf32>, tensor<*xf32>)
  return %0, %1, %2, %3 : tensor<*xf16>, tensor<*xf16>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that LRN, MeanVarianceNormalization and LpNormalization keep the
// input's shape.

// CHECK-LABEL: func.func @other_norms
// CHECK: "onnx.LRN"{{.*}} -> tensor<1x8x4x4xf32>
// CHECK: "onnx.MeanVarianceNormalization"{{.*}} -> tensor<1x8x4x4xf32>
// CHECK: "onnx.LpNormalization"{{.*}} -> tensor<1x8x4x4xf32>
func.func @other_norms(%x: tensor<1x8x4x4xf32>) -> tensor<*xf32> {
  %0 = "onnx.LRN"(%x) <{size = 3 : si64}> : (tensor<1x8x4x4xf32>) -> tensor<*xf32>
  %1 = "onnx.MeanVarianceNormalization"(%0) <{axes = array<i64: 0, 2, 3>}> : (tensor<*xf32>) -> tensor<*xf32>
  %2 = "onnx.LpNormalization"(%1) <{axis = 1 : si64}> : (tensor<*xf32>) -> tensor<*xf32>
  return %2 : tensor<*xf32>
}
