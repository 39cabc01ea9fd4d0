//===- Normalization.cpp - aotc-graph-opt: LayerNormalization -------------===//
//
// torch exports LayerNorm below opset 17 as
//   mean = ReduceMean(x, axes); d = Sub(x, mean)
//   var = ReduceMean(Pow(d, 2), axes)
//   y = Div(d, Sqrt(Add(var, eps))) [Mul(., gamma)] [Add(., beta)]
// which is one LayerNormalization when the axes are the trailing ones.
//
//===----------------------------------------------------------------------===//

#include "passes/GraphOpt/Matchers.h"
#include "passes/GraphOpt/Patterns.h"

#include "dialects/ONNX/IR/ConstantValues.h"
#include "dialects/ONNX/IR/ONNXDialect.h"

#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace aotc;

namespace {

/// The axes of a keepdims ReduceMean when they are the trailing ones of its
/// input, as the first of them (non-negative).
std::optional<int64_t> getTrailingAxis(onnx::ReduceMeanOp mean) {
  auto type = dyn_cast<RankedTensorType>(mean.getData().getType());
  if (!type || !type.hasStaticShape() || mean.getKeepdims() != 1 ||
      !mean.getAxes())
    return std::nullopt;
  std::optional<SmallVector<int64_t>> axes =
      onnx::getConstantInts(mean.getAxes());
  if (!axes || axes->empty())
    return std::nullopt;
  int64_t rank = type.getRank();
  SmallVector<int64_t> sorted;
  for (int64_t axis : *axes) {
    if (axis < -rank || axis >= rank)
      return std::nullopt;
    sorted.push_back(axis < 0 ? axis + rank : axis);
  }
  llvm::sort(sorted);
  for (auto [i, axis] : llvm::enumerate(sorted))
    if (axis != rank - (int64_t)sorted.size() + (int64_t)i)
      return std::nullopt;
  return sorted.front();
}

/// Whether `square` is Pow(d, 2) or Mul(d, d).
bool isSquareOf(Operation *square, Value d) {
  if (auto pow = dyn_cast<onnx::PowOp>(square))
    return pow.getX() == d && isSplatNear(pow.getY(), 2.0, 0.0);
  if (auto mul = dyn_cast<onnx::MulOp>(square))
    return mul.getA() == d && mul.getB() == d;
  return false;
}

/// Whether `param` (gamma or beta) only varies along the normalized axes
/// from `axis` on, so that LayerNormalization can broadcast it.
bool isNormalizedParam(Value param, RankedTensorType xType, int64_t axis) {
  auto type = dyn_cast<RankedTensorType>(param.getType());
  if (!type || !type.hasStaticShape() ||
      type.getElementType() != xType.getElementType())
    return false;
  int64_t normalizedRank = xType.getRank() - axis;
  ArrayRef<int64_t> shape = type.getShape();
  if ((int64_t)shape.size() > normalizedRank)
    return llvm::all_of(shape.drop_back(normalizedRank),
                        [](int64_t d) { return d == 1; });
  return true;
}

struct FuseLayerNormalization : OpRewritePattern<onnx::DivOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(onnx::DivOp div,
                                PatternRewriter &rewriter) const override {
    // Div(d, Sqrt(Add(ReduceMean(Pow(d, 2)), eps)))
    auto sqrt = div.getB().getDefiningOp<onnx::SqrtOp>();
    if (!sqrt || !sqrt->hasOneUse())
      return failure();
    auto addEps = sqrt.getX().getDefiningOp<onnx::AddOp>();
    if (!addEps || !addEps->hasOneUse())
      return failure();
    std::optional<ScalarOperand> eps = matchScalarOperand(addEps);
    if (!eps || !(eps->value > 0.0))
      return failure();
    auto variance = eps->other.getDefiningOp<onnx::ReduceMeanOp>();
    if (!variance || !variance->hasOneUse())
      return failure();
    Value d = div.getA();
    Operation *square = variance.getData().getDefiningOp();
    if (!square || !square->hasOneUse() || !isSquareOf(square, d))
      return failure();
    // d = Sub(x, ReduceMean(x)), used only by the square and the Div.
    auto sub = d.getDefiningOp<onnx::SubOp>();
    if (!sub || !llvm::all_of(d.getUsers(), [&](Operation *user) {
          return user == square || user == div;
        }))
      return failure();
    auto mean = sub.getB().getDefiningOp<onnx::ReduceMeanOp>();
    Value x = sub.getA();
    if (!mean || !mean->hasOneUse() || mean.getData() != x)
      return failure();
    auto xType = dyn_cast<RankedTensorType>(x.getType());
    if (!xType || !isa<FloatType>(xType.getElementType()) ||
        d.getType() != xType || div.getType() != xType)
      return failure();
    std::optional<int64_t> axis = getTrailingAxis(mean);
    if (!axis || getTrailingAxis(variance) != axis)
      return failure();

    // Optional Mul(., gamma) and Add(., beta) after the Div.
    Operation *last = div;
    Value gamma, beta;
    if (auto mul = dyn_cast_or_null<onnx::MulOp>(getSingleUser(div))) {
      Value param = getOtherOperand(mul, div);
      if (mul.getType() == xType && isNormalizedParam(param, xType, *axis)) {
        gamma = param;
        last = mul;
        if (auto add =
                dyn_cast_or_null<onnx::AddOp>(getSingleUser(mul.getC()))) {
          Value bias = getOtherOperand(add, mul.getC());
          if (add.getType() == xType && isNormalizedParam(bias, xType, *axis)) {
            beta = bias;
            last = add;
          }
        }
      }
    }

    rewriter.setInsertionPoint(last);
    if (!gamma) {
      auto type = RankedTensorType::get(xType.getShape().drop_front(*axis),
                                        xType.getElementType());
      gamma = onnx::ConstantOp::create(
          rewriter, div.getLoc(),
          DenseElementsAttr::get(
              type, rewriter.getFloatAttr(xType.getElementType(), 1.0)));
    }
    auto layerNorm = onnx::LayerNormalizationOp::create(
        rewriter, last->getLoc(), xType, Type(), Type(), x, gamma, beta, *axis,
        APFloat((float)eps->value), /*stash_type=*/1);
    rewriter.replaceOp(last, layerNorm.getY());
    return success();
  }
};

} // namespace

void aotc::populateGraphOptNormalizationPatterns(RewritePatternSet &patterns) {
  patterns.add<FuseLayerNormalization>(patterns.getContext());
}
