//===- ConvPool.cpp - onnx to linalg: convolutions and pooling ------------===//
//
// Conv, MaxPool and AveragePool become linalg's NCHW named ops on an input
// padded with `tensor.pad` (zeros, or -inf for MaxPool). The pads come from
// `pads` or `auto_pad`; the result type, which shape inference computed,
// fixes the number of windows, and when it needs more input than the pads
// give (ceil_mode) the input is padded further at the end. 1-D ops run as
// 2-D ops on a unit height; 3-D ones are one `linalg.generic` each (linalg's
// 3-D ops are channels-last or ungrouped). Conv picks `conv_2d_nchw_fchw`
// (group 1), `depthwise_conv_2d_nchw_chw` (one filter per channel) or
// `conv_2d_ngchw_gfchw` (other groups) and adds the bias in an epilogue
// generic; ConvInteger and QLinearConv run the same convolution on the
// operands minus their zero points in exact i32, QLinearConv then
// requantizes; AveragePool divides a window sum by the window size, or by
// the number of input elements in each window when the padding is not
// counted.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ONNXToLinalg/LoweringUtils.h"
#include "passes/Conversion/ONNXToLinalg/Patterns.h"
#include "passes/Conversion/ONNXToLinalg/Quantization.h"

#include "dialects/ONNX/IR/ONNXDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace aotc;

namespace {

/// The geometry of a sliding window over the spatial dimensions.
struct Window {
  SmallVector<int64_t> kernel, strides, dilations;
  /// The padding the op asks for (pads or auto_pad).
  SmallVector<int64_t> padLow, padHigh;
  /// Padding beyond `padHigh` that the last windows need (ceil_mode).
  SmallVector<int64_t> extraHigh;
};

/// Computes the window of an op over `input` spatial sizes that produces
/// `output` spatial sizes. Fails with a diagnostic on attributes of the wrong
/// size, an unknown auto_pad, or (unless `allowExtra`) an output that needs
/// more input than the padding gives.
FailureOr<Window> computeWindow(Operation *op, ArrayRef<int64_t> input,
                                ArrayRef<int64_t> output,
                                ArrayRef<int64_t> kernel,
                                std::optional<ArrayRef<int64_t>> strides,
                                std::optional<ArrayRef<int64_t>> dilations,
                                std::optional<ArrayRef<int64_t>> pads,
                                StringRef autoPad, bool allowExtra) {
  size_t rank = input.size();
  Window w;
  w.kernel.assign(kernel.begin(), kernel.end());
  w.strides.assign(rank, 1);
  w.dilations.assign(rank, 1);
  if (kernel.size() != rank)
    return emitUnsupported(op, "kernel rank differs from the input's");
  if (strides) {
    if (strides->size() != rank)
      return emitUnsupported(op, "strides of the wrong size");
    w.strides.assign(strides->begin(), strides->end());
  }
  if (dilations) {
    if (dilations->size() != rank)
      return emitUnsupported(op, "dilations of the wrong size");
    w.dilations.assign(dilations->begin(), dilations->end());
  }
  if (pads && autoPad == "NOTSET" && pads->size() != 2 * rank)
    return emitUnsupported(op, "pads of the wrong size");
  for (size_t i = 0; i < rank; ++i) {
    int64_t s = w.strides[i], d = w.dilations[i], k = w.kernel[i];
    int64_t extent = (k - 1) * d + 1;
    int64_t needed = (output[i] - 1) * s + extent;
    int64_t low = 0, high = 0;
    if (autoPad == "NOTSET") {
      if (pads) {
        low = (*pads)[i];
        high = (*pads)[i + rank];
      }
    } else if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
      int64_t total = std::max<int64_t>(0, needed - input[i]);
      low = autoPad == "SAME_UPPER" ? total / 2 : total - total / 2;
      high = total - low;
    } else if (autoPad != "VALID") {
      return emitUnsupported(op, "auto_pad '" + autoPad + "'");
    }
    if (low < 0 || high < 0)
      return emitUnsupported(op, "negative pads");
    int64_t extra = std::max<int64_t>(0, needed - (input[i] + low + high));
    if (extra && !allowExtra)
      return emitUnsupported(op, "an output larger than the padded input");
    w.padLow.push_back(low);
    w.padHigh.push_back(high);
    w.extraHigh.push_back(extra);
  }
  return w;
}

/// Turns a 1-D window op into a 2-D one on a unit height.
void prependUnitDim(Window &w) {
  for (SmallVector<int64_t> *v : {&w.kernel, &w.strides, &w.dilations,
                                  &w.padLow, &w.padHigh, &w.extraHigh})
    v->insert(v->begin(),
              v == &w.strides || v == &w.dilations || v == &w.kernel ? 1 : 0);
}

/// `value` [N, C, W] as [N, C, 1, W]; 4-D values unchanged.
Value to4D(OpBuilder &b, Location loc, Value value) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getRank() == 4)
    return value;
  SmallVector<int64_t> shape(type.getShape());
  shape.insert(shape.begin() + 2, 1);
  return reshapeTo(b, loc, value,
                   RankedTensorType::get(shape, type.getElementType()));
}

/// `input` padded on its spatial dimensions (2 and up) as `w` says.
Value padSpatial(OpBuilder &b, Location loc, Value input, const Window &w,
                 Value padValue) {
  SmallVector<int64_t> low = {0, 0}, high = {0, 0};
  for (size_t i = 0; i < w.kernel.size(); ++i) {
    low.push_back(w.padLow[i]);
    high.push_back(w.padHigh[i] + w.extraHigh[i]);
  }
  return padConstant(b, loc, input, low, high, padValue);
}

/// Whether `w` pads the input at all.
bool needsPadding(const Window &w) {
  auto positive = [](int64_t p) { return p > 0; };
  return llvm::any_of(w.padLow, positive) ||
         llvm::any_of(w.padHigh, positive) ||
         llvm::any_of(w.extraHigh, positive);
}

RankedTensorType withShape(RankedTensorType type, ArrayRef<int64_t> shape) {
  return RankedTensorType::get(shape, type.getElementType());
}

/// The 4-D result type of a window op whose result is `resultType`.
RankedTensorType to4DType(RankedTensorType resultType) {
  SmallVector<int64_t> shape(resultType.getShape());
  if (shape.size() == 3)
    shape.insert(shape.begin() + 2, 1);
  return withShape(resultType, shape);
}

//===----------------------------------------------------------------------===//
// Conv
//===----------------------------------------------------------------------===//

/// The 2-D convolution of the padded 4-D `input` with the 4-D `filter`
/// ([F, C/group, KH, KW]) into `outType`: conv_2d_nchw_fchw for one group,
/// depthwise_conv_2d_nchw_chw for one filter per channel, and
/// conv_2d_ngchw_gfchw on split channels otherwise.
Value buildConv2D(OpBuilder &b, Location loc, Value input, Value filter,
                  int64_t group, RankedTensorType outType,
                  ArrayRef<int64_t> strides, ArrayRef<int64_t> dilations) {
  Value zero = createScalar(b, loc, outType.getElementType(), 0.0);
  auto stridesAttr = b.getI64TensorAttr(strides);
  auto dilationsAttr = b.getI64TensorAttr(dilations);
  auto inputType = cast<RankedTensorType>(input.getType());
  auto filterType = cast<RankedTensorType>(filter.getType());
  ArrayRef<int64_t> in = inputType.getShape();
  ArrayRef<int64_t> filterShape = filterType.getShape();
  ArrayRef<int64_t> outShape = outType.getShape();
  int64_t channels = in[1], filters = filterShape[0];
  if (group == 1)
    return linalg::Conv2DNchwFchwOp::create(
               b, loc, TypeRange{outType}, ValueRange{input, filter},
               ValueRange{createFilled(b, loc, outType, zero)}, stridesAttr,
               dilationsAttr)
        .getResult(0);
  if (group == channels && filters == channels) {
    // One filter per channel: [C, 1, KH, KW] -> [C, KH, KW].
    Value filter3D =
        reshapeTo(b, loc, filter,
                  withShape(filterType,
                            {filterShape[0], filterShape[2], filterShape[3]}));
    return linalg::DepthwiseConv2DNchwChwOp::create(
               b, loc, TypeRange{outType}, ValueRange{input, filter3D},
               ValueRange{createFilled(b, loc, outType, zero)}, stridesAttr,
               dilationsAttr)
        .getResult(0);
  }
  // [N, G*C/G, H, W] x [G*F/G, C/G, KH, KW] -> [N, G, F/G, OH, OW].
  Value input5D = reshapeTo(
      b, loc, input,
      withShape(inputType, {in[0], group, in[1] / group, in[2], in[3]}));
  Value filter5D = reshapeTo(
      b, loc, filter,
      withShape(filterType, {group, filterShape[0] / group, filterShape[1],
                             filterShape[2], filterShape[3]}));
  auto out5DType = withShape(outType, {outShape[0], group, outShape[1] / group,
                                       outShape[2], outShape[3]});
  Value conv5D =
      linalg::Conv2DNgchwGfchwOp::create(
          b, loc, TypeRange{out5DType}, ValueRange{input5D, filter5D},
          ValueRange{createFilled(b, loc, out5DType, zero)}, stridesAttr,
          dilationsAttr)
          .getResult(0);
  return reshapeTo(b, loc, conv5D, outType);
}

/// The convolution of the padded `input` ([N, C, D1, ..., Dn]) with
/// `filter` ([F, C/group, K1, ..., Kn]) into `outType` as one generic: loops
/// n, f, o1..on parallel and c, k1..kn reductions. It serves the ranks and
/// element types linalg has no named op for (3-D, i32 accumulation).
Value buildConvGeneric(OpBuilder &b, Location loc, Value input, Value filter,
                       int64_t group, RankedTensorType outType,
                       ArrayRef<int64_t> strides, ArrayRef<int64_t> dilations) {
  MLIRContext *context = b.getContext();
  auto inputType = cast<RankedTensorType>(input.getType());
  auto filterType = cast<RankedTensorType>(filter.getType());
  int64_t spatial = inputType.getRank() - 2;
  int64_t loops = 2 + 2 * spatial + 1;
  int64_t perGroupIn = filterType.getDimSize(1);
  int64_t perGroupOut = filterType.getDimSize(0) / group;
  AffineExpr n = getAffineDimExpr(0, context), f = getAffineDimExpr(1, context);
  AffineExpr c = getAffineDimExpr(2 + spatial, context);
  AffineExpr inChannel =
      group == 1 ? c : f.floorDiv(perGroupOut) * perGroupIn + c;
  SmallVector<AffineExpr> inputExprs{n, inChannel}, filterExprs{f, c},
      outExprs{n, f};
  for (int64_t i = 0; i < spatial; ++i) {
    AffineExpr o = getAffineDimExpr(2 + i, context);
    AffineExpr k = getAffineDimExpr(3 + spatial + i, context);
    inputExprs.push_back(o * strides[i] + k * dilations[i]);
    filterExprs.push_back(k);
    outExprs.push_back(o);
  }
  SmallVector<AffineMap> maps{AffineMap::get(loops, 0, inputExprs, context),
                              AffineMap::get(loops, 0, filterExprs, context),
                              AffineMap::get(loops, 0, outExprs, context)};
  SmallVector<utils::IteratorType> iterators(2 + spatial,
                                             utils::IteratorType::parallel);
  iterators.append(1 + spatial, utils::IteratorType::reduction);
  Type element = outType.getElementType();
  Value init =
      createFilled(b, loc, outType, createScalar(b, loc, element, 0.0));
  return linalg::GenericOp::create(
             b, loc, TypeRange{outType}, ValueRange{input, filter},
             ValueRange{init}, maps, iterators,
             [&](OpBuilder &nb, Location l, ValueRange args) {
               Value sum;
               if (isa<FloatType>(element))
                 sum = arith::AddFOp::create(
                     nb, l, args[2],
                     arith::MulFOp::create(nb, l, args[0], args[1]));
               else
                 sum = arith::AddIOp::create(
                     nb, l, args[2],
                     arith::MulIOp::create(nb, l, args[0], args[1]));
               linalg::YieldOp::create(nb, l, sum);
             })
      .getResult(0);
}

/// `conv` ([N, F, ...]) plus the per-channel `bias` ([F]), in one generic.
Value addChannelBias(OpBuilder &b, Location loc, Value conv, Value bias) {
  auto type = cast<RankedTensorType>(conv.getType());
  MLIRContext *context = b.getContext();
  int64_t rank = type.getRank();
  AffineMap channel =
      AffineMap::get(rank, 0, {getAffineDimExpr(1, context)}, context);
  return buildGeneric(b, loc, type, {conv, bias},
                      {b.getMultiDimIdentityMap(rank), channel},
                      [](OpBuilder &nb, Location l, ValueRange args) -> Value {
                        if (isa<FloatType>(args[0].getType()))
                          return arith::AddFOp::create(nb, l, args[0], args[1]);
                        return arith::AddIOp::create(nb, l, args[0], args[1]);
                      });
}

/// Checks what the convolutions share: 1-D to 3-D, floats (unless
/// `allowIntegers`), and a group that divides the channels; the filter
/// expects `inputChannels` input channels per group and makes
/// `outputChannels` in all.
LogicalResult checkConvOperands(Operation *op, RankedTensorType inputType,
                                int64_t group, int64_t inputChannels,
                                int64_t outputChannels,
                                bool allowIntegers = false) {
  int64_t rank = inputType.getRank();
  if (rank < 3 || rank > 5)
    return emitUnsupported(op, Twine(rank - 2) + "-D convolution");
  if (!allowIntegers && !isa<FloatType>(inputType.getElementType()))
    return emitUnsupported(op, "non-float element types");
  int64_t channels = inputType.getDimSize(1);
  if (group < 1 || channels % group || outputChannels % group ||
      inputChannels * group != channels)
    return emitUnsupported(op, "group " + Twine(group) + " for " +
                                   Twine(channels) + " channels");
  return success();
}

/// The convolution of `x` with `w` (the element type of both is that of
/// `resultType`) by the window attributes of `op` (Conv, ConvInteger,
/// QLinearConv), without bias: padded with zeros, then a named 2-D op (1-D
/// on a unit height) or, in 3-D, a generic.
template <typename OpTy>
FailureOr<Value> buildConvolution(OpTy op, OpBuilder &b, Value x, Value w,
                                  RankedTensorType resultType) {
  Location loc = op.getLoc();
  auto inputType = cast<RankedTensorType>(x.getType());
  auto filterType = cast<RankedTensorType>(w.getType());
  int64_t group = op.getGroup();
  if (failed(checkConvOperands(op, inputType, group, filterType.getDimSize(1),
                               filterType.getDimSize(0),
                               /*allowIntegers=*/true)))
    return failure();
  FailureOr<Window> window = computeWindow(
      op, inputType.getShape().drop_front(2),
      resultType.getShape().drop_front(2), filterType.getShape().drop_front(2),
      op.getStrides(), op.getDilations(), op.getPads(), op.getAutoPad(),
      /*allowExtra=*/false);
  if (failed(window))
    return failure();
  Value zero = createScalar(b, loc, inputType.getElementType(), 0.0);
  if (inputType.getRank() == 5) {
    Value input = padSpatial(b, loc, x, *window, zero);
    return buildConvGeneric(b, loc, input, w, group, resultType,
                            window->strides, window->dilations);
  }
  if (inputType.getRank() == 3)
    prependUnitDim(*window);
  Value input = padSpatial(b, loc, to4D(b, loc, x), *window, zero);
  Value conv =
      buildConv2D(b, loc, input, to4D(b, loc, w), group, to4DType(resultType),
                  window->strides, window->dilations);
  return reshapeTo(b, loc, conv, resultType);
}

struct ConvLowering : OpConversionPattern<onnx::ConvOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getY());
    if (!isa<FloatType>(resultType.getElementType()))
      return emitUnsupported(op, "non-float element types");
    FailureOr<Value> conv = buildConvolution(op, rewriter, adaptor.getX(),
                                             adaptor.getW(), resultType);
    if (failed(conv))
      return failure();
    Value result = *conv;
    if (Value bias = adaptor.getB())
      result = addChannelBias(rewriter, op.getLoc(), result, bias);
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// The exact i32 convolution of ConvInteger and QLinearConv: (x -
/// x_zero_point) * (w - w_zero_point), x's zero point per tensor, w's per
/// tensor or per output channel; padding contributes 0 to the sums.
template <typename OpTy>
FailureOr<Value> buildIntegerConv(OpTy op, OpBuilder &b, Value x, Value xZero,
                                  Value w, Value wZero,
                                  ArrayRef<int64_t> resultShape) {
  Location loc = op.getLoc();
  FailureOr<Value> input = subtractZeroPoint(b, loc, x, xZero, /*axis=*/-1,
                                             isUnsignedElement(op.getX()));
  FailureOr<Value> filter = subtractZeroPoint(b, loc, w, wZero, /*axis=*/0,
                                              isUnsignedElement(op.getW()));
  if (failed(input) || failed(filter))
    return emitUnsupported(op, "a zero point neither per tensor nor per "
                               "output channel (w)");
  return buildConvolution(op, b, *input, *filter,
                          RankedTensorType::get(resultShape, b.getI32Type()));
}

/// ConvInteger: the exact i32 convolution. QLinearConv: that convolution
/// plus the i32 bias, requantized with x_scale x w_scale (per tensor or
/// output channel) / y_scale.
template <typename OpTy>
struct IntegerConvLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getConvertedTensorType(*this->getTypeConverter(), op.getY());
    FailureOr<Value> conv = buildIntegerConv(
        op, rewriter, adaptor.getX(), adaptor.getXZeroPoint(), adaptor.getW(),
        adaptor.getWZeroPoint(), resultType.getShape());
    if (failed(conv))
      return failure();
    Value result = *conv;
    if constexpr (std::is_same_v<OpTy, onnx::QLinearConvOp>) {
      Location loc = op.getLoc();
      if (Value bias = adaptor.getB())
        result = addChannelBias(rewriter, loc, result, bias);
      FailureOr<Value> requantized = requantize(
          rewriter, loc, result, {adaptor.getXScale(), -1},
          {adaptor.getWScale(), 1}, adaptor.getYScale(),
          adaptor.getYZeroPoint(), resultType, isUnsignedElement(op.getY()));
      if (failed(requantized))
        return emitUnsupported(op, "a scale or zero point neither per tensor "
                                   "nor per output channel (w_scale)");
      result = *requantized;
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// ConvTranspose as a stride-1 convolution: the input gets stride - 1 zeros
/// between its elements and (kernel extent - 1 - pad) zeros around them
/// (cropped where the pads are larger), and the filter [C, F/G, KH, KW]
/// becomes [F, C/G, KH, KW] with its window flipped.
struct ConvTransposeLowering : OpConversionPattern<onnx::ConvTransposeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ConvTransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getY());
    auto inputType = cast<RankedTensorType>(adaptor.getX().getType());
    auto filterType = cast<RankedTensorType>(adaptor.getW().getType());
    int64_t group = op.getGroup();
    if (inputType.getRank() == 5)
      return emitUnsupported(op, "3-D convolution");
    // The filter holds [C, F/G, ...]: C input channels, F/G per group out.
    if (failed(checkConvOperands(op, inputType, group,
                                 filterType.getDimSize(0) / group,
                                 filterType.getDimSize(1) * group)))
      return failure();
    int64_t spatial = inputType.getRank() - 2;
    auto attrOr = [&](std::optional<ArrayRef<int64_t>> attr, int64_t value,
                      int64_t size) {
      return attr ? SmallVector<int64_t>(attr->begin(), attr->end())
                  : SmallVector<int64_t>(size, value);
    };
    SmallVector<int64_t> strides = attrOr(op.getStrides(), 1, spatial);
    SmallVector<int64_t> dilations = attrOr(op.getDilations(), 1, spatial);
    SmallVector<int64_t> outputPadding =
        attrOr(op.getOutputPadding(), 0, spatial);
    SmallVector<int64_t> pads = attrOr(op.getPads(), 0, 2 * spatial);
    if ((int64_t)strides.size() != spatial ||
        (int64_t)dilations.size() != spatial ||
        (int64_t)outputPadding.size() != spatial ||
        (int64_t)pads.size() != 2 * spatial)
      return emitUnsupported(op, "attributes of the wrong size");
    StringRef autoPad = op.getAutoPad();
    if (autoPad != "NOTSET" && autoPad != "VALID" && autoPad != "SAME_UPPER" &&
        autoPad != "SAME_LOWER")
      return emitUnsupported(op, "auto_pad '" + autoPad + "'");

    // Per spatial dimension: the zeros before and after the dilated input
    // (negative: crop).
    SmallVector<int64_t> low, high;
    for (int64_t i = 0; i < spatial; ++i) {
      int64_t in = inputType.getDimSize(2 + i);
      int64_t out = resultType.getDimSize(2 + i);
      int64_t extent = (filterType.getDimSize(2 + i) - 1) * dilations[i] + 1;
      int64_t full = strides[i] * (in - 1) + outputPadding[i] + extent;
      int64_t begin = pads[i], end = pads[spatial + i];
      if (autoPad == "VALID") {
        begin = 0;
        end = full - out;
      } else if (autoPad != "NOTSET" || op.getOutputShape()) {
        int64_t total = full - out;
        // As the ONNX spec says: SAME_UPPER puts the odd element at the end,
        // SAME_LOWER and an explicit output_shape at the beginning.
        // Floor division: a negative total (output_shape beyond the full
        // result) pads zeros at the end.
        int64_t half = llvm::divideFloorSigned(total, 2);
        begin = autoPad == "SAME_UPPER" ? half : total - half;
        end = total - begin;
      }
      if (full - begin - end != out)
        return emitUnsupported(op, "an output size that disagrees with the "
                                   "pads");
      low.push_back(extent - 1 - begin);
      high.push_back(extent - 1 - end + outputPadding[i]);
    }

    Type elementType = inputType.getElementType();
    Value input = to4D(rewriter, loc, adaptor.getX());
    Value filter = to4D(rewriter, loc, adaptor.getW());
    if (spatial == 1) {
      strides.insert(strides.begin(), 1);
      dilations.insert(dilations.begin(), 1);
      low.insert(low.begin(), 0);
      high.insert(high.begin(), 0);
    }

    // Dilate and pad in one insert_slice into zeros, then crop.
    auto in4DType = cast<RankedTensorType>(input.getType());
    SmallVector<int64_t> placedShape(in4DType.getShape());
    SmallVector<int64_t> offsets = {0, 0}, insertStrides = {1, 1};
    SmallVector<int64_t> cropOffsets = {0, 0};
    SmallVector<int64_t> cropSizes(placedShape.begin(),
                                   placedShape.begin() + 2);
    bool crop = false;
    for (int64_t i = 0; i < 2; ++i) {
      int64_t in = in4DType.getDimSize(2 + i);
      int64_t dilated = (in - 1) * strides[i] + 1;
      int64_t before = std::max<int64_t>(0, low[i]);
      int64_t after = std::max<int64_t>(0, high[i]);
      placedShape[2 + i] = before + dilated + after;
      offsets.push_back(before);
      insertStrides.push_back(strides[i]);
      cropOffsets.push_back(before - low[i]);
      cropSizes.push_back(dilated + low[i] + high[i]);
      crop |= low[i] < 0 || high[i] < 0;
    }
    Value zero = createScalar(rewriter, loc, elementType, 0.0);
    auto placedType = RankedTensorType::get(placedShape, elementType);
    Value placed = createFilled(rewriter, loc, placedType, zero);
    auto toAttrs = [&](ArrayRef<int64_t> values) {
      return llvm::map_to_vector(values, [&](int64_t v) -> OpFoldResult {
        return rewriter.getIndexAttr(v);
      });
    };
    placed = tensor::InsertSliceOp::create(
        rewriter, loc, input, placed, toAttrs(offsets),
        toAttrs(in4DType.getShape()), toAttrs(insertStrides));
    if (crop)
      placed = tensor::ExtractSliceOp::create(
          rewriter, loc, RankedTensorType::get(cropSizes, elementType), placed,
          toAttrs(cropOffsets), toAttrs(cropSizes),
          toAttrs(SmallVector<int64_t>(4, 1)));

    // Filter [C, F/G, KH, KW] -> [F, C/G, KH, KW], flipped: one generic whose
    // loops run over the new filter.
    auto f4DType = cast<RankedTensorType>(filter.getType());
    int64_t perGroupIn = f4DType.getDimSize(0) / group;
    int64_t perGroupOut = f4DType.getDimSize(1);
    int64_t kh = f4DType.getDimSize(2), kw = f4DType.getDimSize(3);
    auto flippedType = RankedTensorType::get(
        {perGroupOut * group, perGroupIn, kh, kw}, elementType);
    AffineExpr f = getAffineDimExpr(0, context),
               c = getAffineDimExpr(1, context),
               y = getAffineDimExpr(2, context),
               x = getAffineDimExpr(3, context);
    AffineExpr inChannel =
        group == 1 ? c : f.floorDiv(perGroupOut) * perGroupIn + c;
    AffineExpr outChannel = group == 1 ? f : f % perGroupOut;
    AffineMap read = AffineMap::get(
        4, 0, {inChannel, outChannel, kh - 1 - y, kw - 1 - x}, context);
    Value flipped = buildGeneric(
        rewriter, loc, flippedType, filter, read,
        [](OpBuilder &, Location, ValueRange args) { return args[0]; });

    RankedTensorType outType = to4DType(resultType);
    Value conv = buildConv2D(rewriter, loc, placed, flipped, group, outType,
                             SmallVector<int64_t>{1, 1}, dilations);
    if (Value bias = adaptor.getB())
      conv = addChannelBias(rewriter, loc, conv, bias);
    rewriter.replaceOp(op, reshapeTo(rewriter, loc, conv, resultType));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

/// The pieces both pooling patterns share: the window, and the 4-D padded
/// input and result type.
struct PoolSetup {
  Window window;
  Value input;
  RankedTensorType outType;
  Value windowTensor;
};

template <typename PoolOp>
FailureOr<PoolSetup>
setUpPool(PoolOp op, Value input, RankedTensorType resultType,
          std::optional<ArrayRef<int64_t>> dilations,
          ConversionPatternRewriter &rewriter,
          function_ref<Value(Type)> padValueFn, bool allowIntegers = false) {
  auto inputType = cast<RankedTensorType>(input.getType());
  int64_t rank = inputType.getRank();
  if (rank < 3 || rank > 5)
    return emitUnsupported(op, Twine(rank - 2) + "-D pooling");
  if (!allowIntegers && !isa<FloatType>(inputType.getElementType()))
    return emitUnsupported(op, "non-float element types");
  FailureOr<Window> window =
      computeWindow(op, inputType.getShape().drop_front(2),
                    resultType.getShape().drop_front(2), op.getKernelShape(),
                    op.getStrides(), dilations, op.getPads(), op.getAutoPad(),
                    /*allowExtra=*/true);
  if (failed(window))
    return failure();
  if (rank == 3)
    prependUnitDim(*window);
  Location loc = op.getLoc();
  PoolSetup setup;
  setup.window = *window;
  // 1-D pools run as 2-D ones; 3-D ones keep their rank (see buildPool).
  Value input4D = rank == 5 ? input : to4D(rewriter, loc, input);
  setup.input = needsPadding(*window)
                    ? padSpatial(rewriter, loc, input4D, *window,
                                 padValueFn(inputType.getElementType()))
                    : input4D;
  setup.outType = rank == 5 ? resultType : to4DType(resultType);
  setup.windowTensor = tensor::EmptyOp::create(rewriter, loc, window->kernel,
                                               inputType.getElementType());
  return setup;
}

/// The window maximum (`isMax`) or sum of the padded `setup.input` into
/// `init`: linalg's NCHW pools in 2-D, a generic in 3-D (linalg's 3-D pools
/// are channels-last), comparing signed for integers as linalg's do.
Value buildPool(OpBuilder &b, Location loc, const PoolSetup &setup, Value init,
                bool isMax) {
  const Window &w = setup.window;
  auto strides = b.getI64TensorAttr(w.strides);
  auto dilations = b.getI64TensorAttr(w.dilations);
  SmallVector<Value> inputs{setup.input, setup.windowTensor};
  SmallVector<Type> types{setup.outType};
  if (setup.outType.getRank() == 4)
    return isMax ? linalg::PoolingNchwMaxOp::create(b, loc, types, inputs,
                                                    ValueRange{init}, strides,
                                                    dilations)
                       .getResult(0)
                 : linalg::PoolingNchwSumOp::create(b, loc, types, inputs,
                                                    ValueRange{init}, strides,
                                                    dilations)
                       .getResult(0);
  MLIRContext *context = b.getContext();
  int64_t spatial = setup.outType.getRank() - 2;
  int64_t loops = 2 + 2 * spatial;
  SmallVector<AffineExpr> inputExprs{getAffineDimExpr(0, context),
                                     getAffineDimExpr(1, context)};
  SmallVector<AffineExpr> windowExprs;
  for (int64_t i = 0; i < spatial; ++i) {
    AffineExpr o = getAffineDimExpr(2 + i, context);
    AffineExpr k = getAffineDimExpr(2 + spatial + i, context);
    inputExprs.push_back(o * w.strides[i] + k * w.dilations[i]);
    windowExprs.push_back(k);
  }
  // The output reads the leading (parallel) loops.
  SmallVector<AffineExpr> outExprs;
  for (int64_t d = 0; d < 2 + spatial; ++d)
    outExprs.push_back(getAffineDimExpr(d, context));
  SmallVector<AffineMap> maps{AffineMap::get(loops, 0, inputExprs, context),
                              AffineMap::get(loops, 0, windowExprs, context),
                              AffineMap::get(loops, 0, outExprs, context)};
  SmallVector<utils::IteratorType> iterators(2 + spatial,
                                             utils::IteratorType::parallel);
  iterators.append(spatial, utils::IteratorType::reduction);
  return linalg::GenericOp::create(
             b, loc, types, inputs, ValueRange{init}, maps, iterators,
             [&](OpBuilder &nb, Location l, ValueRange args) {
               Value in = args[0], acc = args[2];
               Value next;
               bool isFloat = isa<FloatType>(in.getType());
               if (isMax)
                 next =
                     isFloat
                         ? arith::MaximumFOp::create(nb, l, in, acc).getResult()
                         : arith::MaxSIOp::create(nb, l, in, acc).getResult();
               else
                 next = isFloat
                            ? arith::AddFOp::create(nb, l, in, acc).getResult()
                            : arith::AddIOp::create(nb, l, in, acc).getResult();
               linalg::YieldOp::create(nb, l, next);
             })
      .getResult(0);
}

struct MaxPoolLowering : OpConversionPattern<onnx::MaxPoolOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::MaxPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    if (op.getIndices() && !op.getIndices().use_empty())
      return emitUnsupported(op, "the Indices output");
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getY());
    Type elementType = resultType.getElementType();
    // linalg's NCHW max pool compares signed; unsigned integers are pooled
    // with their sign bit flipped, which maps unsigned order onto signed.
    bool isUnsigned = isUnsignedElement(op.getX());
    auto flipSignBit = [&](Value v) {
      unsigned width = elementType.getIntOrFloatBitWidth();
      Value signBit = arith::ConstantOp::create(
          rewriter, loc,
          IntegerAttr::get(elementType, APInt::getSignMask(width)));
      return buildElementwise(
          rewriter, loc, cast<RankedTensorType>(v.getType()), v,
          [&](OpBuilder &b, Location l, ValueRange args) {
            return (Value)arith::XOrIOp::create(b, l, args[0], signBit);
          });
    };
    Value input = adaptor.getX();
    if (isUnsigned) {
      // Validate before creating IR: setUpPool checks the rank.
      if (cast<RankedTensorType>(input.getType()).getRank() < 3)
        return emitUnsupported(op, "inputs of rank below 3");
      input = flipSignBit(input);
    }
    FailureOr<PoolSetup> setup = setUpPool(
        op, input, resultType, op.getDilations(), rewriter,
        [&](Type type) { return createLowest(rewriter, loc, type); },
        /*allowIntegers=*/true);
    if (failed(setup))
      return failure();
    Value lowest = createLowest(rewriter, loc, elementType);
    Value pool = buildPool(rewriter, loc, *setup,
                           createFilled(rewriter, loc, setup->outType, lowest),
                           /*isMax=*/true);
    if (isUnsigned)
      pool = flipSignBit(pool);
    SmallVector<Value> results = {reshapeTo(rewriter, loc, pool, resultType)};
    // An unused Indices result still needs a (dead) replacement.
    if (Value indices = op.getIndices())
      results.push_back(createEmpty(
          rewriter, loc, getConvertedTensorType(*getTypeConverter(), indices)));
    rewriter.replaceOp(op, results);
    return success();
  }
};

/// For each output position along one dimension, the number of window
/// positions that fall inside [lo, hi).
SmallVector<double> countInside(int64_t outputSize, int64_t stride,
                                int64_t kernel, int64_t padLow, int64_t lo,
                                int64_t hi) {
  SmallVector<double> counts;
  for (int64_t o = 0; o < outputSize; ++o) {
    int64_t count = 0;
    for (int64_t j = 0; j < kernel; ++j) {
      int64_t p = o * stride - padLow + j;
      if (p >= lo && p < hi)
        ++count;
    }
    counts.push_back(count);
  }
  return counts;
}

struct AveragePoolLowering : OpConversionPattern<onnx::AveragePoolOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::AveragePoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getY());
    FailureOr<PoolSetup> setup = setUpPool(
        op, adaptor.getX(), resultType, std::nullopt, rewriter,
        [&](Type type) { return createScalar(rewriter, loc, type, 0.0); });
    if (failed(setup))
      return failure();
    Type elementType = resultType.getElementType();
    Value zero = createScalar(rewriter, loc, elementType, 0.0);
    RankedTensorType outType = setup->outType;
    const Window &w = setup->window;
    Value sum =
        buildPool(rewriter, loc, *setup,
                  createFilled(rewriter, loc, outType, zero), /*isMax=*/false);

    // The divisor of each output element is separable: the product of one
    // count per spatial dimension.
    auto paddedShape =
        cast<RankedTensorType>(setup->input.getType()).getShape();
    bool includePad = op.getCountIncludePad() != 0;
    SmallVector<SmallVector<double>> counts;
    bool uniform = true;
    int64_t spatial = outType.getRank() - 2;
    for (int64_t i = 0; i < spatial; ++i) {
      int64_t inputSize =
          paddedShape[2 + i] - w.padLow[i] - w.padHigh[i] - w.extraHigh[i];
      int64_t lo = includePad ? -w.padLow[i] : 0;
      int64_t hi = includePad ? inputSize + w.padHigh[i] : inputSize;
      counts.push_back(countInside(outType.getDimSize(2 + i), w.strides[i],
                                   w.kernel[i], w.padLow[i], lo, hi));
      uniform &= llvm::all_equal(counts.back());
    }
    Value result;
    if (uniform) {
      double count = 1;
      for (const SmallVector<double> &c : counts)
        count *= c.front();
      Value divisor = createScalar(rewriter, loc, elementType, count);
      result = buildElementwise(
          rewriter, loc, outType, sum,
          [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
            return (Value)arith::DivFOp::create(b, bodyLoc, args[0], divisor);
          });
    } else {
      MLIRContext *context = rewriter.getContext();
      SmallVector<Value> inputs = {sum};
      int64_t rank = outType.getRank();
      SmallVector<AffineMap> maps = {rewriter.getMultiDimIdentityMap(rank)};
      for (int64_t i = 0; i < spatial; ++i) {
        inputs.push_back(createFloatTensor(
            rewriter, loc,
            RankedTensorType::get({(int64_t)counts[i].size()}, elementType),
            counts[i]));
        maps.push_back(AffineMap::get(
            rank, 0, {getAffineDimExpr(2 + i, context)}, context));
      }
      result = buildGeneric(
          rewriter, loc, outType, inputs, maps,
          [](OpBuilder &b, Location bodyLoc, ValueRange args) {
            Value count = args[1];
            for (Value c : args.drop_front(2))
              count = arith::MulFOp::create(b, bodyLoc, count, c);
            return (Value)arith::DivFOp::create(b, bodyLoc, args[0], count);
          });
    }
    rewriter.replaceOp(op, reshapeTo(rewriter, loc, result, resultType));
    return success();
  }
};

/// GlobalAveragePool and GlobalMaxPool: a reduction over the spatial
/// dimensions, then the division for the average.
template <typename OpTy, bool isMax>
struct GlobalPoolLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedTensorType(*this->getTypeConverter(), op.getY());
    Value input = adaptor.getX();
    auto inputType = cast<RankedTensorType>(input.getType());
    Type elementType = inputType.getElementType();
    if (!isa<FloatType>(elementType))
      return emitUnsupported(op, "non-float element types");
    if (inputType.getRank() < 3)
      return emitUnsupported(op, "inputs of rank below 3");
    SmallVector<int64_t> axes;
    int64_t count = 1;
    for (int64_t d = 2; d < inputType.getRank(); ++d) {
      axes.push_back(d);
      count *= inputType.getDimSize(d);
    }
    Value reduced;
    if constexpr (isMax) {
      reduced = buildReduction(
          rewriter, loc, input, axes, createLowest(rewriter, loc, elementType),
          [](OpBuilder &b, Location bodyLoc, Value in, Value acc) {
            return (Value)arith::MaximumFOp::create(b, bodyLoc, in, acc);
          });
    } else {
      reduced = buildReduction(
          rewriter, loc, input, axes,
          createScalar(rewriter, loc, elementType, 0.0),
          [](OpBuilder &b, Location bodyLoc, Value in, Value acc) {
            return (Value)arith::AddFOp::create(b, bodyLoc, in, acc);
          });
      Value divisor = createScalar(rewriter, loc, elementType, count);
      reduced = buildElementwise(
          rewriter, loc, cast<RankedTensorType>(reduced.getType()), reduced,
          [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
            return (Value)arith::DivFOp::create(b, bodyLoc, args[0], divisor);
          });
    }
    rewriter.replaceOp(op, reshapeTo(rewriter, loc, reduced, resultType));
    return success();
  }
};

} // namespace

void aotc::populateConvPoolPatterns(TypeConverter &converter,
                                    RewritePatternSet &patterns) {
  patterns.add<ConvLowering, IntegerConvLowering<onnx::ConvIntegerOp>,
               IntegerConvLowering<onnx::QLinearConvOp>, ConvTransposeLowering,
               MaxPoolLowering, AveragePoolLowering,
               GlobalPoolLowering<onnx::GlobalAveragePoolOp, false>,
               GlobalPoolLowering<onnx::GlobalMaxPoolOp, true>>(
      converter, patterns.getContext());
}
