// RUN: aotc-opt %s --split-input-file --aotc-plan-memory | FileCheck %s

// Tests that buffers live at the same time get disjoint offsets, that a
// buffer dead before another is born shares its bytes, and that the arena
// becomes the first argument.

// CHECK-LABEL: func.func @chain
// CHECK-SAME: (%[[ARENA:.+]]: memref<128xi8>, %{{.+}}: memref<16xf32>, %{{.+}}: memref<16xf32>)
// CHECK-SAME: aotc.arena_lower_bound = 128 : i64, aotc.arena_size = 128 : i64
// CHECK-NOT: memref.alloc
// CHECK: %[[C0:.+]] = arith.constant 0 : index
// CHECK: memref.view %[[ARENA]][%[[C0]]][] : memref<128xi8> to memref<16xf32>
// CHECK: %[[C64:.+]] = arith.constant 64 : index
// CHECK: memref.view %[[ARENA]][%[[C64]]][] : memref<128xi8> to memref<16xf32>
// CHECK: %[[C0B:.+]] = arith.constant 0 : index
// CHECK: memref.view %[[ARENA]][%[[C0B]]][] : memref<128xi8> to memref<16xf32>
func.func @chain(%x: memref<16xf32>, %y: memref<16xf32>) {
  %a = memref.alloc() : memref<16xf32>
  memref.copy %x, %a : memref<16xf32> to memref<16xf32>
  %b = memref.alloc() : memref<16xf32>
  memref.copy %a, %b : memref<16xf32> to memref<16xf32>
  %c = memref.alloc() : memref<16xf32>
  memref.copy %b, %c : memref<16xf32> to memref<16xf32>
  memref.copy %c, %y : memref<16xf32> to memref<16xf32>
  return
}

// -----

// Tests that a use inside a loop keeps the buffer live until the loop ends,
// that a use through a view counts as a use of the buffer, and that a buffer
// born after the loop reuses the bytes of one that died with it.

// CHECK-LABEL: func.func @loop
// CHECK-SAME: aotc.arena_lower_bound = 128 : i64, aotc.arena_size = 128 : i64
// CHECK: %[[A:.+]] = memref.view %{{.+}}[%[[C0:.+]]][] : memref<128xi8> to memref<16xf32>
// CHECK: memref.expand_shape %[[A]]
// CHECK: %[[B:.+]] = memref.view %{{.+}}[%[[C64:.+]]][] : memref<128xi8> to memref<16xf32>
// CHECK: scf.for
// CHECK: %[[C0B:.+]] = arith.constant 0 : index
// CHECK: memref.view %{{.+}}[%[[C0B]]][] : memref<128xi8> to memref<4x4xf32>
func.func @loop(%x: memref<16xf32>, %y: memref<16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %a = memref.alloc() : memref<16xf32>
  memref.copy %x, %a : memref<16xf32> to memref<16xf32>
  %v = memref.expand_shape %a [[0, 1]] output_shape [4, 4] : memref<16xf32> into memref<4x4xf32>
  %b = memref.alloc() : memref<16xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    %e = memref.load %v[%i, %c0] : memref<4x4xf32>
    memref.store %e, %b[%i] : memref<16xf32>
  }
  %c = memref.alloc() : memref<4x4xf32>
  %cv = memref.collapse_shape %c [[0, 1]] : memref<4x4xf32> into memref<16xf32>
  memref.copy %b, %cv : memref<16xf32> to memref<16xf32>
  memref.copy %cv, %y : memref<16xf32> to memref<16xf32>
  return
}

// -----

// Tests that a function without intermediate buffers gets an empty arena.

// CHECK-LABEL: func.func @none
// CHECK-SAME: (%{{.+}}: memref<0xi8>, %{{.+}}: memref<4xf32>)
// CHECK-SAME: aotc.arena_lower_bound = 0 : i64, aotc.arena_size = 0 : i64
func.func @none(%x: memref<4xf32>) {
  return
}
