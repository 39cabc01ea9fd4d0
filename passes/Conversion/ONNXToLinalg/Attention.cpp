//===- Attention.cpp - onnx to linalg: the fused attention op -------------===//
//
// aotc.Attention (made by aotc-graph-opt) as three kernels over the batch
// dimensions:
//   S = Q K^T             a batch_matmul over the collapsed batch, on keys
//                         copied to [..., D, N] so that its vector loads
//                         are contiguous;
//   E = exp(scale * S + mask - max), l = sum(E)
//                         the softmax with the scale and the mask applied
//                         where the scores are read;
//   Y = (E V) / l         the second batch_matmul, normalized afterwards on
//                         the smaller [..., M, E] result instead of on E.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ONNXToLinalg/LoweringUtils.h"
#include "passes/Conversion/ONNXToLinalg/Patterns.h"

#include "dialects/ONNX/IR/ONNXDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace aotc;

namespace {

using utils::IteratorType;

/// `lhs` [P, M, K] times `rhs` ([P, K, N], or [P, N, K] when `transposeRhs`)
/// as a `linalg.batch_matmul` from zero. A transposed `rhs` is copied into
/// [P, K, N] first: the register-tiled contraction loads rows of N as
/// vectors, and reading them from [P, N, K] would make every load strided,
/// while the copy costs N*K of the M*N*K multiply-adds.
Value buildBatchMatmul(OpBuilder &b, Location loc, Value lhs, Value rhs,
                       bool transposeRhs, RankedTensorType resultType) {
  Type elementType = resultType.getElementType();
  if (transposeRhs) {
    ArrayRef<int64_t> shape = cast<RankedTensorType>(rhs.getType()).getShape();
    Value init = tensor::EmptyOp::create(
        b, loc, ArrayRef<int64_t>{shape[0], shape[2], shape[1]}, elementType);
    rhs = linalg::TransposeOp::create(b, loc, rhs, init,
                                      ArrayRef<int64_t>{0, 2, 1})
              .getResult()[0];
  }
  Value init =
      createFilled(b, loc, resultType, createScalar(b, loc, elementType, 0));
  return linalg::BatchMatmulOp::create(b, loc, TypeRange{resultType},
                                       ValueRange{lhs, rhs}, ValueRange{init})
      .getResult(0);
}

/// `value` [batch..., rows, cols] with its batch dimensions collapsed into
/// one.
Value collapseBatch(OpBuilder &b, Location loc, Value value) {
  auto type = cast<RankedTensorType>(value.getType());
  ArrayRef<int64_t> shape = type.getShape();
  int64_t count = 1;
  for (int64_t d : shape.drop_back(2))
    count *= d;
  return reshapeTo(
      b, loc, value,
      RankedTensorType::get({count, shape[shape.size() - 2], shape.back()},
                            type.getElementType()));
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
    // S[b, m, n] = sum_d Q[b, m, d] K[b, n, d], over the batch collapsed.
    SmallVector<int64_t> scoresShape(qType.getShape().drop_back());
    scoresShape.push_back(kType.getDimSize(batch));
    auto scoresType = RankedTensorType::get(scoresShape, elementType);
    Value q3 = collapseBatch(rewriter, loc, q);
    Value k3 = collapseBatch(rewriter, loc, k);
    auto q3Type = cast<RankedTensorType>(q3.getType());
    Value scores3 = buildBatchMatmul(
        rewriter, loc, q3, k3, /*transposeRhs=*/true,
        RankedTensorType::get(
            {q3Type.getDimSize(0), q3Type.getDimSize(1), scoresShape.back()},
            elementType));
    Value scores = reshapeTo(rewriter, loc, scores3, scoresType);

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

    // Y[b, m, e] = (sum_n E[b, m, n] V[b, n, e]) / l[b, m].
    Value v3 = collapseBatch(rewriter, loc, v);
    auto v3Type = cast<RankedTensorType>(v3.getType());
    Value product3 = buildBatchMatmul(
        rewriter, loc, collapseBatch(rewriter, loc, exp), v3,
        /*transposeRhs=*/false,
        RankedTensorType::get(
            {q3Type.getDimSize(0), q3Type.getDimSize(1), v3Type.getDimSize(2)},
            elementType));
    Value product = reshapeTo(rewriter, loc, product3, resultType);
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
