//===- Elementwise.cpp - Shape functions of elementwise ONNX ops ----------===//
//
// Unary ops keep their operand's shape; binary, variadic and ternary ops
// broadcast their operands (numpy rules); the element type follows the op's
// rule, with the few custom ones (Cast, Dropout's mask) set here.
//
//===----------------------------------------------------------------------===//

#include "dialects/ONNX/IR/ConstantValues.h"
#include "dialects/ONNX/IR/DataTypes.h"
#include "dialects/ONNX/IR/ONNXDialect.h"
#include "dialects/ONNX/ShapeFns/ShapeHelpers.h"

using namespace mlir;
using namespace aotc::onnx;

// Ops whose every result has the shape of operand 0.
#define AOTC_SAME_SHAPE_OPS(X)                                                 \
  X(AbsOp)                                                                     \
  X(AcosOp)                                                                    \
  X(AcoshOp)                                                                   \
  X(AsinOp)                                                                    \
  X(AsinhOp)                                                                   \
  X(AtanOp)                                                                    \
  X(AtanhOp)                                                                   \
  X(CastLikeOp)                                                                \
  X(CeilOp)                                                                    \
  X(CeluOp)                                                                    \
  X(ClipOp)                                                                    \
  X(CosOp)                                                                     \
  X(CoshOp)                                                                    \
  X(EluOp)                                                                     \
  X(ErfOp)                                                                     \
  X(ExpOp)                                                                     \
  X(FloorOp)                                                                   \
  X(GeluOp)                                                                    \
  X(HardSigmoidOp)                                                             \
  X(HardSwishOp)                                                               \
  X(IdentityOp)                                                                \
  X(IsInfOp)                                                                   \
  X(IsNaNOp)                                                                   \
  X(LeakyReluOp)                                                               \
  X(LogOp)                                                                     \
  X(NegOp)                                                                     \
  X(NotOp)                                                                     \
  X(ReciprocalOp)                                                              \
  X(ReluOp)                                                                    \
  X(RoundOp)                                                                   \
  X(SeluOp)                                                                    \
  X(ShrinkOp)                                                                  \
  X(SigmoidOp)                                                                 \
  X(SignOp)                                                                    \
  X(SinOp)                                                                     \
  X(SinhOp)                                                                    \
  X(SoftplusOp)                                                                \
  X(SoftsignOp)                                                                \
  X(SqrtOp)                                                                    \
  X(TanOp)                                                                     \
  X(TanhOp)                                                                    \
  X(ThresholdedReluOp)                                                         \
  X(DequantizeLinearOp)

// Ops whose result is the broadcast of all their operands.
#define AOTC_BROADCAST_OPS(X)                                                  \
  X(AddOp)                                                                     \
  X(AndOp)                                                                     \
  X(BitShiftOp)                                                                \
  X(DivOp)                                                                     \
  X(EqualOp)                                                                   \
  X(GreaterOp)                                                                 \
  X(GreaterOrEqualOp)                                                          \
  X(LessOp)                                                                    \
  X(LessOrEqualOp)                                                             \
  X(MaxOp)                                                                     \
  X(MeanOp)                                                                    \
  X(MinOp)                                                                     \
  X(ModOp)                                                                     \
  X(MulOp)                                                                     \
  X(OrOp)                                                                      \
  X(PowOp)                                                                     \
  X(SubOp)                                                                     \
  X(SumOp)                                                                     \
  X(WhereOp)                                                                   \
  X(XorOp)

#define AOTC_DEFINE_SAME_SHAPE(OpTy)                                           \
  LogicalResult OpTy::inferShapes() { return inferSameShape(*this); }
AOTC_SAME_SHAPE_OPS(AOTC_DEFINE_SAME_SHAPE)
#undef AOTC_DEFINE_SAME_SHAPE

#define AOTC_DEFINE_BROADCAST(OpTy)                                            \
  LogicalResult OpTy::inferShapes() {                                          \
    return inferBroadcastShape(*this, getOperands());                          \
  }
AOTC_BROADCAST_OPS(AOTC_DEFINE_BROADCAST)
#undef AOTC_DEFINE_BROADCAST

/// Ops normalizing along one axis: the shape is kept, the axis checked.
template <typename OpTy>
static LogicalResult inferAxisPreserving(OpTy op) {
  if (failed(inferSameShape(op)))
    return failure();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(op->getOperand(0));
  if (shape && failed(normalizeAxis(op, op.getAxis(), shape->size())))
    return failure();
  return success();
}

LogicalResult SoftmaxOp::inferShapes() { return inferAxisPreserving(*this); }
LogicalResult LogSoftmaxOp::inferShapes() { return inferAxisPreserving(*this); }
LogicalResult HardmaxOp::inferShapes() { return inferAxisPreserving(*this); }

LogicalResult PReluOp::inferShapes() {
  // Unidirectional: the slope broadcasts to X, which keeps its shape.
  if (failed(inferSameShape(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> x = getShapeOf(getX());
  std::optional<ArrayRef<int64_t>> slope = getShapeOf(getSlope());
  if (!x || !slope)
    return success();
  FailureOr<Shape> broadcast = broadcastShapes(*this, *x, *slope);
  if (failed(broadcast))
    return failure();
  if (broadcast->size() != x->size())
    return emitOpError() << "slope of shape " << formatShape(*slope)
                         << " does not broadcast to the input shape "
                         << formatShape(*x);
  for (auto [xDim, dim] : llvm::zip(*x, *broadcast))
    if (!isDynamic(xDim) && !isDynamic(dim) && xDim != dim)
      return emitOpError() << "slope of shape " << formatShape(*slope)
                           << " does not broadcast to the input shape "
                           << formatShape(*x);
  return success();
}

LogicalResult CastOp::inferShapes() {
  Type elementType = getElementTypeOfDataType(getContext(), getTo());
  if (!elementType)
    return emitOpError() << "unsupported target type code " << getTo()
                         << " (attribute 'to')";
  if (std::optional<ArrayRef<int64_t>> shape = getShapeOf(getInput()))
    setShape(getOutput(), *shape, elementType);
  else
    setUnranked(getOutput(), elementType);
  return success();
}

LogicalResult QuantizeLinearOp::inferShapes() {
  // Without a zero point the result is uint8 (and the zero point 0).
  Value zeroPoint = getYZeroPoint();
  Type elementType =
      zeroPoint ? getElementType(zeroPoint)
                : IntegerType::get(getContext(), 8, IntegerType::Unsigned);
  if (std::optional<ArrayRef<int64_t>> shape = getShapeOf(getX()))
    setShape(getY(), *shape, elementType);
  else
    setUnranked(getY(), elementType);
  return success();
}

LogicalResult DropoutOp::inferShapes() {
  Type maskType = IntegerType::get(getContext(), 1);
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(getData());
  if (!shape) {
    setUnranked(getOutput(), getElementType(getData()));
    if (Value mask = getMask())
      setUnranked(mask, maskType);
    return success();
  }
  setShape(getOutput(), *shape, getElementType(getData()));
  if (Value mask = getMask())
    setShape(mask, *shape, maskType);
  return success();
}

LogicalResult TriluOp::inferShapes() {
  if (failed(inferSameShape(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(getInput());
  if (shape && shape->size() < 2)
    return emitOpError() << "input of shape " << formatShape(*shape)
                         << " has rank less than 2";
  return success();
}

LogicalResult CumSumOp::inferShapes() {
  if (failed(inferSameShape(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(getX());
  std::optional<SmallVector<int64_t>> axis = getConstantInts(getAxis());
  if (shape && axis && axis->size() == 1 &&
      failed(normalizeAxis(*this, axis->front(), shape->size())))
    return failure();
  return success();
}
