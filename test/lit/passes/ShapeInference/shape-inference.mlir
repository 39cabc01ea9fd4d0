// RUN: aotc-opt %s --split-input-file --aotc-shape-inference | FileCheck %s

// Tests that shapes flow through a small CNN whose intermediate results are
// unranked after import.

// CHECK-LABEL: func.func @cnn
// CHECK-SAME: -> tensor<1x10xf32>
// CHECK: "onnx.Conv"{{.*}} -> tensor<1x16x16x16xf32>
// CHECK: "onnx.BatchNormalization"{{.*}} -> tensor<1x16x16x16xf32>
// CHECK: "onnx.Clip"{{.*}} -> tensor<1x16x16x16xf32>
// CHECK: "onnx.MaxPool"{{.*}} -> tensor<1x16x8x8xf32>
// CHECK: "onnx.Add"{{.*}} -> tensor<1x16x8x8xf32>
// CHECK: "onnx.GlobalAveragePool"{{.*}} -> tensor<1x16x1x1xf32>
// CHECK: "onnx.Flatten"{{.*}} -> tensor<1x16xf32>
// CHECK: "onnx.Gemm"{{.*}} -> tensor<1x10xf32>
func.func @cnn(%x: tensor<1x3x32x32xf32>, %w: tensor<16x3x3x3xf32>, %c: tensor<16xf32>, %fc: tensor<10x16xf32>, %fb: tensor<10xf32>) -> tensor<*xf32> {
  %lo = "onnx.Constant"() <{value = dense<0.0> : tensor<f32>}> : () -> tensor<f32>
  %hi = "onnx.Constant"() <{value = dense<6.0> : tensor<f32>}> : () -> tensor<f32>
  %0 = "onnx.Conv"(%x, %w, %c) <{pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}> : (tensor<1x3x32x32xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<*xf32>
  %1 = "onnx.BatchNormalization"(%0, %c, %c, %c, %c) <{resultSegmentSizes = array<i32: 1, 0, 0>}> : (tensor<*xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<*xf32>
  %2 = "onnx.Clip"(%1, %lo, %hi) <{operandSegmentSizes = array<i32: 1, 1, 1>}> : (tensor<*xf32>, tensor<f32>, tensor<f32>) -> tensor<*xf32>
  %3 = "onnx.MaxPool"(%2) <{kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>}> : (tensor<*xf32>) -> tensor<*xf32>
  %4 = "onnx.Add"(%3, %3) : (tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
  %5 = "onnx.GlobalAveragePool"(%4) : (tensor<*xf32>) -> tensor<*xf32>
  %6 = "onnx.Flatten"(%5) : (tensor<*xf32>) -> tensor<*xf32>
  %7 = "onnx.Gemm"(%6, %fc, %fb) <{transB = 1 : si64}> : (tensor<*xf32>, tensor<10x16xf32>, tensor<10xf32>) -> tensor<*xf32>
  return %7 : tensor<*xf32>
}

// -----

// Tests that the shape arithmetic exporters emit around a Reshape
// (Shape, Gather, Unsqueeze, Concat) folds into a constant before the
// Reshape is reached, so that attention heads get static shapes.

// CHECK-LABEL: func.func @attention_heads
// CHECK-SAME: -> tensor<2x4x8x8xf32>
// CHECK: %[[SHAPE:.+]] = "onnx.Constant"() <{value = dense<[2, 8, 4, 16]> : tensor<4xi64>}>
// CHECK: "onnx.Reshape"(%{{.+}}, %[[SHAPE]]){{.*}} -> tensor<2x8x4x16xf32>
// CHECK: "onnx.Transpose"{{.*}} -> tensor<2x4x8x16xf32>
// CHECK: "onnx.Transpose"{{.*}} -> tensor<2x4x16x8xf32>
// CHECK: "onnx.MatMul"{{.*}} -> tensor<2x4x8x8xf32>
// CHECK: "onnx.Softmax"{{.*}} -> tensor<2x4x8x8xf32>
func.func @attention_heads(%x: tensor<2x8x64xf32>) -> tensor<*xf32> {
  %zero = "onnx.Constant"() <{value = dense<0> : tensor<i64>}> : () -> tensor<i64>
  %one = "onnx.Constant"() <{value = dense<1> : tensor<i64>}> : () -> tensor<i64>
  %axes = "onnx.Constant"() <{value = dense<[0]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %heads = "onnx.Constant"() <{value = dense<[4, 16]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %shape = "onnx.Shape"(%x) : (tensor<2x8x64xf32>) -> tensor<*xi64>
  %batch = "onnx.Gather"(%shape, %zero) <{axis = 0 : si64}> : (tensor<*xi64>, tensor<i64>) -> tensor<*xi64>
  %seq = "onnx.Gather"(%shape, %one) <{axis = 0 : si64}> : (tensor<*xi64>, tensor<i64>) -> tensor<*xi64>
  %b1 = "onnx.Unsqueeze"(%batch, %axes) : (tensor<*xi64>, tensor<1xi64>) -> tensor<*xi64>
  %s1 = "onnx.Unsqueeze"(%seq, %axes) : (tensor<*xi64>, tensor<1xi64>) -> tensor<*xi64>
  %target = "onnx.Concat"(%b1, %s1, %heads) <{axis = 0 : si64}> : (tensor<*xi64>, tensor<*xi64>, tensor<2xi64>) -> tensor<*xi64>
  %r = "onnx.Reshape"(%x, %target) : (tensor<2x8x64xf32>, tensor<*xi64>) -> tensor<*xf32>
  %q = "onnx.Transpose"(%r) <{perm = array<i64: 0, 2, 1, 3>}> : (tensor<*xf32>) -> tensor<*xf32>
  %k = "onnx.Transpose"(%r) <{perm = array<i64: 0, 2, 3, 1>}> : (tensor<*xf32>) -> tensor<*xf32>
  %s = "onnx.MatMul"(%q, %k) : (tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
  %p = "onnx.Softmax"(%s) <{axis = -1 : si64}> : (tensor<*xf32>) -> tensor<*xf32>
  return %p : tensor<*xf32>
}

// -----

// Tests that a causal mask built from the input's shape (Shape, Slice,
// Squeeze, Concat, ConstantOfShape, Range, Unsqueeze, Less, Where, Expand)
// gets static shapes and folds into one constant added to the scores.

// CHECK-LABEL: func.func @causal_mask
// CHECK-SAME: -> tensor<2x4x8x8xf32>
// CHECK: %[[MASK:.+]] = "onnx.Constant"(){{.*}} : () -> tensor<2x1x8x8xf32>
// CHECK-NOT: "onnx.Shape"
// CHECK: "onnx.Add"(%{{.+}}, %[[MASK]]) : (tensor<2x4x8x8xf32>, tensor<2x1x8x8xf32>) -> tensor<2x4x8x8xf32>
func.func @causal_mask(%x: tensor<2x8x64xf32>, %scores: tensor<2x4x8x8xf32>) -> tensor<*xf32> {
  %start = "onnx.Constant"() <{value = dense<[1]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %end = "onnx.Constant"() <{value = dense<[2]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %zero = "onnx.Constant"() <{value = dense<0> : tensor<i64>}> : () -> tensor<i64>
  %one = "onnx.Constant"() <{value = dense<1> : tensor<i64>}> : () -> tensor<i64>
  %ax0 = "onnx.Constant"() <{value = dense<[0]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %ax1 = "onnx.Constant"() <{value = dense<[1]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %ninf = "onnx.Constant"() <{value = dense<-1.0e+09> : tensor<f32>}> : () -> tensor<f32>
  %target = "onnx.Constant"() <{value = dense<[2, 1, 1, 1]> : tensor<4xi64>}> : () -> tensor<4xi64>
  %shape = "onnx.Shape"(%x) : (tensor<2x8x64xf32>) -> tensor<*xi64>
  %seq1 = "onnx.Slice"(%shape, %start, %end) <{operandSegmentSizes = array<i32: 1, 1, 1, 0, 0>}> : (tensor<*xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<*xi64>
  %seq = "onnx.Squeeze"(%seq1, %ax0) : (tensor<*xi64>, tensor<1xi64>) -> tensor<*xi64>
  %square = "onnx.Concat"(%seq1, %seq1) <{axis = 0 : si64}> : (tensor<*xi64>, tensor<*xi64>) -> tensor<*xi64>
  %zeros = "onnx.ConstantOfShape"(%square) <{value = dense<0.0> : tensor<1xf32>}> : (tensor<*xi64>) -> tensor<*xf32>
  %pos = "onnx.Range"(%zero, %seq, %one) : (tensor<i64>, tensor<*xi64>, tensor<i64>) -> tensor<*xi64>
  %row = "onnx.Unsqueeze"(%pos, %ax1) : (tensor<*xi64>, tensor<1xi64>) -> tensor<*xi64>
  %future = "onnx.Less"(%row, %pos) : (tensor<*xi64>, tensor<*xi64>) -> tensor<*xi1>
  %mask = "onnx.Where"(%future, %ninf, %zeros) : (tensor<*xi1>, tensor<f32>, tensor<*xf32>) -> tensor<*xf32>
  %full = "onnx.Expand"(%mask, %target) : (tensor<*xf32>, tensor<4xi64>) -> tensor<*xf32>
  %masked = "onnx.Add"(%scores, %full) : (tensor<2x4x8x8xf32>, tensor<*xf32>) -> tensor<*xf32>
  return %masked : tensor<*xf32>
}

// -----

// Tests that a static size the model gave a result is kept when the
// operands cannot determine it (a Reshape by a runtime shape).

// CHECK-LABEL: func.func @keep_known_sizes
// CHECK: "onnx.Reshape"{{.*}} -> tensor<3x4xf32>
func.func @keep_known_sizes(%x: tensor<12xf32>, %shape: tensor<2xi64>) -> tensor<3x4xf32> {
  %0 = "onnx.Reshape"(%x, %shape) : (tensor<12xf32>, tensor<2xi64>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}
