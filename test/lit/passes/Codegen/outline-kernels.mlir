// RUN: aotc-opt %s --split-input-file --aotc-outline-kernels | FileCheck %s
// RUN: aotc-opt %s --split-input-file --aotc-outline-kernels=profile=1 | FileCheck %s --check-prefix=PROFILE

// Tests that the ops naming one node form one kernel (a Conv's fill and its
// fused ReLU epilogue), named after that node as a C identifier; that two
// blocks differing only in their buffers and weights share one function,
// called once per block with that block's buffers; that constants and
// derived views are rebuilt inside while arena views and weights are passed;
// and that each call is described in aotc.kernels.

#conv1 = loc(fused<"Conv">["/layer1/layer1.0/conv1", "m.onnx":0:0])
#relu1 = loc(fused<"Relu">["/layer1/layer1.0/relu", "m.onnx":0:0])
#conv2 = loc(fused<"Conv">["/layer1/layer1.1/conv1", "m.onnx":0:0])
#relu2 = loc(fused<"Relu">["/layer1/layer1.1/relu", "m.onnx":0:0])
#softmax = loc(fused<"Softmax">["/head/Softmax", "m.onnx":0:0])

// CHECK:      module attributes {aotc.kernels = [
// CHECK-SAME:   {flops = 8192 : i64, function = "aotc_k000_layer1_layer1_0_conv1", nodes = "/layer1/layer1.0/conv1, /layer1/layer1.0/relu", ops = "Conv+Relu", shape = "16x16"},
// CHECK-SAME:   {flops = 8192 : i64, function = "aotc_k000_layer1_layer1_0_conv1", nodes = "/layer1/layer1.1/conv1, /layer1/layer1.1/relu", ops = "Conv+Relu", shape = "16x16"},
// CHECK-SAME:   {flops = 0 : i64, function = "aotc_k002_head_Softmax", nodes = "/head/Softmax", ops = "Softmax", shape = "16x16"}]}

// CHECK:      func.func private @aotc_k000_layer1_layer1_0_conv1(
// CHECK-SAME:     %[[OUT:[^:]+]]: memref<16x16xf32>, %[[IN:[^:]+]]: memref<16x16xf32>, %[[W:[^:]+]]: memref<256xf32>)
// CHECK-SAME:     attributes {llvm.linkage = #llvm.linkage<internal>, no_inline}
// CHECK-DAG:    %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG:    %[[W2:.+]] = memref.expand_shape %[[W]]
// CHECK:        linalg.fill ins(%[[ZERO]] : f32) outs(%[[OUT]] : memref<16x16xf32>)
// CHECK:        linalg.matmul ins(%[[IN]], %[[W2]] : memref<16x16xf32>, memref<16x16xf32>) outs(%[[OUT]] : memref<16x16xf32>)
// CHECK:        linalg.generic
// CHECK:        return
// CHECK-NOT:  func.func private @aotc_k001
// CHECK:      func.func private @aotc_k002_head_Softmax(%{{.+}}: memref<16x16xf32>, %{{.+}}: memref<16x16xf32>)

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME:     %[[ARENA:[^:]+]]: memref<3072xi8>, %[[X:[^:]+]]: memref<16x16xf32>, %[[Y:[^:]+]]: memref<16x16xf32>)
// CHECK:        %[[W1:.+]] = memref.get_global @w1
// CHECK:        %[[A:.+]] = memref.view %[[ARENA]][%{{.+}}][] : memref<3072xi8> to memref<16x16xf32>
// CHECK:        call @aotc_k000_layer1_layer1_0_conv1(%[[A]], %[[X]], %[[W1]])
// CHECK:        %[[W2:.+]] = memref.get_global @w2
// CHECK:        %[[B:.+]] = memref.view %[[ARENA]][%{{.+}}][] : memref<3072xi8> to memref<16x16xf32>
// CHECK:        call @aotc_k000_layer1_layer1_0_conv1(%[[B]], %[[A]], %[[W2]])
// CHECK:        call @aotc_k002_head_Softmax(%[[B]], %[[Y]])
// CHECK-NEXT:   return

// PROFILE:      memref.global "private" @aotc_profile_ticks : memref<3xi64> = uninitialized {alignment = 64 : i64}
// PROFILE:      func.func private @aotc_profile_clock() -> i64
// PROFILE-LABEL: func.func @main_graph(
// PROFILE:        %[[TICKS:.+]] = memref.get_global @aotc_profile_ticks : memref<3xi64>
// PROFILE:        %[[T0:.+]] = call @aotc_profile_clock() : () -> i64
// PROFILE-NEXT:   call @aotc_k000_layer1_layer1_0_conv1(
// PROFILE-NEXT:   %[[T1:.+]] = call @aotc_profile_clock() : () -> i64
// PROFILE-NEXT:   %[[D0:.+]] = arith.subi %[[T1]], %[[T0]] : i64
// PROFILE-NEXT:   %[[C0:.+]] = arith.constant 0 : index
// PROFILE-NEXT:   memref.store %[[D0]], %[[TICKS]][%[[C0]]] : memref<3xi64>
// PROFILE:        call @aotc_k000_layer1_layer1_0_conv1(
// PROFILE-NEXT:   %[[T2:.+]] = call @aotc_profile_clock() : () -> i64
// PROFILE-NEXT:   %[[D1:.+]] = arith.subi %[[T2]], %[[T1]] : i64
// PROFILE:        call @aotc_k002_head_Softmax(
// PROFILE-NEXT:   %[[T3:.+]] = call @aotc_profile_clock() : () -> i64
// PROFILE-NEXT:   %[[D2:.+]] = arith.subi %[[T3]], %[[T2]] : i64
// PROFILE-NEXT:   %[[C2:.+]] = arith.constant 2 : index
// PROFILE-NEXT:   memref.store %[[D2]], %[[TICKS]][%[[C2]]] : memref<3xi64>
// PROFILE-NEXT:   return
module {
  memref.global "private" constant @w1 : memref<256xf32> = dense<1.0>
  memref.global "private" constant @w2 : memref<256xf32> = dense<2.0>
  func.func @main_graph(%arena: memref<3072xi8>, %x: memref<16x16xf32>, %y: memref<16x16xf32>) {
    %zero = arith.constant 0.0 : f32
    %c0 = arith.constant 0 : index
    %c1024 = arith.constant 1024 : index
    %w1 = memref.get_global @w1 : memref<256xf32>
    %w1v = memref.expand_shape %w1 [[0, 1]] output_shape [16, 16] : memref<256xf32> into memref<16x16xf32>
    %a = memref.view %arena[%c0][] : memref<3072xi8> to memref<16x16xf32>
    linalg.fill ins(%zero : f32) outs(%a : memref<16x16xf32>) loc(#conv1)
    linalg.matmul ins(%x, %w1v : memref<16x16xf32>, memref<16x16xf32>) outs(%a : memref<16x16xf32>) loc(#conv1)
    linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%a : memref<16x16xf32>) {
    ^bb0(%o: f32):
      %r = arith.maximumf %o, %zero : f32 loc(#relu1)
      linalg.yield %r : f32 loc(#conv1)
    } loc(#relu1)
    %w2 = memref.get_global @w2 : memref<256xf32>
    %w2v = memref.expand_shape %w2 [[0, 1]] output_shape [16, 16] : memref<256xf32> into memref<16x16xf32>
    %b = memref.view %arena[%c1024][] : memref<3072xi8> to memref<16x16xf32>
    linalg.fill ins(%zero : f32) outs(%b : memref<16x16xf32>) loc(#conv2)
    linalg.matmul ins(%a, %w2v : memref<16x16xf32>, memref<16x16xf32>) outs(%b : memref<16x16xf32>) loc(#conv2)
    linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%b : memref<16x16xf32>) {
    ^bb0(%o: f32):
      %r = arith.maximumf %o, %zero : f32 loc(#relu2)
      linalg.yield %r : f32 loc(#conv2)
    } loc(#relu2)
    linalg.copy ins(%b : memref<16x16xf32>) outs(%y : memref<16x16xf32>) loc(#softmax)
    return
  }
}

// -----

// Tests that a scalar a kernel computes and a later kernel uses is
// returned by the first and passed to the second.

#sum = loc(fused<"ReduceSum">["sum", "m.onnx":0:0])
#scale = loc(fused<"Mul">["scale", "m.onnx":0:0])

// CHECK-LABEL: func.func private @aotc_k000_sum(%{{.+}}: memref<16xf32>) -> f32
// CHECK:         %[[S:.+]] = scf.for
// CHECK:         return %[[S]] : f32
// CHECK-LABEL: func.func private @aotc_k001_scale(%{{.+}}: memref<16xf32>, %{{.+}}: f32)
// CHECK-LABEL: func.func @main_graph
// CHECK:         %[[R:.+]] = call @aotc_k000_sum(%{{.+}}) : (memref<16xf32>) -> f32
// CHECK:         call @aotc_k001_scale(%{{.+}}, %[[R]]) : (memref<16xf32>, f32) -> ()
module {
  func.func @main_graph(%x: memref<16xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c16 = arith.constant 16 : index
    %zero = arith.constant 0.0 : f32
    %s = scf.for %i = %c0 to %c16 step %c1 iter_args(%acc = %zero) -> f32 {
      %e = memref.load %x[%i] : memref<16xf32> loc(#sum)
      %n = arith.addf %acc, %e : f32 loc(#sum)
      scf.yield %n : f32 loc(#sum)
    } loc(#sum)
    scf.for %i = %c0 to %c16 step %c1 {
      %e = memref.load %x[%i] : memref<16xf32> loc(#scale)
      %n = arith.mulf %e, %s : f32 loc(#scale)
      memref.store %n, %x[%i] : memref<16xf32> loc(#scale)
    } loc(#scale)
    return
  }
}
