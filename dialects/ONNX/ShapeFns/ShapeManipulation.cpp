//===- ShapeManipulation.cpp - Shape functions of data-movement ops -------===//
//
// Many of these ops take their target shape from a tensor operand (Reshape's
// shape, Slice's starts, ...). When that operand is not a constant yet, the
// result keeps what is known: its rank from the operand's length, and the
// dimensions the operand cannot change.
//
//===----------------------------------------------------------------------===//

#include "dialects/ONNX/IR/ConstantValues.h"
#include "dialects/ONNX/IR/DataTypes.h"
#include "dialects/ONNX/IR/ONNXDialect.h"
#include "dialects/ONNX/ShapeFns/ShapeHelpers.h"

#include "llvm/Support/CheckedArithmetic.h"
#include "llvm/Support/Format.h"

#include <cmath>

using namespace mlir;
using namespace aotc::onnx;

static constexpr int64_t kDynamic = ShapedType::kDynamic;

/// Sets `result` to rank `length` with unknown sizes when the length is
/// known, and leaves it unranked otherwise.
static void setUnknownDims(Value result, std::optional<int64_t> length) {
  if (length)
    setShape(result, Shape(*length, kDynamic));
}

/// Formats a number read from a float or integer constant, as `%g` does.
static std::string formatNumber(double value) {
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format("%g", value);
  return text;
}

/// Constant scalar (or one-element tensor) integer `value`.
static std::optional<int64_t> getConstantScalar(Value value) {
  std::optional<SmallVector<int64_t>> values = getConstantInts(value);
  if (!values || values->size() != 1)
    return std::nullopt;
  return values->front();
}

//===----------------------------------------------------------------------===//
// Constants and shapes as values
//===----------------------------------------------------------------------===//

LogicalResult ConstantOp::inferShapes() {
  auto type = cast<ShapedType>(getValue().getType());
  getOutput().setType(
      RankedTensorType::get(type.getShape(), type.getElementType()));
  return success();
}

LogicalResult ConstantOfShapeOp::inferShapes() {
  // The fill value's type, f32 (zero) by default.
  Type elementType = Float32Type::get(getContext());
  if (std::optional<ElementsAttr> value = getValue())
    elementType = value->getElementType();
  if (failed(checkOneDimensional(*this, getInput(), "shape")))
    return failure();
  std::optional<SmallVector<int64_t>> dims = getConstantInts(getInput());
  if (!dims) {
    setUnranked(getOutput(), elementType);
    setUnknownDims(getOutput(), getStaticLength(getInput()));
    return success();
  }
  if (llvm::any_of(*dims, [](int64_t dim) { return dim < 0; }))
    return emitOpError() << "shape " << formatList(*dims)
                         << " has a negative dimension";
  setShape(getOutput(), *dims, elementType);
  return success();
}

LogicalResult ShapeOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(getData());
  if (!shape)
    return success();
  // start and end count from the back when negative, and are clamped.
  int64_t rank = shape->size();
  auto clampIndex = [&](int64_t index) {
    return std::clamp<int64_t>(index < 0 ? index + rank : index, 0, rank);
  };
  int64_t start = clampIndex(getStart());
  int64_t end = clampIndex(getEnd().value_or(rank));
  setShape(getShape(), {std::max<int64_t>(end - start, 0)});
  return success();
}

LogicalResult SizeOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  setShape(getSize(), {});
  return success();
}

//===----------------------------------------------------------------------===//
// Reshapes
//===----------------------------------------------------------------------===//

LogicalResult ReshapeOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)) ||
      failed(checkOneDimensional(*this, getShape(), "shape")))
    return failure();
  std::optional<SmallVector<int64_t>> target = getConstantInts(getShape());
  if (!target) {
    setUnknownDims(getReshaped(), getStaticLength(getShape()));
    return success();
  }
  std::optional<ArrayRef<int64_t>> input = getShapeOf(getData());
  Shape shape(*target);
  std::optional<size_t> inferred;
  for (auto [i, dim] : llvm::enumerate(shape)) {
    if (dim == -1) {
      if (inferred)
        return emitOpError()
               << "shape " << formatList(*target) << " has more than one -1";
      inferred = i;
    } else if (dim == 0 && !getAllowzero()) {
      // 0 copies the input's dimension.
      if (!input) {
        dim = kDynamic;
      } else if (i >= input->size()) {
        return emitOpError()
               << "shape " << formatList(*target) << " copies dimension " << i
               << " of the input of shape " << formatShape(*input)
               << ", which has rank " << input->size();
      } else {
        dim = (*input)[i];
      }
    } else if (dim < 0) {
      return emitOpError() << "shape " << formatList(*target)
                           << " has invalid dimension " << dim;
    }
  }
  if (inferred && getAllowzero() && llvm::is_contained(*target, 0))
    return emitOpError() << "shape " << formatList(*target)
                         << " has both -1 and 0 with allowzero";

  int64_t total = input ? getProduct(*input) : kDynamic;
  if (inferred) {
    shape[*inferred] = 1;
    int64_t known = getProduct(shape);
    shape[*inferred] = kDynamic;
    if (!isDynamic(total) && !isDynamic(known)) {
      if (known == 0 || total % known != 0)
        return emitOpError()
               << "cannot reshape " << formatShape(*input) << " (" << total
               << " elements) into shape " << formatList(*target);
      shape[*inferred] = total / known;
    }
  } else if (!isDynamic(total) && !isDynamic(getProduct(shape)) &&
             total != getProduct(shape)) {
    return emitOpError() << "cannot reshape " << formatShape(*input) << " ("
                         << total << " elements) into " << formatShape(shape)
                         << " (" << getProduct(shape) << " elements)";
  }
  setShape(getReshaped(), shape);
  return success();
}

LogicalResult FlattenOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(getInput());
  if (!shape)
    return success();
  // axis is in [-rank, rank]: rank itself flattens into N x 1.
  int64_t rank = shape->size(), axis = getAxis();
  if (axis < -rank || axis > rank)
    return emitOpError() << "axis " << axis << " is out of range for rank "
                         << rank;
  if (axis < 0)
    axis += rank;
  setShape(getOutput(), {getProduct(shape->take_front(axis)),
                         getProduct(shape->drop_front(axis))});
  return success();
}

LogicalResult TransposeOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(getData());
  if (!shape)
    return success();
  int64_t rank = shape->size();
  Shape perm;
  if (std::optional<ArrayRef<int64_t>> attr = getPerm())
    perm.assign(attr->begin(), attr->end());
  else
    for (int64_t i = rank - 1; i >= 0; --i)
      perm.push_back(i);
  SmallVector<bool> used(rank, false);
  for (int64_t index : perm) {
    if ((int64_t)perm.size() != rank || index < 0 || index >= rank ||
        used[index])
      return emitOpError() << "perm " << formatList(perm)
                           << " is not a permutation of the input's " << rank
                           << " dimensions";
    used[index] = true;
  }
  Shape result;
  for (int64_t index : perm)
    result.push_back((*shape)[index]);
  setShape(getTransposed(), result);
  return success();
}

LogicalResult SqueezeOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(getData());
  if (!shape)
    return success();
  int64_t rank = shape->size();
  Shape axes;
  // Empty axes squeeze every 1, as no axes do (ONNX Runtime reads them so).
  Value axesInput = getAxes();
  if (axesInput && getStaticLength(axesInput) != 0) {
    std::optional<SmallVector<int64_t>> values = getConstantInts(axesInput);
    if (!values) {
      std::optional<int64_t> length = getStaticLength(axesInput);
      if (length && *length <= rank)
        setUnknownDims(getSqueezed(), rank - *length);
      return success();
    }
    FailureOr<Shape> normalized = normalizeAxes(*this, *values, rank);
    if (failed(normalized))
      return failure();
    axes = std::move(*normalized);
    for (int64_t axis : axes)
      if (!isDynamic((*shape)[axis]) && (*shape)[axis] != 1)
        return emitOpError()
               << "cannot squeeze axis " << axis << " of size "
               << (*shape)[axis] << " in shape " << formatShape(*shape);
  } else {
    // Without axes every 1 goes; a dynamic size might be one.
    if (llvm::any_of(*shape, isDynamic))
      return success();
    for (int64_t i = 0; i < rank; ++i)
      if ((*shape)[i] == 1)
        axes.push_back(i);
  }
  Shape result;
  for (int64_t i = 0; i < rank; ++i)
    if (!llvm::is_contained(axes, i))
      result.push_back((*shape)[i]);
  setShape(getSqueezed(), result);
  return success();
}

LogicalResult UnsqueezeOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(getData());
  if (!shape)
    return success();
  std::optional<SmallVector<int64_t>> values = getConstantInts(getAxes());
  if (!values) {
    if (std::optional<int64_t> length = getStaticLength(getAxes()))
      setUnknownDims(getExpanded(), shape->size() + *length);
    return success();
  }
  // Axes index the output.
  int64_t rank = shape->size() + values->size();
  FailureOr<Shape> axes = normalizeAxes(*this, *values, rank);
  if (failed(axes))
    return failure();
  Shape result;
  const int64_t *next = shape->begin();
  for (int64_t i = 0; i < rank; ++i)
    result.push_back(llvm::is_contained(*axes, i) ? 1 : *next++);
  setShape(getExpanded(), result);
  return success();
}

//===----------------------------------------------------------------------===//
// Concat, Split, Expand, Tile, Pad
//===----------------------------------------------------------------------===//

LogicalResult ConcatOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  // The first ranked operand fixes the rank; unranked ones leave the
  // concatenated size unknown.
  std::optional<ArrayRef<int64_t>> first;
  for (Value input : getInputs())
    if ((first = getShapeOf(input)))
      break;
  if (!first)
    return success();
  FailureOr<int64_t> axis = normalizeAxis(*this, getAxis(), first->size());
  if (failed(axis))
    return failure();
  Shape result(*first);
  result[*axis] = 0;
  for (Value input : getInputs()) {
    std::optional<ArrayRef<int64_t>> shape = getShapeOf(input);
    if (!shape) {
      result[*axis] = kDynamic;
      continue;
    }
    bool compatible = shape->size() == result.size();
    for (size_t i = 0; compatible && i < result.size(); ++i) {
      int64_t dim = (*shape)[i];
      if (i == (size_t)*axis)
        result[i] =
            isDynamic(dim) || isDynamic(result[i]) ? kDynamic : result[i] + dim;
      else if (isDynamic(result[i]))
        result[i] = dim;
      else
        compatible = isDynamic(dim) || dim == result[i];
    }
    if (!compatible)
      return emitOpError() << "operands have incompatible shapes "
                           << formatShape(*first) << " and "
                           << formatShape(*shape)
                           << " for concatenation along axis " << *axis;
  }
  setShape(getConcatResult(), result);
  return success();
}

/// The sizes Split cuts `dim` into, or failure after an error; unknown
/// sizes are dynamic.
static FailureOr<Shape> getSplitSizes(SplitOp op, int64_t dim) {
  int64_t numResults = op.getNumResults();
  if (Value split = op.getSplit()) {
    std::optional<SmallVector<int64_t>> sizes = getConstantInts(split);
    if (!sizes)
      return Shape(numResults, kDynamic);
    if ((int64_t)sizes->size() != numResults)
      return op.emitOpError()
             << "split " << formatList(*sizes) << " has " << sizes->size()
             << " sizes but the op has " << numResults << " results";
    int64_t total = 0;
    for (int64_t size : *sizes) {
      if (size < 0)
        return op.emitOpError()
               << "split " << formatList(*sizes) << " has a negative size";
      std::optional<int64_t> sum = llvm::checkedAdd(total, size);
      if (!sum)
        return op.emitOpError() << "split " << formatList(*sizes)
                                << " adds up to more than 2^63-1";
      total = *sum;
    }
    if (!isDynamic(dim) && total != dim)
      return op.emitOpError() << "split " << formatList(*sizes)
                              << " does not add up to the split dimension's "
                              << "size " << dim;
    return Shape(*sizes);
  }
  if (std::optional<int64_t> numOutputs = op.getNumOutputs()) {
    if (*numOutputs != numResults)
      return op.emitOpError()
             << "num_outputs " << *numOutputs << " does not match the op's "
             << numResults << " results";
    // Equal chunks, the last one smaller.
    if (isDynamic(dim))
      return Shape(numResults, kDynamic);
    int64_t chunk = llvm::divideCeil(dim, numResults);
    Shape sizes(numResults, chunk);
    sizes.back() = dim - chunk * (numResults - 1);
    if (sizes.back() < 0)
      return op.emitOpError() << "cannot split dimension of size " << dim
                              << " into " << numResults << " outputs";
    return sizes;
  }
  if (isDynamic(dim))
    return Shape(numResults, kDynamic);
  if (dim % numResults != 0)
    return op.emitOpError()
           << "dimension of size " << dim << " does not split evenly into "
           << numResults << " outputs";
  return Shape(numResults, dim / numResults);
}

LogicalResult SplitOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(getInput());
  if (!shape || getNumResults() == 0)
    return success();
  FailureOr<int64_t> axis = normalizeAxis(*this, getAxis(), shape->size());
  if (failed(axis))
    return failure();
  FailureOr<Shape> sizes = getSplitSizes(*this, (*shape)[*axis]);
  if (failed(sizes))
    return failure();
  for (auto [result, size] : llvm::zip(getOutputs(), *sizes)) {
    Shape resultShape(*shape);
    resultShape[*axis] = size;
    setShape(result, resultShape);
  }
  return success();
}

LogicalResult ExpandOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)) ||
      failed(checkOneDimensional(*this, getShape(), "shape")))
    return failure();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(getInput());
  if (!shape)
    return success();
  // An unknown target still keeps each input size other than 1.
  Shape target;
  if (std::optional<SmallVector<int64_t>> values = getConstantInts(getShape()))
    target.assign(values->begin(), values->end());
  else if (std::optional<int64_t> length = getStaticLength(getShape()))
    target.assign(*length, kDynamic);
  else
    return success();
  if (llvm::any_of(target,
                   [](int64_t dim) { return dim < 0 && dim != kDynamic; }))
    return emitOpError() << "shape " << formatList(target)
                         << " has a negative dimension";
  FailureOr<Shape> result = broadcastShapes(*this, *shape, target);
  if (failed(result))
    return failure();
  setShape(getOutput(), *result);
  return success();
}

LogicalResult TileOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(getInput());
  if (!shape)
    return success();
  std::optional<SmallVector<int64_t>> repeats = getConstantInts(getRepeats());
  if (!repeats) {
    setShape(getOutput(), Shape(shape->size(), kDynamic));
    return success();
  }
  if (repeats->size() != shape->size())
    return emitOpError() << "repeats " << formatList(*repeats) << " has "
                         << repeats->size() << " values but the input has rank "
                         << shape->size();
  Shape result;
  for (auto [i, dim, repeat] : llvm::enumerate(*shape, *repeats)) {
    if (repeat < 0)
      return emitOpError() << "repeats " << formatList(*repeats)
                           << " has a negative value";
    std::optional<int64_t> size = llvm::checkedMul(dim, repeat);
    if (!isDynamic(dim) && !size)
      return emitOpError() << "repeats " << formatList(*repeats)
                           << " overflow dimension " << i << " of the shape "
                           << formatShape(*shape) << " (more than 2^63-1)";
    result.push_back(isDynamic(dim) ? kDynamic : *size);
  }
  setShape(getOutput(), result);
  return success();
}

LogicalResult PadOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(getData());
  if (!shape)
    return success();
  int64_t rank = shape->size();
  // Axes (opset 18) name the padded dimensions; all of them by default.
  Shape axes;
  if (Value axesInput = getAxes()) {
    std::optional<SmallVector<int64_t>> values = getConstantInts(axesInput);
    if (!values) {
      setShape(getOutput(), Shape(rank, kDynamic));
      return success();
    }
    FailureOr<Shape> normalized = normalizeAxes(*this, *values, rank);
    if (failed(normalized))
      return failure();
    axes = std::move(*normalized);
  } else {
    for (int64_t i = 0; i < rank; ++i)
      axes.push_back(i);
  }
  Shape result(*shape);
  std::optional<SmallVector<int64_t>> pads = getConstantInts(getPads());
  if (!pads) {
    for (int64_t axis : axes)
      result[axis] = kDynamic;
    setShape(getOutput(), result);
    return success();
  }
  if (pads->size() != 2 * axes.size())
    return emitOpError() << "pads " << formatList(*pads) << " has "
                         << pads->size() << " values but " << axes.size()
                         << " padded dimensions need " << 2 * axes.size();
  // pads holds all begins, then all ends; negative ones crop.
  for (auto [i, axis] : llvm::enumerate(axes)) {
    if (isDynamic(result[axis]))
      continue;
    std::optional<int64_t> padded = llvm::checkedAdd(result[axis], (*pads)[i]);
    if (padded)
      padded = llvm::checkedAdd(*padded, (*pads)[i + axes.size()]);
    if (!padded)
      return emitOpError() << "pads " << formatList(*pads)
                           << " overflow dimension " << axis << " of the shape "
                           << formatShape(*shape) << " (more than 2^63-1)";
    result[axis] = *padded;
    if (result[axis] < 0)
      return emitOpError() << "pads " << formatList(*pads) << " crop dimension "
                           << axis << " of the shape " << formatShape(*shape)
                           << " below zero";
  }
  setShape(getOutput(), result);
  return success();
}

//===----------------------------------------------------------------------===//
// Slicing and gathering
//===----------------------------------------------------------------------===//

/// The number of elements `start:end:step` selects from a dimension of
/// `size`, with ONNX's clamping of out-of-range bounds.
static int64_t getSliceLength(int64_t size, int64_t start, int64_t end,
                              int64_t step) {
  if (size == 0)
    return 0;
  auto normalize = [&](int64_t index, int64_t low, int64_t high) {
    if (index < 0)
      index = index < -size ? low : index + size;
    return std::clamp(index, low, high);
  };
  if (step > 0) {
    start = normalize(start, 0, size);
    end = normalize(end, 0, size);
    return end > start ? llvm::divideCeil(end - start, step) : 0;
  }
  start = normalize(start, 0, size - 1);
  end = normalize(end, -1, size - 1);
  return start > end ? llvm::divideCeil(start - end, -step) : 0;
}

LogicalResult SliceOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(getData());
  if (!shape)
    return success();
  int64_t rank = shape->size();
  std::optional<SmallVector<int64_t>> starts = getConstantInts(getStarts());
  std::optional<SmallVector<int64_t>> ends = getConstantInts(getEnds());

  // Axes default to the leading dimensions; steps to 1.
  std::optional<SmallVector<int64_t>> axesValues;
  if (Value axes = getAxes()) {
    axesValues = getConstantInts(axes);
  } else if (std::optional<int64_t> length = getStaticLength(getStarts())) {
    axesValues = SmallVector<int64_t>();
    for (int64_t i = 0; i < *length; ++i)
      axesValues->push_back(i);
  }
  std::optional<Shape> axes;
  if (axesValues) {
    FailureOr<Shape> normalized = normalizeAxes(*this, *axesValues, rank);
    if (failed(normalized))
      return failure();
    axes = std::move(*normalized);
  }
  std::optional<SmallVector<int64_t>> steps =
      getSteps()
          ? getConstantInts(getSteps())
          : std::optional(SmallVector<int64_t>(axes ? axes->size() : 0, 1));

  Shape result(*shape);
  if (!axes) {
    setShape(getOutput(), Shape(rank, kDynamic));
    return success();
  }
  if (!starts || !ends || !steps) {
    for (int64_t axis : *axes)
      result[axis] = kDynamic;
    setShape(getOutput(), result);
    return success();
  }
  size_t count = axes->size();
  if (starts->size() != count || ends->size() != count ||
      steps->size() != count)
    return emitOpError() << "starts " << formatList(*starts) << ", ends "
                         << formatList(*ends) << ", axes "
                         << formatList(*axesValues) << " and steps "
                         << formatList(*steps) << " must have the same length";
  for (size_t i = 0; i < count; ++i) {
    int64_t axis = (*axes)[i], step = (*steps)[i];
    if (step == 0)
      return emitOpError() << "steps " << formatList(*steps)
                           << " has a zero step";
    if (!isDynamic(result[axis]))
      result[axis] =
          getSliceLength(result[axis], (*starts)[i], (*ends)[i], step);
  }
  setShape(getOutput(), result);
  return success();
}

LogicalResult GatherOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> data = getShapeOf(getData());
  std::optional<ArrayRef<int64_t>> indices = getShapeOf(getIndices());
  if (!data)
    return success();
  FailureOr<int64_t> axis = normalizeAxis(*this, getAxis(), data->size());
  if (failed(axis))
    return failure();
  int64_t size = (*data)[*axis];
  if (std::optional<SmallVector<int64_t>> values =
          getConstantInts(getIndices());
      values && !isDynamic(size)) {
    for (int64_t index : *values)
      if (index < -size || index >= size)
        return emitOpError()
               << "index " << index << " is out of range for axis " << *axis
               << " of size " << size;
  }
  if (!indices)
    return success();
  // data[:axis] + indices + data[axis + 1:]
  Shape result(data->take_front(*axis));
  llvm::append_range(result, *indices);
  llvm::append_range(result, data->drop_front(*axis + 1));
  setShape(getOutput(), result);
  return success();
}

LogicalResult GatherElementsOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> data = getShapeOf(getData());
  std::optional<ArrayRef<int64_t>> indices = getShapeOf(getIndices());
  if (!indices)
    return success();
  if (data) {
    if (data->size() != indices->size())
      return emitOpError() << "indices of shape " << formatShape(*indices)
                           << " must have the rank of data of shape "
                           << formatShape(*data);
    if (failed(normalizeAxis(*this, getAxis(), data->size())))
      return failure();
  }
  setShape(getOutput(), *indices);
  return success();
}

LogicalResult GatherNDOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> data = getShapeOf(getData());
  std::optional<ArrayRef<int64_t>> indices = getShapeOf(getIndices());
  if (!data || !indices)
    return success();
  int64_t rank = data->size(), indicesRank = indices->size();
  int64_t batchDims = getBatchDims();
  if (rank < 1 || indicesRank < 1)
    return emitOpError() << "data and indices must have rank 1 or more, got "
                         << "shapes " << formatShape(*data) << " and "
                         << formatShape(*indices);
  if (batchDims < 0 || batchDims >= std::min(rank, indicesRank))
    return emitOpError() << "batch_dims " << batchDims
                         << " must be less than the ranks of data and indices";
  // Each index tuple of length k selects data[batch..., i1..ik, :].
  int64_t k = indices->back();
  if (isDynamic(k))
    return success();
  if (k < 1 || k > rank - batchDims)
    return emitOpError() << "index tuples of length " << k
                         << " do not fit data of shape " << formatShape(*data)
                         << " with batch_dims " << batchDims;
  Shape result(indices->drop_back());
  llvm::append_range(result, data->drop_front(batchDims + k));
  setShape(getOutput(), result);
  return success();
}

LogicalResult OneHotOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> indices = getShapeOf(getIndices());
  if (!indices)
    return success();
  // The depth axis is inserted into the indices' shape: axis is in
  // [-rank - 1, rank].
  int64_t rank = indices->size() + 1;
  FailureOr<int64_t> axis = normalizeAxis(*this, getAxis(), rank);
  if (failed(axis))
    return failure();
  int64_t depth = kDynamic;
  if (std::optional<int64_t> value = getConstantScalar(getDepth()))
    depth = *value;
  else if (std::optional<SmallVector<double>> values =
               getConstantFloats(getDepth());
           values && values->size() == 1 && std::isfinite(values->front()))
    depth = (int64_t)values->front();
  if (!isDynamic(depth) && depth < 1)
    return emitOpError() << "depth " << depth << " must be positive";
  Shape result(*indices);
  result.insert(result.begin() + *axis, depth);
  setShape(getOutput(), result);
  return success();
}

LogicalResult TopKOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(getX());
  if (!shape)
    return success();
  FailureOr<int64_t> axis = normalizeAxis(*this, getAxis(), shape->size());
  if (failed(axis))
    return failure();
  Shape result(*shape);
  std::optional<int64_t> k = getConstantScalar(getK());
  if (k && (*k < 0 || (!isDynamic(result[*axis]) && *k > result[*axis])))
    return emitOpError() << "K (" << *k << ") is out of range for axis "
                         << *axis << " of size " << formatDim(result[*axis]);
  result[*axis] = k.value_or(kDynamic);
  setShape(getValues(), result);
  setShape(getIndices(), result);
  return success();
}

//===----------------------------------------------------------------------===//
// Range, Resize, DepthToSpace, SpaceToDepth, EyeLike
//===----------------------------------------------------------------------===//

/// The length of Range(start, limit, delta), or failure after an error;
/// dynamic while an operand is not constant.
static FailureOr<int64_t> getRangeLength(RangeOp op) {
  auto read = [](Value value) -> std::optional<double> {
    if (std::optional<int64_t> integer = getConstantScalar(value))
      return (double)*integer;
    std::optional<SmallVector<double>> values = getConstantFloats(value);
    if (values && values->size() == 1)
      return values->front();
    return std::nullopt;
  };
  std::optional<double> start = read(op.getStart());
  std::optional<double> limit = read(op.getLimit());
  std::optional<double> delta = read(op.getDelta());
  if (!start || !limit || !delta)
    return kDynamic;
  if (*delta == 0)
    return op.emitOpError() << "delta must not be zero";
  // Rounded in the operands' type, as ONNX Runtime computes it, so that the
  // count agrees with the runtime's at the edges.
  double steps = (*limit - *start) / *delta;
  if (getElementType(op.getStart()).isF32())
    steps = ((float)*limit - (float)*start) / (float)*delta;
  if (!std::isfinite(steps) || steps > (double)(INT64_C(1) << 62))
    return op.emitOpError()
           << "start " << formatNumber(*start) << ", limit "
           << formatNumber(*limit) << " and delta " << formatNumber(*delta)
           << " give too many elements";
  return std::max<int64_t>((int64_t)std::ceil(steps), 0);
}

LogicalResult RangeOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  for (Value operand : getOperands())
    if (std::optional<ArrayRef<int64_t>> shape = getShapeOf(operand);
        shape && getProduct(*shape) != 1 && !isDynamic(getProduct(*shape)))
      return emitOpError() << "start, limit and delta must be scalars, got "
                           << "shape " << formatShape(*shape);
  FailureOr<int64_t> length = getRangeLength(*this);
  if (failed(length))
    return failure();
  setShape(getOutput(), {*length});
  return success();
}

LogicalResult ResizeOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(getX());
  if (!shape)
    return success();
  int64_t rank = shape->size();
  // Exporters pass an empty tensor for the unused one of scales and sizes;
  // a length not known yet may be either.
  auto getLength = [](Value value) -> std::optional<int64_t> {
    return value ? getStaticLength(value) : std::optional<int64_t>(0);
  };
  std::optional<int64_t> scalesLength = getLength(getScales());
  std::optional<int64_t> sizesLength = getLength(getSizes());
  bool hasScales = scalesLength && *scalesLength != 0;
  bool hasSizes = sizesLength && *sizesLength != 0;
  bool lacksScales = scalesLength && *scalesLength == 0;
  bool lacksSizes = sizesLength && *sizesLength == 0;
  if ((hasScales && hasSizes) || (lacksScales && lacksSizes))
    return emitOpError() << "exactly one of scales and sizes must be given";
  Shape result(rank, kDynamic);
  if (hasSizes) {
    if (std::optional<SmallVector<int64_t>> sizes =
            getConstantInts(getSizes())) {
      if ((int64_t)sizes->size() != rank)
        return emitOpError()
               << "sizes " << formatList(*sizes) << " has " << sizes->size()
               << " values but the input has rank " << rank;
      result.assign(sizes->begin(), sizes->end());
    }
  } else if (std::optional<SmallVector<double>> scales =
                 hasScales ? getConstantFloats(getScales()) : std::nullopt) {
    if ((int64_t)scales->size() != rank)
      return emitOpError() << "scales has " << scales->size()
                           << " values but the input has rank " << rank;
    for (auto [i, dim] : llvm::enumerate(*shape)) {
      double scale = (*scales)[i];
      if (!(scale > 0) || !std::isfinite(scale))
        return emitOpError()
               << "scale " << formatNumber(scale) << " must be positive";
      if (isDynamic(dim))
        continue;
      double size = std::floor(dim * scale);
      if (size > (double)(INT64_C(1) << 62))
        return emitOpError()
               << "scale " << formatNumber(scale) << " makes dimension " << i
               << " of the shape " << formatShape(*shape) << " too large ("
               << formatNumber(size) << ")";
      result[i] = (int64_t)size;
    }
  }
  setShape(getY(), result);
  return success();
}

/// Checks the 4-D input and the blocksize of DepthToSpace and SpaceToDepth.
static LogicalResult checkBlockInput(Operation *op, ArrayRef<int64_t> shape,
                                     int64_t blocksize) {
  if (shape.size() != 4)
    return op->emitOpError()
           << "input of shape " << formatShape(shape) << " must be 4-D";
  if (blocksize < 1)
    return op->emitOpError()
           << "blocksize " << blocksize << " must be positive";
  // Then blocksize² cannot overflow.
  if (blocksize > INT32_MAX)
    return op->emitOpError()
           << "blocksize " << blocksize << " must be at most " << INT32_MAX;
  return success();
}

LogicalResult DepthToSpaceOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  if (getMode() != "DCR" && getMode() != "CRD")
    return emitOpError() << "unknown mode '" << getMode()
                         << "': expected DCR or CRD";
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(getInput());
  if (!shape)
    return success();
  int64_t b = getBlocksize();
  if (failed(checkBlockInput(*this, *shape, b)))
    return failure();
  auto times = [&](int64_t dim) { return isDynamic(dim) ? kDynamic : dim * b; };
  int64_t channels = (*shape)[1];
  if (!isDynamic(channels) && channels % (b * b) != 0)
    return emitOpError() << "channels (" << channels
                         << ") are not divisible by blocksize² (" << b * b
                         << ")";
  setShape(getOutput(),
           {(*shape)[0], isDynamic(channels) ? kDynamic : channels / (b * b),
            times((*shape)[2]), times((*shape)[3])});
  return success();
}

LogicalResult SpaceToDepthOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(getInput());
  if (!shape)
    return success();
  int64_t b = getBlocksize();
  if (failed(checkBlockInput(*this, *shape, b)))
    return failure();
  for (int64_t i : {2, 3})
    if (!isDynamic((*shape)[i]) && (*shape)[i] % b != 0)
      return emitOpError() << "spatial shape " << formatShape(*shape)
                           << " is not divisible by blocksize " << b;
  auto divided = [&](int64_t dim) {
    return isDynamic(dim) ? kDynamic : dim / b;
  };
  int64_t channels = (*shape)[1];
  setShape(getOutput(),
           {(*shape)[0], isDynamic(channels) ? kDynamic : channels * b * b,
            divided((*shape)[2]), divided((*shape)[3])});
  return success();
}

LogicalResult EyeLikeOp::inferShapes() {
  Type elementType = getElementType(getInput());
  if (std::optional<int64_t> dtype = getDtype()) {
    elementType = getElementTypeOfDataType(getContext(), *dtype);
    if (!elementType)
      return emitOpError() << "unsupported dtype " << *dtype;
  }
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(getInput());
  if (!shape) {
    setUnranked(getOutput(), elementType);
    return success();
  }
  if (shape->size() != 2)
    return emitOpError() << "input of shape " << formatShape(*shape)
                         << " must be 2-D";
  setShape(getOutput(), *shape, elementType);
  return success();
}
