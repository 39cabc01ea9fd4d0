//===- PlanMemory.cpp - The aotc-plan-memory pass -------------------------===//
//
// Replaces the heap allocations left by bufferization with views into one
// arena that the caller provides, laid out at compile time.
//
//===----------------------------------------------------------------------===//

#include "passes/MemoryPlanning/ArenaLayout.h"
#include "passes/MemoryPlanning/BufferLiveness.h"
#include "passes/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

namespace aotc {
#define GEN_PASS_DEF_PLANMEMORYPASS
#include "passes/Passes.h.inc"
} // namespace aotc

using namespace mlir;
using namespace aotc;

namespace {

/// Bytes a static buffer of `type` takes in memory.
std::optional<int64_t> getByteSize(MemRefType type) {
  if (!type.hasStaticShape() || !type.getLayout().isIdentity())
    return std::nullopt;
  Type elementType = type.getElementType();
  int64_t elementBytes;
  if (elementType.isIndex())
    elementBytes = 8;
  else if (elementType.isIntOrFloat())
    elementBytes = llvm::divideCeil(elementType.getIntOrFloatBitWidth(), 8);
  else
    return std::nullopt;
  return type.getNumElements() * elementBytes;
}

LogicalResult planFunction(func::FuncOp func, int64_t alignment) {
  SmallVector<BufferLiveRange> ranges = computeBufferLiveRanges(func);
  SmallVector<BufferRequest> requests;
  for (BufferLiveRange &range : ranges) {
    std::optional<int64_t> bytes = getByteSize(range.alloc.getType());
    if (!bytes)
      return range.alloc.emitError()
             << "cannot place a buffer of type " << range.alloc.getType()
             << " in the arena: only static, contiguous buffers can be";
    requests.push_back({*bytes, range.start, range.end});
  }
  ArenaLayout layout = layOutArena(requests, alignment);

  MLIRContext *context = func.getContext();
  OpBuilder builder(context);
  auto arenaType =
      MemRefType::get({layout.arenaSize}, IntegerType::get(context, 8));
  if (failed(func.insertArgument(0, arenaType, {}, func.getLoc())))
    return failure();
  Value arena = func.getArgument(0);
  for (auto [range, offset] : llvm::zip(ranges, layout.offsets)) {
    builder.setInsertionPoint(range.alloc);
    Location loc = range.alloc.getLoc();
    Value byteShift = arith::ConstantIndexOp::create(builder, loc, offset);
    Value view = memref::ViewOp::create(builder, loc, range.alloc.getType(),
                                        arena, byteShift, ValueRange());
    range.alloc.replaceAllUsesWith(view);
    range.alloc.erase();
  }
  // Buffers of the arena are never freed.
  func.walk([](memref::DeallocOp dealloc) { dealloc.erase(); });

  WalkResult leftover = func.walk([](Operation *op) {
    if (!isa<memref::AllocOp>(op))
      return WalkResult::advance();
    op->emitError("a buffer allocated inside a region cannot be placed in "
                  "the arena");
    return WalkResult::interrupt();
  });
  if (leftover.wasInterrupted())
    return failure();

  Builder b(context);
  func->setAttr("aotc.arena_size", b.getI64IntegerAttr(layout.arenaSize));
  func->setAttr("aotc.arena_lower_bound",
                b.getI64IntegerAttr(layout.lowerBound));
  return success();
}

struct PlanMemoryPass : aotc::impl::PlanMemoryPassBase<PlanMemoryPass> {
  using PlanMemoryPassBase::PlanMemoryPassBase;

  void runOnOperation() override {
    if (alignment <= 0 || !llvm::isPowerOf2_64(alignment)) {
      getOperation().emitError("alignment must be a power of two");
      return signalPassFailure();
    }
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (!func.isExternal() && failed(planFunction(func, alignment)))
        return signalPassFailure();
  }
};

} // namespace
