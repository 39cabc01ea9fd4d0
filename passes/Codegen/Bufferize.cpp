//===- Bufferize.cpp - The aotc-bufferize pass ----------------------------===//

#include "passes/Passes.h"

#include "mlir/Dialect/Bufferization/Transforms/OneShotAnalysis.h"
#include "mlir/Dialect/Bufferization/Transforms/OneShotModuleBufferize.h"

namespace aotc {
#define GEN_PASS_DEF_BUFFERIZEPASS
#include "passes/Passes.h.inc"
} // namespace aotc

using namespace mlir;

namespace {

/// Graph inputs and outputs with a zero-size dimension after the first are
/// not supported: the lowering of function signatures to bare pointers
/// rejects such memrefs (their strides are not those of a contiguous
/// row-major buffer), which would leave an unconverted function behind.
LogicalResult verifyNonEmptyIO(func::FuncOp func) {
  auto isEmpty = [](Type type) {
    auto tensor = dyn_cast<RankedTensorType>(type);
    return tensor && tensor.hasStaticShape() && tensor.getRank() > 1 &&
           llvm::is_contained(tensor.getShape().drop_front(), 0);
  };
  auto describe = [](StringRef kind, Attribute name, Type type) {
    std::string text = kind.str();
    if (auto str = dyn_cast_or_null<StringAttr>(name))
      text += " '" + str.str() + "'";
    llvm::raw_string_ostream os(text);
    os << " of type " << type
       << " is empty in an inner dimension, which is not supported";
    return text;
  };
  for (BlockArgument arg : func.getArguments())
    if (isEmpty(arg.getType()))
      return emitError(arg.getLoc())
             << describe("graph input",
                         func.getArgAttr(arg.getArgNumber(), "onnx.name"),
                         arg.getType());
  Operation *terminator = func.getBody().front().getTerminator();
  for (OpOperand &result : terminator->getOpOperands())
    if (isEmpty(result.get().getType()))
      return emitError(func.getLoc()) << describe(
                 "graph output",
                 func.getResultAttr(result.getOperandNumber(), "onnx.name"),
                 result.get().getType());
  return success();
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
      if (failed(verifyNonEmptyIO(func)))
        return signalPassFailure();
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
