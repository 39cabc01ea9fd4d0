// RUN: aotc-opt %s | aotc-opt | FileCheck %s

// Tests that constants round-trip with inline and dense resource values.
// CHECK-LABEL: func.func @constants
func.func @constants() -> (tensor<2xi64>, tensor<2xf32>, tensor<f32>) {
  // CHECK: "onnx.Constant"() <{value = dense<[1, 2]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %0 = "onnx.Constant"() <{value = dense<[1, 2]> : tensor<2xi64>}> : () -> tensor<2xi64>
  // CHECK: "onnx.Constant"() <{value = dense_resource<weights> : tensor<2xf32>}> : () -> tensor<2xf32>
  %1 = "onnx.Constant"() <{value = dense_resource<weights> : tensor<2xf32>}> : () -> tensor<2xf32>
  // CHECK: "onnx.Constant"() <{value = dense<1.500000e+00> : tensor<f32>}> : () -> tensor<f32>
  %2 = "onnx.Constant"() <{value = dense<1.5> : tensor<f32>}> : () -> tensor<f32>
  return %0, %1, %2 : tensor<2xi64>, tensor<2xf32>, tensor<f32>
}

// Tests that elementwise ops accept unranked and dynamic operands.
// CHECK-LABEL: func.func @elementwise
// CHECK-SAME: (%[[A:.+]]: tensor<*xf32>, %[[B:.+]]: tensor<?x3xf32>)
func.func @elementwise(%a: tensor<*xf32>, %b: tensor<?x3xf32>) -> (tensor<*xf32>, tensor<*xi1>, tensor<?x3xf16>, tensor<?x3xf32>) {
  // CHECK: %[[ADD:.+]] = "onnx.Add"(%[[A]], %[[B]]) : (tensor<*xf32>, tensor<?x3xf32>) -> tensor<*xf32>
  %0 = "onnx.Add"(%a, %b) : (tensor<*xf32>, tensor<?x3xf32>) -> tensor<*xf32>
  // CHECK: "onnx.Less"(%[[ADD]], %[[A]]) : (tensor<*xf32>, tensor<*xf32>) -> tensor<*xi1>
  %1 = "onnx.Less"(%0, %a) : (tensor<*xf32>, tensor<*xf32>) -> tensor<*xi1>
  // CHECK: "onnx.Cast"(%[[B]]) <{to = 10 : si64}> : (tensor<?x3xf32>) -> tensor<?x3xf16>
  %2 = "onnx.Cast"(%b) <{to = 10 : si64}> : (tensor<?x3xf32>) -> tensor<?x3xf16>
  // CHECK: "onnx.Gelu"(%[[B]]) <{approximate = "tanh"}> : (tensor<?x3xf32>) -> tensor<?x3xf32>
  %3 = "onnx.Gelu"(%b) <{approximate = "tanh"}> : (tensor<?x3xf32>) -> tensor<?x3xf32>
  return %0, %1, %2, %3 : tensor<*xf32>, tensor<*xi1>, tensor<?x3xf16>, tensor<?x3xf32>
}

// Tests that omitted optional operands are recorded in operandSegmentSizes.
// CHECK-LABEL: func.func @optional_operands
// CHECK-SAME: (%[[X:.+]]: tensor<4x6xf32>, %[[S:.+]]: tensor<1xi64>, %[[E:.+]]: tensor<1xi64>, %[[AX:.+]]: tensor<1xi64>)
func.func @optional_operands(%x: tensor<4x6xf32>, %starts: tensor<1xi64>, %ends: tensor<1xi64>, %axes: tensor<1xi64>) -> (tensor<?x6xf32>, tensor<4x?xf32>, tensor<4x6xf32>, tensor<4x6xi1>) {
  // CHECK: "onnx.Slice"(%[[X]], %[[S]], %[[E]]) <{operandSegmentSizes = array<i32: 1, 1, 1, 0, 0>}>
  %0 = "onnx.Slice"(%x, %starts, %ends) <{operandSegmentSizes = array<i32: 1, 1, 1, 0, 0>}> : (tensor<4x6xf32>, tensor<1xi64>, tensor<1xi64>) -> tensor<?x6xf32>
  // CHECK: "onnx.Slice"(%[[X]], %[[S]], %[[E]], %[[AX]]) <{operandSegmentSizes = array<i32: 1, 1, 1, 1, 0>}>
  %1 = "onnx.Slice"(%x, %starts, %ends, %axes) <{operandSegmentSizes = array<i32: 1, 1, 1, 1, 0>}> : (tensor<4x6xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<4x?xf32>
  // CHECK: "onnx.Dropout"(%[[X]]) <{operandSegmentSizes = array<i32: 1, 0, 0>, seed = 3 : si64}> : (tensor<4x6xf32>) -> (tensor<4x6xf32>, tensor<4x6xi1>)
  %2:2 = "onnx.Dropout"(%x) <{operandSegmentSizes = array<i32: 1, 0, 0>, seed = 3 : si64}> : (tensor<4x6xf32>) -> (tensor<4x6xf32>, tensor<4x6xi1>)
  return %0, %1, %2#0, %2#1 : tensor<?x6xf32>, tensor<4x?xf32>, tensor<4x6xf32>, tensor<4x6xi1>
}

// Tests that optional results are recorded in resultSegmentSizes.
// CHECK-LABEL: func.func @optional_results
func.func @optional_results(%x: tensor<2x8xf32>, %scale: tensor<8xf32>) -> (tensor<2x8xf32>, tensor<2x1xf32>) {
  // CHECK: "onnx.LayerNormalization"(%{{.+}}, %{{.+}}) <{axis = -1 : si64, epsilon = 9.99999974E-6 : f32, resultSegmentSizes = array<i32: 1, 1, 0>, stash_type = 1 : si64}>
  %0:2 = "onnx.LayerNormalization"(%x, %scale) <{axis = -1 : si64, epsilon = 1.0e-05 : f32, resultSegmentSizes = array<i32: 1, 1, 0>, stash_type = 1 : si64}> : (tensor<2x8xf32>, tensor<8xf32>) -> (tensor<2x8xf32>, tensor<2x1xf32>)
  return %0#0, %0#1 : tensor<2x8xf32>, tensor<2x1xf32>
}

// Tests that window ops keep their array attributes and optional bias.
// CHECK-LABEL: func.func @windows
func.func @windows(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> (tensor<1x4x8x8xf32>, tensor<1x3x4x4xf32>, tensor<1x3x4x4xi64>) {
  // CHECK: "onnx.Conv"(%{{.+}}, %{{.+}}) <{auto_pad = "NOTSET", group = 1 : si64, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>}>
  %0 = "onnx.Conv"(%x, %w) <{auto_pad = "NOTSET", group = 1 : si64, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>}> : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  // CHECK: "onnx.MaxPool"(%{{.+}}) <{auto_pad = "NOTSET", ceil_mode = 0 : si64, kernel_shape = array<i64: 2, 2>, storage_order = 0 : si64, strides = array<i64: 2, 2>}> : (tensor<1x3x8x8xf32>) -> (tensor<1x3x4x4xf32>, tensor<1x3x4x4xi64>)
  %1:2 = "onnx.MaxPool"(%x) <{auto_pad = "NOTSET", ceil_mode = 0 : si64, kernel_shape = array<i64: 2, 2>, storage_order = 0 : si64, strides = array<i64: 2, 2>}> : (tensor<1x3x8x8xf32>) -> (tensor<1x3x4x4xf32>, tensor<1x3x4x4xi64>)
  return %0, %1#0, %1#1 : tensor<1x4x8x8xf32>, tensor<1x3x4x4xf32>, tensor<1x3x4x4xi64>
}

// Tests that shape ops keep their attributes and variadic operands and
// results.
// CHECK-LABEL: func.func @shapes
func.func @shapes(%x: tensor<2x3x4xf32>, %y: tensor<2x5x4xf32>) -> (tensor<2xi64>, tensor<2x8x4xf32>, tensor<4x3x2xf32>, tensor<2x1x4xf32>, tensor<2x2xf32>) {
  // CHECK: "onnx.Shape"(%{{.+}}) <{end = -1 : si64, start = 0 : si64}> : (tensor<2x3x4xf32>) -> tensor<2xi64>
  %0 = "onnx.Shape"(%x) <{end = -1 : si64, start = 0 : si64}> : (tensor<2x3x4xf32>) -> tensor<2xi64>
  // CHECK: "onnx.Concat"(%{{.+}}, %{{.+}}) <{axis = 1 : si64}> : (tensor<2x3x4xf32>, tensor<2x5x4xf32>) -> tensor<2x8x4xf32>
  %1 = "onnx.Concat"(%x, %y) <{axis = 1 : si64}> : (tensor<2x3x4xf32>, tensor<2x5x4xf32>) -> tensor<2x8x4xf32>
  // CHECK: "onnx.Transpose"(%{{.+}}) <{perm = array<i64: 2, 1, 0>}> : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
  %2 = "onnx.Transpose"(%x) <{perm = array<i64: 2, 1, 0>}> : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
  // CHECK: "onnx.Split"(%{{.+}}) <{axis = 1 : si64, num_outputs = 3 : si64}> : (tensor<2x3x4xf32>) -> (tensor<2x1x4xf32>, tensor<2x1x4xf32>, tensor<2x1x4xf32>)
  %3:3 = "onnx.Split"(%x) <{axis = 1 : si64, num_outputs = 3 : si64}> : (tensor<2x3x4xf32>) -> (tensor<2x1x4xf32>, tensor<2x1x4xf32>, tensor<2x1x4xf32>)
  // CHECK: "onnx.Gemm"(%{{.+}}, %{{.+}}) <{alpha = 1.000000e+00 : f32, beta = 1.000000e+00 : f32, transA = 0 : si64, transB = 1 : si64}> : (tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x2xf32>
  %a = "onnx.Constant"() <{value = dense<1.0> : tensor<2x4xf32>}> : () -> tensor<2x4xf32>
  %4 = "onnx.Gemm"(%a, %a) <{alpha = 1.0 : f32, beta = 1.0 : f32, transA = 0 : si64, transB = 1 : si64}> : (tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x2xf32>
  return %0, %1, %2, %3#0, %4 : tensor<2xi64>, tensor<2x8x4xf32>, tensor<4x3x2xf32>, tensor<2x1x4xf32>, tensor<2x2xf32>
}

// CHECK: dialect_resources
// CHECK-NEXT: builtin
// CHECK-NEXT: weights: "0x040000000000803F00000040"
{-#
  dialect_resources: {
    builtin: {
      weights: "0x040000000000803F00000040"
    }
  }
#-}
