// RUN: aotc-opt %s --split-input-file --aotc-graph-opt | FileCheck %s

// Tests that BatchNormalization after a Conv with constant weights and
// statistics is folded into the Conv: s = scale / sqrt(var + eps) = [2, 0.5],
// W' = s * W per output channel, b' = s * (b - mean) + B.

// CHECK-LABEL: func.func @conv_bn
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x3x3xf32>)
// CHECK-DAG: %[[W:.*]] = "onnx.Constant"() <{value = dense_resource<bn_folded_weight{{.*}}> : tensor<2x1x1x1xf32>}>
// CHECK-DAG: %[[B:.*]] = "onnx.Constant"() <{value = dense_resource<bn_folded_bias{{.*}}> : tensor<2xf32>}>
// CHECK: %[[Y:.*]] = "onnx.Conv"(%[[X]], %[[W]], %[[B]])
// CHECK-NOT: onnx.BatchNormalization
// CHECK: return %[[Y]]
// CHECK: bn_folded_weight{{.*}}: "0x04000000000040400000803F"
// CHECK: bn_folded_bias{{.*}}: "0x0400000000000040000080BF"
func.func @conv_bn(%x: tensor<1x1x3x3xf32>) -> tensor<1x2x3x3xf32> {
  %w = "onnx.Constant"() <{value = dense<[[[[1.5]]], [[[2.0]]]]> : tensor<2x1x1x1xf32>}> : () -> tensor<2x1x1x1xf32>
  %b = "onnx.Constant"() <{value = dense<[1.0, 2.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
  %scale = "onnx.Constant"() <{value = dense<[1.0, 1.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
  %shift = "onnx.Constant"() <{value = dense<[0.0, -1.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
  %mean = "onnx.Constant"() <{value = dense<[0.0, 2.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
  %var = "onnx.Constant"() <{value = dense<[0.25, 4.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
  %c = "onnx.Conv"(%x, %w, %b) : (tensor<1x1x3x3xf32>, tensor<2x1x1x1xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
  %y = "onnx.BatchNormalization"(%c, %scale, %shift, %mean, %var) <{epsilon = 0.0 : f32, resultSegmentSizes = array<i32: 1, 0, 0>}> : (tensor<1x2x3x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
  return %y : tensor<1x2x3x3xf32>
}

// -----

// Tests that statistics that are not constants, and a Conv whose result is
// used elsewhere too, keep the BatchNormalization.

// CHECK-LABEL: func.func @not_folded
// CHECK-COUNT-2: onnx.BatchNormalization
func.func @not_folded(%x: tensor<1x1x3x3xf32>, %var: tensor<2xf32>) -> (tensor<1x2x3x3xf32>, tensor<1x2x3x3xf32>, tensor<1x2x3x3xf32>) {
  %w = "onnx.Constant"() <{value = dense<1.0> : tensor<2x1x1x1xf32>}> : () -> tensor<2x1x1x1xf32>
  %p = "onnx.Constant"() <{value = dense<1.0> : tensor<2xf32>}> : () -> tensor<2xf32>
  %c = "onnx.Conv"(%x, %w) : (tensor<1x1x3x3xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x3x3xf32>
  %y = "onnx.BatchNormalization"(%c, %p, %p, %p, %var) <{resultSegmentSizes = array<i32: 1, 0, 0>}> : (tensor<1x2x3x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
  %c2 = "onnx.Conv"(%x, %w) : (tensor<1x1x3x3xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x3x3xf32>
  %y2 = "onnx.BatchNormalization"(%c2, %p, %p, %p, %p) <{resultSegmentSizes = array<i32: 1, 0, 0>}> : (tensor<1x2x3x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
  return %y, %y2, %c2 : tensor<1x2x3x3xf32>, tensor<1x2x3x3xf32>, tensor<1x2x3x3xf32>
}
