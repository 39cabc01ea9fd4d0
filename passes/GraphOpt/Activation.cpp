//===- Activation.cpp - aotc-graph-opt: GELU ------------------------------===//
//
// Exporters spell GELU as the product of x, 0.5 and a gate in any grouping:
//   erf form:  (1 + Erf(x / sqrt(2)))        (or x * (1 / sqrt(2)))
//   tanh form: (1 + Tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))
// (x^3 as Pow(x, 3) or a product of three x). Both are one Gelu.
//
//===----------------------------------------------------------------------===//

#include "passes/GraphOpt/Matchers.h"
#include "passes/GraphOpt/Patterns.h"

#include "dialects/ONNX/IR/ONNXDialect.h"

#include "mlir/IR/PatternMatch.h"

#include <cmath>

using namespace mlir;
using namespace aotc;

namespace {

/// x when `scaled` is x / sqrt(2) or x * (1 / sqrt(2)).
Value matchErfArgument(Value scaled) {
  Operation *op = scaled.getDefiningOp();
  if (!op)
    return {};
  if (isa<onnx::DivOp>(op)) {
    std::optional<ScalarOperand> s =
        matchScalarOperand(op, /*constantRhsOnly=*/true);
    if (s && std::abs(s->value - std::sqrt(2.0)) <= 1e-5 * std::sqrt(2.0))
      return s->other;
  } else if (isa<onnx::MulOp>(op)) {
    std::optional<ScalarOperand> s = matchScalarOperand(op);
    if (s && std::abs(s->value - M_SQRT1_2) <= 1e-5 * M_SQRT1_2)
      return s->other;
  }
  return {};
}

/// Whether `cube` is Pow(x, 3) or x * x * x in any grouping.
bool isCubeOf(Value cube, Value x) {
  Operation *op = cube.getDefiningOp();
  if (!op || !op->hasOneUse())
    return false;
  if (auto pow = dyn_cast<onnx::PowOp>(op))
    return pow.getX() == x && isSplatNear(pow.getY(), 3.0, 0.0);
  auto mul = dyn_cast<onnx::MulOp>(op);
  if (!mul)
    return false;
  auto isSquare = [&](Value v) {
    auto square = v.getDefiningOp<onnx::MulOp>();
    return square && square->hasOneUse() && square.getA() == x &&
           square.getB() == x;
  };
  return (mul.getA() == x && isSquare(mul.getB())) ||
         (mul.getB() == x && isSquare(mul.getA()));
}

/// x when `scaled` is sqrt(2 / pi) * (x + 0.044715 * x^3), in any operand
/// order.
Value matchTanhArgument(Value scaled) {
  auto outer = scaled.getDefiningOp<onnx::MulOp>();
  if (!outer)
    return {};
  std::optional<ScalarOperand> s = matchScalarOperand(outer);
  if (!s || std::abs(s->value - std::sqrt(2.0 / M_PI)) > 1e-5)
    return {};
  auto sum = s->other.getDefiningOp<onnx::AddOp>();
  if (!sum || !sum->hasOneUse())
    return {};
  for (unsigned i : {0u, 1u}) {
    Value x = sum->getOperand(i);
    auto term = sum->getOperand(1 - i).getDefiningOp<onnx::MulOp>();
    if (!term || !term->hasOneUse())
      continue;
    std::optional<ScalarOperand> c = matchScalarOperand(term);
    if (c && std::abs(c->value - 0.044715) <= 1e-6 && isCubeOf(c->other, x))
      return x;
  }
  return {};
}

/// Adds to `factors` the leaves of the product tree at `value`: operands of
/// single-use Muls are expanded, `stop` and anything else is a leaf.
void collectFactors(Value value, Value stop, SmallVectorImpl<Value> &factors,
                    int depth = 0) {
  auto mul = value.getDefiningOp<onnx::MulOp>();
  if (value == stop || !mul || depth > 2 || (depth > 0 && !mul->hasOneUse())) {
    factors.push_back(value);
    return;
  }
  collectFactors(mul.getA(), stop, factors, depth + 1);
  collectFactors(mul.getB(), stop, factors, depth + 1);
}

/// Whether `factors` are exactly `gate`, `x` and a constant 0.5.
bool isHalfXTimesGate(ArrayRef<Value> factors, Value gate, Value x) {
  if (factors.size() != 3)
    return false;
  bool hasGate = false, hasX = false, hasHalf = false;
  for (Value f : factors) {
    if (f == gate && !hasGate)
      hasGate = true;
    else if (f == x && !hasX)
      hasX = true;
    else if (!hasHalf && isSplatNear(f, 0.5))
      hasHalf = true;
    else
      return false;
  }
  return hasGate && hasX && hasHalf;
}

/// Rooted at the Erf or Tanh: the gate 1 + f(...) and the product with x
/// and 0.5 are found among the single-use users that follow.
template <typename OpTy>
struct FuseGelu : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    constexpr bool isTanh = std::is_same_v<OpTy, onnx::TanhOp>;
    Value x = isTanh ? matchTanhArgument(op->getOperand(0))
                     : matchErfArgument(op->getOperand(0));
    auto type = x ? dyn_cast<RankedTensorType>(x.getType()) : nullptr;
    if (!type || !isa<FloatType>(type.getElementType()) ||
        op->getResult(0).getType() != type)
      return failure();
    auto gate = dyn_cast_or_null<onnx::AddOp>(getSingleUser(op->getResult(0)));
    if (!gate || gate.getType() != type)
      return failure();
    std::optional<ScalarOperand> one = matchScalarOperand(gate);
    if (!one || one->value != 1.0)
      return failure();

    // Up to two Muls above the gate hold x and 0.5.
    Value current = gate.getC();
    for (int step = 0; step < 2; ++step) {
      auto mul = dyn_cast_or_null<onnx::MulOp>(getSingleUser(current));
      if (!mul || mul.getType() != type)
        return failure();
      current = mul.getC();
      SmallVector<Value> factors;
      collectFactors(current, gate.getC(), factors);
      if (!isHalfXTimesGate(factors, gate.getC(), x))
        continue;
      rewriter.setInsertionPoint(mul);
      rewriter.replaceOpWithNewOp<onnx::GeluOp>(
          mul, type, x, rewriter.getStringAttr(isTanh ? "tanh" : "none"));
      return success();
    }
    return failure();
  }
};

} // namespace

void aotc::populateGraphOptActivationPatterns(RewritePatternSet &patterns) {
  patterns.add<FuseGelu<onnx::ErfOp>, FuseGelu<onnx::TanhOp>>(
      patterns.getContext());
}
