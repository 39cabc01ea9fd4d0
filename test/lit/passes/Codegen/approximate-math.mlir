// RUN: aotc-opt %s --split-input-file --aotc-approximate-math | FileCheck %s

// Tests that exp, tanh, erf and powf leave no math op that would become a
// libm call: only instructions (fma, floor, ...) and arith remain.

// CHECK-LABEL: func.func @transcendental
// CHECK-NOT: math.exp
// CHECK-NOT: math.tanh
// CHECK-NOT: math.erf
// CHECK-NOT: math.powf
// CHECK-NOT: math.log
// CHECK: return
func.func @transcendental(%x: vector<16xf32>, %y: vector<16xf32>) -> (vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>) {
  %e = math.exp %x : vector<16xf32>
  %t = math.tanh %x : vector<16xf32>
  %r = math.erf %x : vector<16xf32>
  %p = math.powf %x, %y : vector<16xf32>
  return %e, %t, %r, %p : vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>
}

// -----

// Tests that ops that are single instructions stay.

// CHECK-LABEL: func.func @instructions
// CHECK: math.sqrt
// CHECK: math.absf
func.func @instructions(%x: f32) -> (f32, f32) {
  %s = math.sqrt %x : f32
  %a = math.absf %x : f32
  return %s, %a : f32, f32
}

// -----

// Tests that on a target without rounding and FMA instructions (plain
// x86-64), the floor and fma the approximations use are expanded too.

// RUN: aotc-opt %s --split-input-file --aotc-approximate-math="expand-ops=floor,fma" | FileCheck %s --check-prefix=EXPAND
// EXPAND-LABEL: func.func @transcendental
// EXPAND-NOT: math.floor
// EXPAND-NOT: math.fma
// EXPAND: return
