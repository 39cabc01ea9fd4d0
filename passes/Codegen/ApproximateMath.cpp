//===- ApproximateMath.cpp - The aotc-approximate-math pass ---------------===//

#include "passes/Passes.h"

#include "mlir/Dialect/Math/Transforms/Passes.h"
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

struct ApproximateMathPass
    : aotc::impl::ApproximateMathPassBase<ApproximateMathPass> {
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

    // Whatever is left would become a call into a library that is not there.
    WalkResult result = getOperation().walk([](Operation *op) {
      if (op->getDialect() && op->getDialect()->getNamespace() == "math" &&
          !lowersToInstructions(op->getName().stripDialect())) {
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
