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

// -----

// Tests that an integer power becomes a call of a generated loop function
// (no libm and no math.ipowi left).

// CHECK-LABEL: func.func @integer_power
// CHECK-NOT: math.ipowi
// CHECK: call @__mlir_math_ipowi_i32
func.func @integer_power(%x: i32, %y: i32) -> i32 {
  %p = math.ipowi %x, %y : i32
  return %p : i32
}

// -----

// Tests that f64 exp is evaluated in f32 (there is no f64 approximation)
// and becomes arithmetic.

// CHECK-LABEL: func.func @f64_exp
// CHECK: arith.truncf %{{.*}} : vector<4xf64> to vector<4xf32>
// CHECK-NOT: math.exp
// CHECK: arith.extf %{{.*}} : vector<4xf32> to vector<4xf64>
func.func @f64_exp(%x: vector<4xf64>) -> vector<4xf64> {
  %e = math.exp %x : vector<4xf64>
  return %e : vector<4xf64>
}

// -----

// Tests that remf (ONNX Mod with fmod = 1) is x - trunc(x / y) * y in f64,
// not a call to fmodf.

// CHECK-LABEL: func.func @remainder
// CHECK: %[[X:.*]] = arith.extf %{{.*}} : f32 to f64
// CHECK: %[[Y:.*]] = arith.extf %{{.*}} : f32 to f64
// CHECK: %[[Q:.*]] = arith.divf %[[X]], %[[Y]] : f64
// CHECK: %[[T:.*]] = math.trunc %[[Q]] : f64
// CHECK: %[[M:.*]] = arith.mulf %[[T]], %[[Y]] : f64
// CHECK: %[[R:.*]] = arith.subf %[[X]], %[[M]] : f64
// CHECK: arith.truncf %[[R]] : f64 to f32
// CHECK-NOT: arith.remf
func.func @remainder(%x: f32, %y: f32) -> f32 {
  %r = arith.remf %x, %y : f32
  return %r : f32
}
