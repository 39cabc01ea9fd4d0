// RUN: aotc-opt %s --split-input-file --aotc-shape-inference | FileCheck %s

// Tests that Reshape copies a 0 from the input, infers a -1, and with
// allowzero keeps a 0 as an empty dimension.

// CHECK-LABEL: func.func @reshape
// CHECK: "onnx.Reshape"{{.*}} -> tensor<2x12xf32>
// CHECK: "onnx.Reshape"{{.*}} -> tensor<4x3x2xf32>
// CHECK: "onnx.Reshape"{{.*}} -> tensor<0x5xf32>
func.func @reshape(%x: tensor<2x3x4xf32>, %e: tensor<0x10xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %s0 = "onnx.Constant"() <{value = dense<[0, -1]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %s1 = "onnx.Constant"() <{value = dense<[-1, 3, 2]> : tensor<3xi64>}> : () -> tensor<3xi64>
  %s2 = "onnx.Constant"() <{value = dense<[0, 5]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %0 = "onnx.Reshape"(%x, %s0) : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  %1 = "onnx.Reshape"(%0, %s1) : (tensor<*xf32>, tensor<3xi64>) -> tensor<*xf32>
  %2 = "onnx.Reshape"(%e, %s2) <{allowzero = 1 : si64}> : (tensor<0x10xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0, %1, %2 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests Flatten at axis 0, a middle axis, a negative axis and the rank.

// CHECK-LABEL: func.func @flatten
// CHECK: "onnx.Flatten"{{.*}} -> tensor<1x24xf32>
// CHECK: "onnx.Flatten"{{.*}} -> tensor<2x12xf32>
// CHECK: "onnx.Flatten"{{.*}} -> tensor<6x4xf32>
// CHECK: "onnx.Flatten"{{.*}} -> tensor<24x1xf32>
func.func @flatten(%x: tensor<2x3x4xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0 = "onnx.Flatten"(%x) <{axis = 0 : si64}> : (tensor<2x3x4xf32>) -> tensor<*xf32>
  %1 = "onnx.Flatten"(%x) <{axis = 1 : si64}> : (tensor<2x3x4xf32>) -> tensor<*xf32>
  %2 = "onnx.Flatten"(%x) <{axis = -1 : si64}> : (tensor<2x3x4xf32>) -> tensor<*xf32>
  %3 = "onnx.Flatten"(%x) <{axis = 3 : si64}> : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0, %1, %2, %3 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests Transpose with a perm and with the default reversed order.

// CHECK-LABEL: func.func @transpose
// CHECK: "onnx.Transpose"{{.*}} -> tensor<2x4x3xf32>
// CHECK: "onnx.Transpose"{{.*}} -> tensor<4x3x2xf32>
func.func @transpose(%x: tensor<2x3x4xf32>) -> (tensor<*xf32>, tensor<*xf32>) {
  %0 = "onnx.Transpose"(%x) <{perm = array<i64: 0, 2, 1>}> : (tensor<2x3x4xf32>) -> tensor<*xf32>
  %1 = "onnx.Transpose"(%x) : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0, %1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests Squeeze with axes and without (every 1 goes), and Unsqueeze with
// axes that index the output, negative ones included.

// CHECK-LABEL: func.func @squeeze_unsqueeze
// CHECK: "onnx.Squeeze"{{.*}} -> tensor<3x1xf32>
// CHECK: "onnx.Squeeze"{{.*}} -> tensor<3xf32>
// CHECK: "onnx.Unsqueeze"{{.*}} -> tensor<1x3x1x1xf32>
// CHECK: "onnx.Unsqueeze"{{.*}} -> tensor<1x2xf32>
func.func @squeeze_unsqueeze(%x: tensor<1x3x1xf32>, %v: tensor<2xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %a0 = "onnx.Constant"() <{value = dense<[0]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %a1 = "onnx.Constant"() <{value = dense<[0, -1]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %0 = "onnx.Squeeze"(%x, %a0) : (tensor<1x3x1xf32>, tensor<1xi64>) -> tensor<*xf32>
  %1 = "onnx.Squeeze"(%x) : (tensor<1x3x1xf32>) -> tensor<*xf32>
  %2 = "onnx.Unsqueeze"(%0, %a1) : (tensor<*xf32>, tensor<2xi64>) -> tensor<*xf32>
  %3 = "onnx.Unsqueeze"(%v, %a0) : (tensor<2xf32>, tensor<1xi64>) -> tensor<*xf32>
  return %0, %1, %2, %3 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that Concat adds the sizes along a (negative) axis.

// CHECK-LABEL: func.func @concat
// CHECK: "onnx.Concat"{{.*}} -> tensor<2x9xf32>
func.func @concat(%a: tensor<2x3xf32>, %b: tensor<2x5xf32>, %c: tensor<2x1xf32>) -> tensor<*xf32> {
  %0 = "onnx.Concat"(%a, %b, %c) <{axis = -1 : si64}> : (tensor<2x3xf32>, tensor<2x5xf32>, tensor<2x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests Split with explicit sizes, with num_outputs (the last chunk is
// smaller) and into equal parts by the number of results.

// CHECK-LABEL: func.func @split
// CHECK: "onnx.Split"{{.*}} -> (tensor<2x2xf32>, tensor<2x8xf32>)
// CHECK: "onnx.Split"{{.*}} -> (tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x2xf32>)
// CHECK: "onnx.Split"{{.*}} -> (tensor<1x10xf32>, tensor<1x10xf32>)
func.func @split(%x: tensor<2x10xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %sizes = "onnx.Constant"() <{value = dense<[2, 8]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %0:2 = "onnx.Split"(%x, %sizes) <{axis = 1 : si64}> : (tensor<2x10xf32>, tensor<2xi64>) -> (tensor<*xf32>, tensor<*xf32>)
  %1:3 = "onnx.Split"(%x) <{axis = -1 : si64, num_outputs = 3 : si64}> : (tensor<2x10xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>)
  %2:2 = "onnx.Split"(%x) : (tensor<2x10xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  return %0#0, %0#1, %1#0, %1#1, %1#2, %2#0, %2#1 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that Expand broadcasts the input with the target shape in both
// directions, and that Tile multiplies each dimension.

// CHECK-LABEL: func.func @expand_tile
// CHECK: "onnx.Expand"{{.*}} -> tensor<2x3x4xf32>
// CHECK: "onnx.Tile"{{.*}} -> tensor<6x2xf32>
func.func @expand_tile(%x: tensor<3x1xf32>, %y: tensor<3x1xf32>) -> (tensor<*xf32>, tensor<*xf32>) {
  %shape = "onnx.Constant"() <{value = dense<[2, 1, 4]> : tensor<3xi64>}> : () -> tensor<3xi64>
  %repeats = "onnx.Constant"() <{value = dense<[2, 2]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %0 = "onnx.Expand"(%x, %shape) : (tensor<3x1xf32>, tensor<3xi64>) -> tensor<*xf32>
  %1 = "onnx.Tile"(%y, %repeats) : (tensor<3x1xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0, %1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests Pad with begin/end pads on every axis, negative pads that crop, and
// the opset-18 axes input.

// CHECK-LABEL: func.func @pad
// CHECK: "onnx.Pad"{{.*}} -> tensor<1x3x7x8xf32>
// CHECK: "onnx.Pad"{{.*}} -> tensor<1x3x3x4xf32>
// CHECK: "onnx.Pad"{{.*}} -> tensor<1x3x4x9xf32>
func.func @pad(%x: tensor<1x3x4x4xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %p0 = "onnx.Constant"() <{value = dense<[0, 0, 1, 2, 0, 0, 2, 2]> : tensor<8xi64>}> : () -> tensor<8xi64>
  %p1 = "onnx.Constant"() <{value = dense<[0, 0, -1, 0, 0, 0, 0, 0]> : tensor<8xi64>}> : () -> tensor<8xi64>
  %p2 = "onnx.Constant"() <{value = dense<[2, 3]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %axes = "onnx.Constant"() <{value = dense<[-1]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %0 = "onnx.Pad"(%x, %p0) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>}> : (tensor<1x3x4x4xf32>, tensor<8xi64>) -> tensor<*xf32>
  %1 = "onnx.Pad"(%x, %p1) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>}> : (tensor<1x3x4x4xf32>, tensor<8xi64>) -> tensor<*xf32>
  %2 = "onnx.Pad"(%x, %p2, %axes) <{operandSegmentSizes = array<i32: 1, 1, 0, 1>}> : (tensor<1x3x4x4xf32>, tensor<2xi64>, tensor<1xi64>) -> tensor<*xf32>
  return %0, %1, %2 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that Resize takes its size from constant sizes, or from constant
// scales (rounding down), ignoring an empty scales tensor.

// CHECK-LABEL: func.func @resize
// CHECK: "onnx.Resize"{{.*}} -> tensor<1x3x8x12xf32>
// CHECK: "onnx.Resize"{{.*}} -> tensor<1x3x10x6xf32>
func.func @resize(%x: tensor<1x3x4x6xf32>) -> (tensor<*xf32>, tensor<*xf32>) {
  %scales = "onnx.Constant"() <{value = dense<[1.0, 1.0, 2.0, 2.0]> : tensor<4xf32>}> : () -> tensor<4xf32>
  %empty = "onnx.Constant"() <{value = dense<> : tensor<0xf32>}> : () -> tensor<0xf32>
  %sizes = "onnx.Constant"() <{value = dense<[1, 3, 10, 6]> : tensor<4xi64>}> : () -> tensor<4xi64>
  %0 = "onnx.Resize"(%x, %scales) <{mode = "nearest", operandSegmentSizes = array<i32: 1, 0, 1, 0>}> : (tensor<1x3x4x6xf32>, tensor<4xf32>) -> tensor<*xf32>
  %1 = "onnx.Resize"(%x, %empty, %sizes) <{mode = "linear", operandSegmentSizes = array<i32: 1, 0, 1, 1>}> : (tensor<1x3x4x6xf32>, tensor<0xf32>, tensor<4xi64>) -> tensor<*xf32>
  return %0, %1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests DepthToSpace, SpaceToDepth and EyeLike (with and without dtype).

// CHECK-LABEL: func.func @blocks_eye
// CHECK: "onnx.DepthToSpace"{{.*}} -> tensor<1x2x6x8xf32>
// CHECK: "onnx.SpaceToDepth"{{.*}} -> tensor<1x8x3x4xf32>
// CHECK: "onnx.EyeLike"{{.*}} -> tensor<3x5xf32>
// CHECK: "onnx.EyeLike"{{.*}} -> tensor<3x5xi64>
func.func @blocks_eye(%x: tensor<1x8x3x4xf32>, %e: tensor<3x5xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xi64>) {
  %0 = "onnx.DepthToSpace"(%x) <{blocksize = 2 : si64}> : (tensor<1x8x3x4xf32>) -> tensor<*xf32>
  %1 = "onnx.SpaceToDepth"(%0) <{blocksize = 2 : si64}> : (tensor<*xf32>) -> tensor<*xf32>
  %2 = "onnx.EyeLike"(%e) : (tensor<3x5xf32>) -> tensor<*xf32>
  %3 = "onnx.EyeLike"(%e) <{dtype = 7 : si64}> : (tensor<3x5xf32>) -> tensor<*xi64>
  return %1, %2, %3 : tensor<*xf32>, tensor<*xf32>, tensor<*xi64>
}

// -----

// Tests that Shape (with start and end), Size, ConstantOfShape and Range
// get static types, whether or not they then fold into constants.

// CHECK-LABEL: func.func @shape_values
// CHECK-SAME: -> (tensor<4xi64>, tensor<2xi64>, tensor<i64>, tensor<2x3xi32>, tensor<5xi64>, tensor<3xf32>)
func.func @shape_values(%x: tensor<2x3x4x5xf32>) -> (tensor<*xi64>, tensor<*xi64>, tensor<*xi64>, tensor<*xi32>, tensor<*xi64>, tensor<*xf32>) {
  %dims = "onnx.Constant"() <{value = dense<[2, 3]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %start = "onnx.Constant"() <{value = dense<1> : tensor<i64>}> : () -> tensor<i64>
  %limit = "onnx.Constant"() <{value = dense<10> : tensor<i64>}> : () -> tensor<i64>
  %delta = "onnx.Constant"() <{value = dense<2> : tensor<i64>}> : () -> tensor<i64>
  %fstart = "onnx.Constant"() <{value = dense<0.0> : tensor<f32>}> : () -> tensor<f32>
  %flimit = "onnx.Constant"() <{value = dense<1.0> : tensor<f32>}> : () -> tensor<f32>
  %fdelta = "onnx.Constant"() <{value = dense<0.4> : tensor<f32>}> : () -> tensor<f32>
  %0 = "onnx.Shape"(%x) : (tensor<2x3x4x5xf32>) -> tensor<*xi64>
  %1 = "onnx.Shape"(%x) <{start = 1 : si64, end = -1 : si64}> : (tensor<2x3x4x5xf32>) -> tensor<*xi64>
  %2 = "onnx.Size"(%x) : (tensor<2x3x4x5xf32>) -> tensor<*xi64>
  %3 = "onnx.ConstantOfShape"(%dims) <{value = dense<7> : tensor<1xi32>}> : (tensor<2xi64>) -> tensor<*xi32>
  %4 = "onnx.Range"(%start, %limit, %delta) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<*xi64>
  %5 = "onnx.Range"(%fstart, %flimit, %fdelta) : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<*xf32>
  return %0, %1, %2, %3, %4, %5 : tensor<*xi64>, tensor<*xi64>, tensor<*xi64>, tensor<*xi32>, tensor<*xi64>, tensor<*xf32>
}

// -----

// Tests Slice with default axes and steps, negative and clamped bounds,
// negative steps and explicit axes.

// CHECK-LABEL: func.func @slice
// CHECK: "onnx.Slice"{{.*}} -> tensor<1x8xf32>
// CHECK: "onnx.Slice"{{.*}} -> tensor<4x3xf32>
// CHECK: "onnx.Slice"{{.*}} -> tensor<4x10xf32>
func.func @slice(%x: tensor<4x10xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %starts = "onnx.Constant"() <{value = dense<[1, -8]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %ends = "onnx.Constant"() <{value = dense<[2, 9223372036854775807]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %rstart = "onnx.Constant"() <{value = dense<[-1]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %rend = "onnx.Constant"() <{value = dense<[-9223372036854775807]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %axis1 = "onnx.Constant"() <{value = dense<[1]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %step = "onnx.Constant"() <{value = dense<[-4]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %step1 = "onnx.Constant"() <{value = dense<[-1]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %0 = "onnx.Slice"(%x, %starts, %ends) <{operandSegmentSizes = array<i32: 1, 1, 1, 0, 0>}> : (tensor<4x10xf32>, tensor<2xi64>, tensor<2xi64>) -> tensor<*xf32>
  %1 = "onnx.Slice"(%x, %rstart, %rend, %axis1, %step) <{operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>}> : (tensor<4x10xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<*xf32>
  %2 = "onnx.Slice"(%x, %rstart, %rend, %axis1, %step1) <{operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>}> : (tensor<4x10xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<*xf32>
  return %0, %1, %2 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that Gather replaces the axis by the indices' shape (a scalar index
// drops it), and GatherElements and GatherND.

// CHECK-LABEL: func.func @gather
// CHECK: "onnx.Gather"{{.*}} -> tensor<5x2x3x16xf32>
// CHECK: "onnx.Gather"{{.*}} -> tensor<5x16xf32>
// CHECK: "onnx.GatherElements"{{.*}} -> tensor<5x2x16xf32>
// CHECK: "onnx.GatherND"{{.*}} -> tensor<2x16xf32>
// CHECK: "onnx.GatherND"{{.*}} -> tensor<5x3x16xf32>
func.func @gather(%x: tensor<5x7x16xf32>, %i: tensor<2x3xi64>, %j: tensor<5x2x16xi64>, %k: tensor<2x2xi64>, %b: tensor<5x3x1xi64>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %s = "onnx.Constant"() <{value = dense<-1> : tensor<i64>}> : () -> tensor<i64>
  %0 = "onnx.Gather"(%x, %i) <{axis = 1 : si64}> : (tensor<5x7x16xf32>, tensor<2x3xi64>) -> tensor<*xf32>
  %1 = "onnx.Gather"(%x, %s) <{axis = -2 : si64}> : (tensor<5x7x16xf32>, tensor<i64>) -> tensor<*xf32>
  %2 = "onnx.GatherElements"(%x, %j) <{axis = 1 : si64}> : (tensor<5x7x16xf32>, tensor<5x2x16xi64>) -> tensor<*xf32>
  %3 = "onnx.GatherND"(%x, %k) : (tensor<5x7x16xf32>, tensor<2x2xi64>) -> tensor<*xf32>
  %4 = "onnx.GatherND"(%x, %b) <{batch_dims = 1 : si64}> : (tensor<5x7x16xf32>, tensor<5x3x1xi64>) -> tensor<*xf32>
  return %0, %1, %2, %3, %4 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that OneHot inserts the depth at its axis and takes the values'
// element type, and that TopK gives K values and i64 indices.

// CHECK-LABEL: func.func @onehot_topk
// CHECK: "onnx.OneHot"{{.*}} -> tensor<2x3x10xf16>
// CHECK: "onnx.OneHot"{{.*}} -> tensor<10x2x3xf16>
// CHECK: "onnx.TopK"{{.*}} -> (tensor<2x3xf32>, tensor<2x3xi64>)
func.func @onehot_topk(%i: tensor<2x3xi64>, %values: tensor<2xf16>, %x: tensor<2x8xf32>) -> (tensor<*xf16>, tensor<*xf16>, tensor<*xf32>, tensor<*xi64>) {
  %depth = "onnx.Constant"() <{value = dense<10> : tensor<i64>}> : () -> tensor<i64>
  %k = "onnx.Constant"() <{value = dense<[3]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %0 = "onnx.OneHot"(%i, %depth, %values) : (tensor<2x3xi64>, tensor<i64>, tensor<2xf16>) -> tensor<*xf16>
  %1 = "onnx.OneHot"(%i, %depth, %values) <{axis = 0 : si64}> : (tensor<2x3xi64>, tensor<i64>, tensor<2xf16>) -> tensor<*xf16>
  %2, %3 = "onnx.TopK"(%x, %k) : (tensor<2x8xf32>, tensor<1xi64>) -> (tensor<*xf32>, tensor<*xi64>)
  return %0, %1, %2, %3 : tensor<*xf16>, tensor<*xf16>, tensor<*xf32>, tensor<*xi64>
}
