//===- Attention.cpp - onnx to linalg: the fused attention op -------------===//
//
// aotc.Attention (made by aotc-graph-opt) as three kernels over the batch
// dimensions:
//   S = Q K^T             a contraction that reads K [..., N, D] by index,
//                         so transposed keys never exist in memory;
//   E = exp(scale * S + mask - max), l = sum(E)
//                         the softmax with the scale and the mask applied
//                         where the scores are read;
//   Y = (E V) / l         the second contraction, normalized afterwards on
//                         the smaller [..., M, E] result instead of on E.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ONNXToLinalg/LoweringUtils.h"
#include "passes/Conversion/ONNXToLinalg/Patterns.h"

#include "dialects/ONNX/IR/ONNXDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;
using namespace aotc;

namespace {

using utils::IteratorType;

/// A contraction over loops (batch..., i, j, r) with `r` reduced:
/// out[batch, i, j] += lhs[lhsMap] * rhs[rhsMap], from zero.
Value buildContraction(OpBuilder &b, Location loc, Value lhs, Value rhs,
                       AffineMap lhsMap, AffineMap rhsMap,
                       RankedTensorType resultType) {
  int64_t loops = resultType.getRank() + 1;
  SmallVector<IteratorType> iterators(loops - 1, IteratorType::parallel);
  iterators.push_back(IteratorType::reduction);
  AffineMap outMap = getProjectionMap(b.getContext(), loops, {loops - 1});
  Value init = createFilled(
      b, loc, resultType, createScalar(b, loc, resultType.getElementType(), 0));
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{resultType}, ValueRange{lhs, rhs}, ValueRange{init},
      ArrayRef<AffineMap>{lhsMap, rhsMap, outMap}, iterators,
      [](OpBuilder &nb, Location l, ValueRange args) {
        Value product = arith::MulFOp::create(nb, l, args[0], args[1]);
        linalg::YieldOp::create(
            nb, l, Value(arith::AddFOp::create(nb, l, args[2], product)));
      });
  return generic.getResult(0);
}

/// The map from `loops` loops to the given loop dimensions.
AffineMap selectDims(MLIRContext *context, int64_t loops,
                     ArrayRef<int64_t> dims) {
  SmallVector<AffineExpr> exprs;
  for (int64_t d : dims)
    exprs.push_back(getAffineDimExpr(d, context));
  return AffineMap::get(loops, 0, exprs, context);
}

struct AttentionLowering : OpConversionPattern<onnx::AotcAttentionOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::AotcAttentionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    Value q = adaptor.getQ(), k = adaptor.getK(), v = adaptor.getV();
    Value mask = adaptor.getMask();
    auto qType = cast<RankedTensorType>(q.getType());
    auto kType = cast<RankedTensorType>(k.getType());
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getY());
    Type elementType = resultType.getElementType();
    if (!isa<FloatType>(elementType))
      return emitUnsupported(op, "non-float element types");
    int64_t rank = qType.getRank();
    int64_t batch = rank - 2;
    SmallVector<int64_t> batchDims = llvm::to_vector(llvm::seq<int64_t>(batch));
    auto withBatch = [&](std::initializer_list<int64_t> dims) {
      SmallVector<int64_t> all(batchDims);
      all.append(dims);
      return all;
    };

    // S[b, m, n] = sum_d Q[b, m, d] K[b, n, d]; loops (b, m, n, d).
    SmallVector<int64_t> scoresShape(qType.getShape().drop_back());
    scoresShape.push_back(kType.getDimSize(batch));
    auto scoresType = RankedTensorType::get(scoresShape, elementType);
    int64_t m = batch, n = batch + 1, r = batch + 2;
    Value scores = buildContraction(
        rewriter, loc, q, k, selectDims(context, rank + 1, withBatch({m, r})),
        selectDims(context, rank + 1, withBatch({n, r})), scoresType);

    // Softmax along n of scale * S + mask; loops (b, m, n).
    double scale = op.getScale().convertToDouble();
    AffineMap identity = rewriter.getMultiDimIdentityMap(rank);
    AffineMap rowMap = getProjectionMap(context, rank, {rank - 1});
    SmallVector<Value> logitInputs = {scores};
    SmallVector<AffineMap> logitMaps = {identity};
    if (mask) {
      logitInputs.push_back(mask);
      logitMaps.push_back(getBroadcastMap(
          context, cast<RankedTensorType>(mask.getType()).getShape(),
          scoresShape));
    }
    auto logit = [&](OpBuilder &b, Location l, ValueRange args) {
      Value x = arith::MulFOp::create(b, l, args[0],
                                      createScalar(b, l, elementType, scale));
      if (mask)
        x = arith::AddFOp::create(b, l, x, args[1]);
      return x;
    };
    auto rowType =
        RankedTensorType::get(ArrayRef(scoresShape).drop_back(), elementType);
    SmallVector<IteratorType> rowIterators(rank - 1, IteratorType::parallel);
    rowIterators.push_back(IteratorType::reduction);
    SmallVector<AffineMap> maxMaps(logitMaps);
    maxMaps.push_back(rowMap);
    Value max =
        linalg::GenericOp::create(
            rewriter, loc, TypeRange{rowType}, logitInputs,
            ValueRange{createFilled(rewriter, loc, rowType,
                                    createLowest(rewriter, loc, elementType))},
            maxMaps, rowIterators,
            [&](OpBuilder &b, Location l, ValueRange args) {
              Value x = logit(b, l, args.drop_back());
              linalg::YieldOp::create(
                  b, l, Value(arith::MaximumFOp::create(b, l, args.back(), x)));
            })
            .getResult(0);
    SmallVector<Value> expInputs(logitInputs);
    expInputs.push_back(max);
    SmallVector<AffineMap> expMaps(logitMaps);
    expMaps.push_back(rowMap);
    Value exp = buildGeneric(rewriter, loc, scoresType, expInputs, expMaps,
                             [&](OpBuilder &b, Location l, ValueRange args) {
                               Value x = logit(b, l, args.drop_back());
                               Value shifted =
                                   arith::SubFOp::create(b, l, x, args.back());
                               return (Value)math::ExpOp::create(b, l, shifted);
                             });
    Value sum =
        buildReduction(rewriter, loc, exp, {rank - 1},
                       createScalar(rewriter, loc, elementType, 0),
                       [](OpBuilder &b, Location l, Value in, Value acc) {
                         return (Value)arith::AddFOp::create(b, l, in, acc);
                       });

    // Y[b, m, e] = (sum_n E[b, m, n] V[b, n, e]) / l[b, m]; loops (b, m, e, n).
    int64_t e = batch + 1;
    Value product = buildContraction(
        rewriter, loc, exp, v, selectDims(context, rank + 1, withBatch({m, r})),
        selectDims(context, rank + 1, withBatch({r, e})), resultType);
    Value result = buildGeneric(
        rewriter, loc, resultType, {product, sum}, {identity, rowMap},
        [](OpBuilder &b, Location l, ValueRange args) {
          return (Value)arith::DivFOp::create(b, l, args[0], args[1]);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void aotc::populateAttentionPatterns(TypeConverter &converter,
                                     RewritePatternSet &patterns) {
  patterns.add<AttentionLowering>(converter, patterns.getContext());
}
