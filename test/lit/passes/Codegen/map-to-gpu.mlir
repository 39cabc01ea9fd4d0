// RUN: aotc-opt %s --split-input-file --aotc-map-to-gpu --canonicalize --verify-diagnostics | FileCheck %s

// Tests that a fill, a matmul and its elementwise consumer over the same
// output become one kernel: one thread per output element (column index
// fastest), the reduction accumulated from the fill value in a loop-carried
// value with contractable multiply-adds, the epilogue on that value, and
// that the weight becomes an argument.

// CHECK-LABEL: func.func @mm
// CHECK-SAME: (%[[ARENA:.+]]: memref<256xi8>, %[[X:.+]]: memref<2x8xf32>, %[[Y:.+]]: memref<2x4xf32>, %[[W:.+]]: memref<8x4xf32>)
// CHECK-SAME: attributes {aotc.weights = [@w]}
// CHECK-NOT: memref.get_global
// CHECK: %[[C8:.+]] = arith.constant 8 : index
// CHECK: %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK: gpu.launch blocks({{.+}}) in ({{.+}}) threads(%[[TX:[^,]+]], {{.+}}) in (%{{[^ ]+}} = %[[C8]], {{.+}}) module(@aotc_kernels) function(@mm_0_fill_matmul_generic)
// CHECK: %[[T:.+]] = memref.view %[[ARENA]]
// CHECK: arith.cmpi ult, %[[TX]], %[[C8]] : index
// CHECK: scf.if
// CHECK: %[[J:.+]] = arith.remui %[[TX]], %{{.+}} : index
// CHECK: %[[I:.+]] = arith.divui %[[TX]], %{{.+}} : index
// CHECK-NOT: memref.store
// CHECK: %[[SUM:.+]] = scf.for %[[K:.+]] = {{.+}} iter_args(%[[ACC:.+]] = %[[ZERO]]) -> (f32)
// CHECK: memref.load %[[X]][%[[I]], %[[K]]]
// CHECK: memref.load %[[W]][%[[K]], %[[J]]]
// CHECK: arith.mulf {{.+}} fastmath<contract>
// CHECK: arith.addf %[[ACC]], {{.+}} fastmath<contract>
// CHECK: memref.store %[[SUM]], %[[T]][%[[I]], %[[J]]]
// CHECK: %[[RELU:.+]] = arith.maximumf %[[SUM]], %[[ZERO]]
// CHECK: memref.store %[[RELU]], %[[Y]][%[[I]], %[[J]]]
// CHECK: gpu.terminator
// CHECK-NOT: gpu.launch
memref.global "private" constant @w : memref<8x4xf32> = dense<1.0>
func.func @mm(%arena: memref<256xi8>, %x: memref<2x8xf32>, %y: memref<2x4xf32>) {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %w = memref.get_global @w : memref<8x4xf32>
  %t = memref.view %arena[%c0][] : memref<256xi8> to memref<2x4xf32>
  linalg.fill ins(%zero : f32) outs(%t : memref<2x4xf32>)
  linalg.matmul ins(%x, %w : memref<2x8xf32>, memref<8x4xf32>) outs(%t : memref<2x4xf32>)
  linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
      ins(%t : memref<2x4xf32>) outs(%y : memref<2x4xf32>) {
  ^bb0(%a: f32, %b: f32):
    %r = arith.maximumf %a, %zero : f32
    linalg.yield %r : f32
  }
  return
}

// -----

// Tests that iteration spaces larger than a block take several blocks and
// a bounds check, that ops over different iteration spaces stay separate
// kernels, and that a copy (memref.copy) runs on the GPU too.

// CHECK-LABEL: func.func @blocks
// CHECK: %[[C4:.+]] = arith.constant 4 : index
// CHECK: %[[C256:.+]] = arith.constant 256 : index
// CHECK: gpu.launch blocks({{.+}}) in (%{{[^ ]+}} = %[[C4]], {{.+}}) threads({{.+}}) in (%{{[^ ]+}} = %[[C256]], {{.+}}) module(@aotc_kernels) function(@blocks_0_copy)
// CHECK: arith.cmpi ult, %{{.+}}, %{{.+}} : index
// CHECK: gpu.launch {{.+}} function(@blocks_1_copy)
func.func @blocks(%x: memref<1000xf32>, %y: memref<10xf32>, %z: memref<1000xf32>) {
  memref.copy %x, %z : memref<1000xf32> to memref<1000xf32>
  %s = memref.subview %x[0] [10] [1] : memref<1000xf32> to memref<10xf32, strided<[1]>>
  memref.copy %s, %y : memref<10xf32, strided<[1]>> to memref<10xf32>
  return
}

// -----

// Tests that an op without an outer parallel loop (a full reduction to a
// scalar) runs in a single thread.

// CHECK-LABEL: func.func @total
// CHECK: gpu.launch {{.+}} module(@aotc_kernels) function(@total_serial_0_generic)
// CHECK: scf.for
// CHECK: arith.addf
func.func @total(%x: memref<64xf32>, %y: memref<f32>) {
  linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> ()>], iterator_types = ["reduction"]}
      ins(%x : memref<64xf32>) outs(%y : memref<f32>) {
  ^bb0(%a: f32, %b: f32):
    %r = arith.addf %a, %b : f32
    linalg.yield %r : f32
  }
  return
}

// -----

// Tests that memory accesses left on the host are errors: they would read
// device memory from the CPU.

func.func @host_access(%x: memref<4xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  // expected-error @below {{cannot run this op on the GPU: it is left on the host}}
  %v = memref.load %x[%c0] : memref<4xf32>
  return %v : f32
}
