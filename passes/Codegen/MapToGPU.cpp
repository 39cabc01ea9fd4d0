//===- MapToGPU.cpp - The aotc-map-to-gpu pass ----------------------------===//
//
// Turns the linalg ops of bufferized, memory-planned functions into
// gpu.launch ops whose bodies run on the device, so that the host function
// is left with launches only: everything it touches is device memory.
//
//===----------------------------------------------------------------------===//

#include "passes/Codegen/GPUKernels.h"
#include "passes/Passes.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/IR/Dominance.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/CSE.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/RegionUtils.h"
#include "llvm/ADT/SetVector.h"

#include <limits>

namespace aotc {
#define GEN_PASS_DEF_MAPTOGPUPASS
#include "passes/Passes.h.inc"
} // namespace aotc

using namespace mlir;

using aotc::forwardStores;
using aotc::kKernelModule;
using aotc::mayAlias;

namespace {

/// Replaces each `memref.get_global` in `func` by a new trailing argument:
/// kernels cannot read host globals, so the weights are handed to the
/// function as device buffers. Records the globals, in argument order, as
/// `aotc.weights`.
void bindWeightsToArguments(func::FuncOp func) {
  SmallVector<memref::GetGlobalOp> uses;
  func.walk([&](memref::GetGlobalOp op) { uses.push_back(op); });
  llvm::MapVector<StringRef, BlockArgument> arguments;
  SmallVector<Attribute> symbols;
  for (memref::GetGlobalOp op : uses) {
    auto [it, inserted] = arguments.try_emplace(op.getName());
    if (inserted) {
      unsigned index = func.getNumArguments();
      (void)func.insertArgument(index, op.getType(), {}, op.getLoc());
      it->second = func.getArgument(index);
      symbols.push_back(op.getNameAttr());
    }
    op.replaceAllUsesWith(it->second);
    op.erase();
  }
  func->setAttr("aotc.weights", ArrayAttr::get(func.getContext(), symbols));
}

/// Copies a pure, region-free op and the pure ops it depends on into the
/// kernel body, so that kernels capture only the function's arguments (base
/// pointers) and never a view descriptor built on the host.
Value cloneIntoKernel(Value value, OpBuilder &builder, IRMapping &mapping,
                      Region &kernelRegion) {
  if (Value mapped = mapping.lookupOrNull(value))
    return mapped;
  Operation *def = value.getDefiningOp();
  if (!def || kernelRegion.isAncestor(def->getParentRegion()) ||
      def->getNumRegions() != 0 || !isMemoryEffectFree(def))
    return value;
  for (Value operand : def->getOperands())
    cloneIntoKernel(operand, builder, mapping, kernelRegion);
  builder.clone(*def, mapping);
  return mapping.lookup(value);
}

/// Rebuilds, at the start of the launch body, the host values the body
/// uses (constants, views) and rewires the body to them.
void sinkHostValues(gpu::LaunchOp launch) {
  Region &body = launch.getBody();
  llvm::SetVector<Value> captured;
  body.walk([&](Operation *op) {
    for (Value operand : op->getOperands()) {
      Region *owner = operand.getParentRegion();
      if (owner != &body && !body.isAncestor(owner))
        captured.insert(operand);
    }
  });
  OpBuilder builder = OpBuilder::atBlockBegin(&body.front());
  IRMapping mapping;
  for (Value value : captured) {
    Value local = cloneIntoKernel(value, builder, mapping, body);
    if (local != value)
      replaceAllUsesInRegionWith(value, local, body);
  }
}

/// An empty launch of `numBlocks` x `blockSize` threads at the builder's
/// insertion point, whose
/// kernel gets the name `name`.
gpu::LaunchOp createLaunch(OpBuilder &builder, Location loc, int64_t numBlocks,
                           int64_t blockSize, StringRef name) {
  Value one = arith::ConstantIndexOp::create(builder, loc, 1);
  Value grid = arith::ConstantIndexOp::create(builder, loc, numBlocks);
  Value block = arith::ConstantIndexOp::create(builder, loc, blockSize);
  MLIRContext *context = builder.getContext();
  auto launch = gpu::LaunchOp::create(
      builder, loc, grid, one, one, block, one, one, nullptr, nullptr, {}, {},
      {}, nullptr, nullptr, nullptr,
      FlatSymbolRefAttr::get(context, kKernelModule),
      FlatSymbolRefAttr::get(context, name));
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToEnd(&launch.getBody().front());
  gpu::TerminatorOp::create(builder, loc);
  return launch;
}

/// Maps the iteration space of `loop` onto threads: one thread per point,
/// the linear thread id delinearized with the innermost dimension fastest,
/// so that consecutive threads touch consecutive elements (coalesced).
LogicalResult mapParallelLoop(scf::ParallelOp loop, int64_t blockSize,
                              StringRef name) {
  SmallVector<int64_t> lower, steps, counts;
  for (auto [lb, ub, step] :
       llvm::zip(loop.getLowerBound(), loop.getUpperBound(), loop.getStep())) {
    std::optional<int64_t> l = getConstantIntValue(lb),
                           u = getConstantIntValue(ub),
                           s = getConstantIntValue(step);
    if (!l || !u || !s || *s <= 0)
      return loop.emitError("a loop with non-constant bounds cannot be mapped "
                            "to GPU threads");
    lower.push_back(*l);
    steps.push_back(*s);
    counts.push_back(std::max<int64_t>(0, llvm::divideCeil(*u - *l, *s)));
  }
  int64_t total = 1;
  for (int64_t count : counts)
    total *= count;
  Location loc = loop.getLoc();
  OpBuilder builder(loop);
  if (total == 0) {
    loop.erase();
    return success();
  }
  int64_t threads = std::min(blockSize, total);
  gpu::LaunchOp launch = createLaunch(
      builder, loc, llvm::divideCeil(total, threads), threads, name);

  builder.setInsertionPoint(launch.getBody().front().getTerminator());
  auto index = [&](int64_t v) {
    return arith::ConstantIndexOp::create(builder, loc, v);
  };
  Value linear = arith::AddIOp::create(
      builder, loc,
      arith::MulIOp::create(builder, loc, launch.getBlockIds().x,
                            index(threads)),
      launch.getThreadIds().x);
  Value inRange = arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::ult,
                                        linear, index(total));
  auto guard = scf::IfOp::create(builder, loc, inRange, false);
  builder.setInsertionPoint(guard.thenBlock()->getTerminator());

  IRMapping mapping;
  Value rest = linear;
  for (int64_t d = counts.size() - 1; d >= 0; --d) {
    Value position = rest;
    if (d > 0) {
      position = arith::RemUIOp::create(builder, loc, rest, index(counts[d]));
      rest = arith::DivUIOp::create(builder, loc, rest, index(counts[d]));
    }
    Value iv = position;
    if (steps[d] != 1)
      iv = arith::MulIOp::create(builder, loc, iv, index(steps[d]));
    if (lower[d] != 0)
      iv = arith::AddIOp::create(builder, loc, iv, index(lower[d]));
    mapping.map(loop.getInductionVars()[d], iv);
  }
  for (Operation &op : loop.getBody()->without_terminator())
    builder.clone(op, mapping);
  loop.erase();
  return success();
}

/// Runs `op` (a linalg op with no outer parallel loop) in one thread.
void wrapInSingleThread(linalg::LinalgOp op, StringRef name) {
  OpBuilder builder(op);
  gpu::LaunchOp launch = createLaunch(builder, op.getLoc(), 1, 1, name);
  op->moveBefore(launch.getBody().front().getTerminator());
}

/// The function argument a buffer is a view of, and the bytes of that
/// argument it may cover (the whole argument unless it is a `memref.view` at
/// a constant offset, the form aotc-plan-memory gives arena buffers).
struct BufferExtent {
  Value base;
  int64_t begin = 0, end = std::numeric_limits<int64_t>::max();
};

BufferExtent getExtent(Value buffer) {
  Operation *def = buffer.getDefiningOp();
  if (auto view = dyn_cast_or_null<memref::ViewOp>(def)) {
    BufferExtent extent = getExtent(view.getSource());
    std::optional<int64_t> offset = getConstantIntValue(view.getByteShift());
    auto type = view.getType();
    if (offset && type.hasStaticShape() &&
        type.getElementType().isIntOrFloat()) {
      extent.begin = *offset;
      extent.end =
          *offset + type.getNumElements() *
                        llvm::divideCeil(type.getElementTypeBitWidth(), 8);
    }
    return extent;
  }
  // These views lie within their source.
  if (isa_and_nonnull<memref::SubViewOp, memref::ExpandShapeOp,
                      memref::CollapseShapeOp, memref::CastOp>(def))
    return getExtent(cast<ViewLikeOpInterface>(def).getViewSource());
  if (auto viewLike = dyn_cast_or_null<ViewLikeOpInterface>(def))
    return {getExtent(viewLike.getViewSource()).base};
  return {buffer};
}

} // namespace

/// Distinct function arguments never alias (the arena, each input, output
/// and weight are separate device buffers), nor do disjoint arena views.
bool aotc::mayAlias(Value a, Value b) {
  BufferExtent x = getExtent(a), y = getExtent(b);
  if (x.base != y.base)
    return !isa<BlockArgument>(x.base) || !isa<BlockArgument>(y.base);
  return x.begin < y.end && y.begin < x.end;
}

/// Whether `a` is an arena buffer within the bytes of `b` (a constant-offset
/// view of the same argument, or `b` itself).
bool aotc::isCoveredBy(Value a, Value b) {
  if (a == b)
    return true;
  BufferExtent x = getExtent(a), y = getExtent(b);
  return x.base == y.base && y.begin <= x.begin && x.end <= y.end &&
         x.end != std::numeric_limits<int64_t>::max();
}

namespace {

/// Keeps a reduction's accumulator in a register: in `loop`, a load and a
/// later store of the same loop-invariant element, where nothing else in
/// the loop may touch that element, become a value carried by the loop,
/// loaded before it and stored after it. (LLVM cannot do this: kernel
/// arguments may alias.) Returns the new loop, or null if none changed.
scf::ForOp promoteAccumulator(scf::ForOp loop, IRRewriter &rewriter) {
  for (Operation &op : loop.getBody()->without_terminator()) {
    auto load = dyn_cast<memref::LoadOp>(&op);
    if (!load ||
        !llvm::all_of(
            load.getIndices(),
            [&](Value index) { return loop.isDefinedOutsideOfLoop(index); }) ||
        !loop.isDefinedOutsideOfLoop(load.getMemRef()))
      continue;
    memref::StoreOp store;
    bool safe = true;
    loop.getBody()->walk([&](Operation *access) {
      if (access == load)
        return;
      auto other = dyn_cast<memref::StoreOp>(access);
      if (!store && other && other->getBlock() == loop.getBody() &&
          other.getMemRef() == load.getMemRef() &&
          other.getIndices() == load.getIndices() &&
          load->isBeforeInBlock(other)) {
        store = other;
        return;
      }
      Value memref;
      if (auto otherLoad = dyn_cast<memref::LoadOp>(access))
        memref = otherLoad.getMemRef();
      else if (other)
        memref = other.getMemRef();
      else if (!isMemoryEffectFree(access) &&
               !isa<scf::ForOp, scf::YieldOp, scf::IfOp>(access))
        safe = false;
      if (memref && mayAlias(memref, load.getMemRef()))
        safe = false;
    });
    if (!store || !safe)
      continue;

    rewriter.setInsertionPoint(loop);
    Value initial = memref::LoadOp::create(rewriter, load.getLoc(),
                                           load.getMemRef(), load.getIndices());
    Value stored = store.getValueToStore();
    FailureOr<LoopLikeOpInterface> promoted =
        cast<LoopLikeOpInterface>(loop.getOperation())
            .replaceWithAdditionalYields(
                rewriter, initial, /*replaceInitOperandUsesInLoop=*/false,
                [&](OpBuilder &, Location, ArrayRef<BlockArgument>) {
                  return SmallVector<Value>{stored};
                });
    if (failed(promoted))
      return nullptr;
    auto newLoop = cast<scf::ForOp>(promoted->getOperation());
    rewriter.replaceAllUsesWith(load, newLoop.getRegionIterArgs().back());
    rewriter.setInsertionPointAfter(newLoop);
    memref::StoreOp::create(rewriter, store.getLoc(),
                            newLoop.getResults().back(), store.getMemRef(),
                            store.getIndices());
    rewriter.eraseOp(store);
    rewriter.eraseOp(load);
    return newLoop;
  }
  return nullptr;
}

/// Whether `op` (or an op nested in it) may read or write the element
/// `store` writes.
bool mayAccess(Operation *op, memref::StoreOp store) {
  bool found = false;
  op->walk([&](Operation *nested) {
    Value memref;
    if (auto load = dyn_cast<memref::LoadOp>(nested))
      memref = load.getMemRef();
    else if (auto other = dyn_cast<memref::StoreOp>(nested))
      memref = other.getMemRef();
    else if (!isMemoryEffectFree(nested) &&
             !isa<scf::ForOp, scf::YieldOp, scf::IfOp>(nested))
      found = true;
    if (memref && mayAlias(memref, store.getMemRef()))
      found = true;
  });
  return found;
}

} // namespace

/// In straight-line code of a kernel: a load of an element just stored
/// takes the stored value, and a store overwritten before anything reads
/// the element goes (the zero fill and the accumulator of a contraction
/// followed by its epilogue then reach memory once).
void aotc::forwardStores(Block &block) {
  SmallVector<memref::StoreOp> stores(block.getOps<memref::StoreOp>());
  for (memref::StoreOp store : stores) {
    for (Operation *op = store->getNextNode(); op; op = op->getNextNode()) {
      auto load = dyn_cast<memref::LoadOp>(op);
      if (load && load.getMemRef() == store.getMemRef() &&
          load.getIndices() == store.getIndices()) {
        load.replaceAllUsesWith(store.getValueToStore());
        op = op->getPrevNode();
        load.erase();
        continue;
      }
      auto next = dyn_cast<memref::StoreOp>(op);
      if (next && next.getMemRef() == store.getMemRef() &&
          next.getIndices() == store.getIndices()) {
        store.erase();
        break;
      }
      if (mayAccess(op, store))
        break;
    }
  }
}

namespace {

/// Register accumulators for every reduction loop of the kernel, innermost
/// first, so that an accumulator moves out through each enclosing loop;
/// multiplies and adds may fuse into FMAs (as nvcc's default -fmad does).
void optimizeKernel(gpu::LaunchOp launch) {
  IRRewriter rewriter(launch.getContext());
  SmallVector<scf::ForOp> loops;
  launch.getBody().walk([&](scf::ForOp loop) { loops.push_back(loop); });
  // Each promotion replaces its loop; enclosing loops stay valid.
  for (scf::ForOp loop : loops)
    while (loop)
      loop = promoteAccumulator(loop, rewriter);
  launch.getBody().walk([](Block *block) { forwardStores(*block); });
  auto contract = arith::FastMathFlagsAttr::get(launch.getContext(),
                                                arith::FastMathFlags::contract);
  launch.getBody().walk([&](Operation *op) {
    if (isa<arith::MulFOp, arith::AddFOp, arith::SubFOp>(op))
      op->setAttr("fastmath", contract);
  });
}

LogicalResult mapFunction(func::FuncOp func, int64_t blockSize,
                          int64_t minBlocks, bool allowTF32) {
  bindWeightsToArguments(func);

  // Copies left by out-param conversion become linalg copies, which the
  // loops below cover.
  SmallVector<memref::CopyOp> copies;
  func.walk([&](memref::CopyOp copy) { copies.push_back(copy); });
  for (memref::CopyOp copy : copies) {
    OpBuilder builder(copy);
    linalg::CopyOp::create(builder, copy.getLoc(), copy.getSource(),
                           copy.getTarget());
    copy.erase();
  }

  // Contractions large enough to tile become their own kernels first.
  aotc::mapContractionsToTiledKernels(func, minBlocks, allowTF32);

  // Every linalg op becomes loops; the outer parallel nest is named after the
  // op for the kernel it becomes.
  SmallVector<linalg::LinalgOp> ops;
  func.walk([&](linalg::LinalgOp op) { ops.push_back(op); });
  IRRewriter rewriter(func.getContext());
  StringAttr nameKey = rewriter.getStringAttr("aotc.kernel");
  for (auto [i, op] : llvm::enumerate(ops)) {
    SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
    if (iterators.empty() || !linalg::isParallelIterator(iterators[0])) {
      wrapInSingleThread(op, (func.getSymName() + "_serial_" + Twine(i) + "_" +
                              op->getName().stripDialect())
                                 .str());
      rewriter.setInsertionPoint(op);
      if (failed(linalg::linalgOpToLoops(rewriter, op)))
        return op.emitError("cannot lower this op to loops");
      rewriter.eraseOp(op);
      continue;
    }
    rewriter.setInsertionPoint(op);
    FailureOr<linalg::LinalgLoops> loops =
        linalg::linalgOpToParallelLoops(rewriter, op);
    if (failed(loops) || loops->empty())
      return op.emitError("cannot lower this op to parallel loops");
    // Fusion below builds new loops; the name travels on the last op of
    // the body (a store or a reduction loop), which fusion moves.
    auto nest = cast<scf::ParallelOp>(loops->front());
    nest.getBody()->getTerminator()->getPrevNode()->setAttr(
        nameKey, rewriter.getStringAttr(op->getName().stripDialect()));
    rewriter.eraseOp(op);
  }

  // A producer and the elementwise consumers over the same iteration space
  // (fill, contraction, bias and activation) become one kernel. Fusion
  // compares bounds as values: the lowering's constants are merged first.
  // Identity affine.apply ops are folded too: fusion compares indices as
  // values.
  RewritePatternSet patterns(func.getContext());
  affine::AffineApplyOp::getCanonicalizationPatterns(patterns,
                                                     func.getContext());
  if (failed(applyPatternsGreedily(func, std::move(patterns))))
    return func.emitError("internal error: loop cleanup did not converge");
  DominanceInfo dominance(func);
  eliminateCommonSubExpressions(rewriter, dominance, func);
  scf::naivelyFuseParallelOps(func.getBody(), mayAlias);

  SmallVector<scf::ParallelOp> nests;
  for (Operation &op : func.getBody().front())
    if (auto nest = dyn_cast<scf::ParallelOp>(op))
      nests.push_back(nest);
  for (scf::ParallelOp nest : nests) {
    // _OP of the first op, then of each op fused into it.
    std::string name;
    for (Operation &op : nest.getBody()->without_terminator()) {
      auto part = op.getAttrOfType<StringAttr>(nameKey);
      if (!part)
        continue;
      name += "_" + part.str();
      op.removeAttr(nameKey);
    }
    if (name.empty())
      return nest.emitError("internal error: an unnamed loop nest");
    if (failed(mapParallelLoop(nest, blockSize, name)))
      return failure();
  }
  // Kernels are FUNC_N_OP..., numbered in launch order; the tiled ones
  // arrive already built and optimized.
  unsigned kernelIndex = 0;
  for (gpu::LaunchOp launch : func.getOps<gpu::LaunchOp>()) {
    sinkHostValues(launch);
    if (launch.getWorkgroupAttributions().empty())
      optimizeKernel(launch);
    StringRef parts = launch.getFunctionAttr().getValue();
    if (parts.starts_with("_"))
      launch.setFunctionAttr(FlatSymbolRefAttr::get(
          func.getContext(),
          (func.getSymName() + "_" + Twine(kernelIndex++) + parts).str()));
  }

  // Anything still reading or writing memory on the host would touch device
  // buffers from the CPU.
  WalkResult hostAccess = func.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (isa<gpu::LaunchOp>(op))
      return WalkResult::skip();
    if (isa<memref::LoadOp, memref::StoreOp, linalg::LinalgOp, scf::ParallelOp,
            scf::ForOp>(op) ||
        (op->getParentOp() == func && !isMemoryEffectFree(op) &&
         !isa<func::ReturnOp>(op))) {
      op->emitError("cannot run this op on the GPU: it is left on the "
                    "host");
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return failure(hostAccess.wasInterrupted());
}

struct MapToGPUPass : aotc::impl::MapToGPUPassBase<MapToGPUPass> {
  using MapToGPUPassBase::MapToGPUPassBase;

  void runOnOperation() override {
    if (blockSize <= 0 || blockSize > 1024) {
      getOperation().emitError("block-size must be from 1 to 1024");
      return signalPassFailure();
    }
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (!func.isExternal() &&
          failed(mapFunction(func, blockSize, minBlocks, allowTF32)))
        return signalPassFailure();
  }
};

} // namespace
