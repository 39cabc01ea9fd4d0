//===- Reduction.cpp - Shape functions of Reduce*, ArgMax and ArgMin ------===//

#include "dialects/ONNX/IR/ConstantValues.h"
#include "dialects/ONNX/IR/ONNXDialect.h"
#include "dialects/ONNX/ShapeFns/ShapeHelpers.h"

using namespace mlir;
using namespace aotc::onnx;

/// The shape of `input` reduced over `axes` (normalized), keeping them as 1
/// or dropping them.
static Shape reduceShape(ArrayRef<int64_t> input, ArrayRef<int64_t> axes,
                         bool keepDims) {
  Shape shape;
  for (auto [i, dim] : llvm::enumerate(input)) {
    if (!llvm::is_contained(axes, (int64_t)i))
      shape.push_back(dim);
    else if (keepDims)
      shape.push_back(1);
  }
  return shape;
}

/// Reduce ops (opset 18 form): `axes` is an optional input; none or an empty
/// one reduces everything, or nothing with noop_with_empty_axes.
template <typename OpTy>
static LogicalResult inferReduceShape(OpTy op) {
  if (failed(inferElementTypesOnly(op)))
    return failure();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(op.getData());
  if (!shape)
    return success();
  int64_t rank = shape->size();
  bool keepDims = op.getKeepdims() != 0;
  Value axesInput = op.getAxes();

  Shape axes;
  if (axesInput) {
    std::optional<SmallVector<int64_t>> values = getConstantInts(axesInput);
    if (!values) {
      // Unknown axes: each kept dimension is its size or 1; dropped ones
      // leave the rank known only from the number of axes.
      std::optional<int64_t> length = getStaticLength(axesInput);
      if (keepDims)
        setShape(op.getReduced(), Shape(rank, ShapedType::kDynamic));
      else if (length && *length > 0 && *length <= rank)
        setShape(op.getReduced(), Shape(rank - *length, ShapedType::kDynamic));
      return success();
    }
    FailureOr<Shape> normalized = normalizeAxes(op, *values, rank);
    if (failed(normalized))
      return failure();
    axes = std::move(*normalized);
  }
  if (axes.empty()) {
    if (op.getNoopWithEmptyAxes()) {
      setShape(op.getReduced(), *shape);
      return success();
    }
    for (int64_t i = 0; i < rank; ++i)
      axes.push_back(i);
  }
  setShape(op.getReduced(), reduceShape(*shape, axes, keepDims));
  return success();
}

#define AOTC_REDUCE_OPS(X)                                                     \
  X(ReduceL1Op)                                                                \
  X(ReduceL2Op)                                                                \
  X(ReduceLogSumOp)                                                            \
  X(ReduceLogSumExpOp)                                                         \
  X(ReduceMaxOp)                                                               \
  X(ReduceMeanOp)                                                              \
  X(ReduceMinOp)                                                               \
  X(ReduceProdOp)                                                              \
  X(ReduceSumOp)                                                               \
  X(ReduceSumSquareOp)

#define AOTC_DEFINE_REDUCE(OpTy)                                               \
  LogicalResult OpTy::inferShapes() { return inferReduceShape(*this); }
AOTC_REDUCE_OPS(AOTC_DEFINE_REDUCE)
#undef AOTC_DEFINE_REDUCE

/// ArgMax and ArgMin reduce one axis to i64 indices.
template <typename OpTy>
static LogicalResult inferArgReduceShape(OpTy op) {
  if (failed(inferElementTypesOnly(op)))
    return failure();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(op.getData());
  if (!shape)
    return success();
  FailureOr<int64_t> axis = normalizeAxis(op, op.getAxis(), shape->size());
  if (failed(axis))
    return failure();
  setShape(op.getReduced(), reduceShape(*shape, *axis, op.getKeepdims() != 0));
  return success();
}

LogicalResult ArgMaxOp::inferShapes() { return inferArgReduceShape(*this); }
LogicalResult ArgMinOp::inferShapes() { return inferArgReduceShape(*this); }
