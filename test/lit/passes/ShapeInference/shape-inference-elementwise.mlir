// RUN: aotc-opt %s --split-input-file --aotc-shape-inference | FileCheck %s

// Tests that unary ops keep their operand's shape and element type, and
// that IsNaN produces i1.

// CHECK-LABEL: func.func @unary
// CHECK: "onnx.Relu"{{.*}} -> tensor<2x3xf32>
// CHECK: "onnx.Sqrt"{{.*}} -> tensor<2x3xf32>
// CHECK: "onnx.Erf"{{.*}} -> tensor<2x3xf32>
// CHECK: "onnx.LeakyRelu"{{.*}} -> tensor<2x3xf32>
// CHECK: "onnx.Gelu"{{.*}} -> tensor<2x3xf32>
// CHECK: "onnx.IsNaN"{{.*}} -> tensor<2x3xi1>
func.func @unary(%x: tensor<2x3xf32>) -> (tensor<*xf32>, tensor<*xi1>) {
  %0 = "onnx.Relu"(%x) : (tensor<2x3xf32>) -> tensor<*xf32>
  %1 = "onnx.Sqrt"(%0) : (tensor<*xf32>) -> tensor<*xf32>
  %2 = "onnx.Erf"(%1) : (tensor<*xf32>) -> tensor<*xf32>
  %3 = "onnx.LeakyRelu"(%2) : (tensor<*xf32>) -> tensor<*xf32>
  %4 = "onnx.Gelu"(%3) : (tensor<*xf32>) -> tensor<*xf32>
  %5 = "onnx.IsNaN"(%4) : (tensor<*xf32>) -> tensor<*xi1>
  return %4, %5 : tensor<*xf32>, tensor<*xi1>
}

// -----

// Tests that binary ops broadcast numpy-style, in both directions and
// through missing leading dimensions.

// CHECK-LABEL: func.func @binary
// CHECK: "onnx.Add"{{.*}} -> tensor<4x2x3xf32>
// CHECK: "onnx.Mul"{{.*}} -> tensor<4x2x3xf32>
// CHECK: "onnx.Pow"{{.*}} -> tensor<4x2x3xf32>
// CHECK: "onnx.Sub"{{.*}} -> tensor<5x4x2x3xf32>
func.func @binary(%a: tensor<2x3xf32>, %b: tensor<4x1x3xf32>, %s: tensor<f32>, %c: tensor<5x1x1x1xf32>) -> tensor<*xf32> {
  %0 = "onnx.Add"(%a, %b) : (tensor<2x3xf32>, tensor<4x1x3xf32>) -> tensor<*xf32>
  %1 = "onnx.Mul"(%s, %0) : (tensor<f32>, tensor<*xf32>) -> tensor<*xf32>
  %2 = "onnx.Pow"(%1, %s) : (tensor<*xf32>, tensor<f32>) -> tensor<*xf32>
  %3 = "onnx.Sub"(%2, %c) : (tensor<*xf32>, tensor<5x1x1x1xf32>) -> tensor<*xf32>
  return %3 : tensor<*xf32>
}

// -----

// Tests that comparisons and logical ops produce i1 of the broadcast shape,
// and that Where broadcasts all three operands and takes X's element type.

// CHECK-LABEL: func.func @compare
// CHECK: "onnx.Equal"{{.*}} -> tensor<2x3xi1>
// CHECK: "onnx.Less"{{.*}} -> tensor<2x3xi1>
// CHECK: "onnx.GreaterOrEqual"{{.*}} -> tensor<2x3xi1>
// CHECK: "onnx.And"{{.*}} -> tensor<2x3xi1>
// CHECK: "onnx.Not"{{.*}} -> tensor<2x3xi1>
// CHECK: "onnx.Or"{{.*}} -> tensor<2x3xi1>
// CHECK: "onnx.Where"{{.*}} -> tensor<4x2x3xi64>
func.func @compare(%a: tensor<2x3xi64>, %b: tensor<3xi64>, %c: tensor<4x1x1xi64>) -> tensor<*xi64> {
  %0 = "onnx.Equal"(%a, %b) : (tensor<2x3xi64>, tensor<3xi64>) -> tensor<*xi1>
  %1 = "onnx.Less"(%a, %b) : (tensor<2x3xi64>, tensor<3xi64>) -> tensor<*xi1>
  %2 = "onnx.GreaterOrEqual"(%b, %a) : (tensor<3xi64>, tensor<2x3xi64>) -> tensor<*xi1>
  %3 = "onnx.And"(%0, %1) : (tensor<*xi1>, tensor<*xi1>) -> tensor<*xi1>
  %4 = "onnx.Not"(%3) : (tensor<*xi1>) -> tensor<*xi1>
  %6 = "onnx.Or"(%4, %2) : (tensor<*xi1>, tensor<*xi1>) -> tensor<*xi1>
  %5 = "onnx.Where"(%6, %c, %b) : (tensor<*xi1>, tensor<4x1x1xi64>, tensor<3xi64>) -> tensor<*xi64>
  return %5 : tensor<*xi64>
}

// -----

// Tests that the variadic Sum, Max, Min and Mean broadcast all operands.

// CHECK-LABEL: func.func @variadic
// CHECK: "onnx.Sum"{{.*}} -> tensor<2x3x4xf32>
// CHECK: "onnx.Max"{{.*}} -> tensor<2x3x4xf32>
// CHECK: "onnx.Min"{{.*}} -> tensor<3x4xf32>
// CHECK: "onnx.Mean"{{.*}} -> tensor<4xf32>
func.func @variadic(%a: tensor<2x1x4xf32>, %b: tensor<3x1xf32>, %c: tensor<4xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0 = "onnx.Sum"(%a, %b, %c) : (tensor<2x1x4xf32>, tensor<3x1xf32>, tensor<4xf32>) -> tensor<*xf32>
  %1 = "onnx.Max"(%c, %a, %b) : (tensor<4xf32>, tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  %2 = "onnx.Min"(%b, %c) : (tensor<3x1xf32>, tensor<4xf32>) -> tensor<*xf32>
  %3 = "onnx.Mean"(%c) : (tensor<4xf32>) -> tensor<*xf32>
  return %0, %1, %2, %3 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that Cast takes its element type from `to` (signed integers are
// signless, unsigned ones uiN, bool i1) and CastLike from its second
// operand.

// CHECK-LABEL: func.func @cast
// CHECK: "onnx.Cast"{{.*}} -> tensor<2x3xf16>
// CHECK: "onnx.Cast"{{.*}} -> tensor<2x3xi32>
// CHECK: "onnx.Cast"{{.*}} -> tensor<2x3xui8>
// CHECK: "onnx.Cast"{{.*}} -> tensor<2x3xi1>
// CHECK: "onnx.Cast"{{.*}} -> tensor<2x3xbf16>
// CHECK: "onnx.CastLike"{{.*}} -> tensor<2x3xf64>
func.func @cast(%x: tensor<2x3xf32>, %like: tensor<f64>) -> (tensor<*xf16>, tensor<*xi32>, tensor<*xui8>, tensor<*xi1>, tensor<*xbf16>, tensor<*xf64>) {
  %0 = "onnx.Cast"(%x) <{to = 10 : si64}> : (tensor<2x3xf32>) -> tensor<*xf16>
  %1 = "onnx.Cast"(%x) <{to = 6 : si64}> : (tensor<2x3xf32>) -> tensor<*xi32>
  %2 = "onnx.Cast"(%x) <{to = 2 : si64}> : (tensor<2x3xf32>) -> tensor<*xui8>
  %3 = "onnx.Cast"(%x) <{to = 9 : si64}> : (tensor<2x3xf32>) -> tensor<*xi1>
  %4 = "onnx.Cast"(%x) <{to = 16 : si64}> : (tensor<2x3xf32>) -> tensor<*xbf16>
  %5 = "onnx.CastLike"(%x, %like) : (tensor<2x3xf32>, tensor<f64>) -> tensor<*xf64>
  return %0, %1, %2, %3, %4, %5 : tensor<*xf16>, tensor<*xi32>, tensor<*xui8>, tensor<*xi1>, tensor<*xbf16>, tensor<*xf64>
}

// -----

// Tests that Clip keeps its input's shape with or without bounds, and that
// Dropout's mask is i1 of the data's shape (in training mode, which is not
// folded away).

// CHECK-LABEL: func.func @clip_dropout
// CHECK: "onnx.Clip"{{.*}} -> tensor<2x3xf32>
// CHECK: "onnx.Clip"{{.*}} -> tensor<2x3xf32>
// CHECK: "onnx.Dropout"{{.*}} -> (tensor<2x3xf32>, tensor<2x3xi1>)
func.func @clip_dropout(%x: tensor<2x3xf32>, %lo: tensor<f32>, %hi: tensor<f32>, %training: tensor<i1>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xi1>) {
  %0 = "onnx.Clip"(%x, %lo, %hi) <{operandSegmentSizes = array<i32: 1, 1, 1>}> : (tensor<2x3xf32>, tensor<f32>, tensor<f32>) -> tensor<*xf32>
  %1 = "onnx.Clip"(%0) <{operandSegmentSizes = array<i32: 1, 0, 0>}> : (tensor<*xf32>) -> tensor<*xf32>
  %2, %3 = "onnx.Dropout"(%1, %lo, %training) <{operandSegmentSizes = array<i32: 1, 1, 1>}> : (tensor<*xf32>, tensor<f32>, tensor<i1>) -> (tensor<*xf32>, tensor<*xi1>)
  return %1, %2, %3 : tensor<*xf32>, tensor<*xf32>, tensor<*xi1>
}

// -----

// Tests that Softmax, LogSoftmax and Hardmax keep the shape for any valid
// axis, negative ones included.

// CHECK-LABEL: func.func @softmax
// CHECK: "onnx.Softmax"{{.*}} -> tensor<2x3x4xf32>
// CHECK: "onnx.LogSoftmax"{{.*}} -> tensor<2x3x4xf32>
// CHECK: "onnx.Hardmax"{{.*}} -> tensor<2x3x4xf32>
func.func @softmax(%x: tensor<2x3x4xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0 = "onnx.Softmax"(%x) <{axis = -1 : si64}> : (tensor<2x3x4xf32>) -> tensor<*xf32>
  %1 = "onnx.LogSoftmax"(%x) <{axis = 1 : si64}> : (tensor<2x3x4xf32>) -> tensor<*xf32>
  %2 = "onnx.Hardmax"(%x) <{axis = -3 : si64}> : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0, %1, %2 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that PRelu keeps X's shape with a slope broadcast to it, and that
// Trilu and CumSum keep their input's shape.

// CHECK-LABEL: func.func @prelu_trilu_cumsum
// CHECK: "onnx.PRelu"{{.*}} -> tensor<1x8x4x4xf32>
// CHECK: "onnx.Trilu"{{.*}} -> tensor<1x8x4x4xf32>
// CHECK: "onnx.CumSum"{{.*}} -> tensor<1x8x4x4xf32>
func.func @prelu_trilu_cumsum(%x: tensor<1x8x4x4xf32>, %slope: tensor<8x1x1xf32>) -> tensor<*xf32> {
  %axis = "onnx.Constant"() <{value = dense<-1> : tensor<i64>}> : () -> tensor<i64>
  %0 = "onnx.PRelu"(%x, %slope) : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<*xf32>
  %1 = "onnx.Trilu"(%0) <{operandSegmentSizes = array<i32: 1, 0>, upper = 0 : si64}> : (tensor<*xf32>) -> tensor<*xf32>
  %2 = "onnx.CumSum"(%1, %axis) : (tensor<*xf32>, tensor<i64>) -> tensor<*xf32>
  return %2 : tensor<*xf32>
}

// -----

// Tests that QuantizeLinear gives its zero point's element type, and uint8
// without one.

// CHECK-LABEL: func.func @quantize_element_type
// CHECK: "onnx.QuantizeLinear"{{.*}} -> tensor<2x3xi8>
// CHECK: "onnx.QuantizeLinear"{{.*}} -> tensor<2x3xui8>
func.func @quantize_element_type(%x: tensor<2x3xf32>, %s: tensor<f32>, %z: tensor<i8>) -> (tensor<*xf32>, tensor<*xf32>) {
  %0 = "onnx.QuantizeLinear"(%x, %s, %z) : (tensor<2x3xf32>, tensor<f32>, tensor<i8>) -> tensor<*xi8>
  %1 = "onnx.QuantizeLinear"(%x, %s) : (tensor<2x3xf32>, tensor<f32>) -> tensor<*xi8>
  %2 = "onnx.DequantizeLinear"(%0, %s, %z) : (tensor<*xi8>, tensor<f32>, tensor<i8>) -> tensor<*xf32>
  %3 = "onnx.DequantizeLinear"(%1, %s) : (tensor<*xi8>, tensor<f32>) -> tensor<*xf32>
  return %2, %3 : tensor<*xf32>, tensor<*xf32>
}
