//===- OpsetUpgrades.cpp - Older operator forms to the dialect's ----------===//

#include "dialects/ONNX/Import/OpsetUpgrades.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"

using namespace mlir;

namespace aotc::onnx {

OpCreator::~OpCreator() = default;

namespace {

enum class Rewrite {
  /// A list-of-integers attribute becomes a constant 1-D i64 input.
  IntsToInput,
  /// An integer attribute becomes a constant 1-element i64 input.
  IntToInput,
  /// A float attribute becomes a constant scalar input of the element type
  /// of input 0.
  FloatToInput,
  /// The attribute has no meaning for inference; it is dropped.
  DropAttribute,
  /// The attribute is dropped when it has its later fixed meaning `value`.
  DropAttributeIf,
  /// Before opset 7, `broadcast` = 1 with `axis` aligns B's dimensions with
  /// A's from `axis` on; B gets trailing unit dimensions (Unsqueeze) so that
  /// numpy-style broadcasting means the same.
  LegacyBroadcast,
  /// PRelu before opset 7 applies a 1-D slope along the channel axis (1);
  /// it becomes a C x 1 x ... slope.
  ChannelSlope,
  /// Softmax, LogSoftmax and Hardmax before opset 13 work on the input
  /// coerced to 2-D at `axis`: Flatten(axis) -> op(axis 1) -> Reshape back.
  CoerceTo2D,
  /// Resize before opset 11 takes (X, scales) and maps coordinates
  /// asymmetrically, rounding down in nearest mode; from 11 on `roi` comes
  /// before `scales` and the mapping is an attribute.
  ResizeScales,
};

struct UpgradeRule {
  /// The op type, or "*" for every op.
  const char *opType;
  /// The rule applies to models whose opset is below this one.
  int64_t beforeOpset;
  Rewrite rewrite;
  const char *attribute;
  /// The input slot the attribute moves to (the *ToInput rewrites).
  unsigned inputIndex = 0;
  /// The value of the attribute that DropAttributeIf drops.
  int64_t value = 0;
};

} // namespace

/// Every upgrade, applied in this order to a node that matches.
static constexpr UpgradeRule kRules[] = {
    {"Squeeze", 13, Rewrite::IntsToInput, "axes", 1},
    {"Unsqueeze", 13, Rewrite::IntsToInput, "axes", 1},
    {"ReduceSum", 13, Rewrite::IntsToInput, "axes", 1},
    {"ReduceL1", 18, Rewrite::IntsToInput, "axes", 1},
    {"ReduceL2", 18, Rewrite::IntsToInput, "axes", 1},
    {"ReduceLogSum", 18, Rewrite::IntsToInput, "axes", 1},
    {"ReduceLogSumExp", 18, Rewrite::IntsToInput, "axes", 1},
    {"ReduceMax", 18, Rewrite::IntsToInput, "axes", 1},
    {"ReduceMean", 18, Rewrite::IntsToInput, "axes", 1},
    {"ReduceMin", 18, Rewrite::IntsToInput, "axes", 1},
    {"ReduceProd", 18, Rewrite::IntsToInput, "axes", 1},
    {"ReduceSumSquare", 18, Rewrite::IntsToInput, "axes", 1},
    {"Split", 13, Rewrite::IntsToInput, "split", 1},
    {"Reshape", 5, Rewrite::IntsToInput, "shape", 1},
    {"Clip", 11, Rewrite::FloatToInput, "min", 1},
    {"Clip", 11, Rewrite::FloatToInput, "max", 2},
    {"Pad", 2, Rewrite::IntsToInput, "paddings", 1},
    {"Pad", 11, Rewrite::IntsToInput, "pads", 1},
    {"Pad", 11, Rewrite::FloatToInput, "value", 2},
    {"Slice", 10, Rewrite::IntsToInput, "starts", 1},
    {"Slice", 10, Rewrite::IntsToInput, "ends", 2},
    {"Slice", 10, Rewrite::IntsToInput, "axes", 3},
    {"TopK", 10, Rewrite::IntToInput, "k", 1},
    {"Dropout", 7, Rewrite::DropAttribute, "is_test", 0},
    {"Dropout", 12, Rewrite::DropAttribute, "ratio", 0},
    {"Softmax", 13, Rewrite::CoerceTo2D, "axis", 0},
    {"LogSoftmax", 13, Rewrite::CoerceTo2D, "axis", 0},
    {"Hardmax", 13, Rewrite::CoerceTo2D, "axis", 0},
    {"Resize", 11, Rewrite::ResizeScales, "scales", 2},
    // Opset 1 to 5 hints for in-place execution.
    {"*", 6, Rewrite::DropAttribute, "consumed_inputs"},
    {"BatchNormalization", 7, Rewrite::DropAttribute, "is_test"},
    {"BatchNormalization", 9, Rewrite::DropAttributeIf, "spatial", 0, 1},
    {"Gemm", 7, Rewrite::DropAttribute, "broadcast"},
    {"Add", 7, Rewrite::LegacyBroadcast, "axis"},
    {"Sub", 7, Rewrite::LegacyBroadcast, "axis"},
    {"Mul", 7, Rewrite::LegacyBroadcast, "axis"},
    {"Div", 7, Rewrite::LegacyBroadcast, "axis"},
    {"Pow", 7, Rewrite::LegacyBroadcast, "axis"},
    {"And", 7, Rewrite::LegacyBroadcast, "axis"},
    {"Or", 7, Rewrite::LegacyBroadcast, "axis"},
    {"Xor", 7, Rewrite::LegacyBroadcast, "axis"},
    {"Equal", 7, Rewrite::LegacyBroadcast, "axis"},
    {"Greater", 7, Rewrite::LegacyBroadcast, "axis"},
    {"Less", 7, Rewrite::LegacyBroadcast, "axis"},
    {"PRelu", 7, Rewrite::ChannelSlope, "slope", 1},
};

static void setInput(NodeForm &form, unsigned index, Value value) {
  if (form.inputs.size() <= index)
    form.inputs.resize(index + 1);
  form.inputs[index] = value;
}

static IntegerAttr getSI64(MLIRContext *context, int64_t value) {
  return IntegerAttr::get(IntegerType::get(context, 64, IntegerType::Signed),
                          value);
}

/// Softmax-like ops before opset 13: the result is the op along axis 1 of
/// the input flattened at `axis` (default 1), reshaped back.
static LogicalResult coerceTo2D(NodeForm &form, OpCreator &creator,
                                std::optional<SmallVector<Value>> &results) {
  Value input = form.inputs[0];
  MLIRContext *context = input.getContext();
  int64_t axis = 1;
  if (auto attr = form.attributes.get("axis"))
    axis = cast<IntegerAttr>(attr).getInt();
  // Along the last axis both semantics agree: keep the node as it is.
  if (auto type = dyn_cast<RankedTensorType>(input.getType())) {
    int64_t rank = type.getRank();
    if (axis == rank - 1 || axis == -1) {
      form.attributes.set("axis", getSI64(context, -1));
      return success();
    }
  }

  NodeForm flatten{"Flatten", {input}, {}, {true}};
  flatten.attributes.set("axis", getSI64(context, axis));
  auto flat = creator.create(flatten);
  if (failed(flat))
    return failure();

  NodeForm op{form.opType, {(*flat)[0]}, {}, {true}};
  op.attributes.set("axis", getSI64(context, 1));
  auto reduced = creator.create(op);
  if (failed(reduced))
    return failure();

  // Back to the input's shape: a constant when it is static.
  Value inputShape;
  auto type = dyn_cast<RankedTensorType>(input.getType());
  if (type && type.hasStaticShape()) {
    inputShape = creator.createI64Constant(type.getShape());
  } else {
    NodeForm shape{"Shape", {input}, {}, {true}};
    auto shapeResults = creator.create(shape);
    if (failed(shapeResults))
      return failure();
    inputShape = (*shapeResults)[0];
  }
  if (!inputShape)
    return failure();

  NodeForm reshape{"Reshape", {(*reduced)[0], inputShape}, {}, {true}};
  reshape.attributes.set("allowzero", getSI64(context, 1));
  auto reshaped = creator.create(reshape);
  if (failed(reshaped))
    return failure();
  results = std::move(*reshaped);
  return success();
}

/// Resize of opset 10: `scales` moves behind an empty `roi`, and the
/// coordinate mapping of that version is spelled out.
static void upgradeResize(NodeForm &form) {
  MLIRContext *context = form.inputs[0].getContext();
  Value scales = form.inputs.size() > 1 ? form.inputs[1] : Value();
  form.inputs.resize(1);
  setInput(form, 2, scales);
  form.attributes.set("coordinate_transformation_mode",
                      StringAttr::get(context, "asymmetric"));
  auto mode = dyn_cast_or_null<StringAttr>(form.attributes.get("mode"));
  if (!mode || mode.getValue() == "nearest")
    form.attributes.set("nearest_mode", StringAttr::get(context, "floor"));
}

/// Replaces input `index` by itself with unit dimensions inserted at
/// `axes`.
static LogicalResult unsqueezeInput(NodeForm &form, unsigned index,
                                    ArrayRef<int64_t> axes,
                                    OpCreator &creator) {
  Value axesValue = creator.createI64Constant(axes);
  if (!axesValue)
    return failure();
  NodeForm unsqueeze{"Unsqueeze", {form.inputs[index], axesValue}, {}, {true}};
  auto results = creator.create(unsqueeze);
  if (failed(results))
    return failure();
  form.inputs[index] = (*results)[0];
  return success();
}

/// Opset 1 to 6 broadcasting: with `broadcast` = 1, B matches A's
/// dimensions from `axis` on (by default, A's trailing ones).
static LogicalResult upgradeLegacyBroadcast(NodeForm &form,
                                            OpCreator &creator) {
  Attribute broadcast = form.attributes.erase("broadcast");
  Attribute axisAttr = form.attributes.erase("axis");
  if (!broadcast || !cast<IntegerAttr>(broadcast).getInt() || !axisAttr)
    return success();
  auto a = dyn_cast<RankedTensorType>(form.inputs[0].getType());
  auto b = dyn_cast<RankedTensorType>(form.inputs[1].getType());
  if (!a || !b)
    return emitError(creator.getLocation())
           << "broadcasting along 'axis' (opset 6 and before) needs inputs "
              "of known rank";
  int64_t axis = cast<IntegerAttr>(axisAttr).getInt();
  if (axis < 0)
    axis += a.getRank();
  int64_t trailing = a.getRank() - axis - b.getRank();
  if (axis < 0 || trailing < 0)
    return emitError(creator.getLocation())
           << "'axis' " << cast<IntegerAttr>(axisAttr).getInt()
           << " does not fit a rank-" << b.getRank() << " B into a rank-"
           << a.getRank() << " A";
  if (trailing == 0)
    return success();
  SmallVector<int64_t> axes;
  for (int64_t i = 0; i < trailing; ++i)
    axes.push_back(b.getRank() + i);
  return unsqueezeInput(form, 1, axes, creator);
}

/// PRelu before opset 7: a 1-D slope of C values applies along axis 1.
static LogicalResult upgradeChannelSlope(NodeForm &form, OpCreator &creator) {
  auto x = dyn_cast<RankedTensorType>(form.inputs[0].getType());
  auto slope = dyn_cast<RankedTensorType>(form.inputs[1].getType());
  if (slope && slope.getRank() == 1 && slope.getDimSize(0) == 1)
    return success();
  if (!x || !slope)
    return emitError(creator.getLocation())
           << "a per-channel slope (opset 6 and before) needs inputs of "
              "known rank";
  if (slope.getRank() != 1 || x.getRank() <= 2)
    return success();
  SmallVector<int64_t> axes;
  for (int64_t i = 1; i < x.getRank() - 1; ++i)
    axes.push_back(i);
  return unsqueezeInput(form, 1, axes, creator);
}

static LogicalResult applyRule(const UpgradeRule &rule, NodeForm &form,
                               OpCreator &creator,
                               std::optional<SmallVector<Value>> &results) {
  switch (rule.rewrite) {
  case Rewrite::CoerceTo2D:
    return coerceTo2D(form, creator, results);
  case Rewrite::ResizeScales:
    upgradeResize(form);
    return success();
  case Rewrite::LegacyBroadcast:
    return upgradeLegacyBroadcast(form, creator);
  case Rewrite::ChannelSlope:
    return upgradeChannelSlope(form, creator);
  case Rewrite::DropAttributeIf: {
    auto attr =
        dyn_cast_or_null<IntegerAttr>(form.attributes.get(rule.attribute));
    if (attr && attr.getInt() == rule.value)
      form.attributes.erase(rule.attribute);
    return success();
  }
  default:
    break;
  }
  Attribute attr = form.attributes.erase(rule.attribute);
  if (!attr)
    return success();
  Value input;
  switch (rule.rewrite) {
  case Rewrite::IntsToInput:
    input =
        creator.createI64Constant(cast<DenseI64ArrayAttr>(attr).asArrayRef());
    break;
  case Rewrite::IntToInput:
    input = creator.createI64Constant({cast<IntegerAttr>(attr).getInt()});
    break;
  case Rewrite::FloatToInput:
    input = creator.createScalarConstant(
        cast<ShapedType>(form.inputs[0].getType()).getElementType(),
        cast<FloatAttr>(attr).getValueAsDouble());
    break;
  default:
    return success();
  }
  if (!input)
    return failure();
  setInput(form, rule.inputIndex, input);
  return success();
}

LogicalResult upgradeNode(NodeForm &form, int64_t opset, OpCreator &creator,
                          std::optional<SmallVector<Value>> &results) {
  for (const UpgradeRule &rule : kRules) {
    if (opset >= rule.beforeOpset ||
        (form.opType != rule.opType && StringRef(rule.opType) != "*"))
      continue;
    if (failed(applyRule(rule, form, creator, results)))
      return failure();
    if (results)
      return success();
  }
  return success();
}

} // namespace aotc::onnx
