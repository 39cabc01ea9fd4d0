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
#include "mlir/IR/IRMapping.h"

namespace aotc {
#define GEN_PASS_DEF_EMULATEGPUPASS
#include "passes/Passes.h.inc"
} // namespace aotc

using namespace mlir;

namespace {

/// Kernels of aotc-map-to-gpu have no barriers and no shared memory, so
/// running the threads one after another computes what the GPU computes.
LogicalResult emulateLaunch(gpu::LaunchOp launch) {
  WalkResult unsupported = launch.getBody().walk([](Operation *op) {
    return isa<gpu::BarrierOp>(op) ? WalkResult::interrupt()
                                   : WalkResult::advance();
  });
  if (unsupported.wasInterrupted() ||
      !launch.getWorkgroupAttributions().empty())
    return launch.emitError("cannot emulate a kernel with barriers or "
                            "workgroup memory");
  OpBuilder builder(launch);
  Location loc = launch.getLoc();
  Value zero = arith::ConstantIndexOp::create(builder, loc, 0);
  Value one = arith::ConstantIndexOp::create(builder, loc, 1);
  IRMapping mapping;
  gpu::KernelDim3 gridSizes = launch.getGridSizeOperandValues();
  gpu::KernelDim3 blockSizes = launch.getBlockSizeOperandValues();
  gpu::KernelDim3 blockIds = launch.getBlockIds(),
                  threadIds = launch.getThreadIds();
  gpu::KernelDim3 gridArgs = launch.getGridSize(),
                  blockArgs = launch.getBlockSize();
  Value bounds[] = {gridSizes.z,  gridSizes.y,  gridSizes.x,
                    blockSizes.z, blockSizes.y, blockSizes.x};
  Value ids[] = {blockIds.z,  blockIds.y,  blockIds.x,
                 threadIds.z, threadIds.y, threadIds.x};
  Value sizeArgs[] = {gridArgs.x,  gridArgs.y,  gridArgs.z,
                      blockArgs.x, blockArgs.y, blockArgs.z};
  Value sizes[] = {gridSizes.x,  gridSizes.y,  gridSizes.z,
                   blockSizes.x, blockSizes.y, blockSizes.z};
  for (auto [arg, size] : llvm::zip(sizeArgs, sizes))
    mapping.map(arg, size);
  for (auto [bound, id] : llvm::zip(bounds, ids)) {
    auto loop = scf::ForOp::create(builder, loc, zero, bound, one);
    mapping.map(id, loop.getInductionVar());
    builder.setInsertionPoint(loop.getBody()->getTerminator());
  }
  Block &body = launch.getBody().front();
  for (Operation &op : body.without_terminator())
    builder.clone(op, mapping);
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
      for (gpu::LaunchOp launch : launches)
        if (failed(emulateLaunch(launch)))
          return signalPassFailure();
      restoreWeights(func);
    }
  }
};

} // namespace
