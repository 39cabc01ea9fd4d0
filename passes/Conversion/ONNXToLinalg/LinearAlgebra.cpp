//===- LinearAlgebra.cpp - onnx to linalg: MatMul, Gemm, Einsum -----------===//
//
// MatMul follows numpy: 1-D operands get a unit dimension that the result
// drops again, a 2-D right operand is applied to the collapsed batch of the
// left one with one `linalg.matmul`, and otherwise both operands are
// broadcast to the result's batch dimensions, which are collapsed into the
// one batch dimension of `linalg.batch_matmul`. Gemm is one `linalg.matmul`
// whose indexing maps express transA/transB; with alpha = beta = 1 it
// accumulates onto the broadcast C, otherwise one generic after it applies
// alpha, beta and C. Einsum is one `linalg.generic` with a loop per index:
// the output's indices parallel, the others reductions, each operand read
// through its subscripts (a repeated index reads a diagonal), the body a
// product accumulated into a zero-filled result.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ONNXToLinalg/LoweringUtils.h"
#include "passes/Conversion/ONNXToLinalg/Patterns.h"
#include "passes/Conversion/ONNXToLinalg/Quantization.h"

#include "dialects/ONNX/IR/ONNXDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "llvm/ADT/StringExtras.h"

#include <map>

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

/// numpy.matmul of `lhs` and `rhs` (rank 1 or more) into `resultType`, in
/// the element type of `resultType` (the operands have it too).
Value buildMatMul(OpBuilder &b, Location loc, Value lhs, Value rhs,
                  RankedTensorType resultType) {
  auto lhsType = cast<RankedTensorType>(lhs.getType());
  auto rhsType = cast<RankedTensorType>(rhs.getType());

  // Per numpy, a 1-D lhs is a row and a 1-D rhs is a column.
  if (lhsType.getRank() == 1)
    lhs =
        reshapeTo(b, loc, lhs, withShape(lhsType, {1, lhsType.getDimSize(0)}));
  if (rhsType.getRank() == 1)
    rhs =
        reshapeTo(b, loc, rhs, withShape(rhsType, {rhsType.getDimSize(0), 1}));
  lhsType = cast<RankedTensorType>(lhs.getType());
  rhsType = cast<RankedTensorType>(rhs.getType());
  int64_t m = lhsType.getDimSize(lhsType.getRank() - 2);
  int64_t n = rhsType.getDimSize(rhsType.getRank() - 1);

  Value product;
  if (rhsType.getRank() == 2) {
    // [batch..., M, K] x [K, N]: one matmul over the collapsed rows.
    int64_t rows = lhsType.getNumElements() / lhsType.getShape().back();
    Value rows2D = reshapeTo(
        b, loc, lhs, withShape(lhsType, {rows, lhsType.getShape().back()}));
    auto productType = withShape(resultType, {rows, n});
    product = linalg::MatmulOp::create(
                  b, loc, TypeRange{productType}, ValueRange{rows2D, rhs},
                  ValueRange{createZeroAccumulator(b, loc, productType)})
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
    Value lhs3D = toBatch3D(b, loc, lhs, batch);
    Value rhs3D = toBatch3D(b, loc, rhs, batch);
    int64_t count = cast<RankedTensorType>(lhs3D.getType()).getDimSize(0);
    auto productType = withShape(resultType, {count, m, n});
    product = linalg::BatchMatmulOp::create(
                  b, loc, TypeRange{productType}, ValueRange{lhs3D, rhs3D},
                  ValueRange{createZeroAccumulator(b, loc, productType)})
                  .getResult(0);
  }
  return reshapeTo(b, loc, product, resultType);
}

struct MatMulLowering : OpConversionPattern<onnx::MatMulOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::MatMulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getY());
    if (cast<RankedTensorType>(adaptor.getA().getType()).getRank() == 0 ||
        cast<RankedTensorType>(adaptor.getB().getType()).getRank() == 0)
      return emitUnsupported(op, "0-d operands");
    rewriter.replaceOp(op, buildMatMul(rewriter, op.getLoc(), adaptor.getA(),
                                       adaptor.getB(), resultType));
    return success();
  }
};

/// The exact i32 product of MatMulInteger and QLinearMatMul: (A - a_zero_point)
/// x (B - b_zero_point), A's zero point per tensor or per row, B's per tensor
/// or per column; null after an error.
template <typename OpTy>
FailureOr<Value> buildIntegerMatMul(OpTy op, OpBuilder &b, Value lhs,
                                    Value lhsZero, Value rhs, Value rhsZero,
                                    ArrayRef<int64_t> resultShape) {
  auto lhsType = cast<RankedTensorType>(lhs.getType());
  auto rhsType = cast<RankedTensorType>(rhs.getType());
  if (lhsType.getRank() < 2 || rhsType.getRank() < 2)
    return emitUnsupported(op, "operands of rank below 2");
  Location loc = op.getLoc();
  FailureOr<Value> a =
      subtractZeroPoint(b, loc, lhs, lhsZero, lhsType.getRank() - 2,
                        isUnsignedElement(op->getOperand(0)));
  FailureOr<Value> c =
      subtractZeroPoint(b, loc, rhs, rhsZero, rhsType.getRank() - 1,
                        isUnsignedElement(op.getB()));
  if (failed(a) || failed(c))
    return emitUnsupported(op, "a zero point neither per tensor nor per "
                               "row (A) or column (B)");
  return buildMatMul(b, loc, *a, *c,
                     RankedTensorType::get(resultShape, b.getI32Type()));
}

/// MatMulInteger: the exact i32 product. QLinearMatMul: that product
/// requantized with a_scale (per tensor or row) x b_scale (per tensor or
/// column) / y_scale.
template <typename OpTy>
struct IntegerMatMulLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getConvertedTensorType(*this->getTypeConverter(), op.getY());
    FailureOr<Value> product = buildIntegerMatMul(
        op, rewriter, adaptor.getA(), adaptor.getAZeroPoint(), adaptor.getB(),
        adaptor.getBZeroPoint(), resultType.getShape());
    if (failed(product))
      return failure();
    Value result = *product;
    if constexpr (std::is_same_v<OpTy, onnx::QLinearMatMulOp>) {
      int64_t rank = resultType.getRank();
      FailureOr<Value> requantized = requantize(
          rewriter, op.getLoc(), result, {adaptor.getAScale(), rank - 2},
          {adaptor.getBScale(), rank - 1}, adaptor.getYScale(),
          adaptor.getYZeroPoint(), resultType, isUnsignedElement(op.getY()));
      if (failed(requantized))
        return emitUnsupported(op, "a scale or zero point neither per tensor "
                                   "nor per row (A) or column (B)");
      result = *requantized;
    }
    rewriter.replaceOp(op, result);
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

namespace {

/// An Einsum term as loop indices: its letters, with the ellipsis replaced
/// by `ellipsisRank` pseudo-letters ('0', '1', ...; right-aligned, so a term
/// whose ellipsis covers fewer dimensions uses the last ones).
FailureOr<std::string> expandTerm(StringRef text, int64_t termRank,
                                  int64_t ellipsisRank) {
  std::string letters;
  size_t at = text.find("...");
  std::string plain = text.str();
  if (at != StringRef::npos)
    plain.erase(at, 3);
  if (!llvm::all_of(plain, llvm::isAlpha))
    return failure();
  int64_t covered =
      termRank < 0 ? ellipsisRank : termRank - (int64_t)plain.size();
  if (covered < 0 || covered > ellipsisRank ||
      (covered > 0 && at == StringRef::npos))
    return failure();
  std::string pseudo;
  for (int64_t i = ellipsisRank - covered; i < ellipsisRank; ++i)
    pseudo.push_back((char)('0' + i));
  if (at == StringRef::npos)
    return plain;
  return plain.substr(0, at) + pseudo + plain.substr(at);
}

struct EinsumLowering : OpConversionPattern<onnx::EinsumOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::EinsumOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getOutput());
    Type element = resultType.getElementType();
    if (!isa<FloatType>(element) && !element.isSignlessInteger())
      return emitUnsupported(op, "element type other than float or integer");
    std::string equation;
    for (char c : op.getEquation())
      if (c != ' ')
        equation.push_back(c);
    auto [lhs, rhs] = StringRef(equation).split("->");
    bool explicitOutput = StringRef(equation).contains("->");
    SmallVector<StringRef> texts;
    lhs.split(texts, ',');
    ValueRange inputs = adaptor.getInputs();
    if (texts.size() != inputs.size())
      return emitUnsupported(op, "equation and operands differ in number");

    // The ellipsis covers the most dimensions any operand leaves to it.
    int64_t ellipsisRank = 0;
    for (auto [text, input] : llvm::zip(texts, inputs)) {
      int64_t rank = cast<RankedTensorType>(input.getType()).getRank();
      int64_t named = (int64_t)text.size() - (text.contains("...") ? 3 : 0);
      ellipsisRank = std::max(ellipsisRank, rank - named);
    }
    if (ellipsisRank > 10)
      return emitUnsupported(op, "more than 10 dimensions under the ellipsis");

    // Each index's extent (the largest: size-1 dimensions broadcast).
    std::map<char, int64_t> sizes;
    std::map<char, int> counts;
    SmallVector<std::string> terms;
    for (auto [text, input] : llvm::zip(texts, inputs)) {
      auto type = cast<RankedTensorType>(input.getType());
      FailureOr<std::string> term =
          expandTerm(text, type.getRank(), ellipsisRank);
      if (failed(term) || (int64_t)term->size() != type.getRank())
        return emitUnsupported(op, "a term that does not match its operand");
      for (auto [letter, dim] : llvm::zip(*term, type.getShape())) {
        sizes[letter] = std::max(sizes[letter], dim);
        if (llvm::isAlpha(letter))
          ++counts[letter];
      }
      terms.push_back(std::move(*term));
    }
    std::string output;
    if (explicitOutput) {
      FailureOr<std::string> term = expandTerm(rhs, -1, ellipsisRank);
      if (failed(term))
        return emitUnsupported(op, "an invalid output term");
      output = std::move(*term);
    } else {
      for (int64_t i = 0; i < ellipsisRank; ++i)
        output.push_back((char)('0' + i));
      for (auto [letter, count] : counts)
        if (count == 1)
          output.push_back(letter);
    }
    if ((int64_t)output.size() != resultType.getRank())
      return emitUnsupported(op, "an output term that does not match");

    // Loops: the output's indices, then the reduced ones.
    std::string loops = output;
    for (auto [letter, size] : sizes)
      if (!llvm::is_contained(loops, letter))
        loops.push_back(letter);
    MLIRContext *context = rewriter.getContext();
    auto loopOf = [&](char letter) {
      return getAffineDimExpr(loops.find(letter), context);
    };
    SmallVector<AffineMap> maps;
    for (auto [term, input] : llvm::zip(terms, inputs)) {
      auto type = cast<RankedTensorType>(input.getType());
      SmallVector<AffineExpr> exprs;
      for (auto [letter, dim] : llvm::zip(term, type.getShape()))
        exprs.push_back(dim == 1 && sizes[letter] != 1
                            ? getAffineConstantExpr(0, context)
                            : loopOf(letter));
      maps.push_back(AffineMap::get(loops.size(), 0, exprs, context));
    }
    SmallVector<AffineExpr> outputExprs;
    for (char letter : output)
      outputExprs.push_back(loopOf(letter));
    maps.push_back(AffineMap::get(loops.size(), 0, outputExprs, context));
    SmallVector<utils::IteratorType> iterators(output.size(),
                                               utils::IteratorType::parallel);
    iterators.resize(loops.size(), utils::IteratorType::reduction);

    bool isFloat = isa<FloatType>(element);
    Value init = createZeroAccumulator(rewriter, loc, resultType);
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{resultType}, inputs, ValueRange{init}, maps,
        iterators, [&](OpBuilder &b, Location nestedLoc, ValueRange args) {
          Value product = args[0];
          for (Value arg : args.drop_front().drop_back())
            product = isFloat
                          ? arith::MulFOp::create(b, nestedLoc, product, arg)
                                .getResult()
                          : arith::MulIOp::create(b, nestedLoc, product, arg)
                                .getResult();
          Value acc = args.back();
          Value sum = isFloat
                          ? arith::AddFOp::create(b, nestedLoc, acc, product)
                                .getResult()
                          : arith::AddIOp::create(b, nestedLoc, acc, product)
                                .getResult();
          linalg::YieldOp::create(b, nestedLoc, sum);
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

} // namespace

void aotc::populateLinearAlgebraPatterns(TypeConverter &converter,
                                         RewritePatternSet &patterns) {
  patterns.add<MatMulLowering, IntegerMatMulLowering<onnx::MatMulIntegerOp>,
               IntegerMatMulLowering<onnx::QLinearMatMulOp>, GemmLowering,
               EinsumLowering>(converter, patterns.getContext());
}
