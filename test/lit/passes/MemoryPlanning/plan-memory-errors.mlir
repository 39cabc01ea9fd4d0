// RUN: aotc-opt %s --split-input-file --aotc-plan-memory -verify-diagnostics
// RUN: not aotc-opt %s --aotc-plan-memory=alignment=48 2>&1 | FileCheck %s --check-prefix=ALIGN

// Tests that an alignment that is not a power of two is refused.
// ALIGN: error: alignment must be a power of two

// Tests that a buffer with a dynamic shape is refused.
func.func @dynamic(%n: index) {
  // expected-error @+1 {{cannot place a buffer of type 'memref<?xf32>' in the arena: only static, contiguous buffers can be}}
  %a = memref.alloc(%n) : memref<?xf32>
  return
}
