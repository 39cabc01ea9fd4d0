//===- EmulateGPU.cpp - The aotc-emulate-gpu pass -------------------------===//
//
// Runs the kernels aotc-map-to-gpu makes on the CPU, so that their
// arithmetic and indexing can be checked against a reference on a machine
// without a GPU: each gpu.launch becomes loops over its blocks and threads,
// and the weights go back from arguments to globals.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace aotc {
#define GEN_PASS_DEF_EMULATEGPUPASS
#include "passes/Passes.h.inc"
} // namespace aotc

using namespace mlir;

namespace {

constexpr int64_t kScratchAlignment = 64;

int64_t getBytes(MemRefType type) {
  return type.getNumElements() *
         llvm::divideCeil(type.getElementTypeBitWidth(), 8);
}

/// A private attribution for every thread: [z][y][x] then its own shape.
MemRefType getPrivateBufferType(gpu::LaunchOp launch, MemRefType type) {
  gpu::KernelDim3 sizes = launch.getBlockSizeOperandValues();
  SmallVector<int64_t> shape;
  for (Value size : {sizes.z, sizes.y, sizes.x})
    shape.push_back(getConstantIntValue(size).value_or(ShapedType::kDynamic));
  llvm::append_range(shape, type.getShape());
  return MemRefType::get(shape, type.getElementType());
}

/// The scratch bytes `launch` needs, or nothing if its block size is not
/// constant while it has private memory.
std::optional<int64_t> scratchBytes(gpu::LaunchOp launch) {
  int64_t bytes = 0;
  for (BlockArgument attribution : launch.getWorkgroupAttributions())
    bytes += llvm::alignTo(getBytes(cast<MemRefType>(attribution.getType())),
                           kScratchAlignment);
  for (BlockArgument attribution : launch.getPrivateAttributions()) {
    MemRefType type =
        getPrivateBufferType(launch, cast<MemRefType>(attribution.getType()));
    if (!type.hasStaticShape())
      return std::nullopt;
    bytes += llvm::alignTo(getBytes(type), kScratchAlignment);
  }
  return bytes;
}

bool containsBarrier(Operation *op) {
  return op->walk([](gpu::BarrierOp) { return WalkResult::interrupt(); })
      .wasInterrupted();
}

/// Runs a kernel's threads one after another: the code between two
/// barriers runs for every thread of the block before the code after them.
/// Barriers may sit in the kernel body or in loops with bounds the same for
/// all threads (and no loop-carried values); what a thread keeps across a
/// barrier is in private or workgroup memory, or is recomputed (pure ops).
class LaunchEmulator {
public:
  LaunchEmulator(gpu::LaunchOp launch, Value scratch)
      : launch(launch), scratch(scratch) {}

  LogicalResult run();

private:
  gpu::LaunchOp launch;
  /// Bytes for workgroup and private memory (scratchBytes).
  Value scratch;
  /// Private attributions and the per-thread buffers that replace them.
  llvm::DenseMap<Value, Value> privateBuffers;
  SmallVector<Value> threadIds, blockSizes;

  bool isInKernel(Value value) {
    Region *region = value.getParentRegion();
    return region == &launch.getBody() || launch.getBody().isAncestor(region);
  }

  LogicalResult materialize(Value value, OpBuilder &builder,
                            IRMapping &mapping);
  LogicalResult cloneInto(Operation *op, OpBuilder &builder,
                          IRMapping &mapping);
  LogicalResult emitThreads(ArrayRef<Operation *> ops, OpBuilder &builder,
                            const IRMapping &blockMapping);
  LogicalResult emitOps(Block &block, OpBuilder &builder, IRMapping &mapping);
};

/// Makes `value` available under `mapping`: values of the kernel defined
/// elsewhere than where they are used are recomputed when pure.
LogicalResult LaunchEmulator::materialize(Value value, OpBuilder &builder,
                                          IRMapping &mapping) {
  if (mapping.contains(value) || !isInKernel(value))
    return success();
  Operation *def = value.getDefiningOp();
  if (!def || def->getNumRegions() != 0 || !isMemoryEffectFree(def))
    return launch.emitError("cannot emulate a kernel that keeps a value "
                            "across a barrier outside memory");
  for (Value operand : def->getOperands())
    if (failed(materialize(operand, builder, mapping)))
      return failure();
  builder.clone(*def, mapping);
  return success();
}

/// Clones `op` (with the kernel values it uses) and gives private memory
/// accesses the thread's slice of the per-thread buffer.
LogicalResult LaunchEmulator::cloneInto(Operation *op, OpBuilder &builder,
                                        IRMapping &mapping) {
  WalkResult uses = op->walk([&](Operation *nested) {
    for (Value operand : nested->getOperands())
      if (!op->isAncestor(operand.getParentRegion()->getParentOp()) &&
          failed(materialize(operand, builder, mapping)))
        return WalkResult::interrupt();
    return WalkResult::advance();
  });
  if (uses.wasInterrupted())
    return failure();
  Operation *clone = builder.clone(*op, mapping);
  SmallVector<Operation *> accesses;
  clone->walk([&](Operation *nested) {
    if (isa<memref::LoadOp, memref::StoreOp>(nested))
      accesses.push_back(nested);
  });
  for (Operation *access : accesses) {
    auto load = dyn_cast<memref::LoadOp>(access);
    Value memref =
        load ? load.getMemRef() : cast<memref::StoreOp>(access).getMemRef();
    if (!llvm::is_contained(llvm::make_second_range(privateBuffers), memref))
      continue;
    SmallVector<Value> indices(threadIds.begin(), threadIds.end());
    if (load) {
      llvm::append_range(indices, load.getIndices());
      load.getIndicesMutable().assign(indices);
    } else {
      auto store = cast<memref::StoreOp>(access);
      llvm::append_range(indices, store.getIndices());
      store.getIndicesMutable().assign(indices);
    }
  }
  return success();
}

/// Loops over the block's threads (x innermost) around `ops`.
LogicalResult LaunchEmulator::emitThreads(ArrayRef<Operation *> ops,
                                          OpBuilder &builder,
                                          const IRMapping &blockMapping) {
  if (ops.empty())
    return success();
  OpBuilder::InsertionGuard guard(builder);
  Location loc = launch.getLoc();
  Value zero = arith::ConstantIndexOp::create(builder, loc, 0);
  Value one = arith::ConstantIndexOp::create(builder, loc, 1);
  IRMapping mapping = blockMapping;
  gpu::KernelDim3 ids = launch.getThreadIds();
  threadIds.clear();
  for (auto [id, size] :
       llvm::zip(SmallVector<Value>{ids.z, ids.y, ids.x}, blockSizes)) {
    auto loop = scf::ForOp::create(builder, loc, zero, size, one);
    mapping.map(id, loop.getInductionVar());
    threadIds.push_back(loop.getInductionVar());
    builder.setInsertionPoint(loop.getBody()->getTerminator());
  }
  for (Operation *op : ops)
    if (failed(cloneInto(op, builder, mapping)))
      return failure();
  return success();
}

/// Emits `block`'s ops: runs of ops between barriers for every thread, loops
/// holding barriers once for the block.
LogicalResult LaunchEmulator::emitOps(Block &block, OpBuilder &builder,
                                      IRMapping &mapping) {
  SmallVector<Operation *> pending;
  for (Operation &op : block.without_terminator()) {
    if (!containsBarrier(&op)) {
      pending.push_back(&op);
      continue;
    }
    if (failed(emitThreads(pending, builder, mapping)))
      return failure();
    pending.clear();
    if (isa<gpu::BarrierOp>(op))
      continue;
    auto loop = dyn_cast<scf::ForOp>(op);
    if (!loop || loop.getNumResults() != 0)
      return op.emitError("cannot emulate a barrier in this op");
    for (Value bound : loop->getOperands())
      if (failed(materialize(bound, builder, mapping)))
        return failure();
    auto copy = scf::ForOp::create(
        builder, loop.getLoc(), mapping.lookupOrDefault(loop.getLowerBound()),
        mapping.lookupOrDefault(loop.getUpperBound()),
        mapping.lookupOrDefault(loop.getStep()));
    IRMapping inner = mapping;
    inner.map(loop.getInductionVar(), copy.getInductionVar());
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPoint(copy.getBody()->getTerminator());
    if (failed(emitOps(*loop.getBody(), builder, inner)))
      return failure();
  }
  return emitThreads(pending, builder, mapping);
}

LogicalResult LaunchEmulator::run() {
  SmallVector<BlockArgument> attributions(launch.getWorkgroupAttributions());
  llvm::append_range(attributions, launch.getPrivateAttributions());
  for (BlockArgument attribution : attributions)
    for (Operation *user : attribution.getUsers())
      if (!isa<memref::LoadOp, memref::StoreOp>(user) ||
          (isa<memref::StoreOp>(user) &&
           cast<memref::StoreOp>(user).getValueToStore() == attribution))
        return launch.emitError("cannot emulate workgroup or private memory "
                                "used other than by loads and stores");
  // Warp-wide operations (tensor cores) need the warp's threads at once.
  WalkResult warpWide = launch.getBody().walk([](Operation *op) {
    return isa<NVVM::NVVMDialect>(op->getDialect()) ? WalkResult::interrupt()
                                                    : WalkResult::advance();
  });
  if (warpWide.wasInterrupted())
    return launch.emitError("cannot emulate NVVM operations (tensor cores)");
  OpBuilder builder(launch);
  Location loc = launch.getLoc();
  Value zero = arith::ConstantIndexOp::create(builder, loc, 0);
  Value one = arith::ConstantIndexOp::create(builder, loc, 1);
  IRMapping mapping;
  gpu::KernelDim3 gridSizes = launch.getGridSizeOperandValues();
  gpu::KernelDim3 sizes = launch.getBlockSizeOperandValues();
  blockSizes = {sizes.z, sizes.y, sizes.x};
  gpu::KernelDim3 gridArgs = launch.getGridSize(),
                  blockArgs = launch.getBlockSize();
  Value sizeArgs[] = {gridArgs.x,  gridArgs.y,  gridArgs.z,
                      blockArgs.x, blockArgs.y, blockArgs.z};
  Value sizeValues[] = {gridSizes.x, gridSizes.y, gridSizes.z,
                        sizes.x,     sizes.y,     sizes.z};
  for (auto [arg, size] : llvm::zip(sizeArgs, sizeValues))
    mapping.map(arg, size);
  // Workgroup memory, then each thread's private memory, from the scratch
  // buffer (blocks and launches run one after another).
  int64_t offset = 0;
  auto view = [&](MemRefType type) {
    Value shift = arith::ConstantIndexOp::create(builder, loc, offset);
    offset += llvm::alignTo(getBytes(type), kScratchAlignment);
    return memref::ViewOp::create(builder, loc, type, scratch, shift,
                                  ValueRange{});
  };
  for (BlockArgument attribution : launch.getWorkgroupAttributions()) {
    auto type = cast<MemRefType>(attribution.getType());
    mapping.map(attribution,
                view(MemRefType::get(type.getShape(), type.getElementType())));
  }
  for (BlockArgument attribution : launch.getPrivateAttributions()) {
    auto type = cast<MemRefType>(attribution.getType());
    Value buffer = view(getPrivateBufferType(launch, type));
    mapping.map(attribution, buffer);
    privateBuffers[attribution] = buffer;
  }
  gpu::KernelDim3 blockIds = launch.getBlockIds();
  for (auto [bound, id] :
       llvm::zip(SmallVector<Value>{gridSizes.z, gridSizes.y, gridSizes.x},
                 SmallVector<Value>{blockIds.z, blockIds.y, blockIds.x})) {
    auto loop = scf::ForOp::create(builder, loc, zero, bound, one);
    mapping.map(id, loop.getInductionVar());
    builder.setInsertionPoint(loop.getBody()->getTerminator());
  }
  if (failed(emitOps(launch.getBody().front(), builder, mapping)))
    return failure();
  launch.erase();
  return success();
}

/// The trailing weight arguments (`aotc.weights`) become globals again.
void restoreWeights(func::FuncOp func) {
  auto symbols = func->getAttrOfType<ArrayAttr>("aotc.weights");
  if (!symbols)
    return;
  unsigned first = func.getNumArguments() - symbols.size();
  OpBuilder builder = OpBuilder::atBlockBegin(&func.getBody().front());
  for (auto [i, symbol] :
       llvm::enumerate(symbols.getAsRange<FlatSymbolRefAttr>())) {
    BlockArgument arg = func.getArgument(first + i);
    Value global = memref::GetGlobalOp::create(builder, func.getLoc(),
                                               cast<MemRefType>(arg.getType()),
                                               symbol.getValue());
    arg.replaceAllUsesWith(global);
  }
  llvm::BitVector erase(func.getNumArguments());
  erase.set(first, func.getNumArguments());
  (void)func.eraseArguments(erase);
  func->removeAttr("aotc.weights");
}

struct EmulateGPUPass : aotc::impl::EmulateGPUPassBase<EmulateGPUPass> {
  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>()) {
      SmallVector<gpu::LaunchOp> launches(func.getOps<gpu::LaunchOp>());
      // One stack buffer, at the function's entry, serves every launch.
      int64_t bytes = 0;
      for (gpu::LaunchOp launch : launches) {
        std::optional<int64_t> needed = scratchBytes(launch);
        if (!needed) {
          launch.emitError("cannot emulate private memory with a block "
                           "size that is not constant");
          return signalPassFailure();
        }
        bytes = std::max(bytes, *needed);
      }
      Value scratch;
      if (bytes > 0) {
        OpBuilder builder = OpBuilder::atBlockBegin(&func.getBody().front());
        scratch = memref::AllocaOp::create(
            builder, func.getLoc(),
            MemRefType::get({bytes}, builder.getI8Type()),
            builder.getI64IntegerAttr(kScratchAlignment));
      }
      for (gpu::LaunchOp launch : launches)
        if (failed(LaunchEmulator(launch, scratch).run()))
          return signalPassFailure();
      restoreWeights(func);
    }
  }
};

} // namespace
