//===- PackWeights.cpp - The aotc-pack-weights pass -----------------------===//
//
// Data tiling of constant weights: a contraction C[m.., n] += A[m.., k] *
// B[k, n] whose B is a constant gets B packed, at compile time, into the
// panel layout the register micro-kernel streams, Bp[N/nr][K][nr] (zero
// padded to a multiple of nr). Each k step of a tile then loads nr
// consecutive floats of one panel: a transposed weight (Gemm transB, as
// torch exports nn.Linear) is only another order of reading B here, never a
// strided load at run time. The contraction becomes a generic over
// (m, n1, n0, k) writing C viewed as [M][N/nr][nr], the same bytes as
// row-major C (when N is a multiple of nr).
//
//===----------------------------------------------------------------------===//

#include "passes/Codegen/Contraction.h"
#include "passes/Passes.h"

#include "mlir/Dialect/Linalg/Utils/Utils.h"
#include "mlir/Dialect/Tensor/Utils/Utils.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/DenseMap.h"

namespace aotc {
#define GEN_PASS_DEF_PACKWEIGHTSPASS
#include "passes/Passes.h.inc"
} // namespace aotc

using namespace mlir;

namespace {

/// A contraction that can take a packed weight: which input is the
/// constant, and whether that constant is laid out [N][K] (transposed).
struct PackableContraction {
  linalg::LinalgOp op;
  unsigned weightInput;
  bool transposed;
  int64_t m, n, k;
};

/// Whether `map`'s results are exactly `dims`, in order.
bool readsInOrder(AffineMap map, ArrayRef<unsigned> dims) {
  if (map.getNumResults() != dims.size())
    return false;
  for (auto [result, dim] : llvm::zip(map.getResults(), dims))
    if (!result.isFunctionOfDim(dim) || !isa<AffineDimExpr>(result))
      return false;
  return true;
}

/// Matches C[m.., n] += A[m.., k] * B[k, n] (or B[n, k]) with a constant
/// 2-D B, static shapes, f32, and the m dims in order in both A and C.
std::optional<PackableContraction> matchPackable(linalg::LinalgOp op) {
  if (!op.hasPureTensorSemantics() || op.getNumDpsInputs() != 2 ||
      op.getNumDpsInits() != 1 || !linalg::isaContractionOpInterface(op) ||
      !aotc::isMultiplyAdd(op) ||
      llvm::any_of(op.getStaticLoopRanges(), ShapedType::isDynamic))
    return std::nullopt;
  FailureOr<linalg::ContractionDimensions> dims =
      linalg::inferContractionDims(op);
  if (failed(dims) || !dims->batch.empty() || dims->n.size() != 1 ||
      dims->k.size() != 1 || dims->m.empty())
    return std::nullopt;
  unsigned n = dims->n.front(), k = dims->k.front();
  for (unsigned input = 0; input < 2; ++input) {
    Value weight = op.getDpsInputs()[input];
    if (!matchPattern(weight, m_Constant()))
      continue;
    AffineMap weightMap = op.getIndexingMapsArray()[input];
    AffineMap activationMap = op.getIndexingMapsArray()[1 - input];
    SmallVector<unsigned> activationDims(dims->m.begin(), dims->m.end());
    SmallVector<unsigned> outDims(activationDims);
    activationDims.push_back(k);
    outDims.push_back(n);
    bool transposed = readsInOrder(weightMap, {n, k});
    if (!transposed && !readsInOrder(weightMap, {k, n}))
      continue;
    if (!readsInOrder(activationMap, activationDims) ||
        !readsInOrder(op.getIndexingMapsArray()[2], outDims))
      continue;
    SmallVector<int64_t> ranges = op.getStaticLoopRanges();
    int64_t m = 1;
    for (unsigned d : dims->m)
      m *= ranges[d];
    return PackableContraction{op, input, transposed, m, ranges[n], ranges[k]};
  }
  return std::nullopt;
}

/// The f32 elements of a constant, from a dense resource's blob or a dense
/// attribute.
std::optional<SmallVector<float>> readConstant(Value value) {
  Attribute attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return std::nullopt;
  auto type = cast<ShapedType>(value.getType());
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob ||
        blob->getData().size() != size_t(type.getNumElements()) * sizeof(float))
      return std::nullopt;
    ArrayRef<float> floats = blob->getDataAs<float>();
    return SmallVector<float>(floats.begin(), floats.end());
  }
  auto dense = dyn_cast<DenseElementsAttr>(attr);
  if (!dense)
    return std::nullopt;
  auto values = dense.getValues<float>();
  return SmallVector<float>(values.begin(), values.end());
}

/// Bp[n1][k][n0] = B[k][n1 * nr + n0] (or B[n][k] when transposed), zero
/// where n1 * nr + n0 >= N.
SmallVector<float> packPanels(ArrayRef<float> weight, int64_t k, int64_t n,
                              int64_t nr, bool transposed) {
  int64_t panels = llvm::divideCeil(n, nr);
  SmallVector<float> packed(panels * k * nr, 0.0f);
  for (int64_t p = 0; p < panels; ++p)
    for (int64_t kk = 0; kk < k; ++kk)
      for (int64_t c = 0; c < nr && p * nr + c < n; ++c) {
        int64_t col = p * nr + c;
        packed[(p * k + kk) * nr + c] =
            transposed ? weight[col * k + kk] : weight[kk * n + col];
      }
  return packed;
}

struct PackWeightsPass : aotc::impl::PackWeightsPassBase<PackWeightsPass> {
  using PackWeightsPassBase::PackWeightsPassBase;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (panelWidth <= 0) {
      func.emitError("panel-width must be positive");
      return signalPassFailure();
    }
    packedWeights.clear();
    SmallVector<PackableContraction> candidates;
    func.walk([&](linalg::LinalgOp op) {
      if (std::optional<PackableContraction> match = matchPackable(op))
        candidates.push_back(*match);
    });
    IRRewriter rewriter(&getContext());
    for (PackableContraction &candidate : candidates)
      pack(rewriter, candidate);
  }

  /// The packed constant of `weight`, created once per weight and layout
  /// (tied weights of several contractions share it).
  Value getPackedWeight(RewriterBase &rewriter, PackableContraction c) {
    Value weight = c.op.getDpsInputs()[c.weightInput];
    auto key = std::make_pair(weight, unsigned(c.transposed));
    if (Value packed = packedWeights.lookup(key))
      return packed;
    std::optional<SmallVector<float>> values = readConstant(weight);
    if (!values)
      return {};
    SmallVector<float> packed =
        packPanels(*values, c.k, c.n, panelWidth, c.transposed);
    int64_t nr = panelWidth;
    int64_t panels = llvm::divideCeil(c.n, nr);
    auto type = RankedTensorType::get({panels, c.k, nr}, rewriter.getF32Type());
    std::string name = "packed";
    if (auto resource = dyn_cast<DenseResourceElementsAttr>(
            weight.getDefiningOp<arith::ConstantOp>().getValue()))
      name = (resource.getRawHandle().getKey() + ".packed").str();
    auto attr = DenseResourceElementsAttr::get(
        type, name,
        HeapAsmResourceBlob::allocateAndCopyInferAlign(
            ArrayRef<float>(packed)));
    OpBuilder::InsertionGuard guard(rewriter);
    rewriter.setInsertionPointAfter(weight.getDefiningOp());
    Value result =
        arith::ConstantOp::create(rewriter, weight.getLoc(), type, attr);
    packedWeights[key] = result;
    return result;
  }

  void pack(RewriterBase &rewriter, PackableContraction c) {
    Value packedWeight = getPackedWeight(rewriter, c);
    if (!packedWeight)
      return;
    linalg::LinalgOp op = c.op;
    Location loc = op.getLoc();
    MLIRContext *context = op.getContext();
    int64_t nr = panelWidth, panels = llvm::divideCeil(c.n, nr);
    int64_t paddedN = panels * nr;
    Type f32 = rewriter.getF32Type();
    rewriter.setInsertionPoint(op);

    // A as [M][K] and C as [M][N]: collapse the m dims.
    auto collapseLeading = [&](Value value, int64_t rows) -> Value {
      auto type = cast<RankedTensorType>(value.getType());
      if (type.getRank() == 2)
        return value;
      ReassociationIndices leading;
      for (int64_t d = 0; d + 1 < type.getRank(); ++d)
        leading.push_back(d);
      return tensor::CollapseShapeOp::create(
          rewriter, loc,
          RankedTensorType::get({rows, type.getShape().back()}, f32), value,
          SmallVector<ReassociationIndices>{leading, {type.getRank() - 1}});
    };
    Value activation =
        collapseLeading(op.getDpsInputs()[1 - c.weightInput], c.m);
    Value init = collapseLeading(op.getDpsInits()[0], c.m);
    if (paddedN != c.n) {
      // The padded columns are computed and dropped: any start value does.
      // A filled start is filled at the padded size instead of copied.
      auto paddedType = RankedTensorType::get({c.m, paddedN}, f32);
      auto fill = init.getDefiningOp<linalg::FillOp>();
      if (fill && fill.hasPureTensorSemantics()) {
        Value empty =
            tensor::EmptyOp::create(rewriter, loc, paddedType.getShape(), f32);
        init = linalg::FillOp::create(rewriter, loc, fill.value(), empty)
                   .getResult(0);
      } else {
        Value zero = arith::ConstantOp::create(rewriter, loc, f32,
                                               rewriter.getF32FloatAttr(0));
        init = tensor::createPadHighOp(paddedType, init, zero,
                                       /*nofold=*/false, loc, rewriter);
      }
    }
    auto tiledType = RankedTensorType::get({c.m, panels, nr}, f32);
    init = tensor::ExpandShapeOp::create(
        rewriter, loc, tiledType, init,
        SmallVector<ReassociationIndices>{{0}, {1, 2}});

    AffineExpr m, n1, n0, k;
    bindDims(context, m, n1, n0, k);
    auto map = [&](ArrayRef<AffineExpr> results) {
      return AffineMap::get(4, 0, results, context);
    };
    SmallVector<Value> inputs(2);
    SmallVector<AffineMap> maps(3);
    inputs[c.weightInput] = packedWeight;
    maps[c.weightInput] = map({n1, k, n0});
    inputs[1 - c.weightInput] = activation;
    maps[1 - c.weightInput] = map({m, k});
    maps[2] = map({m, n1, n0});
    SmallVector<utils::IteratorType> iterators(3,
                                               utils::IteratorType::parallel);
    iterators.push_back(utils::IteratorType::reduction);
    auto packed = linalg::GenericOp::create(
        rewriter, loc, tiledType, inputs, ValueRange{init}, maps, iterators,
        [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
          IRMapping mapping;
          mapping.map(op.getBlock()->getArguments(), args);
          for (Operation &nested : op.getBlock()->without_terminator())
            b.clone(nested, mapping);
          linalg::YieldOp::create(
              b, bodyLoc,
              mapping.lookup(op.getBlock()->getTerminator()->getOperand(0)));
        });
    packed->setAttr(kPackedAttr, rewriter.getUnitAttr());

    Value result = tensor::CollapseShapeOp::create(
        rewriter, loc, RankedTensorType::get({c.m, paddedN}, f32),
        packed.getResult(0), SmallVector<ReassociationIndices>{{0}, {1, 2}});
    if (paddedN != c.n)
      result = tensor::ExtractSliceOp::create(
          rewriter, loc, RankedTensorType::get({c.m, c.n}, f32), result,
          getAsIndexOpFoldResult(context, {0, 0}),
          getAsIndexOpFoldResult(context, {c.m, c.n}),
          getAsIndexOpFoldResult(context, {1, 1}));
    auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
    if (resultType.getRank() != 2) {
      ReassociationIndices leading;
      for (int64_t d = 0; d + 1 < resultType.getRank(); ++d)
        leading.push_back(d);
      result = tensor::ExpandShapeOp::create(
          rewriter, loc, resultType, result,
          SmallVector<ReassociationIndices>{leading,
                                            {resultType.getRank() - 1}});
    }
    rewriter.replaceOp(op, result);
  }

  static constexpr StringLiteral kPackedAttr = "aotc.packed_weight";
  /// Packed constants by (weight, transposed).
  llvm::DenseMap<std::pair<Value, unsigned>, Value> packedWeights;
};

} // namespace
