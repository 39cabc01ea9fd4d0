// RUN: aotc-opt %s --split-input-file --aotc-map-to-gpu="min-blocks=1" --canonicalize | FileCheck %s
// RUN: aotc-opt %s --split-input-file --aotc-map-to-gpu --canonicalize | FileCheck %s --check-prefix=SMALL-GRID

// Tests that a contraction large enough to tile (32x64 by 64 here) becomes a
// kernel of 16x16 threads over 32x64 tiles (micro-tiles of 2x4 per thread)
// that stages 16-deep slices of both operands in workgroup memory between
// barriers (A, read along K, with a padding column), accumulates in private
// memory from the fill value (the fill joins the kernel), and runs the
// elementwise consumer on each element of the tile as it is stored. With
// the default min-blocks, the one block this would make becomes eight of
// 16x16 points, one per thread.

// SMALL-GRID-LABEL: func.func @tiled
// SMALL-GRID: gpu.launch blocks({{.+}}) in (%{{[^ ]+}} = %c8,
// SMALL-GRID-SAME: workgroup(%{{.+}} : memref<16x17xf32, #gpu.address_space<workgroup>>, %{{.+}} : memref<16x16xf32, #gpu.address_space<workgroup>>)
// SMALL-GRID-SAME: private(%{{.+}} : memref<1x1xf32, #gpu.address_space<private>>)

// CHECK-LABEL: func.func @tiled
// CHECK: %[[C16:.+]] = arith.constant 16 : index
// CHECK: gpu.launch blocks({{.+}}) in (%{{[^ ]+}} = %{{.+}}, {{.+}}) threads(%[[TX:[^,]+]], %[[TY:[^,]+]], %{{[^)]+}}) in (%{{[^ ]+}} = %[[C16]], %{{[^ ]+}} = %[[C16]], {{.+}}) module(@aotc_kernels) function(@tiled_0_fill_matmul_generic)
// CHECK-SAME: workgroup(%[[SA:.+]] : memref<16x33xf32, #gpu.address_space<workgroup>>, %[[SB:.+]] : memref<16x64xf32, #gpu.address_space<workgroup>>)
// CHECK-SAME: private(%[[ACC:.+]] : memref<2x4xf32, #gpu.address_space<private>>)
// CHECK-COUNT-8: memref.store %{{.+}}, %[[ACC]]
// CHECK: scf.for
// CHECK: memref.load %{{.+}} : memref<32x64xf32>
// CHECK: memref.store %{{.+}}, %[[SA]]
// CHECK: memref.load %{{.+}} : memref<64x64xf32>
// CHECK: memref.store %{{.+}}, %[[SB]]
// CHECK: gpu.barrier
// CHECK: scf.for {{.+}} iter_args
// CHECK-COUNT-2: memref.load %[[SA]]
// CHECK-COUNT-4: memref.load %[[SB]]
// CHECK-COUNT-8: arith.addf {{.+}} fastmath<contract>
// CHECK: gpu.barrier
// CHECK: scf.if
// CHECK: %[[SUM:.+]] = memref.load %[[ACC]]
// CHECK: %[[RELU:.+]] = arith.maximumf %[[SUM]]
// CHECK: memref.store %[[RELU]], %{{.+}} : memref<32x64xf32>
// CHECK-NOT: gpu.launch
func.func @tiled(%x: memref<32x64xf32>, %w: memref<64x64xf32>, %y: memref<32x64xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%y : memref<32x64xf32>)
  linalg.matmul ins(%x, %w : memref<32x64xf32>, memref<64x64xf32>) outs(%y : memref<32x64xf32>)
  linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
      outs(%y : memref<32x64xf32>) {
  ^bb0(%a: f32):
    %r = arith.maximumf %a, %zero : f32
    linalg.yield %r : f32
  }
  return
}

// -----

// Tests that an elementwise op writing the output before the contraction
// (Gemm's bias, broadcast) joins the kernel: each accumulator starts from
// the bias element of its column.

// CHECK-LABEL: func.func @bias_start
// CHECK: gpu.launch {{.+}} function(@bias_start_0_generic_matmul)
// CHECK-SAME: private(%[[ACC:.+]] : memref<2x4xf32, #gpu.address_space<private>>)
// CHECK: %[[START:.+]] = scf.if
// CHECK: %[[BIAS:.+]] = memref.load %{{.+}} : memref<64xf32>
// CHECK: scf.yield %[[BIAS]]
// CHECK: memref.store %[[START]], %[[ACC]]
// CHECK: gpu.barrier
// CHECK-NOT: gpu.launch
func.func @bias_start(%x: memref<32x64xf32>, %w: memref<64x64xf32>, %b: memref<64xf32>, %y: memref<32x64xf32>) {
  linalg.generic {indexing_maps = [affine_map<(i, j) -> (j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
      ins(%b : memref<64xf32>) outs(%y : memref<32x64xf32>) {
  ^bb0(%a: f32, %o: f32):
    linalg.yield %a : f32
  }
  linalg.matmul ins(%x, %w : memref<32x64xf32>, memref<64x64xf32>) outs(%y : memref<32x64xf32>)
  return
}

// -----

// Tests that the sum's own store goes when the epilogue writes another
// buffer and nothing reads the arena buffer of the sum afterwards.

// CHECK-LABEL: func.func @dead_sum
// CHECK: gpu.launch {{.+}} function(@dead_sum_0_fill_matmul_generic)
// CHECK-NOT: memref.store {{.+}} : memref<32x64xf32>{{$}}
// CHECK: memref.store %{{.+}}, %{{.+}} : memref<32x64xf32, strided
// CHECK-NOT: memref.store {{.+}} : memref<32x64xf32>{{$}}
// CHECK: gpu.terminator
func.func @dead_sum(%arena: memref<8192xi8>, %x: memref<32x64xf32>, %w: memref<64x64xf32>, %y: memref<32x64xf32, strided<[64, 1]>>) {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %t = memref.view %arena[%c0][] : memref<8192xi8> to memref<32x64xf32>
  linalg.fill ins(%zero : f32) outs(%t : memref<32x64xf32>)
  linalg.matmul ins(%x, %w : memref<32x64xf32>, memref<64x64xf32>) outs(%t : memref<32x64xf32>)
  linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
      ins(%t : memref<32x64xf32>) outs(%y : memref<32x64xf32, strided<[64, 1]>>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.maximumf %a, %zero : f32
    linalg.yield %r : f32
  }
  return
}
