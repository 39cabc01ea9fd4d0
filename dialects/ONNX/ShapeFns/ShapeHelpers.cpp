//===- ShapeHelpers.cpp - Shared pieces of the ONNX shape functions -------===//

#include "dialects/ONNX/ShapeFns/ShapeHelpers.h"

#include "dialects/ONNX/IR/ONNXDialect.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallSet.h"
#include "llvm/Support/CheckedArithmetic.h"

using namespace mlir;

namespace aotc::onnx {

std::optional<ArrayRef<int64_t>> getShapeOf(Value value) {
  if (!value)
    return std::nullopt;
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type)
    return std::nullopt;
  return type.getShape();
}

Type getElementType(Value value) {
  return cast<ShapedType>(value.getType()).getElementType();
}

std::string formatShape(ArrayRef<int64_t> shape) {
  if (shape.empty())
    return "scalar";
  std::string text;
  for (auto [i, dim] : llvm::enumerate(shape)) {
    if (i)
      text += "x";
    text += formatDim(dim);
  }
  return text;
}

std::string formatDim(int64_t dim) {
  return isDynamic(dim) ? "?" : std::to_string(dim);
}

std::string formatList(ArrayRef<int64_t> values) {
  std::string text = "[";
  for (auto [i, value] : llvm::enumerate(values)) {
    if (i)
      text += ", ";
    text += std::to_string(value);
  }
  return text + "]";
}

void setShape(Value result, ArrayRef<int64_t> shape, Type elementType) {
  auto current = cast<TensorType>(result.getType());
  if (!elementType)
    elementType = current.getElementType();
  Shape refined(shape);
  // An importer-provided static size may know more than the operands do.
  if (current.hasRank() && current.getRank() == (int64_t)shape.size())
    for (auto [dim, known] : llvm::zip(refined, current.getShape()))
      if (isDynamic(dim))
        dim = known;
  result.setType(RankedTensorType::get(refined, elementType));
}

void setUnranked(Value result, Type elementType) {
  auto current = cast<TensorType>(result.getType());
  if (current.hasRank())
    result.setType(RankedTensorType::get(current.getShape(), elementType));
  else
    result.setType(UnrankedTensorType::get(elementType));
}

int64_t getProduct(ArrayRef<int64_t> dims) {
  if (llvm::any_of(dims, isDynamic))
    return ShapedType::kDynamic;
  if (llvm::is_contained(dims, 0))
    return 0;
  int64_t product = 1;
  for (int64_t dim : dims) {
    std::optional<int64_t> next = llvm::checkedMul(product, dim);
    if (!next)
      return ShapedType::kDynamic;
    product = *next;
  }
  return product;
}

FailureOr<Shape> broadcastShapes(Operation *op, ArrayRef<int64_t> lhs,
                                 ArrayRef<int64_t> rhs) {
  size_t rank = std::max(lhs.size(), rhs.size());
  Shape result(rank);
  for (size_t i = 0; i < rank; ++i) {
    // Align trailing dimensions; missing leading ones act as 1.
    int64_t a = i < rank - lhs.size() ? 1 : lhs[i - (rank - lhs.size())];
    int64_t b = i < rank - rhs.size() ? 1 : rhs[i - (rank - rhs.size())];
    if (a == 1) {
      result[i] = b;
    } else if (b == 1) {
      result[i] = a;
    } else if (isDynamic(a)) {
      // A dynamic size is 1 or equal to the other one: either way the
      // result is the other size.
      result[i] = b;
    } else if (isDynamic(b) || a == b) {
      result[i] = a;
    } else {
      return op->emitOpError()
             << "operands have incompatible shapes " << formatShape(lhs)
             << " and " << formatShape(rhs);
    }
  }
  return result;
}

LogicalResult inferBroadcastShape(Operation *op, ValueRange operands) {
  if (failed(inferElementTypesOnly(op)))
    return failure();
  Shape shape;
  for (Value operand : operands) {
    std::optional<ArrayRef<int64_t>> operandShape = getShapeOf(operand);
    if (!operandShape)
      return success();
    FailureOr<Shape> broadcast = broadcastShapes(op, shape, *operandShape);
    if (failed(broadcast))
      return failure();
    shape = std::move(*broadcast);
  }
  setShape(op->getResult(0), shape);
  return success();
}

LogicalResult inferSameShape(Operation *op) {
  if (failed(inferElementTypesOnly(op)))
    return failure();
  if (std::optional<ArrayRef<int64_t>> shape = getShapeOf(op->getOperand(0)))
    for (Value result : op->getResults())
      setShape(result, *shape);
  return success();
}

FailureOr<int64_t> normalizeAxis(Operation *op, int64_t axis, int64_t rank,
                                 StringRef what) {
  if (axis < -rank || axis >= rank)
    return op->emitOpError()
           << what << " " << axis << " is out of range for rank " << rank;
  return axis < 0 ? axis + rank : axis;
}

FailureOr<Shape> normalizeAxes(Operation *op, ArrayRef<int64_t> axes,
                               int64_t rank, StringRef what) {
  Shape normalized;
  llvm::SmallSet<int64_t, 8> seen;
  for (int64_t axis : axes) {
    FailureOr<int64_t> index = normalizeAxis(op, axis, rank, what);
    if (failed(index))
      return failure();
    if (!seen.insert(*index).second)
      return op->emitOpError()
             << what << " " << axis << " is repeated in " << formatList(axes);
    normalized.push_back(*index);
  }
  return normalized;
}

LogicalResult checkOneDimensional(Operation *op, Value operand,
                                  StringRef name) {
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(operand);
  if (shape && shape->size() != 1)
    return op->emitOpError()
           << "the " << name << " operand must be 1-D, not of shape "
           << formatShape(*shape);
  return success();
}

std::optional<int64_t> getStaticLength(Value value) {
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(value);
  if (!shape || shape->size() != 1 || isDynamic((*shape)[0]))
    return std::nullopt;
  return (*shape)[0];
}

//===----------------------------------------------------------------------===//
// Sliding windows
//===----------------------------------------------------------------------===//

/// The largest kernel size, stride, dilation or pad a window takes: with
/// these bounded, window arithmetic on checked tensor sizes cannot overflow.
static constexpr int64_t kMaxWindowParam = INT32_MAX;

/// Copies `values` (or `rank` copies of `fallback` when absent) into `out`,
/// checking the count and that each value is in [minimum, kMaxWindowParam].
static LogicalResult getPerDim(Operation *op, StringRef name,
                               std::optional<ArrayRef<int64_t>> values,
                               int64_t rank, int64_t fallback, int64_t minimum,
                               Shape &out) {
  if (!values) {
    out.assign(rank, fallback);
    return success();
  }
  if ((int64_t)values->size() != rank)
    return op->emitOpError()
           << name << " has " << values->size() << " values but the input has "
           << rank << " spatial dimensions";
  for (int64_t value : *values) {
    if (!isDynamic(value) && value < minimum)
      return op->emitOpError() << name << " " << formatList(*values)
                               << " must be at least " << minimum;
    if (value > kMaxWindowParam)
      return op->emitOpError() << name << " " << formatList(*values)
                               << " must be at most " << kMaxWindowParam;
  }
  out.assign(values->begin(), values->end());
  return success();
}

FailureOr<WindowParams>
getWindowParams(Operation *op, int64_t spatialRank, ArrayRef<int64_t> kernel,
                std::optional<ArrayRef<int64_t>> strides,
                std::optional<ArrayRef<int64_t>> dilations,
                std::optional<ArrayRef<int64_t>> pads, StringRef autoPad,
                bool ceilMode) {
  WindowParams params;
  params.ceilMode = ceilMode;
  if (autoPad == "NOTSET")
    params.autoPad = WindowParams::AutoPad::NotSet;
  else if (autoPad == "SAME_UPPER")
    params.autoPad = WindowParams::AutoPad::SameUpper;
  else if (autoPad == "SAME_LOWER")
    params.autoPad = WindowParams::AutoPad::SameLower;
  else if (autoPad == "VALID")
    params.autoPad = WindowParams::AutoPad::Valid;
  else
    return op->emitOpError() << "unknown auto_pad '" << autoPad
                             << "': expected NOTSET, SAME_UPPER, SAME_LOWER "
                                "or VALID";

  if (failed(getPerDim(op, "kernel_shape", kernel, spatialRank, 1, 1,
                       params.kernel)) ||
      failed(getPerDim(op, "strides", strides, spatialRank, 1, 1,
                       params.strides)) ||
      failed(getPerDim(op, "dilations", dilations, spatialRank, 1, 1,
                       params.dilations)))
    return failure();

  params.padsBegin.assign(spatialRank, 0);
  params.padsEnd.assign(spatialRank, 0);
  // Explicit pads only count without auto_pad.
  if (pads && params.autoPad == WindowParams::AutoPad::NotSet) {
    if ((int64_t)pads->size() != 2 * spatialRank)
      return op->emitOpError()
             << "pads has " << pads->size() << " values but the input has "
             << spatialRank << " spatial dimensions (expected "
             << 2 * spatialRank << ")";
    if (llvm::any_of(*pads, [](int64_t pad) { return pad < 0; }))
      return op->emitOpError()
             << "pads " << formatList(*pads) << " must not be negative";
    if (llvm::any_of(*pads, [](int64_t pad) { return pad > kMaxWindowParam; }))
      return op->emitOpError() << "pads " << formatList(*pads)
                               << " must be at most " << kMaxWindowParam;
    params.padsBegin.assign(pads->begin(), pads->begin() + spatialRank);
    params.padsEnd.assign(pads->begin() + spatialRank, pads->end());
  }
  return params;
}

FailureOr<Shape> getWindowOutputShape(Operation *op, ArrayRef<int64_t> input,
                                      const WindowParams &params) {
  Shape output;
  for (auto [i, size] : llvm::enumerate(input)) {
    if (isDynamic(size)) {
      output.push_back(ShapedType::kDynamic);
      continue;
    }
    int64_t stride = params.strides[i];
    if (params.autoPad == WindowParams::AutoPad::SameUpper ||
        params.autoPad == WindowParams::AutoPad::SameLower) {
      output.push_back(llvm::divideCeil(size, stride));
      continue;
    }
    if (isDynamic(params.kernel[i])) {
      output.push_back(ShapedType::kDynamic);
      continue;
    }
    int64_t window = (params.kernel[i] - 1) * params.dilations[i] + 1;
    int64_t padded = size + params.padsBegin[i] + params.padsEnd[i];
    if (padded < window)
      return op->emitOpError()
             << "window of size " << window << " does not fit into spatial "
             << "dimension " << i << " of size " << padded
             << (padded != size ? " (padded)" : "");
    int64_t steps = params.ceilMode ? llvm::divideCeil(padded - window, stride)
                                    : (padded - window) / stride;
    // With ceil_mode, a last window starting in the end padding is dropped
    // (as in ONNX Runtime and PyTorch).
    if (params.ceilMode && steps * stride >= size + params.padsBegin[i])
      --steps;
    output.push_back(steps + 1);
  }
  return output;
}

} // namespace aotc::onnx
