//===- Fuse.cpp - The aotc-fuse pass --------------------------------------===//
//
// Linalg's elementwise fusion with a control function that never makes the
// fused op recompute a producer: upstream's default fuses any single-use
// producer, which puts bias adds and scalings inside matmul bodies, where
// they run once per multiply-accumulate and the op stops being a
// contraction.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace aotc {
#define GEN_PASS_DEF_FUSEPASS
#include "passes/Passes.h.inc"
} // namespace aotc

using namespace mlir;

namespace {

/// True when `op` only forwards inputs (a transpose or a broadcast): fused,
/// it becomes an indexing map of its consumer and computes nothing.
bool onlyMovesData(linalg::GenericOp op) {
  Block &body = op.getRegion().front();
  if (!body.without_terminator().empty())
    return false;
  return llvm::all_of(body.getTerminator()->getOperands(), [&](Value value) {
    auto argument = dyn_cast<BlockArgument>(value);
    return argument && argument.getOwner() == &body &&
           argument.getArgNumber() < op.getNumDpsInputs();
  });
}

/// Fuses a single-use producer into its consumer when the consumer reads
/// each produced element once, or when the producer only moves data into an
/// elementwise consumer. A transpose stays out of contractions: as an
/// indexing map it would make the micro-kernel's vector loads strided.
bool fusesWithoutRecomputation(OpOperand *fusedOperand) {
  Operation *producer = fusedOperand->get().getDefiningOp();
  if (!producer || !producer->hasOneUse())
    return false;
  auto consumer = dyn_cast<linalg::LinalgOp>(fusedOperand->getOwner());
  if (!consumer ||
      consumer.getMatchingIndexingMap(fusedOperand).isPermutation())
    return true;
  auto generic = dyn_cast<linalg::GenericOp>(producer);
  return generic && onlyMovesData(generic) &&
         consumer.getNumReductionLoops() == 0;
}

bool hasSingleUse(OpOperand *fusedOperand) {
  Operation *producer = fusedOperand->get().getDefiningOp();
  return producer && producer->hasOneUse();
}

struct FusePass : aotc::impl::FusePassBase<FusePass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    RewritePatternSet patterns(context);
    linalg::populateElementwiseOpsFusionPatterns(patterns,
                                                 fusesWithoutRecomputation);
    linalg::populateFoldReshapeOpsByExpansionPatterns(patterns, hasSingleUse);
    tensor::populateBubbleUpExpandShapePatterns(patterns);
    linalg::populateConstantFoldLinalgOperations(patterns, hasSingleUse);
    affine::AffineApplyOp::getCanonicalizationPatterns(patterns, context);
    linalg::GenericOp::getCanonicalizationPatterns(patterns, context);
    tensor::ExpandShapeOp::getCanonicalizationPatterns(patterns, context);
    tensor::CollapseShapeOp::getCanonicalizationPatterns(patterns, context);
    context->getLoadedDialect<linalg::LinalgDialect>()
        ->getCanonicalizationPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
