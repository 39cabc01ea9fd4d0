// RUN: aotc-opt %s --aotc-tile-and-vectorize="matmul-tile=8,32" -verify-diagnostics

// Tests that a register tile without three sizes is refused.
// expected-error @+1 {{matmul-tile must be three positive sizes M,N,K}}
func.func @f() {
  return
}
