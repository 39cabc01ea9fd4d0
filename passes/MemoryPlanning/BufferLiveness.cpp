//===- BufferLiveness.cpp - Live ranges of a function's buffers -----------===//

#include "passes/MemoryPlanning/BufferLiveness.h"

#include "mlir/Interfaces/ViewLikeInterface.h"

using namespace mlir;

namespace aotc {

namespace {

/// Pre-order numbering of every op of the function; `lastNested` is the
/// number of the last op nested in an op (itself when it has no regions).
struct Schedule {
  llvm::DenseMap<Operation *, int64_t> position;
  llvm::DenseMap<Operation *, int64_t> lastNested;

  explicit Schedule(func::FuncOp func) {
    int64_t next = 0;
    func.getBody().walk<WalkOrder::PreOrder>(
        [&](Operation *op) { position[op] = next++; });
    func.getBody().walk<WalkOrder::PostOrder>([&](Operation *op) {
      int64_t last = position[op];
      for (Region &region : op->getRegions())
        for (Block &block : region)
          if (!block.empty())
            last = std::max(last, lastNested[&block.back()]);
      lastNested[op] = last;
    });
  }
};

/// Whether the result of `user` is a view of the buffer `user` reads, so
/// that uses of the result are uses of the buffer.
bool isViewOf(Operation *user) {
  return isa<ViewLikeOpInterface, memref::CastOp, memref::CollapseShapeOp,
             memref::ExpandShapeOp, memref::ReinterpretCastOp>(user);
}

/// Whether `user` only reads or writes the buffer while it runs.
bool isTransientUse(Operation *user) {
  return user->getNumResults() == 0 ||
         llvm::none_of(user->getResultTypes(),
                       [](Type t) { return isa<BaseMemRefType>(t); });
}

} // namespace

SmallVector<BufferLiveRange> computeBufferLiveRanges(func::FuncOp func) {
  Schedule schedule(func);
  Block &entry = func.getBody().front();
  int64_t functionEnd = schedule.lastNested[&entry.back()];
  SmallVector<BufferLiveRange> ranges;
  for (auto alloc : entry.getOps<memref::AllocOp>()) {
    int64_t start = schedule.position[alloc];
    int64_t end = start;
    SmallVector<Value> worklist{alloc.getResult()};
    while (!worklist.empty()) {
      Value value = worklist.pop_back_val();
      for (Operation *user : value.getUsers()) {
        if (isa<memref::DeallocOp>(user))
          continue;
        Operation *ancestor = entry.findAncestorOpInBlock(*user);
        int64_t useEnd = ancestor ? schedule.lastNested[ancestor] : functionEnd;
        if (isViewOf(user)) {
          llvm::append_range(worklist, user->getResults());
        } else if (!isTransientUse(user)) {
          useEnd = functionEnd;
        }
        end = std::max(end, useEnd);
      }
    }
    ranges.push_back({alloc, start, end});
  }
  return ranges;
}

} // namespace aotc
