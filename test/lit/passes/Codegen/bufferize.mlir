// RUN: aotc-opt %s --split-input-file --aotc-bufferize | FileCheck %s

// Tests that a copy into the interior of a padded buffer is a linalg.copy
// (loops later), not a memref.copy (a call into a library we do not link),
// and that function boundaries get identity layouts.

// CHECK-LABEL: func.func @pad
// CHECK-SAME: (%[[X:.+]]: memref<2x2xf32>) -> memref<2x4xf32>
// CHECK: %[[A:.+]] = memref.alloc() {{.*}}: memref<2x4xf32>
// CHECK: linalg.map outs(%[[A]] : memref<2x4xf32>)
// CHECK: %[[S:.+]] = memref.subview %[[A]][0, 1] [2, 2] [1, 1]
// CHECK: linalg.copy ins(%[[X]] : memref<2x2xf32>) outs(%[[S]] : memref<2x2xf32, strided<[4, 1], offset: 1>>)
// CHECK-NOT: memref.copy
func.func @pad(%x: tensor<2x2xf32>) -> tensor<2x4xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1] high[0, 1] {
  ^bb0(%i: index, %j: index):
    tensor.yield %zero : f32
  } : tensor<2x2xf32> to tensor<2x4xf32>
  return %p : tensor<2x4xf32>
}

// -----

// Tests that a value returned twice gets a copy for the second result, so
// each result has its own buffer.

// CHECK-LABEL: func.func @returned_twice
// CHECK: %[[A:.*]] = memref.alloc() {{.*}}: memref<4xf32>
// CHECK: %[[B:.*]] = memref.alloc() {{.*}}: memref<4xf32>
// CHECK: return %[[A]], %[[B]]
func.func @returned_twice(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %e = tensor.empty() : tensor<4xf32>
  %y = linalg.copy ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  return %y, %y : tensor<4xf32>, tensor<4xf32>
}
