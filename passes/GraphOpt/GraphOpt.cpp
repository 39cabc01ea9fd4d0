//===- GraphOpt.cpp - The aotc-graph-opt pass -----------------------------===//
//
// Applies the fusion families of this folder together with every onnx op's
// canonicalization patterns and folders (transpose, cast and reshape pairs,
// constant arithmetic) with the greedy rewriter, so that a fusion can expose
// a cancellation and the other way round.
//
//===----------------------------------------------------------------------===//

#include "passes/GraphOpt/Patterns.h"
#include "passes/Passes.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace aotc {
#define GEN_PASS_DEF_GRAPHOPTPASS
#include "passes/Passes.h.inc"
} // namespace aotc

using namespace mlir;
using namespace aotc;

namespace {

struct GraphOptPass : aotc::impl::GraphOptPassBase<GraphOptPass> {
  LogicalResult initialize(MLIRContext *context) override {
    RewritePatternSet patterns(context);
    populateGraphOptNormalizationPatterns(patterns);
    populateGraphOptActivationPatterns(patterns);
    populateGraphOptAttentionPatterns(patterns);
    populateGraphOptConvBatchNormPatterns(patterns);
    populateGraphOptLinearAlgebraPatterns(patterns);
    Dialect *onnxDialect = context->getLoadedDialect<onnx::ONNXDialect>();
    for (RegisteredOperationName name : context->getRegisteredOperations())
      if (&name.getDialect() == onnxDialect)
        name.getCanonicalizationPatterns(patterns, context);
    frozenPatterns = FrozenRewritePatternSet(std::move(patterns));
    return success();
  }

  void runOnOperation() override {
    if (failed(applyPatternsGreedily(getOperation(), frozenPatterns)))
      return signalPassFailure();
  }

  FrozenRewritePatternSet frozenPatterns;
};

} // namespace
