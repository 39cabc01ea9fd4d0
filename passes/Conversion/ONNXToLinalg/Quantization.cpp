//===- Quantization.cpp - Shared pieces of the quantized lowerings --------===//

#include "passes/Conversion/ONNXToLinalg/Quantization.h"

#include "passes/Conversion/ONNXToLinalg/LoweringUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"

#include <cmath>

using namespace mlir;

namespace aotc {

FailureOr<AffineMap> getQuantParamMap(MLIRContext *context, int64_t rank,
                                      int64_t axis, Value param) {
  auto type = cast<RankedTensorType>(param.getType());
  if (type.getRank() == 0)
    return AffineMap::get(rank, 0, {}, context);
  if (type.getRank() != 1)
    return failure();
  if (type.getDimSize(0) == 1)
    return AffineMap::get(rank, 0, {getAffineConstantExpr(0, context)},
                          context);
  if (axis < 0 || axis >= rank)
    return failure();
  return AffineMap::get(rank, 0, {getAffineDimExpr(axis, context)}, context);
}

Value intToF32(OpBuilder &b, Location loc, Value v, bool isUnsigned) {
  Type f32 = b.getF32Type();
  if (isa<FloatType>(v.getType()))
    return v;
  return isUnsigned ? arith::UIToFPOp::create(b, loc, f32, v).getResult()
                    : arith::SIToFPOp::create(b, loc, f32, v).getResult();
}

Value extendInt(OpBuilder &b, Location loc, Value v, Type type,
                bool isUnsigned) {
  if (v.getType() == type)
    return v;
  return isUnsigned ? arith::ExtUIOp::create(b, loc, type, v).getResult()
                    : arith::ExtSIOp::create(b, loc, type, v).getResult();
}

FailureOr<Value> subtractZeroPoint(OpBuilder &b, Location loc, Value value,
                                   Value zeroPoint, int64_t axis,
                                   bool isUnsigned) {
  auto type = cast<RankedTensorType>(value.getType());
  int64_t rank = type.getRank();
  MLIRContext *context = b.getContext();
  SmallVector<Value> inputs{value};
  SmallVector<AffineMap> maps{AffineMap::getMultiDimIdentityMap(rank, context)};
  if (zeroPoint) {
    FailureOr<AffineMap> map = getQuantParamMap(context, rank, axis, zeroPoint);
    if (failed(map))
      return failure();
    inputs.push_back(zeroPoint);
    maps.push_back(*map);
  }
  Type i32 = b.getI32Type();
  return buildGeneric(
      b, loc, RankedTensorType::get(type.getShape(), i32), inputs, maps,
      [&](OpBuilder &nb, Location l, ValueRange args) -> Value {
        Value x = extendInt(nb, l, args[0], i32, isUnsigned);
        if (args.size() == 1)
          return x;
        return arith::SubIOp::create(
            nb, l, x, extendInt(nb, l, args[1], i32, isUnsigned));
      });
}

Value roundAndSaturate(OpBuilder &b, Location loc, Value x, Value zeroPoint,
                       Type element, bool isUnsigned) {
  Value shifted = math::RoundEvenOp::create(b, loc, x);
  if (zeroPoint)
    shifted = arith::AddFOp::create(b, loc, shifted, zeroPoint);
  unsigned width = element.getIntOrFloatBitWidth();
  double low = isUnsigned ? 0.0 : -std::ldexp(1.0, width - 1);
  double high =
      isUnsigned ? std::ldexp(1.0, width) - 1 : std::ldexp(1.0, width - 1) - 1;
  Type f32 = b.getF32Type();
  Value clamped = arith::MaximumFOp::create(b, loc, shifted,
                                            createScalar(b, loc, f32, low));
  clamped = arith::MinimumFOp::create(b, loc, clamped,
                                      createScalar(b, loc, f32, high));
  return isUnsigned
             ? arith::FPToUIOp::create(b, loc, element, clamped).getResult()
             : arith::FPToSIOp::create(b, loc, element, clamped).getResult();
}

FailureOr<Value> requantize(OpBuilder &b, Location loc, Value acc,
                            ScaleOperand aScale, ScaleOperand bScale,
                            Value yScale, Value yZeroPoint,
                            RankedTensorType resultType, bool isUnsigned) {
  MLIRContext *context = b.getContext();
  int64_t rank = resultType.getRank();
  SmallVector<Value> inputs{acc, aScale.scale, bScale.scale, yScale,
                            yZeroPoint};
  SmallVector<AffineMap> maps{AffineMap::getMultiDimIdentityMap(rank, context)};
  for (auto [param, axis] :
       {std::pair(aScale.scale, aScale.axis),
        std::pair(bScale.scale, bScale.axis), std::pair(yScale, int64_t(-1)),
        std::pair(yZeroPoint, int64_t(-1))}) {
    FailureOr<AffineMap> map = getQuantParamMap(context, rank, axis, param);
    if (failed(map))
      return failure();
    maps.push_back(*map);
  }
  Type element = resultType.getElementType();
  return buildGeneric(
      b, loc, resultType, inputs, maps,
      [&](OpBuilder &nb, Location l, ValueRange args) -> Value {
        Value multiplier = arith::DivFOp::create(
            nb, l, arith::MulFOp::create(nb, l, args[1], args[2]), args[3]);
        Value scaled = arith::MulFOp::create(
            nb, l, intToF32(nb, l, args[0], /*isUnsigned=*/false), multiplier);
        return roundAndSaturate(nb, l, scaled,
                                intToF32(nb, l, args[4], isUnsigned), element,
                                isUnsigned);
      });
}

} // namespace aotc
