//===- ONNXVerifiers.cpp - Verifiers of ONNX ops ------------------------===//
//
// What ODS cannot say about the ONNX ops: attribute values against operand
// ranks. Types may be unranked or dynamic until shape inference, so every
// check is made only with the ranks and sizes it needs known.
//
//===----------------------------------------------------------------------===//

#include "dialects/ONNX/IR/ConstantEval.h"
#include "dialects/ONNX/IR/DataTypes.h"
#include "dialects/ONNX/IR/ONNXDialect.h"

using namespace mlir;
using namespace aotc::onnx;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// The type of `value` when it is a ranked tensor; null otherwise (also for
/// an omitted optional operand).
static RankedTensorType getRankedType(Value value) {
  return value ? dyn_cast<RankedTensorType>(value.getType())
               : RankedTensorType();
}

/// Checks that `axis` names a dimension of a rank-`rank` value (`what`),
/// counting from the end when negative. Flatten's axis may also be `rank`
/// itself (`allowRank`).
static LogicalResult verifyAxis(Operation *op, int64_t axis, int64_t rank,
                                StringRef what, bool allowRank = false) {
  if (axis >= -rank && (axis < rank || (allowRank && axis == rank)))
    return success();
  return op->emitOpError() << "axis " << axis << " is out of range for " << what
                           << " of rank " << rank;
}

/// Checks that `values` has `expected` elements and each is at least
/// `minValue`.
static LogicalResult verifyIntList(Operation *op, StringRef name,
                                   ArrayRef<int64_t> values,
                                   std::optional<int64_t> expected,
                                   StringRef unit, int64_t minValue) {
  if (expected && (int64_t)values.size() != *expected)
    return op->emitOpError()
           << name << " has " << values.size() << " values, expected "
           << *expected << " (" << unit << ")";
  for (int64_t value : values)
    if (value < minValue)
      return op->emitOpError() << name << " must be "
                               << (minValue > 0 ? "positive" : "non-negative")
                               << ", got " << value;
  return success();
}

namespace {
/// The window attributes shared by Conv and the pools; absent ones are
/// nullopt.
struct WindowAttrs {
  StringRef autoPad;
  std::optional<ArrayRef<int64_t>> kernelShape, strides, dilations, pads;
};
} // namespace

/// Checks that `type` (the op's `name`), when ranked, has a batch, a channel
/// and at least one spatial dimension.
static LogicalResult verifySpatialRank(Operation *op, RankedTensorType type,
                                       StringRef name) {
  if (!type || type.getRank() >= 3)
    return success();
  return op->emitOpError() << name << " must have rank at least 3, got "
                           << type.getRank();
}

/// Checks the window attributes against `type`'s spatial rank (its rank
/// minus the batch and channel dimensions) when it is ranked.
static LogicalResult verifyWindow(Operation *op, RankedTensorType type,
                                  const WindowAttrs &attrs) {
  if (!llvm::is_contained({"NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID"},
                          attrs.autoPad))
    return op->emitOpError() << "auto_pad must be one of NOTSET, SAME_UPPER, "
                                "SAME_LOWER or VALID, got \""
                             << attrs.autoPad << "\"";
  std::optional<int64_t> spatialRank;
  if (type)
    spatialRank = type.getRank() - 2;
  struct List {
    StringRef name;
    std::optional<ArrayRef<int64_t>> values;
    int64_t perDim;
    int64_t minValue;
  };
  const List lists[] = {{"kernel_shape", attrs.kernelShape, 1, 1},
                        {"strides", attrs.strides, 1, 1},
                        {"dilations", attrs.dilations, 1, 1},
                        {"pads", attrs.pads, 2, 0}};
  for (const List &list : lists) {
    if (!list.values)
      continue;
    std::optional<int64_t> expected;
    if (spatialRank)
      expected = *spatialRank * list.perDim;
    StringRef unit = list.perDim == 1 ? "one per spatial dimension"
                                      : "a begin and an end per spatial "
                                        "dimension";
    if (failed(verifyIntList(op, list.name, *list.values, expected, unit,
                             list.minValue)))
      return failure();
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Convolution and pooling
//===----------------------------------------------------------------------===//

LogicalResult ConvOp::verify() {
  RankedTensorType inputType = getRankedType(getX());
  RankedTensorType weightType = getRankedType(getW());
  if (getGroup() <= 0)
    return emitOpError() << "group must be positive, got " << getGroup();
  if (failed(verifySpatialRank(*this, inputType, "input")) ||
      failed(verifySpatialRank(*this, weightType, "weight")))
    return failure();
  if (inputType && weightType && inputType.getRank() != weightType.getRank())
    return emitOpError() << "weight rank " << weightType.getRank()
                         << " does not match input rank "
                         << inputType.getRank();
  WindowAttrs attrs{getAutoPad(), getKernelShape(), getStrides(),
                    getDilations(), getPads()};
  if (failed(verifyWindow(*this, inputType ? inputType : weightType, attrs)))
    return failure();
  if (!weightType)
    return success();
  // Weights are [M, C / group, k1, k2, ...].
  int64_t outChannels = weightType.getDimSize(0);
  if (!ShapedType::isDynamic(outChannels) && outChannels % getGroup() != 0)
    return emitOpError() << "weight output channels (" << outChannels
                         << ") are not divisible by group (" << getGroup()
                         << ")";
  if (inputType && !inputType.isDynamicDim(1) && !weightType.isDynamicDim(1) &&
      inputType.getDimSize(1) != weightType.getDimSize(1) * getGroup())
    return emitOpError() << "input channels (" << inputType.getDimSize(1)
                         << ") do not equal weight channels ("
                         << weightType.getDimSize(1) << ") times group ("
                         << getGroup() << ")";
  if (std::optional<ArrayRef<int64_t>> kernel = getKernelShape())
    for (auto [i, size] : llvm::enumerate(*kernel))
      if (!weightType.isDynamicDim(i + 2) &&
          weightType.getDimSize(i + 2) != size)
        return emitOpError() << "kernel_shape[" << i << "] = " << size
                             << " does not match the weight's size "
                             << weightType.getDimSize(i + 2);
  if (RankedTensorType biasType = getRankedType(getB())) {
    if (biasType.getRank() != 1)
      return emitOpError() << "bias must have rank 1, got "
                           << biasType.getRank();
    if (!biasType.isDynamicDim(0) && !ShapedType::isDynamic(outChannels) &&
        biasType.getDimSize(0) != outChannels)
      return emitOpError() << "bias has " << biasType.getDimSize(0)
                           << " elements, expected " << outChannels
                           << " (the weight's output channels)";
  }
  return success();
}

LogicalResult MaxPoolOp::verify() {
  WindowAttrs attrs{getAutoPad(), getKernelShape(), getStrides(),
                    getDilations(), getPads()};
  RankedTensorType inputType = getRankedType(getX());
  if (failed(verifySpatialRank(*this, inputType, "input")))
    return failure();
  return verifyWindow(*this, inputType, attrs);
}

LogicalResult AveragePoolOp::verify() {
  WindowAttrs attrs{getAutoPad(), getKernelShape(), getStrides(),
                    /*dilations=*/std::nullopt, getPads()};
  RankedTensorType inputType = getRankedType(getX());
  if (failed(verifySpatialRank(*this, inputType, "input")))
    return failure();
  return verifyWindow(*this, inputType, attrs);
}

//===----------------------------------------------------------------------===//
// Linear algebra
//===----------------------------------------------------------------------===//

LogicalResult GemmOp::verify() {
  RankedTensorType aType = getRankedType(getA());
  RankedTensorType bType = getRankedType(getB());
  for (auto [name, type] : {std::pair{"A", aType}, std::pair{"B", bType}})
    if (type && type.getRank() != 2)
      return emitOpError() << name << " must have rank 2, got "
                           << type.getRank();
  if (RankedTensorType cType = getRankedType(getC()))
    if (cType.getRank() > 2)
      return emitOpError() << "C must have rank at most 2, got "
                           << cType.getRank();
  if (!aType || !bType)
    return success();
  int64_t aInner = aType.getDimSize(getTransA() ? 0 : 1);
  int64_t bInner = bType.getDimSize(getTransB() ? 1 : 0);
  if (!ShapedType::isDynamic(aInner) && !ShapedType::isDynamic(bInner) &&
      aInner != bInner)
    return emitOpError() << "inner dimensions of A (" << aInner << ") and B ("
                         << bInner << ") do not match";
  return success();
}

//===----------------------------------------------------------------------===//
// Axes
//===----------------------------------------------------------------------===//

template <typename OpTy>
static LogicalResult verifySoftmaxAxis(OpTy op) {
  RankedTensorType type = getRankedType(op.getInput());
  if (!type)
    return success();
  return verifyAxis(op, op.getAxis(), type.getRank(), "an input");
}

LogicalResult SoftmaxOp::verify() { return verifySoftmaxAxis(*this); }
LogicalResult LogSoftmaxOp::verify() { return verifySoftmaxAxis(*this); }

LogicalResult GatherOp::verify() {
  RankedTensorType type = getRankedType(getData());
  if (!type)
    return success();
  return verifyAxis(*this, getAxis(), type.getRank(), "data");
}

LogicalResult FlattenOp::verify() {
  RankedTensorType type = getRankedType(getInput());
  if (!type)
    return success();
  return verifyAxis(*this, getAxis(), type.getRank(), "an input",
                    /*allowRank=*/true);
}

LogicalResult ConcatOp::verify() {
  if (getInputs().empty())
    return emitOpError("requires at least one input");
  // Ranks and sizes are compared with the first ranked input.
  RankedTensorType first;
  unsigned firstIndex = 0;
  for (auto [index, input] : llvm::enumerate(getInputs())) {
    RankedTensorType type = getRankedType(input);
    if (!type)
      continue;
    if (!first) {
      first = type;
      firstIndex = index;
      if (failed(verifyAxis(*this, getAxis(), type.getRank(), "inputs")))
        return failure();
      continue;
    }
    if (type.getRank() != first.getRank())
      return emitOpError() << "input #" << index << " has rank "
                           << type.getRank() << ", but input #" << firstIndex
                           << " has rank " << first.getRank();
    int64_t axis = getAxis() < 0 ? getAxis() + first.getRank() : getAxis();
    for (int64_t d = 0; d < type.getRank(); ++d)
      if (d != axis && !type.isDynamicDim(d) && !first.isDynamicDim(d) &&
          type.getDimSize(d) != first.getDimSize(d))
        return emitOpError()
               << "input #" << index << " has size " << type.getDimSize(d)
               << " in dimension " << d << ", but input #" << firstIndex
               << " has size " << first.getDimSize(d);
  }
  return success();
}

LogicalResult TransposeOp::verify() {
  std::optional<ArrayRef<int64_t>> perm = getPerm();
  if (!perm)
    return success();
  int64_t rank = perm->size();
  if (RankedTensorType type = getRankedType(getData())) {
    if (type.getRank() != rank)
      return emitOpError() << "perm has " << rank
                           << " values for an input of rank " << type.getRank();
  }
  SmallVector<bool> seen(rank, false);
  for (int64_t dim : *perm) {
    if (dim < 0 || dim >= rank)
      return emitOpError() << "perm value " << dim
                           << " is out of range for rank " << rank;
    if (seen[dim])
      return emitOpError() << "perm repeats dimension " << dim;
    seen[dim] = true;
  }
  return success();
}

LogicalResult SplitOp::verify() {
  if (getOutputs().empty())
    return emitOpError("requires at least one result");
  if (RankedTensorType type = getRankedType(getInput()))
    if (failed(verifyAxis(*this, getAxis(), type.getRank(), "an input")))
      return failure();
  int64_t numResults = getOutputs().size();
  if (IntegerAttr numOutputsAttr = getNumOutputsAttr()) {
    if (getSplit())
      return emitOpError("split and num_outputs are mutually exclusive");
    int64_t numOutputs = numOutputsAttr.getValue().getSExtValue();
    if (numOutputs != numResults)
      return emitOpError() << "num_outputs is " << numOutputs
                           << ", but the op has " << numResults << " results";
  }
  if (RankedTensorType splitType = getRankedType(getSplit())) {
    if (splitType.getRank() != 1)
      return emitOpError() << "split must be a 1-D tensor, got rank "
                           << splitType.getRank();
    if (!splitType.isDynamicDim(0) && splitType.getDimSize(0) != numResults)
      return emitOpError() << "split has " << splitType.getDimSize(0)
                           << " values for " << numResults << " results";
  }
  return success();
}

LogicalResult TriluOp::verify() {
  if (RankedTensorType type = getRankedType(getInput()))
    if (type.getRank() < 2)
      return emitOpError() << "input must have rank at least 2, got "
                           << type.getRank();
  if (RankedTensorType kType = getRankedType(getK()))
    if (kType.hasStaticShape() && kType.getNumElements() != 1)
      return emitOpError() << "k must hold a single value, got " << kType;
  return success();
}

/// Squeeze removes one dimension per axis and Unsqueeze inserts one
/// (`sign` -1 and +1); `axes` is a 1-D list.
static LogicalResult verifyAxesChange(Operation *op, Value data, Value axes,
                                      Value result, int64_t sign) {
  RankedTensorType axesType = getRankedType(axes);
  if (axesType && axesType.getRank() != 1)
    return op->emitOpError()
           << "axes must be a 1-D tensor, got rank " << axesType.getRank();
  RankedTensorType dataType = getRankedType(data);
  RankedTensorType resultType = getRankedType(result);
  if (!dataType || !resultType)
    return success();
  if (sign < 0 && resultType.getRank() > dataType.getRank())
    return op->emitOpError() << "result rank " << resultType.getRank()
                             << " exceeds input rank " << dataType.getRank();
  if (!axesType || axesType.isDynamicDim(0))
    return success();
  // Squeeze with empty axes removes every 1, like Squeeze without axes.
  if (sign < 0 && axesType.getDimSize(0) == 0)
    return success();
  int64_t expected = dataType.getRank() + sign * axesType.getDimSize(0);
  if (resultType.getRank() != expected)
    return op->emitOpError()
           << "result rank " << resultType.getRank()
           << " does not match input rank " << dataType.getRank()
           << (sign < 0 ? " minus " : " plus ") << axesType.getDimSize(0)
           << " axes";
  return success();
}

LogicalResult SqueezeOp::verify() {
  return verifyAxesChange(*this, getData(), getAxes(), getSqueezed(), -1);
}

LogicalResult UnsqueezeOp::verify() {
  return verifyAxesChange(*this, getData(), getAxes(), getExpanded(), +1);
}

//===----------------------------------------------------------------------===//
// Others
//===----------------------------------------------------------------------===//

LogicalResult ConstantOp::verify() {
  if (getValue().getType() != getOutput().getType())
    return emitOpError() << "value type " << getValue().getType()
                         << " does not match result type "
                         << getOutput().getType();
  return success();
}

LogicalResult CastOp::verify() {
  Type expected = getElementTypeOfDataType(getContext(), getTo());
  if (!expected)
    return emitOpError() << "to = " << getTo()
                         << " is not a supported data type";
  Type elementType = getOutput().getType().getElementType();
  if (elementType != expected)
    return emitOpError() << "result element type " << elementType
                         << " does not match to = " << getTo() << " ("
                         << expected << ")";
  return success();
}

LogicalResult GeluOp::verify() {
  if (getApproximate() != "none" && getApproximate() != "tanh")
    return emitOpError() << "approximate must be \"none\" or \"tanh\", got \""
                         << getApproximate() << "\"";
  return success();
}

LogicalResult AotcAttentionOp::verify() {
  auto q = dyn_cast<RankedTensorType>(getQ().getType());
  auto k = dyn_cast<RankedTensorType>(getK().getType());
  auto v = dyn_cast<RankedTensorType>(getV().getType());
  if (!q || !k || !v)
    return success();
  int64_t rank = q.getRank();
  if (rank < 2 || k.getRank() != rank || v.getRank() != rank)
    return emitOpError() << "Q, K and V must have the same rank, 2 or more";
  auto differ = [](int64_t a, int64_t b) {
    return !ShapedType::isDynamic(a) && !ShapedType::isDynamic(b) && a != b;
  };
  for (int64_t d = 0; d < rank - 2; ++d)
    if (differ(q.getDimSize(d), k.getDimSize(d)) ||
        differ(q.getDimSize(d), v.getDimSize(d)))
      return emitOpError() << "Q, K and V must have the same batch dimensions";
  if (differ(q.getDimSize(rank - 1), k.getDimSize(rank - 1)))
    return emitOpError() << "Q and K must have the same last dimension";
  if (differ(k.getDimSize(rank - 2), v.getDimSize(rank - 2)))
    return emitOpError() << "K and V must have as many rows";
  if (!getMask())
    return success();
  auto mask = dyn_cast<RankedTensorType>(getMask().getType());
  if (!mask)
    return success();
  SmallVector<int64_t> scores(q.getShape().drop_back());
  scores.push_back(k.getDimSize(rank - 2));
  if (mask.getRank() > rank)
    return emitOpError() << "mask has a higher rank than the scores";
  for (auto [m, s] : llvm::zip(llvm::reverse(mask.getShape()),
                               llvm::reverse(ArrayRef<int64_t>(scores))))
    if (m != 1 && differ(m, s))
      return emitOpError() << "mask does not broadcast to the scores";
  return success();
}
