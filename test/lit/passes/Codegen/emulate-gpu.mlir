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

// Tests a kernel with barriers, workgroup and private memory: the code
// between barriers runs for all threads of a block before the code after
// them (the loop holding the barriers runs once per block, around its
// runs of threads), workgroup and private memory become views of one
// scratch buffer on the stack, private memory one element per thread
// (indexed [tz, ty, tx, ...]), and pure values used after a barrier (the
// thread's linear id) are recomputed.

// CHECK-LABEL: func.func @barriers
// CHECK-SAME: (%[[X:.+]]: memref<4x8xf32>, %{{.+}}: memref<8xf32>)
// CHECK: %[[SCRATCH:.+]] = memref.alloca() {alignment = 64 : i64} : memref<128xi8>
// CHECK: %[[SHARED:.+]] = memref.view %[[SCRATCH]][%{{.+}}][] : memref<128xi8> to memref<8xf32>
// CHECK: %[[PRIVATE:.+]] = memref.view %[[SCRATCH]][%{{.+}}][] : memref<128xi8> to memref<1x1x8x1xf32>
// CHECK: scf.for
// CHECK: scf.for
// CHECK: scf.for
// CHECK: scf.for
// CHECK: scf.for
// CHECK: scf.for %[[TX:.+]] = %{{.+}} to %{{.+}} step
// CHECK: memref.store %{{.+}}, %[[PRIVATE]][%{{.+}}, %{{.+}}, %[[TX]], %{{.+}}]
// CHECK: scf.for %[[STEP:.+]] = %{{.+}} to %{{.+}} step
// CHECK: scf.for
// CHECK: scf.for
// CHECK: scf.for %[[TX1:.+]] = %{{.+}} to %{{.+}} step
// CHECK: memref.load %[[X]]
// CHECK: memref.store %{{.+}}, %[[SHARED]][%[[TX1]]]
// CHECK: scf.for
// CHECK: scf.for
// CHECK: scf.for %[[TX2:.+]] = %{{.+}} to %{{.+}} step
// CHECK: %[[J:.+]] = arith.subi %{{.+}}, %[[TX2]] : index
// CHECK: memref.load %[[SHARED]][%[[J]]]
// CHECK: memref.load %[[PRIVATE]][%{{.+}}, %{{.+}}, %[[TX2]], %{{.+}}]
// CHECK: memref.store %{{.+}}, %[[PRIVATE]][%{{.+}}, %{{.+}}, %[[TX2]], %{{.+}}]
// CHECK-NOT: gpu.barrier
func.func @barriers(%x: memref<4x8xf32>, %y: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c7 = arith.constant 7 : index
  %c8 = arith.constant 8 : index
  %zero = arith.constant 0.0 : f32
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c8, %sy = %c1, %sz = %c1)
             workgroup(%shared : memref<8xf32, #gpu.address_space<workgroup>>)
             private(%acc : memref<1xf32, #gpu.address_space<private>>) {
    %reversed = arith.subi %c7, %tx : index
    memref.store %zero, %acc[%c0] : memref<1xf32, #gpu.address_space<private>>
    scf.for %step = %c0 to %c4 step %c1 {
      %v = memref.load %x[%step, %tx] : memref<4x8xf32>
      memref.store %v, %shared[%tx] : memref<8xf32, #gpu.address_space<workgroup>>
      gpu.barrier
      %other = memref.load %shared[%reversed] : memref<8xf32, #gpu.address_space<workgroup>>
      %sum = memref.load %acc[%c0] : memref<1xf32, #gpu.address_space<private>>
      %next = arith.addf %sum, %other : f32
      memref.store %next, %acc[%c0] : memref<1xf32, #gpu.address_space<private>>
      gpu.barrier
    }
    %total = memref.load %acc[%c0] : memref<1xf32, #gpu.address_space<private>>
    memref.store %total, %y[%tx] : memref<8xf32>
    gpu.terminator
  }
  return
}

// -----

// Tests that a barrier some threads may not reach is refused: the threads
// of a block would not meet there.

func.func @divergent_barrier(%c: i1) {
  %c1 = arith.constant 1 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c1, %sy = %c1, %sz = %c1) {
    // expected-error @below {{cannot emulate a barrier in this op}}
    scf.if %c {
      gpu.barrier
    }
    gpu.terminator
  }
  return
}

// -----

// Tests that a value kept in a register across a barrier is refused: it
// would have to be kept for every thread.

func.func @register_across_barrier(%x: memref<1xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-error @below {{cannot emulate a kernel that keeps a value across a barrier outside memory}}
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c1, %sy = %c1, %sz = %c1) {
    %v = memref.load %x[%c0] : memref<1xf32>
    gpu.barrier
    memref.store %v, %x[%c0] : memref<1xf32>
    gpu.terminator
  }
  return
}

// -----

// Tests that tensor core operations are refused: an mma.sync takes its
// operands from all the threads of a warp at once.

func.func @tensor_cores(%a: i32, %c: f32) {
  %c1 = arith.constant 1 : index
  // expected-error @below {{cannot emulate NVVM operations (tensor cores)}}
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c1, %sy = %c1, %sz = %c1) {
    %d = nvvm.mma.sync A[%a, %a, %a, %a] B[%a, %a] C[%c, %c, %c, %c]
        {layoutA = #nvvm.mma_layout<row>, layoutB = #nvvm.mma_layout<col>,
         multiplicandAPtxType = #nvvm.mma_type<tf32>,
         multiplicandBPtxType = #nvvm.mma_type<tf32>,
         shape = #nvvm.shape<m = 16, n = 8, k = 8>}
        : (i32, i32, f32) -> !llvm.struct<(f32, f32, f32, f32)>
    gpu.terminator
  }
  return
}
