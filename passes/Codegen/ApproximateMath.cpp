//===- ApproximateMath.cpp - The aotc-approximate-math pass ---------------===//

#include "passes/Passes.h"

#include "mlir/Conversion/MathToFuncs/MathToFuncs.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace aotc {
#define GEN_PASS_DEF_APPROXIMATEMATHPASS
#include "passes/Passes.h.inc"
} // namespace aotc

using namespace mlir;

namespace {

/// Math ops that LLVM lowers to instructions rather than libm calls.
bool lowersToInstructions(StringRef name) {
  return llvm::is_contained({"sqrt", "rsqrt", "fma", "absf", "absi", "floor",
                             "ceil", "roundeven", "trunc", "copysign", "ctlz",
                             "cttz", "ctpop"},
                            name);
}

/// f32 floor in arithmetic, for targets without a rounding instruction:
/// truncate through i32, step down where truncation rounded up; magnitudes
/// of 2^23 and more are already integral (and NaN passes through).
struct ExpandFloor : OpRewritePattern<math::FloorOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(math::FloorOp op,
                                PatternRewriter &rewriter) const override {
    Type type = op.getType();
    if (!getElementTypeOrSelf(type).isF32())
      return failure();
    Location loc = op.getLoc();
    auto constant = [&](float value) -> Value {
      TypedAttr attr = rewriter.getF32FloatAttr(value);
      if (auto vector = dyn_cast<VectorType>(type))
        attr = DenseElementsAttr::get(vector, attr);
      return arith::ConstantOp::create(rewriter, loc, attr);
    };
    Type intType = rewriter.getI32Type();
    if (auto vector = dyn_cast<VectorType>(type))
      intType = vector.clone(intType);

    Value x = op.getOperand();
    Value truncated = arith::SIToFPOp::create(
        rewriter, loc, type,
        arith::FPToSIOp::create(rewriter, loc, intType, x));
    Value roundedUp = arith::CmpFOp::create(
        rewriter, loc, arith::CmpFPredicate::OGT, truncated, x);
    Value stepped =
        arith::SubFOp::create(rewriter, loc, truncated, constant(1));
    Value floored =
        arith::SelectOp::create(rewriter, loc, roundedUp, stepped, truncated);
    Value integral = arith::CmpFOp::create(
        rewriter, loc, arith::CmpFPredicate::UGE,
        math::AbsFOp::create(rewriter, loc, x), constant(8388608.0f));
    rewriter.replaceOpWithNewOp<arith::SelectOp>(op, integral, x, floored);
    return success();
  }
};

/// `type` (a scalar or vector type) with element type `element`.
Type withElementType(Type type, Type element) {
  if (auto vector = dyn_cast<VectorType>(type))
    return vector.clone(element);
  return element;
}

/// f64 math functions in f32: MLIR has polynomial approximations for f32
/// only, and there is no libm to call. The result carries f32's relative
/// error (about 1e-7), not f64's.
struct F64MathThroughF32 : RewritePattern {
  F64MathThroughF32(MLIRContext *context)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}

  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    if (!isa<math::MathDialect>(op->getDialect()) ||
        lowersToInstructions(op->getName().stripDialect()) ||
        op->getNumResults() != 1 || op->getNumRegions())
      return failure();
    auto isF64 = [](Type type) { return getElementTypeOrSelf(type).isF64(); };
    if (!isF64(op->getResult(0).getType()) ||
        !llvm::all_of(op->getOperandTypes(), isF64))
      return failure();
    Location loc = op->getLoc();
    Type f32 = rewriter.getF32Type();
    SmallVector<Value> operands;
    for (Value operand : op->getOperands())
      operands.push_back(arith::TruncFOp::create(
          rewriter, loc, withElementType(operand.getType(), f32), operand));
    Type resultType = op->getResult(0).getType();
    OperationState state(loc, op->getName(), operands,
                         {withElementType(resultType, f32)}, op->getAttrs());
    Operation *narrow = rewriter.create(state);
    rewriter.replaceOpWithNewOp<arith::ExtFOp>(op, resultType,
                                               narrow->getResult(0));
    return success();
  }
};

/// arith.remf (ONNX Mod with fmod = 1) as x - trunc(x / y) * y in f64 (f32
/// for f16 and bf16), instead of a call to libm's fmod: exact for f32
/// operands while the quotient stays below 2^29.
struct ExpandRemF : OpRewritePattern<arith::RemFOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(arith::RemFOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type type = op.getType();
    Type wide = withElementType(
        type, getElementTypeOrSelf(type).getIntOrFloatBitWidth() > 16
                  ? Type(rewriter.getF64Type())
                  : Type(rewriter.getF32Type()));
    auto widen = [&](Value value) -> Value {
      if (value.getType() == wide)
        return value;
      return arith::ExtFOp::create(rewriter, loc, wide, value);
    };
    Value x = widen(op.getLhs()), y = widen(op.getRhs());
    Value quotient = math::TruncOp::create(
        rewriter, loc, arith::DivFOp::create(rewriter, loc, x, y));
    Value rem = arith::SubFOp::create(
        rewriter, loc, x, arith::MulFOp::create(rewriter, loc, quotient, y));
    if (wide == type)
      rewriter.replaceOp(op, rem);
    else
      rewriter.replaceOpWithNewOp<arith::TruncFOp>(op, type, rem);
    return success();
  }
};

struct ApproximateMathPass
    : aotc::impl::ApproximateMathPassBase<ApproximateMathPass> {
  using ApproximateMathPassBase::ApproximateMathPassBase;

  void runOnOperation() override {
    // Integer powers (ONNX Pow on integers) as loops in generated functions.
    OpPassManager powers(getOperation()->getName());
    powers.addPass(createConvertMathToFuncs());
    if (failed(runPipeline(powers, getOperation())))
      return signalPassFailure();

    RewritePatternSet patterns(&getContext());
    // powf, the hyperbolic functions, round, ... into exp/log and arith.
    math::populateExpansionPatterns(patterns);
    patterns.add<F64MathThroughF32, ExpandRemF>(&getContext());
    // f16/bf16 math through f32, where the approximations are defined.
    populateMathF32ExpansionPatterns(
        patterns, [](StringRef name) { return !lowersToInstructions(name); });
    populateMathPolynomialApproximationPatterns(
        patterns, [](StringRef name) { return !lowersToInstructions(name); });
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();

    // Then what the approximations use but the target cannot do in one
    // instruction (floor without SSE4.1, fma without FMA).
    SmallVector<StringRef> expand(expandOps.begin(), expandOps.end());
    if (!expand.empty()) {
      RewritePatternSet expansions(&getContext());
      // MLIR has expansions for fma, ceil, trunc, round, but not floor.
      if (llvm::is_contained(expand, "floor"))
        expansions.add<ExpandFloor>(&getContext());
      math::populateExpansionPatterns(expansions, expand);
      if (failed(applyPatternsGreedily(getOperation(), std::move(expansions))))
        return signalPassFailure();
    }

    // Whatever is left would become a call into a library that is not there.
    WalkResult result = getOperation().walk([&](Operation *op) {
      StringRef name = op->getName().stripDialect();
      if (op->getDialect() && op->getDialect()->getNamespace() == "math" &&
          (!lowersToInstructions(name) || llvm::is_contained(expand, name))) {
        op->emitError("no approximation for '")
            << op->getName() << "' in code without a math library";
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
    if (result.wasInterrupted())
      signalPassFailure();
  }
};

} // namespace
