//===- ONNXCanonicalize.cpp - Rewrite patterns of ONNX ops ----------------===//
//
// Patterns that remove an op of a back-to-back pair when the pair means the
// same as its second op alone: exporters chain Transposes, Casts and
// Reshapes that way (layout round trips, dtype promotion, flatten and
// unflatten around a MatMul).
//
//===----------------------------------------------------------------------===//

#include "dialects/ONNX/IR/ConstantValues.h"
#include "dialects/ONNX/IR/ONNXDialect.h"

#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace aotc::onnx;

/// The permutation of `op`, spelling out the default (reversal), which needs
/// the input rank.
static std::optional<SmallVector<int64_t>> getPermutation(TransposeOp op) {
  if (std::optional<ArrayRef<int64_t>> perm = op.getPerm())
    return llvm::to_vector(*perm);
  auto type = dyn_cast<RankedTensorType>(op.getData().getType());
  if (!type)
    return std::nullopt;
  return llvm::to_vector(llvm::reverse(llvm::seq<int64_t>(type.getRank())));
}

/// Whether every value of element type `from` is exactly a value of `to`.
static bool isLossless(Type from, Type to) {
  if (from == to)
    return true;
  if (auto fromFloat = dyn_cast<FloatType>(from)) {
    auto toFloat = dyn_cast<FloatType>(to);
    return toFloat &&
           llvm::APFloat::isRepresentableBy(fromFloat.getFloatSemantics(),
                                            toFloat.getFloatSemantics());
  }
  auto fromInt = dyn_cast<IntegerType>(from);
  if (!fromInt)
    return false;
  // Booleans and unsigned integers have no sign bit to keep.
  bool fromSigned = !fromInt.isUnsigned() && fromInt.getWidth() != 1;
  unsigned valueBits = fromInt.getWidth() - (fromSigned ? 1 : 0);
  if (auto toFloat = dyn_cast<FloatType>(to))
    return llvm::APFloat::semanticsPrecision(toFloat.getFloatSemantics()) >=
           valueBits;
  auto toInt = dyn_cast<IntegerType>(to);
  if (!toInt || toInt.getWidth() == 1)
    return false;
  bool toSigned = !toInt.isUnsigned();
  if (fromSigned && !toSigned)
    return false;
  return toInt.getWidth() - (toSigned ? 1 : 0) >= valueBits;
}

namespace {

/// transpose(transpose(x, p), q) = transpose(x, p o q); an identity result
/// is then removed by the Transpose folder.
struct ComposeTransposes : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    auto inner = op.getData().getDefiningOp<TransposeOp>();
    if (!inner)
      return failure();
    std::optional<SmallVector<int64_t>> innerPerm = getPermutation(inner);
    std::optional<SmallVector<int64_t>> outerPerm = getPermutation(op);
    if (!innerPerm || !outerPerm || innerPerm->size() != outerPerm->size())
      return failure();
    // Result dimension i is the inner result's dimension q[i], which is the
    // input's dimension p[q[i]]; the verifier made both permutations.
    SmallVector<int64_t> perm;
    for (int64_t dim : *outerPerm)
      perm.push_back((*innerPerm)[dim]);
    rewriter.modifyOpInPlace(op, [&] {
      op.getDataMutable().set(inner.getData());
      op.setPerm(perm);
    });
    return success();
  }
};

/// cast(cast(x, B), C) = cast(x, C) when the cast to B loses nothing: the
/// second cast then sees the values of `x` themselves.
struct FoldLosslessCastPair : OpRewritePattern<CastOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(CastOp op,
                                PatternRewriter &rewriter) const override {
    auto inner = op.getInput().getDefiningOp<CastOp>();
    if (!inner || !isLossless(inner.getInput().getType().getElementType(),
                              inner.getOutput().getType().getElementType()))
      return failure();
    rewriter.modifyOpInPlace(
        op, [&] { op.getInputMutable().set(inner.getInput()); });
    return success();
  }
};

/// reshape(reshape(x, s1), s2) = reshape(x, s2) when s2 does not copy
/// dimensions of the intermediate shape: it is constant and has no 0, or 0
/// means an empty dimension (allowzero).
struct ComposeReshapes : OpRewritePattern<ReshapeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ReshapeOp op,
                                PatternRewriter &rewriter) const override {
    auto inner = op.getData().getDefiningOp<ReshapeOp>();
    if (!inner)
      return failure();
    if (op.getAllowzero() == 0) {
      std::optional<SmallVector<int64_t>> shape =
          getConstantInts(op.getShape());
      if (!shape || llvm::is_contained(*shape, 0))
        return failure();
    }
    rewriter.modifyOpInPlace(op,
                             [&] { op.getDataMutable().set(inner.getData()); });
    return success();
  }
};

} // namespace

void TransposeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                              MLIRContext *context) {
  results.add<ComposeTransposes>(context);
}

void CastOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                         MLIRContext *context) {
  results.add<FoldLosslessCastPair>(context);
}

void ReshapeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                            MLIRContext *context) {
  results.add<ComposeReshapes>(context);
}
