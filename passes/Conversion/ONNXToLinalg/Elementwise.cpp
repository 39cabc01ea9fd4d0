//===- Elementwise.cpp - onnx to linalg: elementwise ops ------------------===//
//
// Every elementwise op becomes one all-parallel `linalg.generic` over its
// result that reads the operands with numpy broadcasting; what differs is the
// scalar body, which comes from the table at the end of this file. Operands
// that are splat constants (Clip's bounds, Pow's exponent, a scalar Add) are
// not read from memory but captured as `arith.constant` scalars.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ONNXToLinalg/LoweringUtils.h"
#include "passes/Conversion/ONNXToLinalg/Patterns.h"
#include "passes/Conversion/ONNXToLinalg/Quantization.h"

#include "dialects/ONNX/IR/ONNXDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/Matchers.h"

#include <cmath>

using namespace mlir;
using namespace aotc;

namespace {

//===----------------------------------------------------------------------===//
// Scalar bodies
//===----------------------------------------------------------------------===//

/// What a scalar body may look at besides its operands' elements.
struct ScalarInfo {
  /// The onnx op, with its original (possibly unsigned) types and attributes.
  Operation *op;
  /// The signless element type of the result.
  Type resultType;
  /// Whether the onnx element type of operand 0 is unsigned.
  bool isUnsigned;
};

/// Builds one result element from the operand elements.
using ScalarFn = Value (*)(OpBuilder &, Location, const ScalarInfo &,
                           ValueRange);

bool isFloat(Value v) { return isa<FloatType>(v.getType()); }

double getF64Attr(Operation *op, StringRef name, double defaultValue) {
  if (auto attr = op->getAttrOfType<FloatAttr>(name))
    return attr.getValueAsDouble();
  return defaultValue;
}

Value zeroLike(OpBuilder &b, Location loc, Value v) {
  return createScalar(b, loc, v.getType(), 0.0);
}

/// One op for floats, one for integers (no integer variant: float only).
template <typename FloatOp, typename IntOp = void>
Value unary(OpBuilder &b, Location loc, const ScalarInfo &, ValueRange args) {
  if constexpr (!std::is_void_v<IntOp>)
    if (!isFloat(args[0]))
      return IntOp::create(b, loc, args[0]);
  return FloatOp::create(b, loc, args[0]);
}

template <typename FloatOp, typename SignedOp, typename UnsignedOp>
Value binary(OpBuilder &b, Location loc, bool isUnsigned, Value lhs,
             Value rhs) {
  if (isFloat(lhs))
    return FloatOp::create(b, loc, lhs, rhs);
  if (isUnsigned)
    return UnsignedOp::create(b, loc, lhs, rhs);
  return SignedOp::create(b, loc, lhs, rhs);
}

/// A binary op folded left to right over all operands (Add, Max, Sum, ...).
template <typename FloatOp, typename SignedOp, typename UnsignedOp = SignedOp>
Value fold(OpBuilder &b, Location loc, const ScalarInfo &info,
           ValueRange args) {
  Value acc = args[0];
  for (Value v : args.drop_front())
    acc =
        binary<FloatOp, SignedOp, UnsignedOp>(b, loc, info.isUnsigned, acc, v);
  return acc;
}

Value buildMean(OpBuilder &b, Location loc, const ScalarInfo &info,
                ValueRange args) {
  Value sum = fold<arith::AddFOp, arith::AddIOp>(b, loc, info, args);
  Value count = createScalar(b, loc, sum.getType(), args.size());
  return binary<arith::DivFOp, arith::DivSIOp, arith::DivUIOp>(
      b, loc, info.isUnsigned, sum, count);
}

template <arith::CmpFPredicate F, arith::CmpIPredicate S,
          arith::CmpIPredicate U>
Value compare(OpBuilder &b, Location loc, const ScalarInfo &info,
              ValueRange args) {
  if (isFloat(args[0]))
    return arith::CmpFOp::create(b, loc, F, args[0], args[1]);
  return arith::CmpIOp::create(b, loc, info.isUnsigned ? U : S, args[0],
                               args[1]);
}

Value maxOf(OpBuilder &b, Location loc, bool isUnsigned, Value x, Value y) {
  return binary<arith::MaximumFOp, arith::MaxSIOp, arith::MaxUIOp>(
      b, loc, isUnsigned, x, y);
}

Value minOf(OpBuilder &b, Location loc, bool isUnsigned, Value x, Value y) {
  return binary<arith::MinimumFOp, arith::MinSIOp, arith::MinUIOp>(
      b, loc, isUnsigned, x, y);
}

Value buildRelu(OpBuilder &b, Location loc, const ScalarInfo &info,
                ValueRange args) {
  return maxOf(b, loc, info.isUnsigned, args[0], zeroLike(b, loc, args[0]));
}

/// |x|; unsigned integers are their own absolute value.
Value buildAbs(OpBuilder &b, Location loc, const ScalarInfo &info,
               ValueRange args) {
  if (isFloat(args[0]))
    return math::AbsFOp::create(b, loc, args[0]);
  if (info.isUnsigned)
    return args[0];
  return math::AbsIOp::create(b, loc, args[0]);
}

Value buildNeg(OpBuilder &b, Location loc, const ScalarInfo &,
               ValueRange args) {
  if (isFloat(args[0]))
    return arith::NegFOp::create(b, loc, args[0]);
  return arith::SubIOp::create(b, loc, zeroLike(b, loc, args[0]), args[0]);
}

Value buildReciprocal(OpBuilder &b, Location loc, const ScalarInfo &,
                      ValueRange args) {
  Value one = createScalar(b, loc, args[0].getType(), 1.0);
  return arith::DivFOp::create(b, loc, one, args[0]);
}

Value buildSigmoid(OpBuilder &b, Location loc, const ScalarInfo &,
                   ValueRange args) {
  Value one = createScalar(b, loc, args[0].getType(), 1.0);
  Value negated = arith::NegFOp::create(b, loc, args[0]);
  Value exp = math::ExpOp::create(b, loc, negated);
  Value denominator = arith::AddFOp::create(b, loc, one, exp);
  return arith::DivFOp::create(b, loc, one, denominator);
}

/// max(0, min(1, alpha * x + beta)).
Value hardSigmoid(OpBuilder &b, Location loc, Value x, double alpha,
                  double beta) {
  Type type = x.getType();
  Value scaled =
      arith::MulFOp::create(b, loc, x, createScalar(b, loc, type, alpha));
  Value shifted =
      arith::AddFOp::create(b, loc, scaled, createScalar(b, loc, type, beta));
  Value upper = arith::MinimumFOp::create(b, loc, shifted,
                                          createScalar(b, loc, type, 1.0));
  return arith::MaximumFOp::create(b, loc, upper,
                                   createScalar(b, loc, type, 0.0));
}

Value buildHardSigmoid(OpBuilder &b, Location loc, const ScalarInfo &info,
                       ValueRange args) {
  return hardSigmoid(b, loc, args[0], getF64Attr(info.op, "alpha", 0.2),
                     getF64Attr(info.op, "beta", 0.5));
}

Value buildHardSwish(OpBuilder &b, Location loc, const ScalarInfo &,
                     ValueRange args) {
  Value gate = hardSigmoid(b, loc, args[0], 1.0 / 6.0, 0.5);
  return arith::MulFOp::create(b, loc, args[0], gate);
}

/// x < 0 ? slope * x : x, for LeakyRelu (slope attribute) and PRelu (slope
/// operand).
Value negativeSlope(OpBuilder &b, Location loc, Value x, Value slope) {
  Value zero = zeroLike(b, loc, x);
  if (isFloat(x)) {
    Value isNegative =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x, zero);
    Value scaled = arith::MulFOp::create(b, loc, x, slope);
    return arith::SelectOp::create(b, loc, isNegative, scaled, x);
  }
  Value isNegative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, x, zero);
  Value scaled = arith::MulIOp::create(b, loc, x, slope);
  return arith::SelectOp::create(b, loc, isNegative, scaled, x);
}

Value buildLeakyRelu(OpBuilder &b, Location loc, const ScalarInfo &info,
                     ValueRange args) {
  Value alpha = createScalar(b, loc, args[0].getType(),
                             getF64Attr(info.op, "alpha", 0.01));
  return negativeSlope(b, loc, args[0], alpha);
}

Value buildPRelu(OpBuilder &b, Location loc, const ScalarInfo &,
                 ValueRange args) {
  return negativeSlope(b, loc, args[0], args[1]);
}

/// x < 0 ? alpha * (exp(x) - 1) : x.
Value elu(OpBuilder &b, Location loc, Value x, double alpha) {
  Type type = x.getType();
  Value zero = createScalar(b, loc, type, 0.0);
  Value isNegative =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x, zero);
  Value expm1 = math::ExpM1Op::create(b, loc, x);
  Value scaled =
      arith::MulFOp::create(b, loc, expm1, createScalar(b, loc, type, alpha));
  return arith::SelectOp::create(b, loc, isNegative, scaled, x);
}

Value buildElu(OpBuilder &b, Location loc, const ScalarInfo &info,
               ValueRange args) {
  return elu(b, loc, args[0], getF64Attr(info.op, "alpha", 1.0));
}

Value buildSelu(OpBuilder &b, Location loc, const ScalarInfo &info,
                ValueRange args) {
  Value inner = elu(b, loc, args[0],
                    getF64Attr(info.op, "alpha", 1.67326319217681884765625));
  Value gamma =
      createScalar(b, loc, args[0].getType(),
                   getF64Attr(info.op, "gamma", 1.05070102214813232421875));
  return arith::MulFOp::create(b, loc, gamma, inner);
}

/// max(x, 0) + log1p(exp(-|x|)), which does not overflow for large x.
Value buildSoftplus(OpBuilder &b, Location loc, const ScalarInfo &,
                    ValueRange args) {
  Value x = args[0];
  Value zero = zeroLike(b, loc, x);
  Value positive = arith::MaximumFOp::create(b, loc, x, zero);
  Value abs = math::AbsFOp::create(b, loc, x);
  Value negAbs = arith::NegFOp::create(b, loc, abs);
  Value exp = math::ExpOp::create(b, loc, negAbs);
  Value log = math::Log1pOp::create(b, loc, exp);
  return arith::AddFOp::create(b, loc, positive, log);
}

Value buildSoftsign(OpBuilder &b, Location loc, const ScalarInfo &,
                    ValueRange args) {
  Value one = createScalar(b, loc, args[0].getType(), 1.0);
  Value abs = math::AbsFOp::create(b, loc, args[0]);
  Value denominator = arith::AddFOp::create(b, loc, one, abs);
  return arith::DivFOp::create(b, loc, args[0], denominator);
}

Value buildSign(OpBuilder &b, Location loc, const ScalarInfo &info,
                ValueRange args) {
  Value x = args[0];
  Type type = x.getType();
  Value zero = zeroLike(b, loc, x);
  Value one = createScalar(b, loc, type, 1.0);
  Value minusOne = createScalar(b, loc, type, -1.0);
  Value isPositive, isNegative;
  if (isFloat(x)) {
    isPositive =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x, zero);
    isNegative =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x, zero);
  } else {
    isPositive = arith::CmpIOp::create(
        b, loc,
        info.isUnsigned ? arith::CmpIPredicate::ugt : arith::CmpIPredicate::sgt,
        x, zero);
    isNegative = arith::CmpIOp::create(
        b, loc,
        info.isUnsigned ? arith::CmpIPredicate::ult : arith::CmpIPredicate::slt,
        x, zero);
  }
  Value negativeOrZero =
      arith::SelectOp::create(b, loc, isNegative, minusOne, zero);
  return arith::SelectOp::create(b, loc, isPositive, one, negativeOrZero);
}

/// x > alpha ? x : 0.
Value buildThresholdedRelu(OpBuilder &b, Location loc, const ScalarInfo &info,
                           ValueRange args) {
  Value x = args[0];
  Value alpha =
      createScalar(b, loc, x.getType(), getF64Attr(info.op, "alpha", 1.0));
  Value above =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x, alpha);
  return arith::SelectOp::create(b, loc, above, x, zeroLike(b, loc, x));
}

/// max(0, x) + min(0, alpha * (exp(x / alpha) - 1)).
Value buildCelu(OpBuilder &b, Location loc, const ScalarInfo &info,
                ValueRange args) {
  Value x = args[0];
  Type type = x.getType();
  double alphaValue = getF64Attr(info.op, "alpha", 1.0);
  Value alpha = createScalar(b, loc, type, alphaValue);
  Value zero = zeroLike(b, loc, x);
  Value expm1 =
      math::ExpM1Op::create(b, loc, arith::DivFOp::create(b, loc, x, alpha));
  Value negative = arith::MinimumFOp::create(
      b, loc, zero, arith::MulFOp::create(b, loc, alpha, expm1));
  Value positive = arith::MaximumFOp::create(b, loc, zero, x);
  return arith::AddFOp::create(b, loc, positive, negative);
}

/// x < -lambd ? x + bias : (x > lambd ? x - bias : 0).
Value buildShrink(OpBuilder &b, Location loc, const ScalarInfo &info,
                  ValueRange args) {
  Value x = args[0];
  Type type = x.getType();
  double lambd = getF64Attr(info.op, "lambd", 0.5);
  Value bias = createScalar(b, loc, type, getF64Attr(info.op, "bias", 0.0));
  Value below = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x,
                                      createScalar(b, loc, type, -lambd));
  Value above = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x,
                                      createScalar(b, loc, type, lambd));
  Value upper = arith::SelectOp::create(b, loc, above,
                                        arith::SubFOp::create(b, loc, x, bias),
                                        zeroLike(b, loc, x));
  return arith::SelectOp::create(b, loc, below,
                                 arith::AddFOp::create(b, loc, x, bias), upper);
}

/// x == +inf (detect_positive) or x == -inf (detect_negative).
Value buildIsInf(OpBuilder &b, Location loc, const ScalarInfo &info,
                 ValueRange args) {
  Value x = args[0];
  auto flag = [&](StringRef name) {
    auto attr = info.op->getAttrOfType<IntegerAttr>(name);
    return !attr || attr.getInt() != 0;
  };
  Value result;
  auto type = cast<FloatType>(x.getType());
  for (bool negative : {false, true}) {
    if (!flag(negative ? "detect_negative" : "detect_positive"))
      continue;
    Value inf = arith::ConstantOp::create(
        b, loc,
        FloatAttr::get(type,
                       APFloat::getInf(type.getFloatSemantics(), negative)));
    Value equal =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, x, inf);
    result =
        result ? (Value)arith::OrIOp::create(b, loc, result, equal) : equal;
  }
  return result ? result : createScalar(b, loc, b.getI1Type(), 0.0);
}

/// BitShift (unsigned only): shli or shrui; shifting by the width or more
/// gives 0.
Value buildBitShift(OpBuilder &b, Location loc, const ScalarInfo &info,
                    ValueRange args) {
  Value x = args[0], y = args[1];
  auto direction = info.op->getAttrOfType<StringAttr>("direction");
  Value shifted = direction && direction.getValue() == "LEFT"
                      ? (Value)arith::ShLIOp::create(b, loc, x, y)
                      : (Value)arith::ShRUIOp::create(b, loc, x, y);
  Value width =
      createScalar(b, loc, x.getType(), x.getType().getIntOrFloatBitWidth());
  Value tooFar =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::uge, y, width);
  return arith::SelectOp::create(b, loc, tooFar, zeroLike(b, loc, x), shifted);
}

Value buildIsNaN(OpBuilder &b, Location loc, const ScalarInfo &,
                 ValueRange args) {
  return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, args[0],
                               args[0]);
}

Value buildNot(OpBuilder &b, Location loc, const ScalarInfo &,
               ValueRange args) {
  Value one = createScalar(b, loc, args[0].getType(), 1.0);
  return arith::XOrIOp::create(b, loc, args[0], one);
}

Value buildGelu(OpBuilder &b, Location loc, const ScalarInfo &info,
                ValueRange args) {
  Value x = args[0];
  Type type = x.getType();
  Value half = createScalar(b, loc, type, 0.5);
  Value one = createScalar(b, loc, type, 1.0);
  Value inner;
  auto approximate = info.op->getAttrOfType<StringAttr>("approximate");
  if (approximate && approximate.getValue() == "tanh") {
    // tanh(sqrt(2 / pi) * (x + 0.044715 x^3))
    Value cube =
        arith::MulFOp::create(b, loc, x, arith::MulFOp::create(b, loc, x, x));
    Value poly = arith::AddFOp::create(
        b, loc, x,
        arith::MulFOp::create(b, loc, cube,
                              createScalar(b, loc, type, 0.044715)));
    Value scaled = arith::MulFOp::create(
        b, loc, poly, createScalar(b, loc, type, std::sqrt(2.0 / M_PI)));
    inner = math::TanhOp::create(b, loc, scaled);
  } else {
    // erf(x / sqrt(2))
    Value scaled = arith::MulFOp::create(
        b, loc, x, createScalar(b, loc, type, 1.0 / std::sqrt(2.0)));
    inner = math::ErfOp::create(b, loc, scaled);
  }
  Value gate = arith::MulFOp::create(b, loc, half,
                                     arith::AddFOp::create(b, loc, one, inner));
  return arith::MulFOp::create(b, loc, x, gate);
}

/// Clip's operands are the input, then min and max where present.
Value buildClip(OpBuilder &b, Location loc, const ScalarInfo &info,
                ValueRange args) {
  auto clip = cast<onnx::ClipOp>(info.op);
  Value result = args[0];
  unsigned next = 1;
  if (clip.getMin())
    result = maxOf(b, loc, info.isUnsigned, result, args[next++]);
  if (clip.getMax())
    result = minOf(b, loc, info.isUnsigned, result, args[next++]);
  return result;
}

Value buildWhere(OpBuilder &b, Location loc, const ScalarInfo &,
                 ValueRange args) {
  return arith::SelectOp::create(b, loc, args[0], args[1], args[2]);
}

/// Integer or float `value` converted to the float type `type`.
Value toFloat(OpBuilder &b, Location loc, Value value, Type type,
              bool isUnsigned) {
  if (isFloat(value))
    return value.getType() == type ? value
                                   : arith::ExtFOp::create(b, loc, type, value);
  if (isUnsigned || value.getType().isInteger(1))
    return arith::UIToFPOp::create(b, loc, type, value);
  return arith::SIToFPOp::create(b, loc, type, value);
}

Value buildPow(OpBuilder &b, Location loc, const ScalarInfo &info,
               ValueRange args) {
  Value base = args[0], exponent = args[1];
  bool exponentUnsigned = isUnsignedElement(info.op->getOperand(1));
  if (isFloat(base)) {
    APFloat constant(0.0);
    if (matchPattern(exponent, m_ConstantFloat(&constant)) ||
        (isa<IntegerType>(exponent.getType()) && [&] {
          APInt i;
          if (!matchPattern(exponent, m_ConstantInt(&i)))
            return false;
          constant = APFloat((double)i.getSExtValue());
          return true;
        }())) {
      double e = constant.convertToDouble();
      if (e == 1.0)
        return base;
      if (e == 2.0)
        return arith::MulFOp::create(b, loc, base, base);
      if (e == 0.5)
        return math::SqrtOp::create(b, loc, base);
    }
    if (!isFloat(exponent))
      exponent = toFloat(b, loc, exponent, base.getType(), exponentUnsigned);
    else if (exponent.getType() != base.getType())
      exponent = arith::TruncFOp::create(b, loc, base.getType(), exponent);
    return math::PowFOp::create(b, loc, base, exponent);
  }
  // Integer base.
  if (isFloat(exponent)) {
    Value floatBase =
        toFloat(b, loc, base, exponent.getType(), info.isUnsigned);
    Value pow = math::PowFOp::create(b, loc, floatBase, exponent);
    if (info.isUnsigned)
      return arith::FPToUIOp::create(b, loc, base.getType(), pow);
    return arith::FPToSIOp::create(b, loc, base.getType(), pow);
  }
  unsigned baseWidth = base.getType().getIntOrFloatBitWidth();
  unsigned exponentWidth = exponent.getType().getIntOrFloatBitWidth();
  if (exponentWidth > baseWidth)
    exponent = arith::TruncIOp::create(b, loc, base.getType(), exponent);
  else if (exponentWidth < baseWidth)
    exponent =
        exponentUnsigned
            ? (Value)arith::ExtUIOp::create(b, loc, base.getType(), exponent)
            : (Value)arith::ExtSIOp::create(b, loc, base.getType(), exponent);
  return math::IPowIOp::create(b, loc, base, exponent);
}

/// The divisor integer division and remainder use in place of `y`: 1 where
/// `y` is 0, or (signed) where `x` / `y` is INT_MIN / -1, which trap on x86.
/// With it, x / 0 = 0 and x % 0 = 0 (as NumPy), INT_MIN / -1 = INT_MIN and
/// INT_MIN % -1 = 0: no input makes the program die of SIGFPE.
static Value getSafeDivisor(OpBuilder &b, Location loc, Value x, Value y,
                            bool isUnsigned) {
  Value zero = zeroLike(b, loc, y);
  Value one = createScalar(b, loc, y.getType(), 1);
  Value unsafe =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, y, zero);
  if (!isUnsigned) {
    unsigned width = y.getType().getIntOrFloatBitWidth();
    Value min = arith::ConstantOp::create(
        b, loc, b.getIntegerAttr(y.getType(), APInt::getSignedMinValue(width)));
    Value minusOne = arith::ConstantOp::create(
        b, loc, b.getIntegerAttr(y.getType(), APInt::getAllOnes(width)));
    Value overflows = arith::AndIOp::create(
        b, loc, arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, x, min),
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, y, minusOne));
    unsafe = arith::OrIOp::create(b, loc, unsafe, overflows);
  }
  return arith::SelectOp::create(b, loc, unsafe, one, y);
}

/// ONNX Div; integer division by zero gives 0 (getSafeDivisor).
Value buildDiv(OpBuilder &b, Location loc, const ScalarInfo &info,
               ValueRange args) {
  Value x = args[0], y = args[1];
  if (isFloat(x))
    return arith::DivFOp::create(b, loc, x, y);
  Value safe = getSafeDivisor(b, loc, x, y, info.isUnsigned);
  Value quotient = info.isUnsigned
                       ? (Value)arith::DivUIOp::create(b, loc, x, safe)
                       : (Value)arith::DivSIOp::create(b, loc, x, safe);
  Value zero = zeroLike(b, loc, y);
  Value byZero =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, y, zero);
  return arith::SelectOp::create(b, loc, byZero, zero, quotient);
}

/// ONNX Mod: the sign follows the divisor (Python) unless fmod = 1, where it
/// follows the dividend (C). An integer x % 0 is 0 (getSafeDivisor).
Value buildMod(OpBuilder &b, Location loc, const ScalarInfo &info,
               ValueRange args) {
  Value x = args[0], y = args[1];
  if (isFloat(x))
    return arith::RemFOp::create(b, loc, x, y);
  Value safe = getSafeDivisor(b, loc, x, y, info.isUnsigned);
  if (info.isUnsigned)
    return arith::RemUIOp::create(b, loc, x, safe);
  Value rem = arith::RemSIOp::create(b, loc, x, safe);
  auto fmod = info.op->getAttrOfType<IntegerAttr>("fmod");
  if (fmod && fmod.getInt() != 0)
    return rem;
  Value zero = zeroLike(b, loc, x);
  Value remNonZero =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, rem, zero);
  Value remNegative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, rem, zero);
  Value divisorNegative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, y, zero);
  Value signsDiffer =
      arith::XOrIOp::create(b, loc, remNegative, divisorNegative);
  Value adjust = arith::AndIOp::create(b, loc, remNonZero, signsDiffer);
  Value adjusted = arith::AddIOp::create(b, loc, rem, y);
  return arith::SelectOp::create(b, loc, adjust, adjusted, rem);
}

/// ONNX Cast from the operand's onnx element type to the result's.
Value buildCast(OpBuilder &b, Location loc, const ScalarInfo &info,
                ValueRange args) {
  Value x = args[0];
  Type from = x.getType(), to = info.resultType;
  bool fromUnsigned = info.isUnsigned || from.isInteger(1);
  bool toUnsigned = isUnsignedElement(info.op->getResult(0));
  if (from == to)
    return x;
  if (to.isInteger(1)) {
    Value zero = zeroLike(b, loc, x);
    if (isFloat(x))
      return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, x, zero);
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, x, zero);
  }
  if (isa<FloatType>(to)) {
    if (!isFloat(x))
      return toFloat(b, loc, x, to, fromUnsigned);
    if (from.getIntOrFloatBitWidth() < to.getIntOrFloatBitWidth())
      return arith::ExtFOp::create(b, loc, to, x);
    return arith::TruncFOp::create(b, loc, to, x);
  }
  if (isFloat(x)) {
    if (toUnsigned)
      return arith::FPToUIOp::create(b, loc, to, x);
    return arith::FPToSIOp::create(b, loc, to, x);
  }
  unsigned fromWidth = from.getIntOrFloatBitWidth();
  unsigned toWidth = to.getIntOrFloatBitWidth();
  if (fromWidth > toWidth)
    return arith::TruncIOp::create(b, loc, to, x);
  if (fromUnsigned)
    return arith::ExtUIOp::create(b, loc, to, x);
  return arith::ExtSIOp::create(b, loc, to, x);
}

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

struct ElementwiseEntry {
  StringLiteral opName;
  ScalarFn fn;
  /// How many leading operands are elements; the rest only carry types.
  unsigned numElementOperands = ~0u;
};

using CmpF = arith::CmpFPredicate;
using CmpI = arith::CmpIPredicate;

constexpr ElementwiseEntry kElementwiseOps[] = {
    // Unary, one op each.
    {onnx::AcosOp::getOperationName(), unary<math::AcosOp>},
    {onnx::AcoshOp::getOperationName(), unary<math::AcoshOp>},
    {onnx::AsinOp::getOperationName(), unary<math::AsinOp>},
    {onnx::AsinhOp::getOperationName(), unary<math::AsinhOp>},
    {onnx::AtanOp::getOperationName(), unary<math::AtanOp>},
    {onnx::AtanhOp::getOperationName(), unary<math::AtanhOp>},
    {onnx::CeilOp::getOperationName(), unary<math::CeilOp>},
    {onnx::CoshOp::getOperationName(), unary<math::CoshOp>},
    {onnx::SinhOp::getOperationName(), unary<math::SinhOp>},
    {onnx::CosOp::getOperationName(), unary<math::CosOp>},
    {onnx::ErfOp::getOperationName(), unary<math::ErfOp>},
    {onnx::ExpOp::getOperationName(), unary<math::ExpOp>},
    {onnx::FloorOp::getOperationName(), unary<math::FloorOp>},
    {onnx::LogOp::getOperationName(), unary<math::LogOp>},
    {onnx::RoundOp::getOperationName(), unary<math::RoundEvenOp>},
    {onnx::SinOp::getOperationName(), unary<math::SinOp>},
    {onnx::SqrtOp::getOperationName(), unary<math::SqrtOp>},
    {onnx::TanOp::getOperationName(), unary<math::TanOp>},
    {onnx::TanhOp::getOperationName(), unary<math::TanhOp>},
    // Unary activations and the like.
    {onnx::AbsOp::getOperationName(), buildAbs},
    {onnx::EluOp::getOperationName(), buildElu},
    {onnx::GeluOp::getOperationName(), buildGelu},
    {onnx::HardSigmoidOp::getOperationName(), buildHardSigmoid},
    {onnx::HardSwishOp::getOperationName(), buildHardSwish},
    {onnx::CeluOp::getOperationName(), buildCelu},
    {onnx::IsInfOp::getOperationName(), buildIsInf},
    {onnx::IsNaNOp::getOperationName(), buildIsNaN},
    {onnx::ShrinkOp::getOperationName(), buildShrink},
    {onnx::ThresholdedReluOp::getOperationName(), buildThresholdedRelu},
    {onnx::LeakyReluOp::getOperationName(), buildLeakyRelu},
    {onnx::NegOp::getOperationName(), buildNeg},
    {onnx::NotOp::getOperationName(), buildNot},
    {onnx::ReciprocalOp::getOperationName(), buildReciprocal},
    {onnx::ReluOp::getOperationName(), buildRelu},
    {onnx::SeluOp::getOperationName(), buildSelu},
    {onnx::SigmoidOp::getOperationName(), buildSigmoid},
    {onnx::SignOp::getOperationName(), buildSign},
    {onnx::SoftplusOp::getOperationName(), buildSoftplus},
    {onnx::SoftsignOp::getOperationName(), buildSoftsign},
    {onnx::CastOp::getOperationName(), buildCast},
    {onnx::CastLikeOp::getOperationName(), buildCast, 1},
    {onnx::ClipOp::getOperationName(), buildClip},
    // Binary and variadic, broadcasting.
    {onnx::AddOp::getOperationName(), fold<arith::AddFOp, arith::AddIOp>},
    {onnx::SubOp::getOperationName(), fold<arith::SubFOp, arith::SubIOp>},
    {onnx::MulOp::getOperationName(), fold<arith::MulFOp, arith::MulIOp>},
    {onnx::DivOp::getOperationName(), buildDiv},
    {onnx::SumOp::getOperationName(), fold<arith::AddFOp, arith::AddIOp>},
    {onnx::MaxOp::getOperationName(),
     fold<arith::MaximumFOp, arith::MaxSIOp, arith::MaxUIOp>},
    {onnx::MinOp::getOperationName(),
     fold<arith::MinimumFOp, arith::MinSIOp, arith::MinUIOp>},
    {onnx::MeanOp::getOperationName(), buildMean},
    {onnx::AndOp::getOperationName(), fold<arith::AndIOp, arith::AndIOp>},
    {onnx::BitShiftOp::getOperationName(), buildBitShift},
    {onnx::OrOp::getOperationName(), fold<arith::OrIOp, arith::OrIOp>},
    {onnx::XorOp::getOperationName(), fold<arith::XOrIOp, arith::XOrIOp>},
    {onnx::PowOp::getOperationName(), buildPow},
    {onnx::ModOp::getOperationName(), buildMod},
    {onnx::PReluOp::getOperationName(), buildPRelu},
    {onnx::EqualOp::getOperationName(), compare<CmpF::OEQ, CmpI::eq, CmpI::eq>},
    {onnx::LessOp::getOperationName(),
     compare<CmpF::OLT, CmpI::slt, CmpI::ult>},
    {onnx::LessOrEqualOp::getOperationName(),
     compare<CmpF::OLE, CmpI::sle, CmpI::ule>},
    {onnx::GreaterOp::getOperationName(),
     compare<CmpF::OGT, CmpI::sgt, CmpI::ugt>},
    {onnx::GreaterOrEqualOp::getOperationName(),
     compare<CmpF::OGE, CmpI::sge, CmpI::uge>},
    {onnx::WhereOp::getOperationName(), buildWhere},
};

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

/// Lowers the op named in its table entry to one broadcasting generic.
class ElementwiseLowering : public ConversionPattern {
public:
  ElementwiseLowering(const TypeConverter &converter, MLIRContext *context,
                      const ElementwiseEntry &entry)
      : ConversionPattern(converter, entry.opName, /*benefit=*/1, context),
        fn(entry.fn), numElementOperands(entry.numElementOperands) {}

  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op->getLoc();
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op->getResult(0));
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "result is not a ranked tensor");
    if (op->getNumResults() != 1)
      return rewriter.notifyMatchFailure(op, "expected one result");

    // Splat constants become scalars; the other operands are read.
    operands = operands.take_front(
        std::min<size_t>(numElementOperands, operands.size()));
    SmallVector<Value> scalars(operands.size());
    SmallVector<Value> inputs;
    for (auto [i, operand] : llvm::enumerate(operands)) {
      if (TypedAttr splat = getSplatConstant(op->getOperand(i)))
        scalars[i] = arith::ConstantOp::create(rewriter, loc, splat);
      else
        inputs.push_back(operand);
    }
    ScalarInfo info{op, resultType.getElementType(),
                    op->getNumOperands() > 0 &&
                        isUnsignedElement(op->getOperand(0))};
    Value result =
        buildElementwise(rewriter, loc, resultType, inputs,
                         [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
                           SmallVector<Value> all;
                           unsigned next = 0;
                           for (Value scalar : scalars)
                             all.push_back(scalar ? scalar : args[next++]);
                           return fn(b, bodyLoc, info, all);
                         });
    rewriter.replaceOp(op, result);
    return success();
  }

private:
  ScalarFn fn;
  unsigned numElementOperands;
};

/// Identity forwards its operand.
struct IdentityLowering : OpConversionPattern<onnx::IdentityOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::IdentityOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, adaptor.getInput());
    return success();
  }
};

/// Dropout at inference forwards its operand; the mask is all true.
struct DropoutLowering : OpConversionPattern<onnx::DropoutOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::DropoutOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (Value training = op.getTrainingMode()) {
      std::optional<SmallVector<int64_t>> mode = getConstantIntegers(training);
      std::optional<SmallVector<double>> ratio;
      if (Value r = op.getRatio())
        ratio = getConstantDoubles(r);
      bool noDrop =
          ratio && llvm::all_of(*ratio, [](double d) { return d == 0.0; });
      if (!noDrop &&
          (!mode || llvm::any_of(*mode, [](int64_t m) { return m != 0; })))
        return emitUnsupported(op, "training mode");
    }
    SmallVector<Value> results = {adaptor.getData()};
    if (Value mask = op.getMask()) {
      RankedTensorType maskType =
          getConvertedTensorType(*getTypeConverter(), mask);
      if (!maskType)
        return failure();
      results.push_back(arith::ConstantOp::create(
          rewriter, op.getLoc(),
          DenseElementsAttr::get(maskType, rewriter.getBoolAttr(true))));
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

} // namespace

namespace {

/// QuantizeLinear: saturate(round_half_even(x / scale) + zero_point) into
/// the zero point's integer type (uint8 and 0 without one).
struct QuantizeLinearLowering : OpConversionPattern<onnx::QuantizeLinearOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::QuantizeLinearOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getY());
    int64_t rank = resultType.getRank();
    int64_t axis = normalizeAxis(op.getAxis(), rank).value_or(-1);
    bool isUnsigned = isUnsignedElement(op.getY());
    bool xUnsigned = isUnsignedElement(op.getX());
    MLIRContext *context = rewriter.getContext();
    SmallVector<Value> inputs{adaptor.getX(), adaptor.getYScale()};
    if (adaptor.getYZeroPoint())
      inputs.push_back(adaptor.getYZeroPoint());
    SmallVector<AffineMap> maps{
        AffineMap::getMultiDimIdentityMap(rank, context)};
    for (Value param : ArrayRef<Value>(inputs).drop_front()) {
      FailureOr<AffineMap> map = getQuantParamMap(context, rank, axis, param);
      if (failed(map))
        return emitUnsupported(
            op, "a scale or zero point not scalar nor along a valid axis");
      maps.push_back(*map);
    }
    Type element = resultType.getElementType();
    Value result = buildGeneric(
        rewriter, loc, resultType, inputs, maps,
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value x = intToF32(b, l, args[0], xUnsigned);
          Value zeroPoint =
              args.size() > 2 ? intToF32(b, l, args[2], isUnsigned) : Value();
          return roundAndSaturate(b, l, arith::DivFOp::create(b, l, x, args[1]),
                                  zeroPoint, element, isUnsigned);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// DequantizeLinear: (x - zero_point) * scale in f32.
struct DequantizeLinearLowering
    : OpConversionPattern<onnx::DequantizeLinearOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::DequantizeLinearOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getY());
    int64_t rank = resultType.getRank();
    int64_t axis = normalizeAxis(op.getAxis(), rank).value_or(-1);
    bool isUnsigned = isUnsignedElement(op.getX());
    MLIRContext *context = rewriter.getContext();
    SmallVector<Value> inputs{adaptor.getX(), adaptor.getXScale()};
    if (adaptor.getXZeroPoint())
      inputs.push_back(adaptor.getXZeroPoint());
    SmallVector<AffineMap> maps{
        AffineMap::getMultiDimIdentityMap(rank, context)};
    for (Value param : ArrayRef<Value>(inputs).drop_front()) {
      FailureOr<AffineMap> map = getQuantParamMap(context, rank, axis, param);
      if (failed(map))
        return emitUnsupported(
            op, "a scale or zero point not scalar nor along a valid axis");
      maps.push_back(*map);
    }
    Value result = buildGeneric(
        rewriter, loc, resultType, inputs, maps,
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          // x - zero_point is exact in i64 (an int32 bias's
          // is not in f32), then scaled in f32 as ONNX does.
          Value x = args[0];
          if (args.size() > 2)
            x = arith::SubIOp::create(
                b, l, extendInt(b, l, x, b.getI64Type(), isUnsigned),
                extendInt(b, l, args[2], b.getI64Type(), isUnsigned));
          x = intToF32(b, l, x, isUnsigned && args.size() == 2);
          return arith::MulFOp::create(b, l, x, args[1]);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void aotc::populateElementwisePatterns(TypeConverter &converter,
                                       RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  for (const ElementwiseEntry &entry : kElementwiseOps)
    patterns.add<ElementwiseLowering>(converter, context, entry);
  patterns.add<IdentityLowering, DropoutLowering, QuantizeLinearLowering,
               DequantizeLinearLowering>(converter, context);
}
