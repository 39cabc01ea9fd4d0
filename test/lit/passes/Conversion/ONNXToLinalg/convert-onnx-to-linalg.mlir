// RUN: aotc-opt %s --split-input-file --aotc-convert-onnx-to-linalg | FileCheck %s

// Tests the example of the pass description: Relu on a 1-D tensor.

// CHECK-DAG:   #[[$ID:.+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @relu
// CHECK-SAME:    (%[[X:.+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK:         %[[EMPTY:.+]] = tensor.empty() : tensor<4xf32>
// CHECK:         %[[Y:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$ID]]], iterator_types = ["parallel"]}
// CHECK-SAME:        ins(%[[X]] : tensor<4xf32>) outs(%[[EMPTY]] : tensor<4xf32>)
// CHECK:           arith.maximumf
// CHECK:         return %[[Y]] : tensor<4xf32>
func.func @relu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "onnx.Relu"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Tests that a LeNet-like chain (Conv, Relu, MaxPool, Flatten, Gemm,
// Softmax) with weights in dense resources leaves no onnx op, and that each
// op's tensors flow into the next one's lowering.

// CHECK-LABEL: func.func @lenet_like
// CHECK-SAME:    %[[IMAGE:.+]]: tensor<1x1x6x6xf32>
// CHECK-NOT:     onnx.
// CHECK-DAG:     %[[W:.+]] = arith.constant dense_resource<conv_w> : tensor<2x1x3x3xf32>
// CHECK-DAG:     %[[B:.+]] = arith.constant dense<[5.000000e-01, -5.000000e-01]> : tensor<2xf32>
// CHECK-DAG:     %[[FC:.+]] = arith.constant dense<2.500000e-01> : tensor<3x8xf32>
// CHECK-DAG:     %[[FC_B:.+]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf32>
// CHECK:         %[[CONV:.+]] = linalg.conv_2d_nchw_fchw {{.*}} ins(%[[IMAGE]], %[[W]] :
// CHECK:         %[[BIASED:.+]] = linalg.generic {{.*}} ins(%[[CONV]], %[[B]] :
// CHECK:         %[[RELU:.+]] = linalg.generic {{.*}} ins(%[[BIASED]] :
// CHECK:         %[[POOL:.+]] = linalg.pooling_nchw_max {{.*}} ins(%[[RELU]], %{{.+}} :
// CHECK:         %[[FLAT:.+]] = tensor.collapse_shape %[[POOL]] {{\[}}[0], [1, 2, 3]] : tensor<1x2x2x2xf32> into tensor<1x8xf32>
// CHECK:         %[[BIAS:.+]] = linalg.generic {{.*}} ins(%[[FC_B]] :
// CHECK:         %[[LOGITS:.+]] = linalg.matmul indexing_maps = {{.*}} ins(%[[FLAT]], %[[FC]] : {{.*}} outs(%[[BIAS]] :
// CHECK:         %[[MAX:.+]] = linalg.generic {{.*}} ins(%[[LOGITS]] :
// CHECK:         %[[EXP:.+]] = linalg.generic {{.*}} ins(%[[LOGITS]], %[[MAX]] :
// CHECK:         %[[SUM:.+]] = linalg.generic {{.*}} ins(%[[EXP]] :
// CHECK:         %[[PROBS:.+]] = linalg.generic {{.*}} ins(%[[EXP]], %[[SUM]] :
// CHECK-NOT:     onnx.
// CHECK:         return %[[PROBS]] : tensor<1x3xf32>
func.func @lenet_like(%image: tensor<1x1x6x6xf32>) -> tensor<1x3xf32> {
  %w = "onnx.Constant"() {value = dense_resource<conv_w> : tensor<2x1x3x3xf32>} : () -> tensor<2x1x3x3xf32>
  %b = "onnx.Constant"() {value = dense<[0.5, -0.5]> : tensor<2xf32>} : () -> tensor<2xf32>
  %fc = "onnx.Constant"() {value = dense<0.25> : tensor<3x8xf32>} : () -> tensor<3x8xf32>
  %fc_b = "onnx.Constant"() {value = dense<[1.0, 2.0, 3.0]> : tensor<3xf32>} : () -> tensor<3xf32>
  %0 = "onnx.Conv"(%image, %w, %b) {kernel_shape = array<i64: 3, 3>} : (tensor<1x1x6x6xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %1 = "onnx.Relu"(%0) : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %2 = "onnx.MaxPool"(%1) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
  %3 = "onnx.Flatten"(%2) {axis = 1 : si64} : (tensor<1x2x2x2xf32>) -> tensor<1x8xf32>
  %4 = "onnx.Gemm"(%3, %fc, %fc_b) {transB = 1 : si64} : (tensor<1x8xf32>, tensor<3x8xf32>, tensor<3xf32>) -> tensor<1x3xf32>
  %5 = "onnx.Softmax"(%4) {axis = 1 : si64} : (tensor<1x3xf32>) -> tensor<1x3xf32>
  return %5 : tensor<1x3xf32>
}
{-#
  dialect_resources: {
    builtin: {
      conv_w: "0x040000000000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F000000BF000000BF000000BF000000BF000000BF000000BF000000BF000000BF000000BF"
    }
  }
#-}

// -----

// Tests that unsigned element types become signless in the function
// signature and in the returned value.

// CHECK-LABEL: func.func @unsigned_signature
// CHECK-SAME:    (%[[X:.+]]: tensor<3xi8>, %[[Y:.+]]: tensor<3xi8>) -> tensor<3xi8>
// CHECK:         %[[MAX:.+]] = linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<3xi8>, tensor<3xi8>)
// CHECK:           arith.maxui %{{.+}}, %{{.+}} : i8
// CHECK:         return %[[MAX]] : tensor<3xi8>
func.func @unsigned_signature(%x: tensor<3xui8>, %y: tensor<3xui8>) -> tensor<3xui8> {
  %0 = "onnx.Max"(%x, %y) : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xui8>
  return %0 : tensor<3xui8>
}

// -----

// Tests that functions without onnx ops are left alone.

// CHECK-LABEL: func.func @no_onnx
// CHECK-SAME:    (%[[X:.+]]: tensor<4xf32>)
// CHECK-NEXT:    return %[[X]] : tensor<4xf32>
func.func @no_onnx(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}
