//===- ShapeInference.cpp - Static shapes for the ONNX graph --------------===//
//
// One forward walk per function: the graph is in topological order, so every
// op sees its operands' final types. Each op first refines its result types,
// then is folded if its operands are constants; shape arithmetic thereby
// collapses into constants before the ops that consume it are reached.
//
//===----------------------------------------------------------------------===//

#include "dialects/ONNX/ShapeFns/ShapeHelpers.h"
#include "passes/Passes.h"
#include "passes/ShapeInference/InputShapes.h"
#include "passes/ShapeInference/InputValues.h"
#include "passes/ShapeInference/TensorLimits.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Transforms/FoldUtils.h"

namespace aotc {
#define GEN_PASS_DEF_SHAPEINFERENCEPASS
#include "passes/Passes.h.inc"
} // namespace aotc

using namespace mlir;
using namespace aotc;

namespace {

/// Checks the size of every input of `func` against `maxBytes`.
LogicalResult checkInputSizes(func::FuncOp func, uint64_t maxBytes) {
  for (BlockArgument arg : func.getArguments())
    if (failed(checkTensorSize(arg.getLoc(),
                               "input '" +
                                   getInputName(func, arg.getArgNumber()) + "'",
                               cast<ShapedType>(arg.getType()), maxBytes)))
      return failure();
  return success();
}

/// Refines and folds every op of `func`'s body, in order. Each static result
/// is checked against `maxBytes` before folding could materialize it.
LogicalResult inferAndFold(func::FuncOp func, uint64_t maxBytes) {
  OperationFolder folder(func.getContext());
  Block &body = func.getBody().front();
  for (Operation &op : llvm::make_early_inc_range(body)) {
    if (auto shapeOp = dyn_cast<onnx::ShapeInferenceOpInterface>(op))
      if (failed(shapeOp.inferShapes()))
        return failure();
    for (OpResult result : op.getResults()) {
      auto type = dyn_cast<ShapedType>(result.getType());
      if (type && type.hasStaticShape() &&
          failed(checkTensorSize(op.getLoc(),
                                 "result #" + Twine(result.getResultNumber()),
                                 type, maxBytes)))
        return failure();
    }
    if (!op.hasTrait<OpTrait::ConstantLike>())
      (void)folder.tryToFold(&op);
  }
  return success();
}

/// Erases the ops whose results nothing uses any more.
void eraseDeadOps(func::FuncOp func) {
  Block &body = func.getBody().front();
  for (Operation &op : llvm::make_early_inc_range(llvm::reverse(body)))
    if (isOpTriviallyDead(&op))
      op.erase();
}

/// The first graph input of `func` whose value, not its shape, reaches `op`:
/// a static integer input (a shape operand, axes, a length) that shape
/// inference cannot fold. Null when there is none.
static BlockArgument findValueInput(func::FuncOp func, Operation *op) {
  SmallVector<Value> worklist(op->getOperands());
  llvm::SmallPtrSet<Value, 16> seen;
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    if (!seen.insert(value).second)
      continue;
    auto type = dyn_cast<ShapedType>(value.getType());
    if (!type || !isa<IntegerType>(type.getElementType()))
      continue;
    if (auto arg = dyn_cast<BlockArgument>(value)) {
      if (arg.getOwner()->getParentOp() == func && type.hasStaticShape())
        return arg;
      continue;
    }
    llvm::append_range(worklist, value.getDefiningOp()->getOperands());
  }
  return nullptr;
}

/// Reports the first op that still produces a value without a static shape
/// (one error: the rest usually follow from it). An op without a shape
/// function of its own is reported as not supported; one whose shape hangs
/// on the value of an integer graph input says to pin that input.
LogicalResult verifyStaticShapes(func::FuncOp func) {
  WalkResult walk = func.walk([&](Operation *op) {
    for (OpResult result : op->getResults()) {
      auto type = dyn_cast<ShapedType>(result.getType());
      if (!type || type.hasStaticShape())
        continue;
      auto shapeOp = dyn_cast<onnx::ShapeInferenceOpInterface>(op);
      if (shapeOp && !shapeOp.hasShapeFunction()) {
        op->emitError() << "operator '" << op->getName().stripDialect()
                        << "' is not supported (aotc has no shape function "
                           "for it)";
        return WalkResult::interrupt();
      }
      InFlightDiagnostic diag = op->emitError();
      if (!type.hasRank())
        diag << "could not infer the shape of result #"
             << result.getResultNumber();
      else
        diag << "result #" << result.getResultNumber()
             << " has a dynamic shape " << result.getType()
             << " after shape inference";
      if (BlockArgument input = findValueInput(func, op)) {
        std::string name = getInputName(func, input.getArgNumber());
        diag << "; it depends on the value of input '" << name
             << "': pin it with --input-value=" << name << "=V1,V2,... (or "
             << name << ":FILE.npy)";
      }
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return failure(walk.wasInterrupted());
}

/// Checks each graph output against the type the model declares for it
/// (`onnx.declared_type`, from the importer), then drops that attribute: a
/// header or an output file must not say one thing while the code computes
/// another.
LogicalResult checkDeclaredOutputs(func::FuncOp func) {
  auto key = StringAttr::get(func.getContext(), "onnx.declared_type");
  for (unsigned i = 0, e = func.getNumResults(); i < e; ++i) {
    auto declared = func.getResultAttrOfType<TypeAttr>(i, key);
    if (!declared)
      continue;
    func.removeResultAttr(i, key);
    auto expected = cast<TensorType>(declared.getValue());
    auto actual = cast<ShapedType>(func.getResultTypes()[i]);
    bool same = expected.getElementType() == actual.getElementType();
    if (same && expected.hasRank()) {
      same = expected.getRank() == actual.getRank();
      for (int64_t d = 0; same && d < expected.getRank(); ++d)
        same = expected.isDynamicDim(d) ||
               expected.getDimSize(d) == actual.getDimSize(d);
    }
    if (same)
      continue;
    auto name = func.getResultAttrOfType<StringAttr>(i, "onnx.name");
    auto describe = [](TensorType type) {
      std::string text;
      llvm::raw_string_ostream os(text);
      os << type.getElementType();
      if (type.hasRank())
        os << " of shape " << onnx::formatShape(type.getShape());
      return text;
    };
    return emitError(func.getLoc())
           << "graph output '" << (name ? name.getValue() : "") << "' is "
           << "declared " << describe(expected) << ", but the graph computes "
           << describe(cast<TensorType>(actual));
  }
  return success();
}

struct ShapeInferencePass
    : aotc::impl::ShapeInferencePassBase<ShapeInferencePass> {
  using ShapeInferencePassBase::ShapeInferencePassBase;

  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>()) {
      if (func.isExternal())
        continue;
      if (failed(pinInputShapes(func, inputShapes)) ||
          failed(pinInputValues(func, inputValues)) ||
          failed(verifyStaticInputs(func)) ||
          failed(checkInputSizes(func, maxTensorBytes)) ||
          failed(inferAndFold(func, maxTensorBytes)))
        return signalPassFailure();
      eraseDeadOps(func);
      if (failed(verifyStaticShapes(func)))
        return signalPassFailure();
      Operation *terminator = func.getBody().front().getTerminator();
      func.setType(FunctionType::get(func.getContext(), func.getArgumentTypes(),
                                     terminator->getOperandTypes()));
      if (failed(checkDeclaredOutputs(func)))
        return signalPassFailure();
    }
  }
};

} // namespace
