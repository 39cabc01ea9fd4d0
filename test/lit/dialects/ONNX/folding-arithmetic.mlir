// RUN: aotc-opt %s -split-input-file -canonicalize | FileCheck %s

// Tests that Cast of a constant follows ONNX semantics: float to integer
// truncates toward zero, integer widening keeps the sign, anything to bool
// is != 0.
// CHECK-LABEL: func.func @cast
func.func @cast() -> (tensor<4xi32>, tensor<4xi1>, tensor<2xf16>, tensor<2xi64>, tensor<2xui8>) {
  // CHECK-DAG: %[[I:.+]] = "onnx.Constant"() <{value = dense<[-1, 2, 0, -3]> : tensor<4xi32>}>
  // CHECK-DAG: %[[B:.+]] = "onnx.Constant"() <{value = dense<[true, true, false, true]> : tensor<4xi1>}>
  // CHECK-DAG: %[[H:.+]] = "onnx.Constant"() <{value = dense<[-1.280000e+02, 1.270000e+02]> : tensor<2xf16>}>
  // CHECK-DAG: %[[W:.+]] = "onnx.Constant"() <{value = dense<[-128, 127]> : tensor<2xi64>}>
  // CHECK-DAG: %[[U:.+]] = "onnx.Constant"() <{value = dense<[128, 127]> : tensor<2xui8>}>
  // CHECK: return %[[I]], %[[B]], %[[H]], %[[W]], %[[U]]
  %f = "onnx.Constant"() <{value = dense<[-1.5, 2.7, 0.0, -3.9]> : tensor<4xf32>}> : () -> tensor<4xf32>
  %0 = "onnx.Cast"(%f) <{to = 6 : si64}> : (tensor<4xf32>) -> tensor<4xi32>
  %1 = "onnx.Cast"(%f) <{to = 9 : si64}> : (tensor<4xf32>) -> tensor<4xi1>
  %i = "onnx.Constant"() <{value = dense<[-128, 127]> : tensor<2xi8>}> : () -> tensor<2xi8>
  %2 = "onnx.Cast"(%i) <{to = 10 : si64}> : (tensor<2xi8>) -> tensor<2xf16>
  %3 = "onnx.Cast"(%i) <{to = 7 : si64}> : (tensor<2xi8>) -> tensor<2xi64>
  %4 = "onnx.Cast"(%i) <{to = 2 : si64}> : (tensor<2xi8>) -> tensor<2xui8>
  return %0, %1, %2, %3, %4 : tensor<4xi32>, tensor<4xi1>, tensor<2xf16>, tensor<2xi64>, tensor<2xui8>
}

// -----

// Tests that Cast of an out-of-range float to an integer is left to run
// time, where it is undefined.
// CHECK-LABEL: func.func @cast_out_of_range
func.func @cast_out_of_range() -> tensor<1xi8> {
  // CHECK: "onnx.Cast"
  %f = "onnx.Constant"() <{value = dense<300.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = "onnx.Cast"(%f) <{to = 3 : si64}> : (tensor<1xf32>) -> tensor<1xi8>
  return %0 : tensor<1xi8>
}

// -----

// Tests that Where, Equal, Less, Greater and Not fold with broadcasting.
// CHECK-LABEL: func.func @select_compare
func.func @select_compare() -> (tensor<2x3xi64>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>) {
  // CHECK-DAG: %[[W:.+]] = "onnx.Constant"() <{value = dense<{{\[\[}}1, -1, 3], [1, -1, 3]]> : tensor<2x3xi64>}>
  // CHECK-DAG: %[[EQ:.+]] = "onnx.Constant"() <{value = dense<[false, true, false]> : tensor<3xi1>}>
  // CHECK-DAG: %[[LT:.+]] = "onnx.Constant"() <{value = dense<[true, false, false]> : tensor<3xi1>}>
  // CHECK-DAG: %[[GT:.+]] = "onnx.Constant"() <{value = dense<[false, false, true]> : tensor<3xi1>}>
  // CHECK-DAG: %[[NOT:.+]] = "onnx.Constant"() <{value = dense<[true, false, true]> : tensor<3xi1>}>
  // CHECK: return %[[W]], %[[EQ]], %[[LT]], %[[GT]], %[[NOT]]
  %a = "onnx.Constant"() <{value = dense<[1, 2, 3]> : tensor<3xi64>}> : () -> tensor<3xi64>
  %two = "onnx.Constant"() <{value = dense<2> : tensor<i64>}> : () -> tensor<i64>
  %cond = "onnx.Constant"() <{value = dense<[true, false, true]> : tensor<3xi1>}> : () -> tensor<3xi1>
  %minus = "onnx.Constant"() <{value = dense<-1> : tensor<2x1xi64>}> : () -> tensor<2x1xi64>
  %0 = "onnx.Where"(%cond, %a, %minus) : (tensor<3xi1>, tensor<3xi64>, tensor<2x1xi64>) -> tensor<2x3xi64>
  %1 = "onnx.Equal"(%a, %two) : (tensor<3xi64>, tensor<i64>) -> tensor<3xi1>
  %2 = "onnx.Less"(%a, %two) : (tensor<3xi64>, tensor<i64>) -> tensor<3xi1>
  %3 = "onnx.Greater"(%a, %two) : (tensor<3xi64>, tensor<i64>) -> tensor<3xi1>
  %4 = "onnx.Not"(%1) : (tensor<3xi1>) -> tensor<3xi1>
  return %0, %1, %2, %3, %4 : tensor<2x3xi64>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>
}

// -----

// Tests that comparisons follow the element type's signedness and that NaN
// compares false.
// CHECK-LABEL: func.func @compare_types
func.func @compare_types() -> (tensor<1xi1>, tensor<2xi1>) {
  // CHECK-DAG: %[[U:.+]] = "onnx.Constant"() <{value = dense<true> : tensor<1xi1>}>
  // CHECK-DAG: %[[F:.+]] = "onnx.Constant"() <{value = dense<[false, true]> : tensor<2xi1>}>
  // CHECK: return %[[U]], %[[F]]
  %big = "onnx.Constant"() <{value = dense<200> : tensor<1xui8>}> : () -> tensor<1xui8>
  %one = "onnx.Constant"() <{value = dense<1> : tensor<1xui8>}> : () -> tensor<1xui8>
  %0 = "onnx.Greater"(%big, %one) : (tensor<1xui8>, tensor<1xui8>) -> tensor<1xi1>
  %f = "onnx.Constant"() <{value = dense<[0x7FC00000, 1.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
  %1 = "onnx.Equal"(%f, %f) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xi1>
  return %0, %1 : tensor<1xi1>, tensor<2xi1>
}

// -----

// Tests that arithmetic folds on integers (division truncating toward zero)
// and floats.
// CHECK-LABEL: func.func @arithmetic
func.func @arithmetic() -> (tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xf32>, tensor<2xi64>, tensor<2xi64>) {
  // CHECK-DAG: %[[ADD:.+]] = "onnx.Constant"() <{value = dense<[-5, 9]> : tensor<2xi64>}>
  // CHECK-DAG: %[[SUB:.+]] = "onnx.Constant"() <{value = dense<[-9, 5]> : tensor<2xi64>}>
  // CHECK-DAG: %[[MUL:.+]] = "onnx.Constant"() <{value = dense<[-14, 14]> : tensor<2xi64>}>
  // CHECK-DAG: %[[DIV:.+]] = "onnx.Constant"() <{value = dense<[-3, 3]> : tensor<2xi64>}>
  // CHECK-DAG: %[[NEG:.+]] = "onnx.Constant"() <{value = dense<[7, -7]> : tensor<2xi64>}>
  // CHECK-DAG: %[[FDIV:.+]] = "onnx.Constant"() <{value = dense<[-3.500000e+00, 3.500000e+00]> : tensor<2xf32>}>
  // CHECK-DAG: %[[MAX:.+]] = "onnx.Constant"() <{value = dense<[2, 7]> : tensor<2xi64>}>
  // CHECK-DAG: %[[MIN:.+]] = "onnx.Constant"() <{value = dense<[-7, 0]> : tensor<2xi64>}>
  // CHECK: return %[[ADD]], %[[SUB]], %[[MUL]], %[[DIV]], %[[NEG]], %[[FDIV]], %[[MAX]], %[[MIN]]
  %a = "onnx.Constant"() <{value = dense<[-7, 7]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %b = "onnx.Constant"() <{value = dense<2> : tensor<i64>}> : () -> tensor<i64>
  %zero = "onnx.Constant"() <{value = dense<0> : tensor<1xi64>}> : () -> tensor<1xi64>
  %0 = "onnx.Add"(%a, %b) : (tensor<2xi64>, tensor<i64>) -> tensor<2xi64>
  %1 = "onnx.Sub"(%a, %b) : (tensor<2xi64>, tensor<i64>) -> tensor<2xi64>
  %2 = "onnx.Mul"(%a, %b) : (tensor<2xi64>, tensor<i64>) -> tensor<2xi64>
  %3 = "onnx.Div"(%a, %b) : (tensor<2xi64>, tensor<i64>) -> tensor<2xi64>
  %4 = "onnx.Neg"(%a) : (tensor<2xi64>) -> tensor<2xi64>
  %fa = "onnx.Constant"() <{value = dense<[-7.0, 7.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
  %fb = "onnx.Constant"() <{value = dense<2.0> : tensor<f32>}> : () -> tensor<f32>
  %5 = "onnx.Div"(%fa, %fb) : (tensor<2xf32>, tensor<f32>) -> tensor<2xf32>
  %6 = "onnx.Max"(%a, %b, %zero) : (tensor<2xi64>, tensor<i64>, tensor<1xi64>) -> tensor<2xi64>
  %7 = "onnx.Min"(%a, %b, %zero) : (tensor<2xi64>, tensor<i64>, tensor<1xi64>) -> tensor<2xi64>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xf32>, tensor<2xi64>, tensor<2xi64>
}

// -----

// Tests that torch's attention scale, 1 / sqrt(head size), folds: Shape,
// Slice, Cast, Sqrt and Div.
// CHECK-LABEL: func.func @attention_scale
func.func @attention_scale(%q: tensor<1x8x16x64xf32>) -> tensor<1xf32> {
  // CHECK: %[[C:.+]] = "onnx.Constant"() <{value = dense<1.250000e-01> : tensor<1xf32>}>
  // CHECK: return %[[C]]
  %shape = "onnx.Shape"(%q) <{start = 0 : si64}> : (tensor<1x8x16x64xf32>) -> tensor<4xi64>
  %start = "onnx.Constant"() <{value = dense<-1> : tensor<1xi64>}> : () -> tensor<1xi64>
  %end = "onnx.Constant"() <{value = dense<9223372036854775807> : tensor<1xi64>}> : () -> tensor<1xi64>
  %size = "onnx.Slice"(%shape, %start, %end) <{operandSegmentSizes = array<i32: 1, 1, 1, 0, 0>}> : (tensor<4xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<1xi64>
  %float = "onnx.Cast"(%size) <{to = 1 : si64}> : (tensor<1xi64>) -> tensor<1xf32>
  %root = "onnx.Sqrt"(%float) : (tensor<1xf32>) -> tensor<1xf32>
  %one = "onnx.Constant"() <{value = dense<1.0> : tensor<f32>}> : () -> tensor<f32>
  %scale = "onnx.Div"(%one, %root) : (tensor<f32>, tensor<1xf32>) -> tensor<1xf32>
  return %scale : tensor<1xf32>
}

// -----

// Tests that float Pow folds (torch spells the attention scale Pow(d, 0.5)),
// broadcasting, and that integer Pow is left to run time.
// CHECK-LABEL: func.func @pow
func.func @pow() -> (tensor<2xf32>, tensor<i32>) {
  // CHECK-DAG: %[[F:.+]] = "onnx.Constant"() <{value = dense<[4.000000e+00, 8.000000e+00]> : tensor<2xf32>}>
  // CHECK-DAG: %[[I:.+]] = "onnx.Pow"
  // CHECK: return %[[F]], %[[I]]
  %base = "onnx.Constant"() <{value = dense<16.0> : tensor<f32>}> : () -> tensor<f32>
  %exponents = "onnx.Constant"() <{value = dense<[0.5, 0.75]> : tensor<2xf32>}> : () -> tensor<2xf32>
  %f = "onnx.Pow"(%base, %exponents) : (tensor<f32>, tensor<2xf32>) -> tensor<2xf32>
  %two = "onnx.Constant"() <{value = dense<2> : tensor<i32>}> : () -> tensor<i32>
  %i = "onnx.Pow"(%two, %two) : (tensor<i32>, tensor<i32>) -> tensor<i32>
  return %f, %i : tensor<2xf32>, tensor<i32>
}

// -----

// Tests that integer division folds as the generated code computes it:
// x / 0 = 0 and INT_MIN / -1 = INT_MIN (wrapped), not left to trap.
// CHECK-LABEL: func.func @div_by_zero
func.func @div_by_zero() -> tensor<3xi32> {
  // CHECK: %[[Q:.+]] = "onnx.Constant"() <{value = dense<[2, 0, -2147483648]> : tensor<3xi32>}>
  // CHECK-NOT: "onnx.Div"
  // CHECK: return %[[Q]]
  %a = "onnx.Constant"() <{value = dense<[4, 5, -2147483648]> : tensor<3xi32>}> : () -> tensor<3xi32>
  %b = "onnx.Constant"() <{value = dense<[2, 0, -1]> : tensor<3xi32>}> : () -> tensor<3xi32>
  %0 = "onnx.Div"(%a, %b) : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  return %0 : tensor<3xi32>
}

// -----

// Tests that a fold whose value would not have the result type exactly is
// not made.
// CHECK-LABEL: func.func @result_type_mismatch
func.func @result_type_mismatch() -> (tensor<?xi64>, tensor<3xi64>) {
  // CHECK-COUNT-2: "onnx.Add"
  %a = "onnx.Constant"() <{value = dense<[1, 2]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %0 = "onnx.Add"(%a, %a) : (tensor<2xi64>, tensor<2xi64>) -> tensor<?xi64>
  %1 = "onnx.Add"(%a, %a) : (tensor<2xi64>, tensor<2xi64>) -> tensor<3xi64>
  return %0, %1 : tensor<?xi64>, tensor<3xi64>
}
