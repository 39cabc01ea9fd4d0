//===- TileAndVectorize.cpp - The aotc-tile-and-vectorize pass ------------===//
//
// Contractions carry almost all of the FLOPs of the models we compile, so
// they get an explicit register-tiled, vectorized micro-kernel. The rest
// (elementwise, pooling, depthwise convolution, im2col) is memory-bound and
// is left as loops ordered so that LLVM's loop vectorizer finds a
// contiguous innermost loop.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace aotc {
#define GEN_PASS_DEF_TILEANDVECTORIZEPASS
#include "passes/Passes.h.inc"
} // namespace aotc

using namespace mlir;

namespace {

/// A 1x1, stride-1 convolution is already a contraction over channels:
/// collapses the spatial dimensions instead of copying the input into im2col
/// form. out[n, f, p] += w[f, c] * in[n, c, p].
LogicalResult rewritePointwiseConvolution(RewriterBase &rewriter,
                                          linalg::Conv2DNchwFchwOp conv) {
  Value input = conv.getInputs()[0], filter = conv.getInputs()[1];
  Value init = conv.getOutputs()[0];
  auto filterType = cast<RankedTensorType>(filter.getType());
  auto inputType = cast<RankedTensorType>(input.getType());
  if (filterType.getDimSize(2) != 1 || filterType.getDimSize(3) != 1 ||
      !isa<FloatType>(inputType.getElementType()) ||
      !inputType.hasStaticShape() ||
      !llvm::all_of(conv.getStrides().getValues<int64_t>(),
                    [](int64_t stride) { return stride == 1; }))
    return failure();

  Location loc = conv.getLoc();
  rewriter.setInsertionPoint(conv);
  SmallVector<ReassociationIndices> spatial = {{0}, {1}, {2, 3}};
  Value weights = tensor::CollapseShapeOp::create(
      rewriter, loc, filter, SmallVector<ReassociationIndices>{{0}, {1, 2, 3}});
  Value pixels = tensor::CollapseShapeOp::create(rewriter, loc, input, spatial);
  Value accumulator =
      tensor::CollapseShapeOp::create(rewriter, loc, init, spatial);

  MLIRContext *context = rewriter.getContext();
  AffineExpr n, f, p, c;
  bindDims(context, n, f, p, c);
  auto map = [&](ArrayRef<AffineExpr> results) {
    return AffineMap::get(4, 0, results, context);
  };
  SmallVector<utils::IteratorType> iterators(3, utils::IteratorType::parallel);
  iterators.push_back(utils::IteratorType::reduction);
  auto contraction = linalg::GenericOp::create(
      rewriter, loc, accumulator.getType(), ValueRange{weights, pixels},
      ValueRange{accumulator},
      ArrayRef<AffineMap>{map({f, c}), map({n, c, p}), map({n, f, p})},
      iterators, [](OpBuilder &b, Location loc, ValueRange args) {
        Value product = arith::MulFOp::create(b, loc, args[0], args[1]);
        Value sum = arith::AddFOp::create(b, loc, args[2], product);
        linalg::YieldOp::create(b, loc, sum);
      });
  rewriter.replaceOpWithNewOp<tensor::ExpandShapeOp>(
      conv, conv.getResultTypes()[0], contraction.getResult(0), spatial);
  return success();
}

/// Rewrites NCHW/FCHW 2-D convolutions into contractions with the filter as
/// the left operand: directly for pointwise ones, through im2col otherwise.
void rewriteConvolutionsToIm2Col(func::FuncOp func) {
  IRRewriter rewriter(func.getContext());
  SmallVector<linalg::Conv2DNchwFchwOp> convs;
  func.walk([&](linalg::Conv2DNchwFchwOp conv) { convs.push_back(conv); });
  for (linalg::Conv2DNchwFchwOp conv : convs) {
    if (!conv.hasPureTensorSemantics())
      continue;
    if (succeeded(rewritePointwiseConvolution(rewriter, conv)))
      continue;
    rewriter.setInsertionPoint(conv);
    // Leaves the op as it is when the rewrite does not apply.
    (void)linalg::rewriteInIm2Col(rewriter, conv);
  }
}

/// Tile sizes for `op`: the innermost M, N and K dimensions get the register
/// tile (at most the dimension's size), every other dimension 1.
SmallVector<int64_t>
getContractionTileSizes(linalg::LinalgOp op,
                        const linalg::ContractionDimensions &dims,
                        ArrayRef<int64_t> tile) {
  SmallVector<int64_t> ranges = op.getStaticLoopRanges();
  SmallVector<int64_t> sizes(ranges.size(), 1);
  auto setInnermost = [&](ArrayRef<unsigned> group, int64_t size) {
    if (!group.empty())
      sizes[group.back()] = std::min(size, ranges[group.back()]);
  };
  setInnermost(dims.m, tile[0]);
  setInnermost(dims.n, tile[1]);
  setInnermost(dims.k, tile[2]);
  return sizes;
}

/// Marks the generics of aotc-pack-weights: C[m][n1][n0] += A[m][k] *
/// Bp[n1][k][n0].
constexpr StringLiteral kPackedAttr = "aotc.packed_weight";

bool isPackedContraction(linalg::LinalgOp op) {
  return op->hasAttr(kPackedAttr) && op.getNumLoops() == 4 &&
         op.getNumDpsInputs() == 2;
}

/// The register tile of a packed contraction, loops (m, n1, n0, k): mr rows
/// by one panel; when M is smaller than mr (GEMV: M = 1), several panels
/// instead, so that the accumulators and independent load streams stay
/// about as many as a full tile has. The loop order keeps the smaller
/// operand in cache while the other streams once: panels outside rows when
/// A is the smaller (every panel then meets all of A), rows outside
/// otherwise.
void getPackedTiling(linalg::LinalgOp op, ArrayRef<int64_t> tile,
                     int64_t gemvPanels, SmallVectorImpl<int64_t> &sizes,
                     SmallVectorImpl<int64_t> &interchange) {
  SmallVector<int64_t> ranges = op.getStaticLoopRanges();
  int64_t m = ranges[0], panels = ranges[1], nr = ranges[2], k = ranges[3];
  int64_t rows = std::min(tile[0], m);
  int64_t panelTile = m == 1 ? gemvPanels : std::max<int64_t>(1, tile[0] / m);
  sizes.assign({rows, std::min(panelTile, panels), nr, 1});
  if (m * k <= panels * k * nr)
    interchange.assign({1, 0, 2, 3});
  else
    interchange.assign({0, 1, 2, 3});
}

/// Tiles a static contraction to the register tile and peels the partial
/// last tile of every loop, so that both the full tiles and the remainder
/// have static shapes (vectorized later without masks).
LogicalResult tileContraction(RewriterBase &rewriter, linalg::LinalgOp op,
                              ArrayRef<int64_t> tile, int64_t gemvPanels) {
  FailureOr<linalg::ContractionDimensions> dims =
      linalg::inferContractionDims(op);
  if (failed(dims) || !op.hasPureTensorSemantics() ||
      llvm::any_of(op.getStaticLoopRanges(), ShapedType::isDynamic))
    return failure();
  SmallVector<int64_t> sizes, interchange;
  if (isPackedContraction(op))
    getPackedTiling(op, tile, gemvPanels, sizes, interchange);
  else
    sizes = getContractionTileSizes(op, *dims, tile);

  scf::SCFTilingOptions options;
  options.setTileSizes(getAsIndexOpFoldResult(rewriter.getContext(), sizes));
  if (!interchange.empty())
    options.setInterchange(interchange);
  rewriter.setInsertionPoint(op);
  FailureOr<scf::SCFTilingResult> tiled = scf::tileUsingSCF(
      rewriter, cast<TilingInterface>(op.getOperation()), options);
  if (failed(tiled))
    return failure();
  rewriter.replaceOp(op, tiled->replacements);
  for (LoopLikeOpInterface loop : tiled->loops) {
    auto forOp = dyn_cast<scf::ForOp>(loop.getOperation());
    scf::ForOp partial;
    if (forOp)
      (void)scf::peelForLoopAndSimplifyBounds(rewriter, forOp, partial);
  }
  return success();
}

/// Folds the constant tile sizes that peeling exposed into static types.
void canonicalize(func::FuncOp func) {
  MLIRContext *context = func.getContext();
  RewritePatternSet patterns(context);
  for (Dialect *dialect : context->getLoadedDialects())
    dialect->getCanonicalizationPatterns(patterns);
  for (RegisteredOperationName op : context->getRegisteredOperations())
    op.getCanonicalizationPatterns(patterns, context);
  (void)applyPatternsGreedily(func, std::move(patterns));
}

/// Vectorizes a tiled contraction whose shape is static.
void vectorizeContraction(RewriterBase &rewriter, linalg::LinalgOp op) {
  if (llvm::any_of(op.getStaticLoopRanges(), ShapedType::isDynamic))
    return;
  rewriter.setInsertionPoint(op);
  FailureOr<linalg::VectorizationResult> vectorized = linalg::vectorize(
      rewriter, op, /*inputVectorSizes=*/{}, /*inputScalableVecDims=*/{},
      /*vectorizeNDExtract=*/false, /*flatten1DDepthwiseConv=*/false,
      /*assumeDynamicDimsMatchVecSizes=*/false,
      /*createNamedContraction=*/true);
  if (failed(vectorized))
    return; // Tiled scalar code is still correct.
  bool packed = isPackedContraction(op);
  Block *block = op->getBlock();
  if (!vectorized->replacements.empty())
    rewriter.replaceOp(op, vectorized->replacements);
  else
    rewriter.eraseOp(op);
  if (!packed)
    return;
  // The generic vectorizes as broadcasts, a multiply and a reduction over
  // k: fold them into a vector.contract, which lowers to broadcast FMAs on
  // the panel's vector.
  RewritePatternSet patterns(rewriter.getContext());
  vector::populateVectorReductionToContractPatterns(patterns);
  vector::populateVectorTransferPermutationMapLoweringPatterns(patterns);
  vector::populateSinkVectorOpsPatterns(patterns);
  SmallVector<Operation *> ops;
  for (Operation &nested : *block)
    ops.push_back(&nested);
  (void)applyOpPatternsGreedily(ops, std::move(patterns));
}

/// Generalizes `op` and moves its reduction loops outside its parallel ones,
/// keeping as innermost loop the parallel dimension that indexes the
/// output's last (contiguous) dimension.
void orderLoopsForVectorization(RewriterBase &rewriter, linalg::LinalgOp op) {
  if (op.getNumDpsInits() != 1 || op.getNumLoops() < 2)
    return;
  AffineMap outputMap = op.getMatchingIndexingMap(op.getDpsInitOperand(0));
  if (outputMap.getNumResults() == 0)
    return;
  auto innermost = dyn_cast<AffineDimExpr>(outputMap.getResults().back());
  if (!innermost)
    return;
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  SmallVector<unsigned> order;
  // Parallel dimensions first (outermost), then reductions, then the
  // contiguous output dimension.
  for (unsigned d = 0; d < iterators.size(); ++d)
    if (iterators[d] == utils::IteratorType::parallel &&
        d != innermost.getPosition())
      order.push_back(d);
  for (unsigned d = 0; d < iterators.size(); ++d)
    if (iterators[d] == utils::IteratorType::reduction)
      order.push_back(d);
  order.push_back(innermost.getPosition());
  if (llvm::equal(order, llvm::seq<unsigned>(0, iterators.size())))
    return;

  rewriter.setInsertionPoint(op);
  auto generic = dyn_cast<linalg::GenericOp>(op.getOperation());
  if (!generic) {
    FailureOr<linalg::GenericOp> generalized =
        linalg::generalizeNamedOp(rewriter, op);
    if (failed(generalized))
      return;
    generic = *generalized;
  }
  (void)linalg::interchangeGenericOp(rewriter, generic, order);
}

struct TileAndVectorizePass
    : aotc::impl::TileAndVectorizePassBase<TileAndVectorizePass> {
  using TileAndVectorizePassBase::TileAndVectorizePassBase;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (matmulTile.size() != 3 ||
        llvm::any_of(matmulTile, [](int64_t s) { return s <= 0; })) {
      func.emitError("matmul-tile must be three positive sizes M,N,K");
      return signalPassFailure();
    }
    if (gemvPanels <= 0) {
      func.emitError("gemv-panels must be positive");
      return signalPassFailure();
    }
    rewriteConvolutionsToIm2Col(func);

    IRRewriter rewriter(&getContext());
    SmallVector<linalg::LinalgOp> ops;
    func.walk([&](linalg::LinalgOp op) { ops.push_back(op); });
    for (linalg::LinalgOp op : ops) {
      if (linalg::isaContractionOpInterface(op) &&
          succeeded(tileContraction(rewriter, op, matmulTile, gemvPanels)))
        continue;
      if (!isa<linalg::FillOp, linalg::CopyOp>(op))
        orderLoopsForVectorization(rewriter, op);
    }

    canonicalize(func);
    SmallVector<linalg::LinalgOp> tiles;
    func.walk([&](linalg::LinalgOp op) {
      if (linalg::isaContractionOpInterface(op) &&
          op->getParentOfType<scf::ForOp>())
        tiles.push_back(op);
    });
    for (linalg::LinalgOp op : tiles)
      vectorizeContraction(rewriter, op);
  }
};

} // namespace
