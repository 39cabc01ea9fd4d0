// RUN: aotc-opt %s --split-input-file --aotc-check-indices | FileCheck %s

// Tests that a Gather with indices from a graph input returns the largest
// and the smallest index, with what the entry point needs to name the node
// (imported models have node locations; these ops have none).
// CHECK-LABEL: func.func @main_graph
// CHECK-SAME:    -> (tensor<3x4xf32>,
// CHECK-SAME:        tensor<i64> {aotc.index_check = {extreme = "max", node = "", op = "Gather", size = 8 : i64}},
// CHECK-SAME:        tensor<i64> {aotc.index_check = {extreme = "min", node = "", op = "Gather", size = 8 : i64}})
// CHECK:         %[[MAX:.+]] = "onnx.ReduceMax"(%arg1) <{keepdims = 0 : si64, noop_with_empty_axes = 0 : si64}> : (tensor<3xi64>) -> tensor<i64>
// CHECK:         %[[MIN:.+]] = "onnx.ReduceMin"(%arg1) <{keepdims = 0 : si64, noop_with_empty_axes = 0 : si64}> : (tensor<3xi64>) -> tensor<i64>
// CHECK:         %[[Y:.+]] = "onnx.Gather"
// CHECK:         return %[[Y]], %[[MAX]], %[[MIN]]
func.func @main_graph(%table: tensor<8x4xf32>, %ids: tensor<3xi64>) -> tensor<3x4xf32> {
  %0 = "onnx.Gather"(%table, %ids) <{axis = 0 : si64}> : (tensor<8x4xf32>, tensor<3xi64>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// Tests that int32 indices are compared as int64, and that GatherElements is
// checked against the size of its axis.
// CHECK-LABEL: func.func @main_graph
// CHECK-SAME:    size = 5 : i64
// CHECK:         %[[WIDE:.+]] = "onnx.Cast"(%arg1) <{to = 7 : si64}> : (tensor<2x3xi32>) -> tensor<2x3xi64>
// CHECK:         "onnx.ReduceMax"(%[[WIDE]])
// CHECK:         "onnx.ReduceMin"(%[[WIDE]])
// CHECK:         "onnx.GatherElements"
func.func @main_graph(%data: tensor<2x5xf32>, %ids: tensor<2x3xi32>) -> tensor<2x3xf32> {
  %0 = "onnx.GatherElements"(%data, %ids) <{axis = 1 : si64}> : (tensor<2x5xf32>, tensor<2x3xi32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Tests that constant indices (checked at shape inference) get no check.
// CHECK-LABEL: func.func @main_graph
// CHECK-SAME:    -> tensor<2x4xf32>
// CHECK-NOT:     onnx.ReduceMax
func.func @main_graph(%table: tensor<8x4xf32>) -> tensor<2x4xf32> {
  %ids = "onnx.Constant"() <{value = dense<[1, 5]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %0 = "onnx.Gather"(%table, %ids) <{axis = 0 : si64}> : (tensor<8x4xf32>, tensor<2xi64>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
