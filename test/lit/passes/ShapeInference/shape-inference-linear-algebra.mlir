// RUN: aotc-opt %s --split-input-file --aotc-shape-inference | FileCheck %s

// Tests that MatMul contracts the last two dimensions and broadcasts the
// batch dimensions.

// CHECK-LABEL: func.func @matmul_batch
// CHECK: "onnx.MatMul"{{.*}} -> tensor<3x4x2x5xf32>
func.func @matmul_batch(%a: tensor<4x2x8xf32>, %b: tensor<3x1x8x5xf32>) -> tensor<*xf32> {
  %0 = "onnx.MatMul"(%a, %b) : (tensor<4x2x8xf32>, tensor<3x1x8x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a 1-D MatMul operand is a row (A) or column (B) vector whose
// added dimension is dropped from the result.

// CHECK-LABEL: func.func @matmul_vectors
// CHECK: "onnx.MatMul"{{.*}} -> tensor<2x5xf32>
// CHECK: "onnx.MatMul"{{.*}} -> tensor<2x4xf32>
// CHECK: "onnx.MatMul"{{.*}} -> tensor<f32>
func.func @matmul_vectors(%v: tensor<4xf32>, %m: tensor<2x4x5xf32>, %w: tensor<5xf32>, %u: tensor<4xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0 = "onnx.MatMul"(%v, %m) : (tensor<4xf32>, tensor<2x4x5xf32>) -> tensor<*xf32>
  %1 = "onnx.MatMul"(%m, %w) : (tensor<2x4x5xf32>, tensor<5xf32>) -> tensor<*xf32>
  %2 = "onnx.MatMul"(%v, %u) : (tensor<4xf32>, tensor<4xf32>) -> tensor<*xf32>
  return %0, %1, %2 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that Gemm honors transA and transB and accepts a C that broadcasts
// to M x N.

// CHECK-LABEL: func.func @gemm
// CHECK: "onnx.Gemm"{{.*}} -> tensor<2x10xf32>
// CHECK: "onnx.Gemm"{{.*}} -> tensor<3x5xf32>
func.func @gemm(%a: tensor<2x3xf32>, %b: tensor<10x3xf32>, %c: tensor<10xf32>, %d: tensor<3x4xf32>, %e: tensor<5x2xf32>) -> (tensor<*xf32>, tensor<*xf32>) {
  %0 = "onnx.Gemm"(%a, %b, %c) <{transB = 1 : si64}> : (tensor<2x3xf32>, tensor<10x3xf32>, tensor<10xf32>) -> tensor<*xf32>
  %1 = "onnx.Gemm"(%a, %e) <{transA = 1 : si64, transB = 1 : si64}> : (tensor<2x3xf32>, tensor<5x2xf32>) -> tensor<*xf32>
  return %0, %1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests Einsum with explicit outputs (matmul, transpose, batched
// contraction, ellipsis) and the implicit output of `ij,jk`.

// CHECK-LABEL: func.func @einsum
// CHECK: "onnx.Einsum"{{.*}} -> tensor<2x4xf32>
// CHECK: "onnx.Einsum"{{.*}} -> tensor<3x2xf32>
// CHECK: "onnx.Einsum"{{.*}} -> tensor<5x2x4xf32>
// CHECK: "onnx.Einsum"{{.*}} -> tensor<5x7x3x2xf32>
// CHECK: "onnx.Einsum"{{.*}} -> tensor<2x4xf32>
// CHECK: "onnx.Einsum"{{.*}} -> tensor<f32>
func.func @einsum(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %x: tensor<5x2x3xf32>, %y: tensor<5x3x4xf32>, %z: tensor<5x7x2x3xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0 = "onnx.Einsum"(%a, %b) <{equation = "ij,jk->ik"}> : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  %1 = "onnx.Einsum"(%a) <{equation = "ij->ji"}> : (tensor<2x3xf32>) -> tensor<*xf32>
  %2 = "onnx.Einsum"(%x, %y) <{equation = "bij, bjk -> bik"}> : (tensor<5x2x3xf32>, tensor<5x3x4xf32>) -> tensor<*xf32>
  %3 = "onnx.Einsum"(%z) <{equation = "...ij->...ji"}> : (tensor<5x7x2x3xf32>) -> tensor<*xf32>
  %4 = "onnx.Einsum"(%a, %b) <{equation = "ij,jk"}> : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  %5 = "onnx.Einsum"(%a) <{equation = "ij->"}> : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0, %1, %2, %3, %4, %5 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that MatMulInteger (i32) and QLinearMatMul (the output zero point's
// type) have MatMul's output shape.

// CHECK-LABEL: func.func @quantized_matmul
// CHECK: "onnx.MatMulInteger"{{.*}} -> tensor<3x2x5xi32>
// CHECK: "onnx.QLinearMatMul"{{.*}} -> tensor<3x2x5xi8>
func.func @quantized_matmul(%a: tensor<3x2x4xi8>, %b: tensor<4x5xi8>, %s: tensor<f32>, %z: tensor<i8>) -> (tensor<*xi32>, tensor<*xi8>) {
  %0 = "onnx.MatMulInteger"(%a, %b) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>}> : (tensor<3x2x4xi8>, tensor<4x5xi8>) -> tensor<*xi32>
  %1 = "onnx.QLinearMatMul"(%a, %s, %z, %b, %s, %z, %s, %z) : (tensor<3x2x4xi8>, tensor<f32>, tensor<i8>, tensor<4x5xi8>, tensor<f32>, tensor<i8>, tensor<f32>, tensor<i8>) -> tensor<*xi8>
  return %0, %1 : tensor<*xi32>, tensor<*xi8>
}
