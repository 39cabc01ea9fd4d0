//===- ONNXToLinalg.cpp - The aotc-convert-onnx-to-linalg pass ------------===//
//
// Checks that every onnx op has a lowering and static types, then runs the
// pattern families of this folder as one partial dialect conversion. The
// type converter makes integer element types signless (`ui8` -> `i8`) in
// onnx values and function signatures alike; the patterns read signedness
// from the original onnx types.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ONNXToLinalg/LoweringUtils.h"
#include "passes/Conversion/ONNXToLinalg/Patterns.h"
#include "passes/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Transforms/DialectConversion.h"

namespace aotc {
#define GEN_PASS_DEF_CONVERTONNXTOLINALGPASS
#include "passes/Passes.h.inc"
} // namespace aotc

using namespace mlir;
using namespace aotc;

namespace {

/// Whether `type` is a tensor type the code generator can lower: ranked with
/// a static shape.
bool isStaticTensor(Type type) {
  auto tensorType = dyn_cast<RankedTensorType>(type);
  return tensorType && tensorType.hasStaticShape();
}

/// Reports every onnx op that has no pattern in `patterns` or a type that is
/// not a static tensor; returns failure if it found one.
LogicalResult checkSupported(ModuleOp module, RewritePatternSet &patterns) {
  llvm::DenseSet<OperationName> lowered;
  for (const std::unique_ptr<RewritePattern> &pattern :
       patterns.getNativePatterns())
    if (std::optional<OperationName> root = pattern->getRootKind())
      lowered.insert(*root);

  bool ok = true;
  module.walk([&](Operation *op) {
    if (!isa<onnx::ONNXDialect>(op->getDialect()))
      return WalkResult::advance();
    StringRef name = getOperatorName(op);
    if (!lowered.contains(op->getName())) {
      op->emitError() << "operator '" << name
                      << "' is not supported by the code generator";
      ok = false;
      return WalkResult::interrupt();
    }
    auto isStatic = [](Value v) { return isStaticTensor(v.getType()); };
    if (!llvm::all_of(op->getOperands(), isStatic) ||
        !llvm::all_of(op->getResults(), isStatic)) {
      op->emitError() << "operator '" << name
                      << "' has a dynamic or unranked type; the code "
                         "generator needs static shapes (run "
                         "aotc-shape-inference first)";
      ok = false;
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return success(ok);
}

/// Replaces the results of onnx ops that are all empty (a static shape with
/// a zero dimension) by `tensor.empty`: there is nothing to compute, and the
/// lowerings need not handle zero-size operands.
void replaceEmptyResults(ModuleOp module) {
  SmallVector<Operation *> empty;
  module.walk([&](Operation *op) {
    // Constants stay: consumers read empty constant operands (Reduce*'s
    // empty axes) as attributes.
    if (!isa<onnx::ONNXDialect>(op->getDialect()) || !op->getNumResults() ||
        op->hasTrait<OpTrait::ConstantLike>())
      return;
    auto isEmpty = [](Type type) {
      auto tensor = dyn_cast<RankedTensorType>(type);
      return tensor && tensor.hasStaticShape() &&
             tensor.getNumElements() == 0 &&
             tensor.getElementType().isSignlessIntOrFloat();
    };
    if (llvm::all_of(op->getResultTypes(), isEmpty))
      empty.push_back(op);
  });
  for (Operation *op : empty) {
    OpBuilder b(op);
    SmallVector<Value> values;
    for (Type type : op->getResultTypes()) {
      auto tensor = cast<RankedTensorType>(type);
      values.push_back(tensor::EmptyOp::create(
          b, op->getLoc(), tensor.getShape(), tensor.getElementType()));
    }
    op->replaceAllUsesWith(values);
    op->erase();
  }
}

struct ConvertONNXToLinalgPass
    : aotc::impl::ConvertONNXToLinalgPassBase<ConvertONNXToLinalgPass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    ModuleOp module = getOperation();

    TypeConverter converter;
    converter.addConversion([](Type type) { return toSignless(type); });

    RewritePatternSet patterns(context);
    populateElementwisePatterns(converter, patterns);
    populateLinearAlgebraPatterns(converter, patterns);
    populateConvPoolPatterns(converter, patterns);
    populateNormalizationPatterns(converter, patterns);
    populateDataMovementPatterns(converter, patterns);
    populateResizePatterns(converter, patterns);
    populateAttentionPatterns(converter, patterns);
    replaceEmptyResults(module);
    if (failed(checkSupported(module, patterns)))
      return signalPassFailure();

    populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(patterns,
                                                                   converter);
    populateCallOpTypeConversionPattern(patterns, converter);
    populateReturnOpTypeConversionPattern(patterns, converter);

    ConversionTarget target(*context);
    target.addIllegalDialect<onnx::ONNXDialect>();
    target.addLegalDialect<arith::ArithDialect, linalg::LinalgDialect,
                           math::MathDialect, tensor::TensorDialect>();
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp op) {
      return converter.isSignatureLegal(op.getFunctionType()) &&
             converter.isLegal(&op.getBody());
    });
    target.addDynamicallyLegalDialect<func::FuncDialect>(
        [&](Operation *op) { return converter.isLegal(op); });

    // A pattern that meets a configuration it cannot lower reports it itself;
    // the framework's "failed to legalize" then only repeats it. Without such
    // a report it becomes the usual "not supported" message.
    bool patternReported = false;
    std::optional<Location> failedLoc;
    std::string failedName;
    LogicalResult converted = success();
    {
      ScopedDiagnosticHandler handler(context, [&](Diagnostic &diag) {
        std::string message = diag.str();
        StringRef text(message);
        if (text.consume_front("failed to legalize operation '")) {
          failedLoc = diag.getLocation();
          failedName = text.take_until([](char c) { return c == '\''; }).str();
          return success();
        }
        if (diag.getSeverity() == DiagnosticSeverity::Error)
          patternReported = true;
        return failure();
      });
      converted = applyPartialConversion(module, target, std::move(patterns));
    }
    if (succeeded(converted))
      return;
    if (!patternReported && failedLoc) {
      StringRef name(failedName);
      name.consume_front("onnx.");
      emitError(*failedLoc)
          << "operator '" << name << "' is not supported by the code generator";
    }
    signalPassFailure();
  }
};

} // namespace
