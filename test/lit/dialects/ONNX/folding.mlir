// RUN: aotc-opt %s -split-input-file -canonicalize | FileCheck %s

// Tests that the shape arithmetic of a torch export (Shape, Gather,
// Unsqueeze, Concat, Reshape) collapses into a constant reshape.
// CHECK-LABEL: func.func @shape_chain
// CHECK-SAME: (%[[X:.+]]: tensor<2x3x4xf32>)
// CHECK-NOT: onnx.Shape
// CHECK: %[[T:.+]] = "onnx.Constant"() <{value = dense<[6, 4]> : tensor<2xi64>}>
// CHECK-NOT: onnx.Shape
// CHECK: %[[R:.+]] = "onnx.Reshape"(%[[X]], %[[T]])
// CHECK: return %[[R]], %[[T]]
func.func @shape_chain(%x: tensor<2x3x4xf32>) -> (tensor<6x4xf32>, tensor<2xi64>) {
  %shape = "onnx.Shape"(%x) <{start = 0 : si64}> : (tensor<2x3x4xf32>) -> tensor<3xi64>
  %i0 = "onnx.Constant"() <{value = dense<0> : tensor<i64>}> : () -> tensor<i64>
  %i1 = "onnx.Constant"() <{value = dense<1> : tensor<i64>}> : () -> tensor<i64>
  %i2 = "onnx.Constant"() <{value = dense<2> : tensor<i64>}> : () -> tensor<i64>
  %d0 = "onnx.Gather"(%shape, %i0) <{axis = 0 : si64}> : (tensor<3xi64>, tensor<i64>) -> tensor<i64>
  %d1 = "onnx.Gather"(%shape, %i1) <{axis = 0 : si64}> : (tensor<3xi64>, tensor<i64>) -> tensor<i64>
  %d2 = "onnx.Gather"(%shape, %i2) <{axis = 0 : si64}> : (tensor<3xi64>, tensor<i64>) -> tensor<i64>
  %rows = "onnx.Mul"(%d0, %d1) : (tensor<i64>, tensor<i64>) -> tensor<i64>
  %axes = "onnx.Constant"() <{value = dense<[0]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %u0 = "onnx.Unsqueeze"(%rows, %axes) : (tensor<i64>, tensor<1xi64>) -> tensor<1xi64>
  %u1 = "onnx.Unsqueeze"(%d2, %axes) : (tensor<i64>, tensor<1xi64>) -> tensor<1xi64>
  %target = "onnx.Concat"(%u0, %u1) <{axis = 0 : si64}> : (tensor<1xi64>, tensor<1xi64>) -> tensor<2xi64>
  %r = "onnx.Reshape"(%x, %target) <{allowzero = 0 : si64}> : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<6x4xf32>
  return %r, %target : tensor<6x4xf32>, tensor<2xi64>
}

// -----

// Tests that Shape folds the selected dimensions, which alone need to be
// static.
// CHECK-LABEL: func.func @shape
func.func @shape(%x: tensor<?x3x4xf32>) -> (tensor<2xi64>, tensor<1xi64>, tensor<0xi64>) {
  // CHECK-DAG: %[[A:.+]] = "onnx.Constant"() <{value = dense<[3, 4]> : tensor<2xi64>}>
  // CHECK-DAG: %[[B:.+]] = "onnx.Constant"() <{value = dense<3> : tensor<1xi64>}>
  // CHECK-DAG: %[[C:.+]] = "onnx.Constant"() <{value = dense<> : tensor<0xi64>}>
  // CHECK: return %[[A]], %[[B]], %[[C]]
  %0 = "onnx.Shape"(%x) <{start = 1 : si64}> : (tensor<?x3x4xf32>) -> tensor<2xi64>
  %1 = "onnx.Shape"(%x) <{start = -2 : si64, end = -1 : si64}> : (tensor<?x3x4xf32>) -> tensor<1xi64>
  %2 = "onnx.Shape"(%x) <{start = 9 : si64}> : (tensor<?x3x4xf32>) -> tensor<0xi64>
  return %0, %1, %2 : tensor<2xi64>, tensor<1xi64>, tensor<0xi64>
}

// -----

// Tests that Shape does not fold when a selected dimension is dynamic.
// CHECK-LABEL: func.func @shape_dynamic
func.func @shape_dynamic(%x: tensor<?x3xf32>) -> tensor<2xi64> {
  // CHECK: "onnx.Shape"
  %0 = "onnx.Shape"(%x) <{start = 0 : si64}> : (tensor<?x3xf32>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

// Tests that Size folds from a static operand type.
// CHECK-LABEL: func.func @size
func.func @size(%x: tensor<2x3x4xf32>) -> tensor<i64> {
  // CHECK: %[[C:.+]] = "onnx.Constant"() <{value = dense<24> : tensor<i64>}>
  // CHECK: return %[[C]]
  %0 = "onnx.Size"(%x) : (tensor<2x3x4xf32>) -> tensor<i64>
  return %0 : tensor<i64>
}

// -----

// Tests that Identity, Cast to the same type and a single-input Concat or
// Max fold to their operand.
// CHECK-LABEL: func.func @pass_through
// CHECK-SAME: (%[[X:.+]]: tensor<2xf32>)
func.func @pass_through(%x: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) {
  // CHECK: return %[[X]], %[[X]], %[[X]], %[[X]]
  %0 = "onnx.Identity"(%x) : (tensor<2xf32>) -> tensor<2xf32>
  %1 = "onnx.Cast"(%x) <{to = 1 : si64}> : (tensor<2xf32>) -> tensor<2xf32>
  %2 = "onnx.Concat"(%x) <{axis = 0 : si64}> : (tensor<2xf32>) -> tensor<2xf32>
  %3 = "onnx.Max"(%x) : (tensor<2xf32>) -> tensor<2xf32>
  return %0, %1, %2, %3 : tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>
}

// -----

// Tests that inference-mode Dropout folds to its input and an all-true mask.
// CHECK-LABEL: func.func @dropout
// CHECK-SAME: (%[[X:.+]]: tensor<2x3xf32>)
func.func @dropout(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xi1>, tensor<2x3xf32>) {
  // CHECK: %[[MASK:.+]] = "onnx.Constant"() <{value = dense<true> : tensor<2x3xi1>}>
  // CHECK: return %[[X]], %[[MASK]], %[[X]]
  %0:2 = "onnx.Dropout"(%x) <{operandSegmentSizes = array<i32: 1, 0, 0>}> : (tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xi1>)
  %ratio = "onnx.Constant"() <{value = dense<0.5> : tensor<f32>}> : () -> tensor<f32>
  %false = "onnx.Constant"() <{value = dense<false> : tensor<i1>}> : () -> tensor<i1>
  %1 = "onnx.Dropout"(%x, %ratio, %false) <{operandSegmentSizes = array<i32: 1, 1, 1>}> : (tensor<2x3xf32>, tensor<f32>, tensor<i1>) -> tensor<2x3xf32>
  return %0#0, %0#1, %1 : tensor<2x3xf32>, tensor<2x3xi1>, tensor<2x3xf32>
}

// -----

// Tests that training-mode Dropout does not fold.
// CHECK-LABEL: func.func @dropout_training
func.func @dropout_training(%x: tensor<2x3xf32>, %training: tensor<i1>) -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  // CHECK-COUNT-2: "onnx.Dropout"
  %true = "onnx.Constant"() <{value = dense<true> : tensor<i1>}> : () -> tensor<i1>
  %0 = "onnx.Dropout"(%x, %true) <{operandSegmentSizes = array<i32: 1, 0, 1>}> : (tensor<2x3xf32>, tensor<i1>) -> tensor<2x3xf32>
  %1 = "onnx.Dropout"(%x, %training) <{operandSegmentSizes = array<i32: 1, 0, 1>}> : (tensor<2x3xf32>, tensor<i1>) -> tensor<2x3xf32>
  return %0, %1 : tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// Tests that Reshape, Squeeze, Unsqueeze and Flatten of a constant give the
// same elements with the result type.
// CHECK-LABEL: func.func @reshape_like
func.func @reshape_like(%shape: tensor<2xi64>) -> (tensor<3x2xi64>, tensor<6xi64>, tensor<1x6x1xi64>, tensor<2x3xi64>) {
  // CHECK-DAG: %[[A:.+]] = "onnx.Constant"() <{value = dense<{{\[\[}}1, 2], [3, 4], [5, 6]]> : tensor<3x2xi64>}>
  // CHECK-DAG: %[[B:.+]] = "onnx.Constant"() <{value = dense<[1, 2, 3, 4, 5, 6]> : tensor<6xi64>}>
  // CHECK-DAG: %[[C:.+]] = "onnx.Constant"() <{value = dense<{{\[\[\[}}1], [2], [3], [4], [5], [6]]]> : tensor<1x6x1xi64>}>
  // CHECK-DAG: %[[D:.+]] = "onnx.Constant"() <{value = dense<{{\[\[}}1, 2, 3], [4, 5, 6]]> : tensor<2x3xi64>}>
  // CHECK: return %[[A]], %[[B]], %[[C]], %[[D]]
  %c = "onnx.Constant"() <{value = dense<[[[1, 2, 3]], [[4, 5, 6]]]> : tensor<2x1x3xi64>}> : () -> tensor<2x1x3xi64>
  %0 = "onnx.Reshape"(%c, %shape) <{allowzero = 0 : si64}> : (tensor<2x1x3xi64>, tensor<2xi64>) -> tensor<3x2xi64>
  %axes = "onnx.Constant"() <{value = dense<[0, 2]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %flat = "onnx.Flatten"(%c) <{axis = 0 : si64}> : (tensor<2x1x3xi64>) -> tensor<1x6xi64>
  %1 = "onnx.Squeeze"(%flat) : (tensor<1x6xi64>) -> tensor<6xi64>
  %2 = "onnx.Unsqueeze"(%1, %axes) : (tensor<6xi64>, tensor<2xi64>) -> tensor<1x6x1xi64>
  %axis1 = "onnx.Constant"() <{value = dense<1> : tensor<1xi64>}> : () -> tensor<1xi64>
  %3 = "onnx.Squeeze"(%c, %axis1) : (tensor<2x1x3xi64>, tensor<1xi64>) -> tensor<2x3xi64>
  return %0, %1, %2, %3 : tensor<3x2xi64>, tensor<6xi64>, tensor<1x6x1xi64>, tensor<2x3xi64>
}

// -----

// Tests that a reshape to the operand's own type folds to the operand.
// CHECK-LABEL: func.func @reshape_same_type
// CHECK-SAME: (%[[X:.+]]: tensor<2x3xf32>, %{{.+}}: tensor<2xi64>)
func.func @reshape_same_type(%x: tensor<2x3xf32>, %shape: tensor<2xi64>) -> tensor<2x3xf32> {
  // CHECK: return %[[X]]
  %0 = "onnx.Reshape"(%x, %shape) <{allowzero = 0 : si64}> : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Tests that reshaping a dense resource constant shares its blob instead of
// copying the weights.
// CHECK-LABEL: func.func @reshape_resource
func.func @reshape_resource() -> tensor<1x2xf32> {
  // CHECK: %[[C:.+]] = "onnx.Constant"() <{value = dense_resource<weights> : tensor<1x2xf32>}>
  // CHECK: return %[[C]]
  %w = "onnx.Constant"() <{value = dense_resource<weights> : tensor<2xf32>}> : () -> tensor<2xf32>
  %axes = "onnx.Constant"() <{value = dense<0> : tensor<1xi64>}> : () -> tensor<1xi64>
  %0 = "onnx.Unsqueeze"(%w, %axes) : (tensor<2xf32>, tensor<1xi64>) -> tensor<1x2xf32>
  return %0 : tensor<1x2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      weights: "0x040000000000803F00000040"
    }
  }
#-}

// -----

// Tests that Transpose with the identity permutation folds to its operand
// and that Transpose of a constant permutes it.
// CHECK-LABEL: func.func @transpose
// CHECK-SAME: (%[[X:.+]]: tensor<2x3xf32>)
func.func @transpose(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<3x2xi32>, tensor<3x2xi32>) {
  // CHECK: %[[T:.+]] = "onnx.Constant"() <{value = dense<{{\[\[}}1, 4], [2, 5], [3, 6]]> : tensor<3x2xi32>}>
  // CHECK: return %[[X]], %[[T]], %[[T]]
  %0 = "onnx.Transpose"(%x) <{perm = array<i64: 0, 1>}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %c = "onnx.Constant"() <{value = dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>}> : () -> tensor<2x3xi32>
  %1 = "onnx.Transpose"(%c) <{perm = array<i64: 1, 0>}> : (tensor<2x3xi32>) -> tensor<3x2xi32>
  %2 = "onnx.Transpose"(%c) : (tensor<2x3xi32>) -> tensor<3x2xi32>
  return %0, %1, %2 : tensor<2x3xf32>, tensor<3x2xi32>, tensor<3x2xi32>
}

// -----

// Tests that Expand broadcasts a constant, and a splat to any size.
// CHECK-LABEL: func.func @expand
func.func @expand(%shape: tensor<2xi64>) -> (tensor<2x3xi64>, tensor<1000x1000xf32>) {
  // CHECK-DAG: %[[A:.+]] = "onnx.Constant"() <{value = dense<{{\[\[}}1, 2, 3], [1, 2, 3]]> : tensor<2x3xi64>}>
  // CHECK-DAG: %[[B:.+]] = "onnx.Constant"() <{value = dense<2.500000e+00> : tensor<1000x1000xf32>}>
  // CHECK: return %[[A]], %[[B]]
  %row = "onnx.Constant"() <{value = dense<[1, 2, 3]> : tensor<3xi64>}> : () -> tensor<3xi64>
  %0 = "onnx.Expand"(%row, %shape) : (tensor<3xi64>, tensor<2xi64>) -> tensor<2x3xi64>
  %splat = "onnx.Constant"() <{value = dense<2.5> : tensor<1xf32>}> : () -> tensor<1xf32>
  %1 = "onnx.Expand"(%splat, %shape) : (tensor<1xf32>, tensor<2xi64>) -> tensor<1000x1000xf32>
  return %0, %1 : tensor<2x3xi64>, tensor<1000x1000xf32>
}

// -----

// Tests that a non-splat result over the size limit is not folded, so that
// weights are never copied into giant attributes.
// CHECK-LABEL: func.func @expand_too_large
func.func @expand_too_large(%shape: tensor<2xi64>) -> tensor<40000x2xi64> {
  // CHECK: "onnx.Expand"
  %pair = "onnx.Constant"() <{value = dense<[1, 2]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %0 = "onnx.Expand"(%pair, %shape) : (tensor<2xi64>, tensor<2xi64>) -> tensor<40000x2xi64>
  return %0 : tensor<40000x2xi64>
}

// -----

// Tests that ConstantOfShape folds to a splat of its value, f32 zero by
// default.
// CHECK-LABEL: func.func @constant_of_shape
func.func @constant_of_shape(%shape: tensor<2xi64>) -> (tensor<2x3xi64>, tensor<4xf32>) {
  // CHECK-DAG: %[[A:.+]] = "onnx.Constant"() <{value = dense<7> : tensor<2x3xi64>}>
  // CHECK-DAG: %[[B:.+]] = "onnx.Constant"() <{value = dense<0.000000e+00> : tensor<4xf32>}>
  // CHECK: return %[[A]], %[[B]]
  %0 = "onnx.ConstantOfShape"(%shape) <{value = dense<7> : tensor<1xi64>}> : (tensor<2xi64>) -> tensor<2x3xi64>
  %four = "onnx.Constant"() <{value = dense<4> : tensor<1xi64>}> : () -> tensor<1xi64>
  %1 = "onnx.ConstantOfShape"(%four) : (tensor<1xi64>) -> tensor<4xf32>
  return %0, %1 : tensor<2x3xi64>, tensor<4xf32>
}

// -----

// Tests that Range folds for integer and float element types.
// CHECK-LABEL: func.func @range
func.func @range() -> (tensor<3xi64>, tensor<4xf32>) {
  // CHECK-DAG: %[[A:.+]] = "onnx.Constant"() <{value = dense<[10, 8, 6]> : tensor<3xi64>}>
  // CHECK-DAG: %[[B:.+]] = "onnx.Constant"() <{value = dense<[0.000000e+00, 5.000000e-01, 1.000000e+00, 1.500000e+00]> : tensor<4xf32>}>
  // CHECK: return %[[A]], %[[B]]
  %start = "onnx.Constant"() <{value = dense<10> : tensor<i64>}> : () -> tensor<i64>
  %limit = "onnx.Constant"() <{value = dense<4> : tensor<i64>}> : () -> tensor<i64>
  %delta = "onnx.Constant"() <{value = dense<-2> : tensor<i64>}> : () -> tensor<i64>
  %0 = "onnx.Range"(%start, %limit, %delta) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<3xi64>
  %fstart = "onnx.Constant"() <{value = dense<0.0> : tensor<f32>}> : () -> tensor<f32>
  %flimit = "onnx.Constant"() <{value = dense<1.75> : tensor<f32>}> : () -> tensor<f32>
  %fdelta = "onnx.Constant"() <{value = dense<0.5> : tensor<f32>}> : () -> tensor<f32>
  %1 = "onnx.Range"(%fstart, %flimit, %fdelta) : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<4xf32>
  return %0, %1 : tensor<3xi64>, tensor<4xf32>
}

// -----

// Tests that Range does not fold into a result type of the wrong length.
// CHECK-LABEL: func.func @range_mismatch
func.func @range_mismatch() -> tensor<5xi64> {
  // CHECK: "onnx.Range"
  %start = "onnx.Constant"() <{value = dense<0> : tensor<i64>}> : () -> tensor<i64>
  %limit = "onnx.Constant"() <{value = dense<4> : tensor<i64>}> : () -> tensor<i64>
  %delta = "onnx.Constant"() <{value = dense<1> : tensor<i64>}> : () -> tensor<i64>
  %0 = "onnx.Range"(%start, %limit, %delta) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<5xi64>
  return %0 : tensor<5xi64>
}

// -----

// Tests that Concat of constants joins them along the axis.
// CHECK-LABEL: func.func @concat
func.func @concat() -> (tensor<2x3xi64>, tensor<3xi64>) {
  // CHECK-DAG: %[[A:.+]] = "onnx.Constant"() <{value = dense<{{\[\[}}1, 2, 9], [3, 4, 9]]> : tensor<2x3xi64>}>
  // CHECK-DAG: %[[B:.+]] = "onnx.Constant"() <{value = dense<[1, 2, -1]> : tensor<3xi64>}>
  // CHECK: return %[[A]], %[[B]]
  %a = "onnx.Constant"() <{value = dense<[[1, 2], [3, 4]]> : tensor<2x2xi64>}> : () -> tensor<2x2xi64>
  %b = "onnx.Constant"() <{value = dense<9> : tensor<2x1xi64>}> : () -> tensor<2x1xi64>
  %0 = "onnx.Concat"(%a, %b) <{axis = -1 : si64}> : (tensor<2x2xi64>, tensor<2x1xi64>) -> tensor<2x3xi64>
  %c = "onnx.Constant"() <{value = dense<[1, 2]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %d = "onnx.Constant"() <{value = dense<-1> : tensor<1xi64>}> : () -> tensor<1xi64>
  %1 = "onnx.Concat"(%c, %d) <{axis = 0 : si64}> : (tensor<2xi64>, tensor<1xi64>) -> tensor<3xi64>
  return %0, %1 : tensor<2x3xi64>, tensor<3xi64>
}

// -----

// Tests that Gather of constants selects along the axis, with negative
// indices counted from the end.
// CHECK-LABEL: func.func @gather
func.func @gather() -> (tensor<2x2xi64>, tensor<i64>) {
  // CHECK-DAG: %[[A:.+]] = "onnx.Constant"() <{value = dense<{{\[\[}}3, 1], [6, 4]]> : tensor<2x2xi64>}>
  // CHECK-DAG: %[[B:.+]] = "onnx.Constant"() <{value = dense<6> : tensor<i64>}>
  // CHECK: return %[[A]], %[[B]]
  %data = "onnx.Constant"() <{value = dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi64>}> : () -> tensor<2x3xi64>
  %idx = "onnx.Constant"() <{value = dense<[-1, 0]> : tensor<2xi32>}> : () -> tensor<2xi32>
  %0 = "onnx.Gather"(%data, %idx) <{axis = 1 : si64}> : (tensor<2x3xi64>, tensor<2xi32>) -> tensor<2x2xi64>
  %flat = "onnx.Constant"() <{value = dense<[4, 5, 6]> : tensor<3xi64>}> : () -> tensor<3xi64>
  %last = "onnx.Constant"() <{value = dense<-1> : tensor<i64>}> : () -> tensor<i64>
  %1 = "onnx.Gather"(%flat, %last) <{axis = 0 : si64}> : (tensor<3xi64>, tensor<i64>) -> tensor<i64>
  return %0, %1 : tensor<2x2xi64>, tensor<i64>
}

// -----

// Tests that Gather with an out-of-range index is not folded.
// CHECK-LABEL: func.func @gather_out_of_range
func.func @gather_out_of_range() -> tensor<i64> {
  // CHECK: "onnx.Gather"
  %data = "onnx.Constant"() <{value = dense<[4, 5, 6]> : tensor<3xi64>}> : () -> tensor<3xi64>
  %idx = "onnx.Constant"() <{value = dense<3> : tensor<i64>}> : () -> tensor<i64>
  %0 = "onnx.Gather"(%data, %idx) <{axis = 0 : si64}> : (tensor<3xi64>, tensor<i64>) -> tensor<i64>
  return %0 : tensor<i64>
}

// -----

// Tests that Slice of a constant follows ONNX clamping and negative steps,
// and that a slice taking everything folds to its operand.
// CHECK-LABEL: func.func @slice
// CHECK-SAME: (%[[X:.+]]: tensor<2x3xf32>)
func.func @slice(%x: tensor<2x3xf32>) -> (tensor<2x2xi64>, tensor<3xi64>, tensor<2x3xf32>) {
  // CHECK-DAG: %[[A:.+]] = "onnx.Constant"() <{value = dense<{{\[\[}}6, 4], [3, 1]]> : tensor<2x2xi64>}>
  // CHECK-DAG: %[[B:.+]] = "onnx.Constant"() <{value = dense<[2, 3, 4]> : tensor<3xi64>}>
  // CHECK: return %[[A]], %[[B]], %[[X]]
  %data = "onnx.Constant"() <{value = dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi64>}> : () -> tensor<2x3xi64>
  %starts = "onnx.Constant"() <{value = dense<[-1, 100]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %ends = "onnx.Constant"() <{value = dense<-9223372036854775807> : tensor<2xi64>}> : () -> tensor<2xi64>
  %axes = "onnx.Constant"() <{value = dense<[0, 1]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %steps = "onnx.Constant"() <{value = dense<[-1, -2]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %0 = "onnx.Slice"(%data, %starts, %ends, %axes, %steps) <{operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>}> : (tensor<2x3xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<2x2xi64>
  %row = "onnx.Constant"() <{value = dense<[0, 1, 2, 3, 4, 5]> : tensor<6xi64>}> : () -> tensor<6xi64>
  %s = "onnx.Constant"() <{value = dense<2> : tensor<1xi32>}> : () -> tensor<1xi32>
  %e = "onnx.Constant"() <{value = dense<-1> : tensor<1xi32>}> : () -> tensor<1xi32>
  %1 = "onnx.Slice"(%row, %s, %e) <{operandSegmentSizes = array<i32: 1, 1, 1, 0, 0>}> : (tensor<6xi64>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi64>
  %zero = "onnx.Constant"() <{value = dense<0> : tensor<1xi64>}> : () -> tensor<1xi64>
  %max = "onnx.Constant"() <{value = dense<9223372036854775807> : tensor<1xi64>}> : () -> tensor<1xi64>
  %one = "onnx.Constant"() <{value = dense<1> : tensor<1xi64>}> : () -> tensor<1xi64>
  %2 = "onnx.Slice"(%x, %zero, %max, %one) <{operandSegmentSizes = array<i32: 1, 1, 1, 1, 0>}> : (tensor<2x3xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<2x3xf32>
  return %0, %1, %2 : tensor<2x2xi64>, tensor<3xi64>, tensor<2x3xf32>
}

// -----

// Tests that folders leave dynamic and unranked results alone.
// CHECK-LABEL: func.func @dynamic_result
func.func @dynamic_result(%x: tensor<2xf32>) -> (tensor<?xi64>, tensor<*xf32>) {
  // CHECK: "onnx.Shape"
  // CHECK: "onnx.Identity"
  %0 = "onnx.Shape"(%x) <{start = 0 : si64}> : (tensor<2xf32>) -> tensor<?xi64>
  %1 = "onnx.Identity"(%x) : (tensor<2xf32>) -> tensor<*xf32>
  return %0, %1 : tensor<?xi64>, tensor<*xf32>
}
