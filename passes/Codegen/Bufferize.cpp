//===- Bufferize.cpp - The aotc-bufferize pass ----------------------------===//

#include "passes/Passes.h"

#include "mlir/Dialect/Bufferization/Transforms/OneShotAnalysis.h"
#include "mlir/Dialect/Bufferization/Transforms/OneShotModuleBufferize.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

namespace aotc {
#define GEN_PASS_DEF_BUFFERIZEPASS
#include "passes/Passes.h.inc"
} // namespace aotc

using namespace mlir;

namespace {

/// Graph inputs and outputs with no elements become 1-D: the lowering of
/// function signatures to bare pointers rejects a memref with a zero-size
/// dimension after the first (its strides are not those of a contiguous
/// row-major buffer). There are no bytes to read or write either way, and
/// aotc-fold-empty-tensors has taken such values out of the computation.
void flattenEmptyIO(func::FuncOp func) {
  auto flatType = [](Type type) -> RankedTensorType {
    auto tensor = dyn_cast<RankedTensorType>(type);
    if (!tensor || !tensor.hasStaticShape() || tensor.getNumElements() != 0 ||
        tensor.getRank() == 1)
      return nullptr;
    return RankedTensorType::get({0}, tensor.getElementType());
  };
  Block &body = func.getBody().front();
  OpBuilder b = OpBuilder::atBlockBegin(&body);
  for (BlockArgument arg : body.getArguments()) {
    RankedTensorType flat = flatType(arg.getType());
    if (!flat)
      continue;
    if (!arg.use_empty())
      arg.replaceAllUsesWith(tensor::EmptyOp::create(
          b, arg.getLoc(), cast<RankedTensorType>(arg.getType()).getShape(),
          flat.getElementType()));
    arg.setType(flat);
  }
  Operation *terminator = body.getTerminator();
  b.setInsertionPoint(terminator);
  for (OpOperand &result : terminator->getOpOperands())
    if (RankedTensorType flat = flatType(result.get().getType()))
      result.set(tensor::EmptyOp::create(b, func.getLoc(), flat.getShape(),
                                         flat.getElementType()));
  func.setType(FunctionType::get(func.getContext(), body.getArgumentTypes(),
                                 terminator->getOperandTypes()));
}

/// A value returned more than once gets a copy for each repetition: every
/// result becomes its own out-parameter, and the out-params rewrite cannot
/// give one buffer to several of them.
void copyRepeatedResults(func::FuncOp func) {
  func.walk([](func::ReturnOp ret) {
    llvm::SmallPtrSet<Value, 8> seen;
    OpBuilder b(ret);
    for (OpOperand &operand : ret->getOpOperands()) {
      auto type = dyn_cast<RankedTensorType>(operand.get().getType());
      if (!type || seen.insert(operand.get()).second)
        continue;
      operand.set(bufferization::AllocTensorOp::create(
          b, ret.getLoc(), type, ValueRange{}, operand.get()));
    }
  });
}

struct BufferizePass : aotc::impl::BufferizePassBase<BufferizePass> {
  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (!func.isExternal())
        flattenEmptyIO(func);
    for (auto func : getOperation().getOps<func::FuncOp>())
      copyRepeatedResults(func);
    bufferization::OneShotBufferizationOptions options;
    options.bufferizeFunctionBoundaries = true;
    options.setFunctionBoundaryTypeConversion(
        bufferization::LayoutMapOption::IdentityLayoutMap);
    options.memCpyFn = [](OpBuilder &builder, Location loc, Value from,
                          Value to) {
      linalg::CopyOp::create(builder, loc, from, to);
      return success();
    };
    bufferization::BufferizationState state;
    if (failed(bufferization::runOneShotModuleBufferize(getOperation(), options,
                                                        state)))
      signalPassFailure();
  }
};

} // namespace
