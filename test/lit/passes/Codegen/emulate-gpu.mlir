// RUN: aotc-opt %s --split-input-file --aotc-emulate-gpu --verify-diagnostics | FileCheck %s

// Tests that a launch becomes loops over blocks and threads (z, y, x, the
// innermost being the thread's x) around its body, and that the weight
// arguments become globals again.

// CHECK-LABEL: func.func @f
// CHECK-SAME: (%[[X:.+]]: memref<512xf32>, %[[Y:.+]]: memref<512xf32>)
// CHECK-NOT: aotc.weights
// CHECK: %[[W:.+]] = memref.get_global @w : memref<512xf32>
// CHECK: scf.for
// CHECK: scf.for
// CHECK: scf.for %[[BX:.+]] = %{{.+}} to %[[C2:.+]] step
// CHECK: scf.for
// CHECK: scf.for
// CHECK: scf.for %[[TX:.+]] = %{{.+}} to %[[C256:.+]] step
// CHECK: %[[I:.+]] = arith.addi %{{.+}}, %[[TX]] : index
// CHECK: memref.load %[[X]][%[[I]]]
// CHECK: memref.load %[[W]][%[[I]]]
// CHECK: memref.store %{{.+}}, %[[Y]][%[[I]]]
// CHECK-NOT: gpu.launch
memref.global "private" constant @w : memref<512xf32> = dense<2.0>
func.func @f(%x: memref<512xf32>, %y: memref<512xf32>, %w: memref<512xf32>)
    attributes {aotc.weights = [@w]} {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c256 = arith.constant 256 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c2, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c256, %sy = %c1, %sz = %c1) {
    %base = arith.muli %bx, %sx : index
    %i = arith.addi %base, %tx : index
    %a = memref.load %x[%i] : memref<512xf32>
    %b = memref.load %w[%i] : memref<512xf32>
    %p = arith.mulf %a, %b : f32
    memref.store %p, %y[%i] : memref<512xf32>
    gpu.terminator
  }
  return
}

// -----

// Tests that a kernel whose threads wait for each other is refused: run one
// after another, they would not compute what the GPU computes.

func.func @barrier() {
  %c1 = arith.constant 1 : index
  // expected-error @below {{cannot emulate a kernel with barriers or workgroup memory}}
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c1, %sy = %c1, %sz = %c1) {
    gpu.barrier
    gpu.terminator
  }
  return
}
