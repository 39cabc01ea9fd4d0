// REQUIRES: mlir-runner
// RUN: aotc-opt %s --aotc-convert-onnx-to-linalg \
// RUN:   | %mlir_opt --pass-pipeline="builtin.module(linalg-fuse-elementwise-ops, canonicalize, one-shot-bufferize{bufferize-function-boundaries=1 function-boundary-type-conversion=identity-layout-map}, canonicalize, cse, convert-linalg-to-loops, expand-strided-metadata, lower-affine, canonicalize, convert-scf-to-cf, finalize-memref-to-llvm, convert-arith-to-llvm, convert-index-to-llvm, convert-math-to-llvm, convert-ub-to-llvm, convert-cf-to-llvm, convert-func-to-llvm, reconcile-unrealized-casts)" \
// RUN:   | %mlir_runner -e main -entry-point-result=void -shared-libs=%mlir_runner_libs \
// RUN:   | FileCheck %s

// Tests that the lowered IR of representative ops computes the right values
// once upstream mlir-opt compiles it (the CPU pipeline of the MLIR 22 notes
// without the tiling schedule) and mlir-runner runs it. The expected values
// were computed with numpy (and torch.nn.functional for Conv and the pools).

// Tests that Add broadcasts [2, 1, 3] + [2, 1] to [2, 2, 3].
// CHECK:      rank = 3 offset = 0 sizes = [2, 2, 3] strides = [6, 3, 1] data =
// CHECK-NEXT: {{\[\[\[}}11, 12, 13],
// CHECK-NEXT: [21, 22, 23]],
// CHECK-NEXT: {{\[\[}}14, 15, 16],
// CHECK-NEXT: [24, 25, 26]]]
func.func @add_broadcast(%a: tensor<2x1x3xf32>, %b: tensor<2x1xf32>) -> tensor<2x2x3xf32> {
  %0 = "onnx.Add"(%a, %b) : (tensor<2x1x3xf32>, tensor<2x1xf32>) -> tensor<2x2x3xf32>
  return %0 : tensor<2x2x3xf32>
}

// Tests that Gemm computes 0.5 * A * B^T + 2 * C with C broadcast over rows.
// CHECK:      rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}1, 6, 7.5, 10],
// CHECK-NEXT: [1, 10.5, 9, 11.5]]
func.func @gemm_trans_b(%a: tensor<2x3xf32>, %b: tensor<4x3xf32>, %c: tensor<4xf32>) -> tensor<2x4xf32> {
  %0 = "onnx.Gemm"(%a, %b, %c) {alpha = 0.5 : f32, beta = 2.0 : f32, transB = 1 : si64} : (tensor<2x3xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// Tests that Conv with two groups, pads 1 and strides 2 matches
// torch.nn.functional.conv2d(x, w, b, stride=2, padding=1, groups=2).
// CHECK:      rank = 4 offset = 0 sizes = [1, 4, 3, 3] strides = [36, 9, 3, 1] data =
// CHECK-NEXT: {{\[\[\[\[}}8, -12, -4],
// CHECK-NEXT: [-11, -9, 6],
// CHECK-NEXT: [10, 20, -9]],
// CHECK-NEXT: {{\[\[}}-13, 6, 13],
// CHECK-NEXT: [3, 10, -12],
// CHECK-NEXT: [2, -13, 1]],
// CHECK-NEXT: {{\[\[}}3, -2, -7],
// CHECK-NEXT: [-11, 5, 7],
// CHECK-NEXT: [5, 24, -7]],
// CHECK-NEXT: {{\[\[}}-7, -2, 16],
// CHECK-NEXT: [-5, -7, -19],
// CHECK-NEXT: [7, -17, -1]]]]
func.func @conv_groups_pads_strides(%x: tensor<1x4x5x5xf32>, %w: tensor<4x2x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x3x3xf32> {
  %0 = "onnx.Conv"(%x, %w, %b) {group = 2 : si64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x4x5x5xf32>, tensor<4x2x3x3xf32>, tensor<4xf32>) -> tensor<1x4x3x3xf32>
  return %0 : tensor<1x4x3x3xf32>
}

// Tests that MaxPool pads with -inf: every input is negative, so zero
// padding would show up as zeros.
// CHECK:      rank = 4 offset = 0 sizes = [1, 1, 3, 3] strides = [9, 9, 3, 1] data =
// CHECK-NEXT: {{\[\[\[\[}}-1, -2, -4],
// CHECK-NEXT: [-6, -7, -9],
// CHECK-NEXT: [-16, -17, -19]]]]
func.func @maxpool_pads(%x: tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32> {
  %0 = "onnx.MaxPool"(%x) {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>
  return %0 : tensor<1x1x3x3xf32>
}

// Tests that AveragePool with count_include_pad = 0 divides corner windows
// by 4, edge windows by 6 and the centre window by 9.
// CHECK:      rank = 4 offset = 0 sizes = [1, 1, 3, 3] strides = [9, 9, 3, 1] data =
// CHECK-NEXT: {{\[\[\[\[}}3, 4.5, 6],
// CHECK-NEXT: [10.5, 12, 13.5],
// CHECK-NEXT: [18, 19.5, 21]]]]
func.func @avgpool_exclude_pad(%x: tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32> {
  %0 = "onnx.AveragePool"(%x) {count_include_pad = 0 : si64, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>
  return %0 : tensor<1x1x3x3xf32>
}

// Tests that Softmax subtracts the row maximum (a row of 1000s would
// overflow exp otherwise) and normalizes each row.
// CHECK:      rank = 2 offset = 0 sizes = [3, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}0.25, 0.25, 0.25, 0.25],
// CHECK-NEXT: [0.032058{{[0-9]}}, 0.087144{{[0-9]}}, 0.23688{{[0-9]}}, 0.64391{{[0-9]}}],
// CHECK-NEXT: [0.5, 0, 0.5, 0]]
func.func @softmax(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = "onnx.Softmax"(%x) {axis = 1 : si64} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %a = arith.constant dense<[[[1., 2., 3.]], [[4., 5., 6.]]]> : tensor<2x1x3xf32>
  %b = arith.constant dense<[[10.], [20.]]> : tensor<2x1xf32>
  %ga = arith.constant dense<[[1., 2., 3.], [4., 5., 6.]]> : tensor<2x3xf32>
  %gb = arith.constant dense<[[1., 0., -1.], [2., 1., 0.], [0., 0., 1.], [-1., 1., 1.]]> : tensor<4x3xf32>
  %gc = arith.constant dense<[1., 2., 3., 4.]> : tensor<4xf32>
  %cx = arith.constant dense<[[[[-3., -2., -1., 0., 1.], [2., 3., -3., -2., -1.], [0., 1., 2., 3., -3.], [-2., -1., 0., 1., 2.], [3., -3., -2., -1., 0.]], [[1., 2., 3., -3., -2.], [-1., 0., 1., 2., 3.], [-3., -2., -1., 0., 1.], [2., 3., -3., -2., -1.], [0., 1., 2., 3., -3.]], [[-2., -1., 0., 1., 2.], [3., -3., -2., -1., 0.], [1., 2., 3., -3., -2.], [-1., 0., 1., 2., 3.], [-3., -2., -1., 0., 1.]], [[2., 3., -3., -2., -1.], [0., 1., 2., 3., -3.], [-2., -1., 0., 1., 2.], [3., -3., -2., -1., 0.], [1., 2., 3., -3., -2.]]]]> : tensor<1x4x5x5xf32>
  %cw = arith.constant dense<[[[[-2., -1., 0.], [1., 2., -2.], [-1., 0., 1.]], [[2., -2., -1.], [0., 1., 2.], [-2., -1., 0.]]], [[[1., 2., -2.], [-1., 0., 1.], [2., -2., -1.]], [[0., 1., 2.], [-2., -1., 0.], [1., 2., -2.]]], [[[-1., 0., 1.], [2., -2., -1.], [0., 1., 2.]], [[-2., -1., 0.], [1., 2., -2.], [-1., 0., 1.]]], [[[2., -2., -1.], [0., 1., 2.], [-2., -1., 0.]], [[1., 2., -2.], [-1., 0., 1.], [2., -2., -1.]]]]> : tensor<4x2x3x3xf32>
  %cb = arith.constant dense<[1., -1., 2., -2.]> : tensor<4xf32>
  %mx = arith.constant dense<[[[[-1., -2., -3., -4., -5.], [-6., -7., -8., -9., -10.], [-11., -12., -13., -14., -15.], [-16., -17., -18., -19., -20.], [-21., -22., -23., -24., -25.]]]]> : tensor<1x1x5x5xf32>
  %ax = arith.constant dense<[[[[0., 1., 2., 3., 4.], [5., 6., 7., 8., 9.], [10., 11., 12., 13., 14.], [15., 16., 17., 18., 19.], [20., 21., 22., 23., 24.]]]]> : tensor<1x1x5x5xf32>
  %sx = arith.constant dense<[[1000., 1000., 1000., 1000.], [1., 2., 3., 4.], [0., -1000., 0., -1000.]]> : tensor<3x4xf32>
  %0 = call @add_broadcast(%a, %b) : (tensor<2x1x3xf32>, tensor<2x1xf32>) -> tensor<2x2x3xf32>
  %p0 = tensor.cast %0 : tensor<2x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%p0) : (tensor<*xf32>) -> ()
  %1 = call @gemm_trans_b(%ga, %gb, %gc) : (tensor<2x3xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  %p1 = tensor.cast %1 : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%p1) : (tensor<*xf32>) -> ()
  %2 = call @conv_groups_pads_strides(%cx, %cw, %cb) : (tensor<1x4x5x5xf32>, tensor<4x2x3x3xf32>, tensor<4xf32>) -> tensor<1x4x3x3xf32>
  %p2 = tensor.cast %2 : tensor<1x4x3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%p2) : (tensor<*xf32>) -> ()
  %3 = call @maxpool_pads(%mx) : (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>
  %p3 = tensor.cast %3 : tensor<1x1x3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%p3) : (tensor<*xf32>) -> ()
  %4 = call @avgpool_exclude_pad(%ax) : (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>
  %p4 = tensor.cast %4 : tensor<1x1x3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%p4) : (tensor<*xf32>) -> ()
  %5 = call @softmax(%sx) : (tensor<3x4xf32>) -> tensor<3x4xf32>
  %p5 = tensor.cast %5 : tensor<3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%p5) : (tensor<*xf32>) -> ()
  return
}
