//===- ConvPool.cpp - Shape functions of convolutions and pools -----------===//
//
// Inputs are N x C x D1 x ... x Dn; the window arithmetic (pads, strides,
// dilations, auto_pad, ceil_mode) lives in ShapeHelpers.
//
//===----------------------------------------------------------------------===//

#include "dialects/ONNX/IR/ONNXDialect.h"
#include "dialects/ONNX/ShapeFns/ShapeHelpers.h"

#include "llvm/Support/CheckedArithmetic.h"

using namespace mlir;
using namespace aotc::onnx;

/// Checks that `shape` (of the operand named `name`) has a batch, a channel
/// and at least one spatial dimension.
static LogicalResult checkSpatialInput(Operation *op, StringRef name,
                                       ArrayRef<int64_t> shape) {
  if (shape.size() < 3)
    return op->emitOpError()
           << name << " of shape " << formatShape(shape)
           << " must have a batch, a channel and a spatial dimension";
  return success();
}

/// The weight's kernel size: the kernel_shape attribute, which must agree
/// with the weight's spatial dimensions, or those dimensions.
static FailureOr<Shape> getKernel(Operation *op,
                                  std::optional<ArrayRef<int64_t>> kernelShape,
                                  std::optional<ArrayRef<int64_t>> weight,
                                  int64_t spatialRank) {
  if (!weight)
    return kernelShape ? Shape(*kernelShape)
                       : Shape(spatialRank, ShapedType::kDynamic);
  ArrayRef<int64_t> weightKernel = weight->drop_front(2);
  if (!kernelShape)
    return Shape(weightKernel);
  for (auto [attr, dim] : llvm::zip(*kernelShape, weightKernel))
    if (!isDynamic(dim) && attr != dim)
      return op->emitOpError()
             << "kernel_shape " << formatList(*kernelShape)
             << " does not match the weight shape " << formatShape(*weight);
  return Shape(*kernelShape);
}

/// Checks the weight's rank against the input's.
static LogicalResult checkWeightRank(Operation *op, ArrayRef<int64_t> x,
                                     std::optional<ArrayRef<int64_t>> w) {
  if (w && w->size() != x.size())
    return op->emitOpError()
           << "weight of shape " << formatShape(*w)
           << " must have the rank of the input of shape " << formatShape(x);
  return success();
}

/// The shape function Conv, ConvInteger and QLinearConv share: `op` has x,
/// w, the window attributes and group; `bias` (null when absent) is [M].
template <typename OpTy>
static LogicalResult inferConvShape(OpTy op, Value bias) {
  if (failed(inferElementTypesOnly(op)))
    return failure();
  std::optional<ArrayRef<int64_t>> x = getShapeOf(op.getX());
  std::optional<ArrayRef<int64_t>> w = getShapeOf(op.getW());
  if (!x)
    return success();
  if (failed(checkSpatialInput(op, "input", *x)) ||
      failed(checkWeightRank(op, *x, w)))
    return failure();
  int64_t spatialRank = x->size() - 2;
  int64_t group = op.getGroup();
  if (group < 1)
    return op.emitOpError() << "group " << group << " must be positive";
  if (group > INT32_MAX)
    return op.emitOpError()
           << "group " << group << " must be at most " << INT32_MAX;

  int64_t outChannels = w ? (*w)[0] : ShapedType::kDynamic;
  if (w) {
    int64_t channels = (*x)[1], weightChannels = (*w)[1];
    std::optional<int64_t> expected = llvm::checkedMul(weightChannels, group);
    if (!isDynamic(channels) && !isDynamic(weightChannels) &&
        channels != expected)
      return op.emitOpError()
             << "input channels (" << channels
             << ") do not match weight channels × group ("
             << (expected ? std::to_string(*expected) : "more than 2^63-1")
             << ")";
    if (!isDynamic(outChannels) && outChannels % group != 0)
      return op.emitOpError()
             << "output channels (" << outChannels
             << ") are not divisible by group (" << group << ")";
  }
  if (std::optional<ArrayRef<int64_t>> b = getShapeOf(bias)) {
    if (b->size() != 1 || (!isDynamic((*b)[0]) && !isDynamic(outChannels) &&
                           (*b)[0] != outChannels))
      return op.emitOpError() << "bias of shape " << formatShape(*b)
                              << " does not match the output channels ("
                              << formatDim(outChannels) << ")";
  }

  FailureOr<Shape> kernel = getKernel(op, op.getKernelShape(), w, spatialRank);
  if (failed(kernel))
    return failure();
  FailureOr<WindowParams> params =
      getWindowParams(op, spatialRank, *kernel, op.getStrides(),
                      op.getDilations(), op.getPads(), op.getAutoPad());
  if (failed(params))
    return failure();
  FailureOr<Shape> spatial =
      getWindowOutputShape(op, x->drop_front(2), *params);
  if (failed(spatial))
    return failure();
  Shape shape = {(*x)[0], outChannels};
  llvm::append_range(shape, *spatial);
  setShape(op->getResult(0), shape);
  return success();
}

LogicalResult ConvOp::inferShapes() { return inferConvShape(*this, getB()); }
LogicalResult ConvIntegerOp::inferShapes() {
  return inferConvShape(*this, Value());
}
LogicalResult QLinearConvOp::inferShapes() {
  return inferConvShape(*this, getB());
}

/// ConvTranspose's output spatial sizes without output_shape, or failure
/// after an error when one overflows int64.
static FailureOr<Shape>
getTransposedSpatialShape(Operation *op, ArrayRef<int64_t> input,
                          const WindowParams &params,
                          ArrayRef<int64_t> outputPadding) {
  Shape output;
  for (auto [i, size] : llvm::enumerate(input)) {
    if (isDynamic(size)) {
      output.push_back(ShapedType::kDynamic);
      continue;
    }
    std::optional<int64_t> dim;
    if (params.autoPad == WindowParams::AutoPad::SameUpper ||
        params.autoPad == WindowParams::AutoPad::SameLower) {
      dim = llvm::checkedMul(size, params.strides[i]);
    } else if (isDynamic(params.kernel[i])) {
      output.push_back(ShapedType::kDynamic);
      continue;
    } else {
      // The window parameters are at most 2^31 - 1 each, so only the
      // stride × size product and output_padding can overflow.
      int64_t window = (params.kernel[i] - 1) * params.dilations[i] + 1;
      dim = llvm::checkedMul(params.strides[i], size - 1);
      if (dim)
        dim = llvm::checkedAdd(*dim, outputPadding[i]);
      if (dim)
        dim = llvm::checkedAdd(*dim, window - params.padsBegin[i] -
                                         params.padsEnd[i]);
    }
    if (!dim)
      return op->emitOpError() << "output spatial dimension " << i
                               << " overflows (more than 2^63-1)";
    output.push_back(*dim);
  }
  return output;
}

LogicalResult ConvTransposeOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> x = getShapeOf(getX());
  std::optional<ArrayRef<int64_t>> w = getShapeOf(getW());
  if (!x)
    return success();
  if (failed(checkSpatialInput(*this, "input", *x)) ||
      failed(checkWeightRank(*this, *x, w)))
    return failure();
  int64_t spatialRank = x->size() - 2;
  int64_t group = getGroup();
  if (group < 1)
    return emitOpError() << "group " << group << " must be positive";
  if (group > INT32_MAX)
    return emitOpError() << "group " << group << " must be at most "
                         << INT32_MAX;

  // The weight is C x (M / group) x k1 x ... x kn.
  int64_t outChannels = ShapedType::kDynamic;
  if (w) {
    int64_t channels = (*x)[1];
    if (!isDynamic(channels) && !isDynamic((*w)[0]) && channels != (*w)[0])
      return emitOpError() << "input channels (" << channels
                           << ") do not match weight dimension 0 (" << (*w)[0]
                           << ")";
    if (!isDynamic((*w)[1])) {
      std::optional<int64_t> product = llvm::checkedMul((*w)[1], group);
      if (!product)
        return emitOpError() << "output channels (" << (*w)[1] << " × " << group
                             << ") overflow (more than 2^63-1)";
      outChannels = *product;
    }
  }

  FailureOr<Shape> kernel = getKernel(*this, getKernelShape(), w, spatialRank);
  if (failed(kernel))
    return failure();
  FailureOr<WindowParams> params =
      getWindowParams(*this, spatialRank, *kernel, getStrides(), getDilations(),
                      getPads(), getAutoPad());
  if (failed(params))
    return failure();

  Shape spatial;
  if (std::optional<ArrayRef<int64_t>> outputShape = getOutputShape()) {
    // output_shape names the spatial sizes, optionally preceded by N and C.
    if ((int64_t)outputShape->size() < spatialRank)
      return emitOpError() << "output_shape " << formatList(*outputShape)
                           << " has fewer values than the input's "
                           << spatialRank << " spatial dimensions";
    spatial.assign(outputShape->end() - spatialRank, outputShape->end());
  } else {
    Shape outputPadding(spatialRank, 0);
    if (std::optional<ArrayRef<int64_t>> attr = getOutputPadding()) {
      if ((int64_t)attr->size() != spatialRank)
        return emitOpError() << "output_padding has " << attr->size()
                             << " values but the input has " << spatialRank
                             << " spatial dimensions";
      outputPadding.assign(attr->begin(), attr->end());
    }
    FailureOr<Shape> computed = getTransposedSpatialShape(
        *this, x->drop_front(2), *params, outputPadding);
    if (failed(computed))
      return failure();
    spatial = std::move(*computed);
  }
  for (int64_t dim : spatial)
    if (!isDynamic(dim) && dim < 1)
      return emitOpError() << "computed output spatial shape "
                           << formatShape(spatial) << " is empty";
  Shape shape = {(*x)[0], outChannels};
  llvm::append_range(shape, spatial);
  setShape(getY(), shape);
  return success();
}

/// Sets the results of a pool over `x` to N x C x (window output sizes).
static LogicalResult inferPoolShape(Operation *op, Value x,
                                    ArrayRef<int64_t> kernel,
                                    std::optional<ArrayRef<int64_t>> strides,
                                    std::optional<ArrayRef<int64_t>> dilations,
                                    std::optional<ArrayRef<int64_t>> pads,
                                    StringRef autoPad, bool ceilMode) {
  if (failed(inferElementTypesOnly(op)))
    return failure();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(x);
  if (!shape)
    return success();
  if (failed(checkSpatialInput(op, "input", *shape)))
    return failure();
  int64_t spatialRank = shape->size() - 2;
  FailureOr<WindowParams> params = getWindowParams(
      op, spatialRank, kernel, strides, dilations, pads, autoPad, ceilMode);
  if (failed(params))
    return failure();
  FailureOr<Shape> spatial =
      getWindowOutputShape(op, shape->drop_front(2), *params);
  if (failed(spatial))
    return failure();
  Shape result = {(*shape)[0], (*shape)[1]};
  llvm::append_range(result, *spatial);
  // MaxPool's Indices have the shape of its values.
  for (Value value : op->getResults())
    setShape(value, result);
  return success();
}

LogicalResult MaxPoolOp::inferShapes() {
  return inferPoolShape(*this, getX(), getKernelShape(), getStrides(),
                        getDilations(), getPads(), getAutoPad(),
                        getCeilMode() != 0);
}

LogicalResult AveragePoolOp::inferShapes() {
  return inferPoolShape(*this, getX(), getKernelShape(), getStrides(),
                        std::nullopt, getPads(), getAutoPad(),
                        getCeilMode() != 0);
}

LogicalResult LpPoolOp::inferShapes() {
  return inferPoolShape(*this, getX(), getKernelShape(), getStrides(),
                        std::nullopt, getPads(), getAutoPad(),
                        /*ceilMode=*/false);
}

/// Global pools reduce every spatial dimension to 1.
static LogicalResult inferGlobalPoolShape(Operation *op) {
  if (failed(inferElementTypesOnly(op)))
    return failure();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(op->getOperand(0));
  if (!shape)
    return success();
  if (failed(checkSpatialInput(op, "input", *shape)))
    return failure();
  Shape result(*shape);
  std::fill(result.begin() + 2, result.end(), 1);
  setShape(op->getResult(0), result);
  return success();
}

LogicalResult GlobalAveragePoolOp::inferShapes() {
  return inferGlobalPoolShape(*this);
}
LogicalResult GlobalMaxPoolOp::inferShapes() {
  return inferGlobalPoolShape(*this);
}
LogicalResult GlobalLpPoolOp::inferShapes() {
  return inferGlobalPoolShape(*this);
}
