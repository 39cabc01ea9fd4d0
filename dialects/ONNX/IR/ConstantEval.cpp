//===- ConstantEval.cpp - Evaluating ONNX ops on constants ----------------===//

#include "dialects/ONNX/IR/ConstantEval.h"

#include "dialects/ONNX/IR/ConstantValues.h"

#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include "llvm/ADT/APSInt.h"
#include "llvm/Support/MathExtras.h"

#include <cmath>
#include <complex>
#include <limits>
#include <type_traits>

using namespace mlir;
using llvm::APFloat;
using llvm::APInt;

namespace aotc::onnx {

//===----------------------------------------------------------------------===//
// Shapes and index maps
//===----------------------------------------------------------------------===//

/// The number of elements of `shape`, saturated instead of overflowing.
static int64_t countElements(ArrayRef<int64_t> shape) {
  int64_t count = 1;
  for (int64_t dim : shape)
    if (dim < 0 || llvm::MulOverflow(count, dim, count))
      return std::numeric_limits<int64_t>::max();
  return count;
}

/// Whether a result with `count` elements may be materialized.
static bool fitsFoldLimit(int64_t count, bool isSplat) {
  return isSplat || count <= kMaxFoldedElements;
}

/// Row-major strides of `shape`.
static SmallVector<int64_t> getStrides(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t i = (int64_t)shape.size() - 2; i >= 0; --i)
    strides[i] = strides[i + 1] * shape[i + 1];
  return strides;
}

/// The linear indices that a row-major walk over `shape` visits when
/// dimension `d` advances by `strides[d]`, from `offset`. Broadcasting (zero
/// strides), transposition (permuted strides) and slicing (scaled strides
/// and an offset) are all such walks.
static SmallVector<int64_t> stridedIndices(ArrayRef<int64_t> shape,
                                           ArrayRef<int64_t> strides,
                                           int64_t offset) {
  int64_t count = countElements(shape);
  SmallVector<int64_t> indices;
  indices.reserve(count);
  SmallVector<int64_t> position(shape.size(), 0);
  int64_t current = offset;
  for (int64_t n = 0; n < count; ++n) {
    indices.push_back(current);
    for (int64_t d = (int64_t)shape.size() - 1; d >= 0; --d) {
      current += strides[d];
      if (++position[d] < shape[d])
        break;
      current -= strides[d] * shape[d];
      position[d] = 0;
    }
  }
  return indices;
}

std::optional<SmallVector<int64_t>> broadcastShapes(ArrayRef<int64_t> lhs,
                                                    ArrayRef<int64_t> rhs) {
  size_t rank = std::max(lhs.size(), rhs.size());
  SmallVector<int64_t> shape(rank);
  for (size_t i = 0; i < rank; ++i) {
    // Align the shapes at their last dimension.
    int64_t l = i < rank - lhs.size() ? 1 : lhs[i - (rank - lhs.size())];
    int64_t r = i < rank - rhs.size() ? 1 : rhs[i - (rank - rhs.size())];
    if (l != r && l != 1 && r != 1)
      return std::nullopt;
    shape[i] = l == 1 ? r : l;
  }
  return shape;
}

/// For each element of a tensor of `shape`, the linear index of the element
/// of `operandShape` that broadcasting reads; `operandShape` broadcasts to
/// `shape`.
static SmallVector<int64_t> broadcastIndices(ArrayRef<int64_t> operandShape,
                                             ArrayRef<int64_t> shape) {
  SmallVector<int64_t> operandStrides = getStrides(operandShape);
  SmallVector<int64_t> strides(shape.size(), 0);
  size_t lead = shape.size() - operandShape.size();
  for (size_t i = 0; i < operandShape.size(); ++i)
    if (operandShape[i] != 1)
      strides[lead + i] = operandStrides[i];
  return stridedIndices(shape, strides, 0);
}

//===----------------------------------------------------------------------===//
// Element access
//===----------------------------------------------------------------------===//

namespace {
template <typename T>
struct Tag {
  using type = T;
};

/// One element of one of several source attributes.
struct ElementRef {
  unsigned source;
  int64_t index;
};
} // namespace

/// Calls `fn(Tag<T>())` with the C++ type `T` that DenseElementsAttr reads
/// elements of `elementType` as; returns null for other element types.
template <typename Fn>
static DenseElementsAttr visitElementType(Type elementType, Fn &&fn) {
  if (isa<IntegerType, IndexType>(elementType))
    return fn(Tag<APInt>());
  if (isa<FloatType>(elementType))
    return fn(Tag<APFloat>());
  if (auto complex = dyn_cast<ComplexType>(elementType)) {
    if (isa<FloatType>(complex.getElementType()))
      return fn(Tag<std::complex<APFloat>>());
    if (isa<IntegerType>(complex.getElementType()))
      return fn(Tag<std::complex<APInt>>());
  }
  return {};
}

/// A new attribute of `type` whose elements are the ones `refs` names.
template <typename T>
static DenseElementsAttr pickAs(ArrayRef<DenseElementsAttr> sources,
                                ArrayRef<ElementRef> refs, ShapedType type) {
  using Range = decltype(sources.front().getValues<T>());
  SmallVector<Range> ranges;
  for (DenseElementsAttr source : sources)
    ranges.push_back(source.getValues<T>());
  SmallVector<T> values;
  values.reserve(refs.size());
  for (ElementRef ref : refs)
    values.push_back(ranges[ref.source][ref.index]);
  return DenseElementsAttr::get(type, values);
}

static DenseElementsAttr pick(ArrayRef<DenseElementsAttr> sources,
                              ArrayRef<ElementRef> refs, ShapedType type) {
  return visitElementType(type.getElementType(), [&](auto tag) {
    return pickAs<typename decltype(tag)::type>(sources, refs, type);
  });
}

/// The elements of `source` at `indices`, as an attribute of `type`.
static DenseElementsAttr pick(DenseElementsAttr source,
                              ArrayRef<int64_t> indices, ShapedType type) {
  SmallVector<ElementRef> refs;
  refs.reserve(indices.size());
  for (int64_t index : indices)
    refs.push_back({0, index});
  return pick(ArrayRef<DenseElementsAttr>(source), refs, type);
}

/// Integer semantics: `uiN` and booleans are unsigned, the rest signed.
static bool isUnsignedInt(Type type) {
  return type.isUnsignedInteger() || type.isInteger(1);
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

/// `fn` applied to each element of `operand`, giving an attribute of `type`
/// (the same shape); `fn` returns nullopt for values it cannot fold.
template <typename T, typename Fn>
static DenseElementsAttr mapElements(DenseElementsAttr operand, ShapedType type,
                                     Fn fn) {
  using Result = typename std::invoke_result_t<Fn, const T &>::value_type;
  int64_t count = operand.isSplat() ? 1 : operand.getNumElements();
  if (!fitsFoldLimit(count, operand.isSplat()))
    return {};
  SmallVector<Result> values;
  values.reserve(count);
  for (const T &value : llvm::make_range(operand.value_begin<T>(),
                                         operand.value_begin<T>() + count)) {
    std::optional<Result> result = fn(value);
    if (!result)
      return {};
    values.push_back(*result);
  }
  return DenseElementsAttr::get(type, values);
}

/// `fn` applied to the broadcast pairs of `lhs` and `rhs` elements.
template <typename T, typename Fn>
static DenseElementsAttr zipElements(DenseElementsAttr lhs,
                                     DenseElementsAttr rhs, ShapedType type,
                                     Fn fn) {
  using Result =
      typename std::invoke_result_t<Fn, const T &, const T &>::value_type;
  bool isSplat = lhs.isSplat() && rhs.isSplat();
  if (!fitsFoldLimit(countElements(type.getShape()), isSplat))
    return {};
  auto lhsValues = lhs.getValues<T>();
  auto rhsValues = rhs.getValues<T>();
  SmallVector<int64_t> lhsIndices{0}, rhsIndices{0};
  if (!isSplat) {
    lhsIndices = broadcastIndices(lhs.getType().getShape(), type.getShape());
    rhsIndices = broadcastIndices(rhs.getType().getShape(), type.getShape());
  }
  SmallVector<Result> values;
  values.reserve(lhsIndices.size());
  for (auto [l, r] : llvm::zip_equal(lhsIndices, rhsIndices)) {
    std::optional<Result> result = fn(lhsValues[l], rhsValues[r]);
    if (!result)
      return {};
    values.push_back(*result);
  }
  return DenseElementsAttr::get(type, values);
}

static bool isComparison(BinaryOpKind kind) {
  return kind == BinaryOpKind::Equal || kind == BinaryOpKind::Less ||
         kind == BinaryOpKind::Greater;
}

static std::optional<APInt> evalInt(BinaryOpKind kind, const APInt &lhs,
                                    const APInt &rhs, bool isUnsigned) {
  switch (kind) {
  case BinaryOpKind::Add:
    return lhs + rhs;
  case BinaryOpKind::Sub:
    return lhs - rhs;
  case BinaryOpKind::Mul:
    return lhs * rhs;
  case BinaryOpKind::Div: {
    // As the generated code computes them: x / 0 = 0, and INT_MIN / -1
    // wraps around to INT_MIN.
    if (rhs.isZero())
      return APInt::getZero(lhs.getBitWidth());
    if (isUnsigned)
      return lhs.udiv(rhs);
    bool overflow = false;
    return lhs.sdiv_ov(rhs, overflow);
  }
  case BinaryOpKind::Max:
    return isUnsigned ? llvm::APIntOps::umax(lhs, rhs)
                      : llvm::APIntOps::smax(lhs, rhs);
  case BinaryOpKind::Min:
    return isUnsigned ? llvm::APIntOps::umin(lhs, rhs)
                      : llvm::APIntOps::smin(lhs, rhs);
  case BinaryOpKind::Equal:
    return APInt(1, lhs == rhs);
  case BinaryOpKind::Less:
    return APInt(1, isUnsigned ? lhs.ult(rhs) : lhs.slt(rhs));
  case BinaryOpKind::Greater:
    return APInt(1, isUnsigned ? lhs.ugt(rhs) : lhs.sgt(rhs));
  case BinaryOpKind::Pow:
    return std::nullopt;
  }
  llvm_unreachable("unknown binary op");
}

static std::optional<APFloat> evalFloat(BinaryOpKind kind, const APFloat &lhs,
                                        const APFloat &rhs) {
  switch (kind) {
  case BinaryOpKind::Add:
    return lhs + rhs;
  case BinaryOpKind::Sub:
    return lhs - rhs;
  case BinaryOpKind::Mul:
    return lhs * rhs;
  case BinaryOpKind::Div:
    return lhs / rhs;
  case BinaryOpKind::Max:
    return llvm::maximum(lhs, rhs);
  case BinaryOpKind::Min:
    return llvm::minimum(lhs, rhs);
  case BinaryOpKind::Pow: {
    APFloat result(std::pow(lhs.convertToDouble(), rhs.convertToDouble()));
    bool losesInfo = false;
    (void)result.convert(lhs.getSemantics(), APFloat::rmNearestTiesToEven,
                         &losesInfo);
    return result;
  }
  default:
    return std::nullopt;
  }
}

/// Ordered comparisons: NaN compares false, as in IEEE and numpy.
static APInt compareFloat(BinaryOpKind kind, const APFloat &lhs,
                          const APFloat &rhs) {
  APFloat::cmpResult order = lhs.compare(rhs);
  switch (kind) {
  case BinaryOpKind::Equal:
    return APInt(1, order == APFloat::cmpEqual);
  case BinaryOpKind::Less:
    return APInt(1, order == APFloat::cmpLessThan);
  case BinaryOpKind::Greater:
    return APInt(1, order == APFloat::cmpGreaterThan);
  default:
    llvm_unreachable("not a comparison");
  }
}

DenseElementsAttr evalUnary(UnaryOpKind kind, DenseElementsAttr operand) {
  Type elementType = operand.getElementType();
  ShapedType type = operand.getType();
  switch (kind) {
  case UnaryOpKind::Neg:
    if (isa<FloatType>(elementType))
      return mapElements<APFloat>(operand, type, [](const APFloat &value) {
        return std::optional<APFloat>(-value);
      });
    if (isa<IntegerType>(elementType) && !isUnsignedInt(elementType))
      return mapElements<APInt>(operand, type, [](const APInt &value) {
        return std::optional<APInt>(-value);
      });
    return {};
  case UnaryOpKind::Not:
    if (!elementType.isInteger(1))
      return {};
    return mapElements<APInt>(operand, type, [](const APInt &value) {
      return std::optional<APInt>(~value);
    });
  case UnaryOpKind::Sqrt:
    if (!isa<FloatType>(elementType))
      return {};
    return mapElements<APFloat>(operand, type, [](const APFloat &value) {
      APFloat result(std::sqrt(value.convertToDouble()));
      bool losesInfo = false;
      (void)result.convert(value.getSemantics(), APFloat::rmNearestTiesToEven,
                           &losesInfo);
      return std::optional<APFloat>(result);
    });
  }
  llvm_unreachable("unknown unary op");
}

DenseElementsAttr evalBinary(BinaryOpKind kind, DenseElementsAttr lhs,
                             DenseElementsAttr rhs) {
  Type elementType = lhs.getElementType();
  if (elementType != rhs.getElementType())
    return {};
  std::optional<SmallVector<int64_t>> shape =
      broadcastShapes(lhs.getType().getShape(), rhs.getType().getShape());
  if (!shape)
    return {};
  Type resultElementType =
      isComparison(kind) ? IntegerType::get(lhs.getContext(), 1) : elementType;
  RankedTensorType type = RankedTensorType::get(*shape, resultElementType);
  if (isa<IntegerType>(elementType)) {
    bool isUnsigned = isUnsignedInt(elementType);
    return zipElements<APInt>(lhs, rhs, type,
                              [&](const APInt &l, const APInt &r) {
                                return evalInt(kind, l, r, isUnsigned);
                              });
  }
  if (!isa<FloatType>(elementType))
    return {};
  if (isComparison(kind))
    return zipElements<APFloat>(
        lhs, rhs, type, [&](const APFloat &l, const APFloat &r) {
          return std::optional<APInt>(compareFloat(kind, l, r));
        });
  return zipElements<APFloat>(lhs, rhs, type,
                              [&](const APFloat &l, const APFloat &r) {
                                return evalFloat(kind, l, r);
                              });
}

DenseElementsAttr evalWhere(DenseElementsAttr condition, DenseElementsAttr x,
                            DenseElementsAttr y) {
  if (!condition.getElementType().isInteger(1) ||
      x.getElementType() != y.getElementType())
    return {};
  std::optional<SmallVector<int64_t>> shape =
      broadcastShapes(x.getType().getShape(), y.getType().getShape());
  if (shape)
    shape = broadcastShapes(condition.getType().getShape(), *shape);
  if (!shape)
    return {};
  // A uniform condition picks one operand whole, which may stay a splat.
  if (condition.isSplat())
    return broadcastTo(condition.getSplatValue<bool>() ? x : y, *shape);
  if (!fitsFoldLimit(countElements(*shape), /*isSplat=*/false))
    return {};
  SmallVector<int64_t> conditionIndices =
      broadcastIndices(condition.getType().getShape(), *shape);
  SmallVector<int64_t> xIndices =
      broadcastIndices(x.getType().getShape(), *shape);
  SmallVector<int64_t> yIndices =
      broadcastIndices(y.getType().getShape(), *shape);
  auto conditionValues = condition.getValues<bool>();
  SmallVector<ElementRef> refs;
  refs.reserve(conditionIndices.size());
  for (size_t i = 0; i < conditionIndices.size(); ++i)
    refs.push_back(conditionValues[conditionIndices[i]]
                       ? ElementRef{0, xIndices[i]}
                       : ElementRef{1, yIndices[i]});
  return pick({x, y}, refs, RankedTensorType::get(*shape, x.getElementType()));
}

//===----------------------------------------------------------------------===//
// Cast
//===----------------------------------------------------------------------===//

DenseElementsAttr castElements(DenseElementsAttr operand, Type elementType) {
  Type sourceType = operand.getElementType();
  ShapedType type = operand.getType().clone(elementType);
  if (sourceType == elementType)
    return operand;
  bool toBool = elementType.isInteger(1);
  if (auto source = dyn_cast<IntegerType>(sourceType)) {
    bool sourceUnsigned = isUnsignedInt(source);
    if (auto target = dyn_cast<IntegerType>(elementType))
      return mapElements<APInt>(operand, type, [&](const APInt &value) {
        if (toBool)
          return std::optional<APInt>(APInt(1, !value.isZero()));
        unsigned width = target.getWidth();
        return std::optional<APInt>(sourceUnsigned ? value.zextOrTrunc(width)
                                                   : value.sextOrTrunc(width));
      });
    if (auto target = dyn_cast<FloatType>(elementType))
      return mapElements<APInt>(operand, type, [&](const APInt &value) {
        APFloat result(target.getFloatSemantics());
        (void)result.convertFromAPInt(value, !sourceUnsigned,
                                      APFloat::rmNearestTiesToEven);
        return std::optional<APFloat>(result);
      });
    return {};
  }
  if (!isa<FloatType>(sourceType))
    return {};
  if (auto target = dyn_cast<IntegerType>(elementType))
    return mapElements<APFloat>(operand, type, [&](const APFloat &value) {
      if (toBool)
        return std::optional<APInt>(APInt(1, !value.isZero()));
      llvm::APSInt result(target.getWidth(), isUnsignedInt(target));
      bool isExact = false;
      // Out of range and NaN are undefined in ONNX: not folded.
      if (value.convertToInteger(result, APFloat::rmTowardZero, &isExact) &
          APFloat::opInvalidOp)
        return std::optional<APInt>();
      return std::optional<APInt>(result);
    });
  if (auto target = dyn_cast<FloatType>(elementType))
    return mapElements<APFloat>(operand, type, [&](const APFloat &value) {
      APFloat result = value;
      bool losesInfo = false;
      (void)result.convert(target.getFloatSemantics(),
                           APFloat::rmNearestTiesToEven, &losesInfo);
      return std::optional<APFloat>(result);
    });
  return {};
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

DenseElementsAttr broadcastTo(DenseElementsAttr operand,
                              ArrayRef<int64_t> shape) {
  ArrayRef<int64_t> operandShape = operand.getType().getShape();
  std::optional<SmallVector<int64_t>> broadcast =
      broadcastShapes(operandShape, shape);
  if (!broadcast || ArrayRef<int64_t>(*broadcast) != shape)
    return {};
  RankedTensorType type =
      RankedTensorType::get(shape, operand.getElementType());
  if (operand.isSplat())
    return operand.resizeSplat(type);
  if (!fitsFoldLimit(countElements(shape), /*isSplat=*/false))
    return {};
  return pick(operand, broadcastIndices(operandShape, shape), type);
}

DenseElementsAttr gatherElements(DenseElementsAttr data,
                                 DenseElementsAttr indices, int64_t axis) {
  ArrayRef<int64_t> dataShape = data.getType().getShape();
  int64_t rank = dataShape.size();
  if (axis < -rank || axis >= rank)
    return {};
  if (axis < 0)
    axis += rank;
  std::optional<SmallVector<int64_t>> positions = getInts(indices);
  if (!positions)
    return {};
  int64_t dimSize = dataShape[axis];
  for (int64_t &position : *positions) {
    if (position < -dimSize || position >= dimSize)
      return {};
    if (position < 0)
      position += dimSize;
  }
  SmallVector<int64_t> shape(dataShape.take_front(axis));
  llvm::append_range(shape, indices.getType().getShape());
  llvm::append_range(shape, dataShape.drop_front(axis + 1));
  RankedTensorType type = RankedTensorType::get(shape, data.getElementType());
  if (data.isSplat())
    return data.resizeSplat(type);
  if (!fitsFoldLimit(countElements(shape), /*isSplat=*/false))
    return {};
  int64_t outer = countElements(dataShape.take_front(axis));
  int64_t inner = countElements(dataShape.drop_front(axis + 1));
  SmallVector<int64_t> sourceIndices;
  sourceIndices.reserve(type.getNumElements());
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t position : *positions)
      for (int64_t i = 0; i < inner; ++i)
        sourceIndices.push_back((o * dimSize + position) * inner + i);
  return pick(data, sourceIndices, type);
}

std::optional<SliceBounds> normalizeSlice(ArrayRef<int64_t> shape,
                                          ArrayRef<int64_t> starts,
                                          ArrayRef<int64_t> ends,
                                          ArrayRef<int64_t> axes,
                                          ArrayRef<int64_t> steps) {
  int64_t rank = shape.size();
  size_t count = starts.size();
  if (ends.size() != count || (!axes.empty() && axes.size() != count) ||
      (!steps.empty() && steps.size() != count))
    return std::nullopt;
  SliceBounds bounds;
  bounds.starts.assign(rank, 0);
  bounds.steps.assign(rank, 1);
  bounds.sizes.assign(shape.begin(), shape.end());
  SmallVector<bool> seen(rank, false);
  for (size_t i = 0; i < count; ++i) {
    int64_t axis = axes.empty() ? (int64_t)i : axes[i];
    if (axis < -rank || axis >= rank)
      return std::nullopt;
    if (axis < 0)
      axis += rank;
    int64_t step = steps.empty() ? 1 : steps[i];
    if (seen[axis] || step == 0)
      return std::nullopt;
    seen[axis] = true;
    int64_t dim = shape[axis];
    // Negative positions count from the end; then clamp to the positions a
    // walk in the step's direction can take.
    int64_t start = starts[i] < 0 ? starts[i] + dim : starts[i];
    int64_t end = ends[i] < 0 ? ends[i] + dim : ends[i];
    int64_t size;
    if (dim == 0) {
      size = 0;
    } else if (step > 0) {
      start = std::clamp<int64_t>(start, 0, dim);
      end = std::clamp<int64_t>(end, 0, dim);
      size = end > start
                 ? llvm::divideCeil(uint64_t(end - start), uint64_t(step))
                 : 0;
    } else {
      start = std::clamp<int64_t>(start, 0, dim - 1);
      end = std::clamp<int64_t>(end, -1, dim - 1);
      size = start > end
                 ? llvm::divideCeil(uint64_t(start - end), uint64_t(-step))
                 : 0;
    }
    bounds.starts[axis] = size ? start : 0;
    bounds.steps[axis] = step;
    bounds.sizes[axis] = size;
  }
  return bounds;
}

DenseElementsAttr sliceElements(DenseElementsAttr data,
                                const SliceBounds &bounds) {
  ArrayRef<int64_t> dataShape = data.getType().getShape();
  if (bounds.starts.size() != dataShape.size() ||
      bounds.steps.size() != dataShape.size() ||
      bounds.sizes.size() != dataShape.size())
    return {};
  RankedTensorType type =
      RankedTensorType::get(bounds.sizes, data.getElementType());
  if (data.isSplat())
    return data.resizeSplat(type);
  if (!fitsFoldLimit(countElements(bounds.sizes), /*isSplat=*/false))
    return {};
  SmallVector<int64_t> dataStrides = getStrides(dataShape);
  SmallVector<int64_t> strides;
  int64_t offset = 0;
  for (auto [start, step, stride] :
       llvm::zip_equal(bounds.starts, bounds.steps, dataStrides)) {
    offset += start * stride;
    strides.push_back(step * stride);
  }
  return pick(data, stridedIndices(bounds.sizes, strides, offset), type);
}

DenseElementsAttr concatElements(ArrayRef<DenseElementsAttr> operands,
                                 int64_t axis) {
  if (operands.empty())
    return {};
  ArrayRef<int64_t> firstShape = operands.front().getType().getShape();
  Type elementType = operands.front().getElementType();
  int64_t rank = firstShape.size();
  if (axis < 0 || axis >= rank)
    return {};
  SmallVector<int64_t> shape(firstShape);
  shape[axis] = 0;
  for (DenseElementsAttr operand : operands) {
    ArrayRef<int64_t> operandShape = operand.getType().getShape();
    if (operand.getElementType() != elementType ||
        (int64_t)operandShape.size() != rank)
      return {};
    for (int64_t d = 0; d < rank; ++d)
      if (d != axis && operandShape[d] != shape[d])
        return {};
    shape[axis] += operandShape[axis];
  }
  RankedTensorType type = RankedTensorType::get(shape, elementType);
  // Joining copies of one splat gives that splat.
  DenseElementsAttr first = operands.front();
  if (llvm::all_of(operands, [&](DenseElementsAttr operand) {
        return operand.isSplat() && first.isSplat() &&
               operand.getSplatValue<Attribute>() ==
                   first.getSplatValue<Attribute>();
      }))
    return first.resizeSplat(type);
  if (!fitsFoldLimit(countElements(shape), /*isSplat=*/false))
    return {};
  int64_t outer = countElements(firstShape.take_front(axis));
  int64_t inner = countElements(firstShape.drop_front(axis + 1));
  SmallVector<ElementRef> refs;
  refs.reserve(type.getNumElements());
  for (int64_t o = 0; o < outer; ++o) {
    for (auto [source, operand] : llvm::enumerate(operands)) {
      int64_t chunk = operand.getType().getDimSize(axis) * inner;
      for (int64_t i = 0; i < chunk; ++i)
        refs.push_back({(unsigned)source, o * chunk + i});
    }
  }
  return pick(operands, refs, type);
}

DenseElementsAttr transposeElements(DenseElementsAttr operand,
                                    ArrayRef<int64_t> perm) {
  ArrayRef<int64_t> operandShape = operand.getType().getShape();
  int64_t rank = operandShape.size();
  if ((int64_t)perm.size() != rank)
    return {};
  SmallVector<bool> seen(rank, false);
  SmallVector<int64_t> operandStrides = getStrides(operandShape);
  SmallVector<int64_t> shape, strides;
  for (int64_t p : perm) {
    if (p < 0 || p >= rank || seen[p])
      return {};
    seen[p] = true;
    shape.push_back(operandShape[p]);
    strides.push_back(operandStrides[p]);
  }
  RankedTensorType type =
      RankedTensorType::get(shape, operand.getElementType());
  if (operand.isSplat())
    return operand.resizeSplat(type);
  if (!fitsFoldLimit(countElements(shape), /*isSplat=*/false))
    return {};
  return pick(operand, stridedIndices(shape, strides, 0), type);
}

ElementsAttr reshapeElements(ElementsAttr operand, ShapedType type) {
  auto operandType = cast<ShapedType>(operand.getType());
  if (!type.hasStaticShape() ||
      operandType.getElementType() != type.getElementType() ||
      operandType.getNumElements() != type.getNumElements())
    return {};
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(operand))
    return DenseResourceElementsAttr::get(type, resource.getRawHandle());
  auto dense = dyn_cast<DenseElementsAttr>(operand);
  if (!dense)
    return {};
  if (dense.isSplat())
    return dense.resizeSplat(type);
  if (!fitsFoldLimit(type.getNumElements(), /*isSplat=*/false))
    return {};
  return dense.reshape(type);
}

DenseElementsAttr rangeElements(DenseElementsAttr start,
                                DenseElementsAttr limit,
                                DenseElementsAttr delta) {
  Type elementType = start.getElementType();
  if (limit.getElementType() != elementType ||
      delta.getElementType() != elementType || start.getNumElements() != 1 ||
      limit.getNumElements() != 1 || delta.getNumElements() != 1)
    return {};
  // number_of_elements = max(ceil((limit - start) / delta), 0)
  auto scalarInt = [](DenseElementsAttr attr) {
    return *attr.value_begin<APInt>();
  };
  auto scalarFloat = [](DenseElementsAttr attr) {
    return *attr.value_begin<APFloat>();
  };
  int64_t count;
  if (isa<IntegerType>(elementType)) {
    int64_t first = scalarInt(start).getSExtValue();
    int64_t last = scalarInt(limit).getSExtValue();
    int64_t step = scalarInt(delta).getSExtValue();
    int64_t span;
    if (step == 0 || llvm::SubOverflow(last, first, span) ||
        (step == -1 && span == std::numeric_limits<int64_t>::min()))
      return {};
    // Round the quotient up: C++ division truncates toward zero.
    count = span / step;
    if (span % step != 0 && (span < 0) == (step < 0))
      ++count;
    count = std::max<int64_t>(count, 0);
  } else if (isa<FloatType>(elementType)) {
    double first = scalarFloat(start).convertToDouble();
    double last = scalarFloat(limit).convertToDouble();
    double step = scalarFloat(delta).convertToDouble();
    double size = std::ceil((last - first) / step);
    if (step == 0 || !(size <= (double)kMaxFoldedElements))
      return {};
    count = std::max<int64_t>((int64_t)size, 0);
  } else {
    return {};
  }
  if (!fitsFoldLimit(count, /*isSplat=*/false))
    return {};
  RankedTensorType type = RankedTensorType::get({count}, elementType);
  // start + i * delta, in the element type as the ONNX reference does.
  if (isa<IntegerType>(elementType)) {
    APInt first = scalarInt(start);
    APInt step = scalarInt(delta);
    SmallVector<APInt> values;
    for (int64_t i = 0; i < count; ++i)
      values.push_back(first + step * APInt(step.getBitWidth(), i,
                                            /*isSigned=*/false,
                                            /*implicitTrunc=*/true));
    return DenseElementsAttr::get(type, values);
  }
  APFloat first = scalarFloat(start);
  APFloat step = scalarFloat(delta);
  SmallVector<APFloat> values;
  for (int64_t i = 0; i < count; ++i) {
    APFloat index(first.getSemantics());
    (void)index.convertFromAPInt(APInt(64, i), /*IsSigned=*/true,
                                 APFloat::rmNearestTiesToEven);
    values.push_back(first + index * step);
  }
  return DenseElementsAttr::get(type, values);
}

} // namespace aotc::onnx
