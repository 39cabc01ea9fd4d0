//===- ApproximateMath.cpp - The aotc-approximate-math pass ---------------===//

#include "passes/Passes.h"

#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/IR/TypeUtilities.h"
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

struct ApproximateMathPass
    : aotc::impl::ApproximateMathPassBase<ApproximateMathPass> {
  using ApproximateMathPassBase::ApproximateMathPassBase;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    // powf, the hyperbolic functions, round, ... into exp/log and arith.
    math::populateExpansionPatterns(patterns);
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
