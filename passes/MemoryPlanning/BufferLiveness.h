//===- BufferLiveness.h - Live ranges of a function's buffers ---*- C++ -*-===//

#ifndef AOTC_PASSES_MEMORYPLANNING_BUFFERLIVENESS_H
#define AOTC_PASSES_MEMORYPLANNING_BUFFERLIVENESS_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

namespace aotc {

/// A `memref.alloc` of the function body and the range of schedule positions
/// (ops of the body in pre-order) over which it or a view of it is used.
struct BufferLiveRange {
  mlir::memref::AllocOp alloc;
  int64_t start;
  int64_t end;
};

/// Computes the live range of every `memref.alloc` directly in `func`'s entry
/// block. A use inside a loop keeps the buffer live until the loop ends; a
/// use by an op that may capture the buffer (one the analysis cannot see
/// through) keeps it live to the end of the function.
llvm::SmallVector<BufferLiveRange>
computeBufferLiveRanges(mlir::func::FuncOp func);

} // namespace aotc

#endif // AOTC_PASSES_MEMORYPLANNING_BUFFERLIVENESS_H
