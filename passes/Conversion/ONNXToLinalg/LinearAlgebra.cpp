//===- LinearAlgebra.cpp - onnx to linalg: MatMul, Gemm -------------------===//
//
// MatMul follows numpy: 1-D operands get a unit dimension that the result
// drops again, a 2-D right operand is applied to the collapsed batch of the
// left one with one `linalg.matmul`, and otherwise both operands are
// broadcast to the result's batch dimensions, which are collapsed into the
// one batch dimension of `linalg.batch_matmul`. Gemm is one `linalg.matmul`
// whose indexing maps express transA/transB; with alpha = beta = 1 it
// accumulates onto the broadcast C, otherwise one generic after it applies
// alpha, beta and C.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ONNXToLinalg/LoweringUtils.h"
#include "passes/Conversion/ONNXToLinalg/Patterns.h"

#include "dialects/ONNX/IR/ONNXDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace aotc;

namespace {

RankedTensorType withShape(RankedTensorType type, ArrayRef<int64_t> shape) {
  return RankedTensorType::get(shape, type.getElementType());
}

/// A zero-filled accumulator of `type`.
Value createZeroAccumulator(OpBuilder &b, Location loc, RankedTensorType type) {
  return createFilled(b, loc, type,
                      createScalar(b, loc, type.getElementType(), 0.0));
}

/// `operand` ([batch..., rows, cols] or [rows, cols]) broadcast to the batch
/// dimensions `batch` and collapsed to [prod(batch), rows, cols].
Value toBatch3D(OpBuilder &b, Location loc, Value operand,
                ArrayRef<int64_t> batch) {
  auto type = cast<RankedTensorType>(operand.getType());
  ArrayRef<int64_t> shape = type.getShape();
  SmallVector<int64_t> full(batch);
  full.append(shape.end() - 2, shape.end());
  if (shape != ArrayRef<int64_t>(full))
    operand = buildElementwise(
        b, loc, withShape(type, full), operand,
        [](OpBuilder &, Location, ValueRange args) { return args[0]; });
  int64_t count = 1;
  for (int64_t d : batch)
    count *= d;
  return reshapeTo(
      b, loc, operand,
      withShape(type, {count, shape[shape.size() - 2], shape.back()}));
}

struct MatMulLowering : OpConversionPattern<onnx::MatMulOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::MatMulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getY());
    Value lhs = adaptor.getA(), rhs = adaptor.getB();
    auto lhsType = cast<RankedTensorType>(lhs.getType());
    auto rhsType = cast<RankedTensorType>(rhs.getType());
    if (lhsType.getRank() == 0 || rhsType.getRank() == 0)
      return emitUnsupported(op, "0-d operands");

    // Per numpy, a 1-D lhs is a row and a 1-D rhs is a column.
    if (lhsType.getRank() == 1)
      lhs = reshapeTo(rewriter, loc, lhs,
                      withShape(lhsType, {1, lhsType.getDimSize(0)}));
    if (rhsType.getRank() == 1)
      rhs = reshapeTo(rewriter, loc, rhs,
                      withShape(rhsType, {rhsType.getDimSize(0), 1}));
    lhsType = cast<RankedTensorType>(lhs.getType());
    rhsType = cast<RankedTensorType>(rhs.getType());
    int64_t m = lhsType.getDimSize(lhsType.getRank() - 2);
    int64_t n = rhsType.getDimSize(rhsType.getRank() - 1);

    Value product;
    if (rhsType.getRank() == 2) {
      // [batch..., M, K] x [K, N]: one matmul over the collapsed rows.
      int64_t rows = lhsType.getNumElements() / lhsType.getShape().back();
      Value rows2D =
          reshapeTo(rewriter, loc, lhs,
                    withShape(lhsType, {rows, lhsType.getShape().back()}));
      auto productType = withShape(resultType, {rows, n});
      product =
          linalg::MatmulOp::create(
              rewriter, loc, TypeRange{productType}, ValueRange{rows2D, rhs},
              ValueRange{createZeroAccumulator(rewriter, loc, productType)})
              .getResult(0);
    } else {
      // Broadcast both batches to the result's and use batch_matmul.
      int64_t batchRank = std::max(lhsType.getRank(), rhsType.getRank()) - 2;
      SmallVector<int64_t> batch(batchRank, 1);
      for (RankedTensorType type : {lhsType, rhsType}) {
        ArrayRef<int64_t> shape = type.getShape().drop_back(2);
        for (auto [i, d] : llvm::enumerate(shape)) {
          int64_t &slot = batch[batchRank - shape.size() + i];
          if (d != 1)
            slot = d;
        }
      }
      Value lhs3D = toBatch3D(rewriter, loc, lhs, batch);
      Value rhs3D = toBatch3D(rewriter, loc, rhs, batch);
      int64_t count = cast<RankedTensorType>(lhs3D.getType()).getDimSize(0);
      auto productType = withShape(resultType, {count, m, n});
      product =
          linalg::BatchMatmulOp::create(
              rewriter, loc, TypeRange{productType}, ValueRange{lhs3D, rhs3D},
              ValueRange{createZeroAccumulator(rewriter, loc, productType)})
              .getResult(0);
    }
    rewriter.replaceOp(op, reshapeTo(rewriter, loc, product, resultType));
    return success();
  }
};

struct GemmLowering : OpConversionPattern<onnx::GemmOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::GemmOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getY());
    Type elementType = resultType.getElementType();
    double alpha = op.getAlpha().convertToDouble();
    double beta = op.getBeta().convertToDouble();
    Value c = adaptor.getC();
    bool addC = c && beta != 0.0;
    if (!isa<FloatType>(elementType) && (alpha != 1.0 || (addC && beta != 1.0)))
      return emitUnsupported(op, "alpha or beta other than 1 on integers");

    // Loops (m, n, k); transA/transB only change the operands' maps.
    AffineExpr m, n, k;
    bindDims(context, m, n, k);
    AffineMap lhsMap = op.getTransA() ? AffineMap::get(3, 0, {k, m}, context)
                                      : AffineMap::get(3, 0, {m, k}, context);
    AffineMap rhsMap = op.getTransB() ? AffineMap::get(3, 0, {n, k}, context)
                                      : AffineMap::get(3, 0, {k, n}, context);
    AffineMap outMap = AffineMap::get(3, 0, {m, n}, context);
    // With alpha = beta = 1 the product accumulates onto C broadcast to
    // [M, N]: the bias costs no pass of its own over the result.
    bool accumulateOntoC = addC && alpha == 1.0 && beta == 1.0;
    Value init = accumulateOntoC
                     ? buildElementwise(rewriter, loc, resultType, c,
                                        [](OpBuilder &, Location,
                                           ValueRange args) { return args[0]; })
                     : createZeroAccumulator(rewriter, loc, resultType);
    auto matmul = linalg::MatmulOp::create(
        rewriter, loc, TypeRange{resultType},
        ValueRange{adaptor.getA(), adaptor.getB()}, ValueRange{init});
    if (op.getTransA() || op.getTransB())
      matmul.setIndexingMapsAttr(
          rewriter.getAffineMapArrayAttr({lhsMap, rhsMap, outMap}));
    Value product = matmul.getResult(0);
    if (accumulateOntoC || (alpha == 1.0 && !addC)) {
      rewriter.replaceOp(op, product);
      return success();
    }

    // Epilogue: alpha * AB + beta * C, C broadcast to [M, N].
    SmallVector<Value> inputs = {product};
    if (addC)
      inputs.push_back(c);
    Value result = buildElementwise(
        rewriter, loc, resultType, inputs,
        [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
          Value acc = args[0];
          bool isFloat = isa<FloatType>(elementType);
          if (alpha != 1.0)
            acc = arith::MulFOp::create(
                b, bodyLoc, acc, createScalar(b, bodyLoc, elementType, alpha));
          if (args.size() < 2)
            return acc;
          Value addend = args[1];
          if (beta != 1.0)
            addend = arith::MulFOp::create(
                b, bodyLoc, addend,
                createScalar(b, bodyLoc, elementType, beta));
          if (isFloat)
            return (Value)arith::AddFOp::create(b, bodyLoc, acc, addend);
          return (Value)arith::AddIOp::create(b, bodyLoc, acc, addend);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void aotc::populateLinearAlgebraPatterns(TypeConverter &converter,
                                         RewritePatternSet &patterns) {
  patterns.add<MatMulLowering, GemmLowering>(converter, patterns.getContext());
}
