//===- ConvBatchNorm.cpp - aotc-graph-opt: Conv + BatchNormalization ------===//
//
// An inference BatchNormalization after a Conv with constant weights is a
// per-output-channel affine map, y = s * conv(x) + t with
// s = scale / sqrt(var + eps) and t = B - mean * s, which the Conv absorbs:
// W' = s * W (per output channel) and b' = s * (b - mean) + B. The new
// weights are a dense resource like the imported ones, so no weight is
// copied into attribute storage.
//
//===----------------------------------------------------------------------===//

#include "passes/GraphOpt/Patterns.h"

#include "dialects/ONNX/IR/ConstantValues.h"
#include "dialects/ONNX/IR/ONNXDialect.h"

#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

#include <cmath>

using namespace mlir;
using namespace aotc;

namespace {

/// The elements of a constant f32 `value` widened to double, read straight
/// from a dense resource's blob however large it is.
std::optional<SmallVector<double>> readFloats(Value value) {
  Attribute attr;
  if (!value || !matchPattern(value, m_Constant(&attr)))
    return std::nullopt;
  auto elements = dyn_cast<ElementsAttr>(attr);
  if (!elements || !elements.getElementType().isF32())
    return std::nullopt;
  SmallVector<double> values;
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob || blob->getData().size() !=
                     (size_t)elements.getNumElements() * sizeof(float))
      return std::nullopt;
    ArrayRef<float> floats = blob->getDataAs<float>();
    values.assign(floats.begin(), floats.end());
    return values;
  }
  auto dense = dyn_cast<DenseElementsAttr>(attr);
  if (!dense)
    return std::nullopt;
  for (float v : dense.getValues<float>())
    values.push_back(v);
  return values;
}

/// A per-channel parameter of `channels` elements (a scalar is broadcast).
std::optional<SmallVector<double>> readChannelParam(Value value,
                                                    int64_t channels) {
  std::optional<SmallVector<double>> values = readFloats(value);
  if (!values)
    return std::nullopt;
  if (values->size() == 1)
    return SmallVector<double>(channels, values->front());
  if ((int64_t)values->size() != channels)
    return std::nullopt;
  return values;
}

/// An `onnx.Constant` holding `values` as a new dense resource of `type`.
Value createResourceConstant(PatternRewriter &rewriter, Location loc,
                             RankedTensorType type, StringRef name,
                             ArrayRef<double> values) {
  SmallVector<float> floats(values.begin(), values.end());
  auto attr = DenseResourceElementsAttr::get(
      type, name,
      HeapAsmResourceBlob::allocateAndCopyInferAlign(ArrayRef<float>(floats)));
  return onnx::ConstantOp::create(rewriter, loc, cast<ElementsAttr>(attr));
}

struct FoldBatchNormIntoConv : OpRewritePattern<onnx::BatchNormalizationOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(onnx::BatchNormalizationOp bn,
                                PatternRewriter &rewriter) const override {
    if (bn.getTrainingMode() != 0)
      return failure();
    for (Value stat : {bn.getRunningMean(), bn.getRunningVar()})
      if (stat && !stat.use_empty())
        return failure();
    auto conv = bn.getX().getDefiningOp<onnx::ConvOp>();
    if (!conv || !conv->hasOneUse())
      return failure();
    auto wType = dyn_cast<RankedTensorType>(conv.getW().getType());
    if (!wType || !wType.hasStaticShape() || !wType.getElementType().isF32() ||
        wType.getRank() < 2 || bn.getY().getType() != conv.getY().getType())
      return failure();
    int64_t channels = wType.getDimSize(0);
    std::optional<SmallVector<double>> weights = readFloats(conv.getW());
    if (!weights)
      return failure();
    SmallVector<double> bias(channels, 0.0);
    if (conv.getB()) {
      std::optional<SmallVector<double>> b =
          readChannelParam(conv.getB(), channels);
      if (!b)
        return failure();
      bias = *b;
    }
    std::optional<SmallVector<double>> params[4];
    Value paramValues[] = {bn.getScale(), bn.getB(), bn.getInputMean(),
                           bn.getInputVar()};
    for (auto [param, value] : llvm::zip(params, paramValues))
      if (!(param = readChannelParam(value, channels)))
        return failure();
    const SmallVector<double> &scale = *params[0], &shift = *params[1],
                              &mean = *params[2], &var = *params[3];

    double epsilon = bn.getEpsilon().convertToDouble();
    int64_t perChannel = wType.getNumElements() / channels;
    SmallVector<double> newBias(channels);
    for (int64_t c = 0; c < channels; ++c) {
      double s = scale[c] / std::sqrt(var[c] + epsilon);
      for (int64_t i = 0; i < perChannel; ++i)
        (*weights)[c * perChannel + i] *= s;
      newBias[c] = s * (bias[c] - mean[c]) + shift[c];
    }

    Location loc = conv.getLoc();
    rewriter.setInsertionPoint(conv);
    Value w = createResourceConstant(rewriter, loc, wType, "bn_folded_weight",
                                     *weights);
    Value b = createResourceConstant(
        rewriter, loc,
        RankedTensorType::get({channels}, wType.getElementType()),
        "bn_folded_bias", newBias);
    auto folded = cast<onnx::ConvOp>(rewriter.clone(*conv));
    rewriter.modifyOpInPlace(folded,
                             [&] { folded->setOperands({conv.getX(), w, b}); });
    SmallVector<Value> results = {folded.getY()};
    for (Value stat : {bn.getRunningMean(), bn.getRunningVar()})
      if (stat)
        results.push_back(nullptr);
    rewriter.replaceOp(bn, results);
    return success();
  }
};

} // namespace

void aotc::populateGraphOptConvBatchNormPatterns(RewritePatternSet &patterns) {
  patterns.add<FoldBatchNormIntoConv>(patterns.getContext());
}
