//===- Normalization.cpp - Shape functions of normalization ops -----------===//
//
// Normalizations keep the input's shape; what they check is that the
// per-channel parameters match the input's channels.
//
//===----------------------------------------------------------------------===//

#include "dialects/ONNX/IR/DataTypes.h"
#include "dialects/ONNX/IR/ONNXDialect.h"
#include "dialects/ONNX/ShapeFns/ShapeHelpers.h"

using namespace mlir;
using namespace aotc::onnx;

/// Checks that each of `params` (named by `names`) is 1-D of size
/// `channels` when both are known.
static LogicalResult checkChannelParams(Operation *op, int64_t channels,
                                        ValueRange params,
                                        ArrayRef<StringRef> names) {
  for (auto [param, name] : llvm::zip(params, names)) {
    std::optional<ArrayRef<int64_t>> shape = getShapeOf(param);
    if (!shape)
      continue;
    if (shape->size() != 1 ||
        (!isDynamic(channels) && !isDynamic((*shape)[0]) &&
         (*shape)[0] != channels))
      return op->emitOpError() << name << " of shape " << formatShape(*shape)
                               << " does not match the input's "
                               << formatDim(channels) << " channels";
  }
  return success();
}

/// Checks that `shape` has a channel dimension.
static LogicalResult checkHasChannels(Operation *op, ArrayRef<int64_t> shape) {
  if (shape.size() < 2)
    return op->emitOpError() << "input of shape " << formatShape(shape)
                             << " has no channel dimension";
  return success();
}

LogicalResult BatchNormalizationOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> x = getShapeOf(getX());
  if (!x)
    return success();
  if (failed(checkHasChannels(*this, *x)))
    return failure();
  int64_t channels = (*x)[1];
  if (failed(checkChannelParams(
          *this, channels, {getScale(), getB(), getInputMean(), getInputVar()},
          {"scale", "B", "input_mean", "input_var"})))
    return failure();
  setShape(getY(), *x);
  // The running statistics exist only in training mode.
  if (Value mean = getRunningMean())
    setShape(mean, {channels});
  if (Value var = getRunningVar())
    setShape(var, {channels});
  return success();
}

LogicalResult InstanceNormalizationOp::inferShapes() {
  if (failed(inferSameShape(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> x = getShapeOf(getInput());
  if (!x)
    return success();
  if (failed(checkHasChannels(*this, *x)))
    return failure();
  return checkChannelParams(*this, (*x)[1], {getScale(), getB()},
                            {"scale", "B"});
}

LogicalResult LayerNormalizationOp::inferShapes() {
  // Mean and InvStdDev hold the statistics in stash_type.
  Type elementType = getElementType(getX());
  Type stashType = getElementTypeOfDataType(getContext(), getStashType());
  if (!stashType)
    return emitOpError() << "unsupported stash_type " << getStashType();
  std::optional<ArrayRef<int64_t>> x = getShapeOf(getX());
  if (!x) {
    setUnranked(getY(), elementType);
    for (Value stat : {getMean(), getInvStdDev()})
      if (stat)
        setUnranked(stat, stashType);
    return success();
  }
  FailureOr<int64_t> axis = normalizeAxis(*this, getAxis(), x->size());
  if (failed(axis))
    return failure();
  setShape(getY(), *x, elementType);
  // Statistics keep the leading dimensions and reduce the normalized ones
  // to 1.
  Shape statShape(x->begin(), x->begin() + *axis);
  statShape.append(x->size() - *axis, 1);
  for (Value stat : {getMean(), getInvStdDev()})
    if (stat)
      setShape(stat, statShape, stashType);
  return success();
}

LogicalResult LRNOp::inferShapes() {
  if (failed(inferSameShape(*this)))
    return failure();
  if (getSize() < 1)
    return emitOpError() << "size " << getSize() << " must be positive";
  return success();
}

LogicalResult MeanVarianceNormalizationOp::inferShapes() {
  if (failed(inferSameShape(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> x = getShapeOf(getX());
  std::optional<ArrayRef<int64_t>> axes = getAxes();
  if (x && axes && failed(normalizeAxes(*this, *axes, x->size())))
    return failure();
  return success();
}

LogicalResult LpNormalizationOp::inferShapes() {
  if (failed(inferSameShape(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> x = getShapeOf(getInput());
  if (x && failed(normalizeAxis(*this, getAxis(), x->size())))
    return failure();
  if (getP() != 1 && getP() != 2)
    return emitOpError() << "p " << getP() << " must be 1 or 2";
  return success();
}
