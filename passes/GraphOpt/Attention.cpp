//===- Attention.cpp - aotc-graph-opt: scaled-dot-product attention -------===//
//
// MatMul(Softmax(MatMul(Q, K^T) [/ c or * c] [+ mask]), V) with the softmax
// along the last axis is one aotc.Attention. A scalar Mul or Div on Q or on
// K^T (torch's MultiheadAttention divides Q; other exporters scale both by
// sqrt(c)) goes into the scale as well. K^T
// usually comes from a Transpose of the keys: the fused op takes the keys
// untransposed, so that Transpose is composed away instead of being
// materialised.
//
//===----------------------------------------------------------------------===//

#include "passes/GraphOpt/Matchers.h"
#include "passes/GraphOpt/Patterns.h"

#include "dialects/ONNX/IR/ONNXDialect.h"

#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace aotc;

namespace {

/// `value` with a single-use Mul or Div by a scalar constant peeled off, its
/// factor (or reciprocal) multiplied into `scale`.
Value peelScalarScale(Value value, double &scale) {
  Operation *op = value.getDefiningOp();
  if (!op || !op->hasOneUse() || !isa<onnx::MulOp, onnx::DivOp>(op))
    return value;
  bool isDiv = isa<onnx::DivOp>(op);
  std::optional<ScalarOperand> s =
      matchScalarOperand(op, /*constantRhsOnly=*/isDiv);
  if (!s || s->value == 0.0)
    return value;
  scale *= isDiv ? 1.0 / s->value : s->value;
  return s->other;
}

struct FuseAttention : OpRewritePattern<onnx::MatMulOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(onnx::MatMulOp op,
                                PatternRewriter &rewriter) const override {
    auto softmax = op.getA().getDefiningOp<onnx::SoftmaxOp>();
    if (!softmax || !softmax->hasOneUse())
      return failure();
    auto scoresType = dyn_cast<RankedTensorType>(softmax.getType());
    if (!scoresType || !scoresType.hasStaticShape() ||
        !isa<FloatType>(scoresType.getElementType()))
      return failure();
    int64_t rank = scoresType.getRank();
    if (rank < 2 || (softmax.getAxis() != -1 && softmax.getAxis() != rank - 1))
      return failure();

    // Scores: [Add(., mask)] over [Div/Mul by a scalar] over MatMul(Q, K^T).
    Value scores = softmax.getInput();
    Value mask;
    if (auto add = scores.getDefiningOp<onnx::AddOp>();
        add && add->hasOneUse()) {
      // The scores are the operand computed by the scaling or the MatMul.
      for (unsigned i : {0u, 1u}) {
        Value term = add->getOperand(i), other = add->getOperand(1 - i);
        Operation *def = term.getDefiningOp();
        auto otherType = dyn_cast<RankedTensorType>(other.getType());
        if (term.getType() != scoresType || !def ||
            !isa<onnx::MatMulOp, onnx::DivOp, onnx::MulOp>(def) || !otherType ||
            otherType.getElementType() != scoresType.getElementType())
          continue;
        mask = other;
        scores = term;
        break;
      }
      if (!mask)
        return failure();
    }
    double scale = 1.0;
    if (Operation *scaling = scores.getDefiningOp();
        scaling && isa<onnx::DivOp, onnx::MulOp>(scaling) &&
        scaling->hasOneUse()) {
      bool isDiv = isa<onnx::DivOp>(scaling);
      std::optional<ScalarOperand> s =
          matchScalarOperand(scaling, /*constantRhsOnly=*/isDiv);
      if (!s || s->value == 0.0)
        return failure();
      scale = isDiv ? 1.0 / s->value : s->value;
      scores = s->other;
    }
    auto product = scores.getDefiningOp<onnx::MatMulOp>();
    if (!product || !product->hasOneUse())
      return failure();
    Value q = peelScalarScale(product.getA(), scale);
    Value kt = peelScalarScale(product.getB(), scale);
    Value v = op.getB();

    // Same rank and batch dimensions everywhere: the fused op does not
    // broadcast.
    auto qType = dyn_cast<RankedTensorType>(q.getType());
    auto ktType = dyn_cast<RankedTensorType>(kt.getType());
    auto vType = dyn_cast<RankedTensorType>(v.getType());
    if (!qType || !ktType || !vType || qType.getRank() != rank ||
        ktType.getRank() != rank || vType.getRank() != rank ||
        !ktType.hasStaticShape() || !vType.hasStaticShape() ||
        qType.getShape().drop_back(2) != ktType.getShape().drop_back(2) ||
        qType.getShape().drop_back(2) != vType.getShape().drop_back(2) ||
        ktType.getElementType() != scoresType.getElementType() ||
        vType.getElementType() != scoresType.getElementType())
      return failure();

    // K = Transpose(K^T, last two swapped), composed with K^T's Transpose.
    SmallVector<int64_t> swap = llvm::to_vector(llvm::seq<int64_t>(rank));
    std::swap(swap[rank - 1], swap[rank - 2]);
    Value keysSource = kt;
    SmallVector<int64_t> perm = swap;
    if (auto transpose = kt.getDefiningOp<onnx::TransposeOp>();
        transpose && transpose.getPerm() && transpose->hasOneUse()) {
      ArrayRef<int64_t> inner = *transpose.getPerm();
      for (int64_t i = 0; i < rank; ++i)
        perm[i] = inner[swap[i]];
      keysSource = transpose.getData();
    }
    rewriter.setInsertionPoint(op);
    Value k = keysSource;
    SmallVector<int64_t> kShape(ktType.getShape());
    std::swap(kShape[rank - 1], kShape[rank - 2]);
    auto kType = RankedTensorType::get(kShape, ktType.getElementType());
    if (!llvm::equal(perm, llvm::seq<int64_t>(rank)))
      k = onnx::TransposeOp::create(rewriter, product.getLoc(), kType,
                                    keysSource,
                                    rewriter.getDenseI64ArrayAttr(perm));
    rewriter.replaceOpWithNewOp<onnx::AotcAttentionOp>(
        op, op.getType(), q, k, v, mask, rewriter.getF64FloatAttr(scale));
    return success();
  }
};

} // namespace

void aotc::populateGraphOptAttentionPatterns(RewritePatternSet &patterns) {
  patterns.add<FuseAttention>(patterns.getContext());
}
