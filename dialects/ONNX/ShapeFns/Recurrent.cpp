//===- Recurrent.cpp - Shape functions of LSTM, GRU and RNN ---------------===//
//
// Y is [S, D, B, H] (layout 0) or [B, S, D, H] (layout 1); Y_h and Y_c are
// [D, B, H] or [B, D, H]. Every weight and state operand must agree with the
// hidden size, and sequence_lens must be a constant: the ops are unrolled
// over the static sequence at compile time.
//
//===----------------------------------------------------------------------===//

#include "dialects/ONNX/ShapeFns/Recurrent.h"

#include "dialects/ONNX/IR/ConstantValues.h"
#include "dialects/ONNX/IR/ONNXDialect.h"
#include "dialects/ONNX/ShapeFns/ShapeHelpers.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace aotc::onnx;

namespace {

/// The attributes the three ops share, read through their own accessors.
struct RecurrentAttrs {
  std::optional<ArrayRef<float>> alpha, beta;
  std::optional<ArrayAttr> activations;
  std::optional<float> clip;
  StringRef direction;
  std::optional<int64_t> hiddenSize;
  int64_t layout;
};

template <typename OpTy>
RecurrentAttrs readAttrs(OpTy op) {
  RecurrentAttrs attrs;
  attrs.alpha = op.getActivationAlpha();
  attrs.beta = op.getActivationBeta();
  if (ArrayAttr names = op.getActivationsAttr())
    attrs.activations = names;
  if (std::optional<APFloat> clip = op.getClip())
    attrs.clip = clip->convertToFloat();
  attrs.direction = op.getDirection();
  attrs.hiddenSize = op.getHiddenSize();
  attrs.layout = op.getLayout();
  return attrs;
}

/// Which of alpha and beta an activation takes, and their defaults (those
/// of the ONNX operator of the same name, as ONNX Runtime uses them).
struct ActivationInfo {
  RecurrentActivationKind kind;
  bool takesAlpha, takesBeta;
  float alpha, beta;
};

std::optional<ActivationInfo> lookupActivation(StringRef name) {
  using K = RecurrentActivationKind;
  return llvm::StringSwitch<std::optional<ActivationInfo>>(name.lower())
      .Case("relu", ActivationInfo{K::Relu, false, false, 0, 0})
      .Case("tanh", ActivationInfo{K::Tanh, false, false, 0, 0})
      .Case("sigmoid", ActivationInfo{K::Sigmoid, false, false, 0, 0})
      .Case("affine", ActivationInfo{K::Affine, true, true, 1.0f, 0.0f})
      .Case("leakyrelu", ActivationInfo{K::LeakyRelu, true, false, 0.01f, 0})
      .Case("thresholdedrelu",
            ActivationInfo{K::ThresholdedRelu, true, false, 1.0f, 0})
      .Case("scaledtanh", ActivationInfo{K::ScaledTanh, true, true, 1.0f, 1.0f})
      .Case("hardsigmoid",
            ActivationInfo{K::HardSigmoid, true, true, 0.2f, 0.5f})
      .Case("elu", ActivationInfo{K::Elu, true, false, 1.0f, 0})
      .Case("softsign", ActivationInfo{K::Softsign, false, false, 0, 0})
      .Case("softplus", ActivationInfo{K::Softplus, false, false, 0, 0})
      .Default(std::nullopt);
}

/// Fills `spec.activations`: the given names (one set for all directions,
/// or one per direction) or the cell's defaults. alpha and beta are
/// consumed in order by the activations that take them.
LogicalResult readActivations(Operation *op, const RecurrentAttrs &attrs,
                              RecurrentSpec &spec) {
  SmallVector<StringRef, 3> defaults;
  switch (spec.cell) {
  case RecurrentCell::LSTM:
    defaults = {"Sigmoid", "Tanh", "Tanh"};
    break;
  case RecurrentCell::GRU:
    defaults = {"Sigmoid", "Tanh"};
    break;
  case RecurrentCell::RNN:
    defaults = {"Tanh"};
    break;
  }
  int64_t perDirection = defaults.size();
  SmallVector<StringRef> names;
  if (attrs.activations) {
    for (Attribute name : *attrs.activations)
      names.push_back(cast<StringAttr>(name).getValue());
    int64_t count = names.size();
    if (count != perDirection && count != perDirection * spec.numDirections)
      return op->emitOpError()
             << "has " << count << " activations, expected " << perDirection
             << " per direction (" << perDirection * spec.numDirections
             << " in all)";
  } else {
    for (int64_t d = 0; d < spec.numDirections; ++d)
      names.append(defaults.begin(), defaults.end());
  }
  ArrayRef<float> alphas = attrs.alpha.value_or(ArrayRef<float>());
  ArrayRef<float> betas = attrs.beta.value_or(ArrayRef<float>());
  size_t nextAlpha = 0, nextBeta = 0;
  SmallVector<RecurrentActivation> all;
  for (StringRef name : names) {
    std::optional<ActivationInfo> info = lookupActivation(name);
    if (!info)
      return op->emitOpError()
             << "activation '" << name << "' is not supported";
    RecurrentActivation activation{info->kind, info->alpha, info->beta};
    if (info->takesAlpha && nextAlpha < alphas.size())
      activation.alpha = alphas[nextAlpha++];
    if (info->takesBeta && nextBeta < betas.size())
      activation.beta = betas[nextBeta++];
    all.push_back(activation);
  }
  for (int64_t d = 0; d < spec.numDirections; ++d) {
    // One set for both directions is used by each of them.
    int64_t first = all.size() == (size_t)perDirection ? 0 : d * perDirection;
    spec.activations.emplace_back(all.begin() + first,
                                  all.begin() + first + perDirection);
  }
  return success();
}

/// Checks that `value`, when present and shaped, has `expected` (dynamic
/// entries match anything); names the operand otherwise.
LogicalResult checkOperandShape(Operation *op, Value value, StringRef name,
                                ArrayRef<int64_t> expected) {
  if (!value)
    return success();
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(value);
  if (!shape)
    return success();
  bool matches = shape->size() == expected.size();
  for (size_t i = 0; matches && i < expected.size(); ++i)
    matches = isDynamic(expected[i]) || isDynamic((*shape)[i]) ||
              expected[i] == (*shape)[i];
  if (!matches)
    return op->emitOpError()
           << name << " of shape " << formatShape(*shape)
           << " does not match the expected " << formatShape(expected);
  return success();
}

/// The size of dimension `dim` of `value`, dynamic when unknown.
int64_t getDim(Value value, size_t dim) {
  std::optional<ArrayRef<int64_t>> shape = getShapeOf(value);
  if (!shape || shape->size() <= dim)
    return ShapedType::kDynamic;
  return (*shape)[dim];
}

/// Unifies `dim` with `other`; false when both are static and differ.
bool merge(int64_t &dim, int64_t other) {
  if (isDynamic(dim))
    dim = other;
  return isDynamic(other) || dim == other;
}

} // namespace

FailureOr<RecurrentSpec> aotc::onnx::getRecurrentSpec(Operation *op) {
  RecurrentSpec spec;
  RecurrentAttrs attrs;
  llvm::TypeSwitch<Operation *>(op)
      .Case([&](LSTMOp lstm) {
        spec.cell = RecurrentCell::LSTM;
        spec.numGates = 4;
        spec.x = lstm.getX();
        spec.w = lstm.getW();
        spec.r = lstm.getR();
        spec.b = lstm.getB();
        spec.sequenceLens = lstm.getSequenceLens();
        spec.initialH = lstm.getInitialH();
        spec.initialC = lstm.getInitialC();
        spec.p = lstm.getP();
        spec.y = lstm.getY();
        spec.yH = lstm.getYH();
        spec.yC = lstm.getYC();
        spec.inputForget = lstm.getInputForget() != 0;
        attrs = readAttrs(lstm);
      })
      .Case([&](GRUOp gru) {
        spec.cell = RecurrentCell::GRU;
        spec.numGates = 3;
        spec.x = gru.getX();
        spec.w = gru.getW();
        spec.r = gru.getR();
        spec.b = gru.getB();
        spec.sequenceLens = gru.getSequenceLens();
        spec.initialH = gru.getInitialH();
        spec.y = gru.getY();
        spec.yH = gru.getYH();
        spec.linearBeforeReset = gru.getLinearBeforeReset() != 0;
        attrs = readAttrs(gru);
      })
      .Case([&](RNNOp rnn) {
        spec.cell = RecurrentCell::RNN;
        spec.numGates = 1;
        spec.x = rnn.getX();
        spec.w = rnn.getW();
        spec.r = rnn.getR();
        spec.b = rnn.getB();
        spec.sequenceLens = rnn.getSequenceLens();
        spec.initialH = rnn.getInitialH();
        spec.y = rnn.getY();
        spec.yH = rnn.getYH();
        attrs = readAttrs(rnn);
      });

  if (attrs.direction == "forward") {
    spec.numDirections = 1;
  } else if (attrs.direction == "reverse") {
    spec.forward = false;
    spec.reverse = true;
  } else if (attrs.direction == "bidirectional") {
    spec.numDirections = 2;
    spec.reverse = true;
  } else {
    return op->emitOpError() << "direction '" << attrs.direction
                             << "' is not forward, reverse or bidirectional";
  }
  if (attrs.layout != 0 && attrs.layout != 1)
    return op->emitOpError() << "layout " << attrs.layout << " is not 0 or 1";
  spec.layout = attrs.layout;
  spec.clip = attrs.clip;
  if (spec.clip && !(*spec.clip > 0.0f))
    return op->emitOpError() << "clip " << *spec.clip << " must be positive";
  if (failed(readActivations(op, attrs, spec)))
    return failure();

  // X is [S, B, I] or [B, S, I].
  std::optional<ArrayRef<int64_t>> x = getShapeOf(spec.x);
  if (x && x->size() != 3)
    return op->emitOpError()
           << "X of shape " << formatShape(*x) << " must be 3-D";
  spec.seqLength = getDim(spec.x, spec.layout == 0 ? 0 : 1);
  spec.batchSize = getDim(spec.x, spec.layout == 0 ? 1 : 0);
  spec.inputSize = getDim(spec.x, 2);

  // W is [D, G*H, I], R is [D, G*H, H]: the hidden size follows from R and
  // must agree with the attribute and with W.
  int64_t d = spec.numDirections, g = spec.numGates;
  int64_t hidden = getDim(spec.r, 2);
  if (attrs.hiddenSize) {
    if (*attrs.hiddenSize < 1)
      return op->emitOpError()
             << "hidden_size " << *attrs.hiddenSize << " must be positive";
    if (!merge(hidden, *attrs.hiddenSize))
      return op->emitOpError() << "hidden_size " << *attrs.hiddenSize
                               << " does not match R of shape "
                               << formatShape(*getShapeOf(spec.r));
  }
  int64_t gates = isDynamic(hidden) ? ShapedType::kDynamic : g * hidden;
  for (auto [value, name] : {std::pair(spec.w, "W"), std::pair(spec.r, "R")}) {
    std::optional<ArrayRef<int64_t>> shape = getShapeOf(value);
    if (shape && shape->size() != 3)
      return op->emitOpError()
             << name << " of shape " << formatShape(*shape) << " must be 3-D";
  }
  if (!isDynamic(getDim(spec.w, 1)) && isDynamic(gates)) {
    if (getDim(spec.w, 1) % g != 0)
      return op->emitOpError()
             << "W of shape " << formatShape(*getShapeOf(spec.w))
             << " does not hold " << g << " gates";
    hidden = getDim(spec.w, 1) / g;
    gates = g * hidden;
  }
  spec.hiddenSize = hidden;
  if (failed(checkOperandShape(op, spec.w, "W", {d, gates, spec.inputSize})) ||
      failed(checkOperandShape(op, spec.r, "R", {d, gates, hidden})) ||
      failed(checkOperandShape(
          op, spec.b, "B",
          {d, isDynamic(gates) ? ShapedType::kDynamic : 2 * gates})) ||
      failed(checkOperandShape(op, spec.sequenceLens, "sequence_lens",
                               {spec.batchSize})) ||
      failed(checkOperandShape(
          op, spec.p, "P",
          {d, isDynamic(hidden) ? ShapedType::kDynamic : 3 * hidden})))
    return failure();
  Shape stateShape = spec.layout == 0 ? Shape{d, spec.batchSize, hidden}
                                      : Shape{spec.batchSize, d, hidden};
  if (failed(checkOperandShape(op, spec.initialH, "initial_h", stateShape)) ||
      failed(checkOperandShape(op, spec.initialC, "initial_c", stateShape)))
    return failure();

  if (spec.sequenceLens) {
    std::optional<SmallVector<int64_t>> lengths =
        getConstantInts(spec.sequenceLens);
    // Run-time lengths mask a forward pass; a reverse pass would start at
    // a different step per batch, which the unrolled graph cannot.
    if (!lengths && spec.reverse)
      return op->emitOpError()
             << "sequence_lens must be a compile-time constant for the "
                "reverse direction (aotc unrolls the sequence)";
    if (!lengths)
      return spec;
    for (int64_t length : *lengths)
      if (length < 0 || (!isDynamic(spec.seqLength) && length > spec.seqLength))
        return op->emitOpError()
               << "sequence length " << length << " is not in [0, "
               << formatDim(spec.seqLength) << "]";
    spec.sequenceLengths = std::move(*lengths);
  }
  return spec;
}

/// Gives the results of a recurrent op their shapes.
static LogicalResult inferRecurrentShapes(Operation *op) {
  if (failed(inferElementTypesOnly(op)))
    return failure();
  FailureOr<RecurrentSpec> spec = getRecurrentSpec(op);
  if (failed(spec))
    return failure();
  int64_t s = spec->seqLength, b = spec->batchSize, h = spec->hiddenSize,
          d = spec->numDirections;
  Shape y = spec->layout == 0 ? Shape{s, d, b, h} : Shape{b, s, d, h};
  Shape state = spec->layout == 0 ? Shape{d, b, h} : Shape{b, d, h};
  if (spec->y)
    setShape(spec->y, y);
  for (Value result : {spec->yH, spec->yC})
    if (result)
      setShape(result, state);
  return success();
}

LogicalResult LSTMOp::inferShapes() { return inferRecurrentShapes(*this); }
LogicalResult GRUOp::inferShapes() { return inferRecurrentShapes(*this); }
LogicalResult RNNOp::inferShapes() { return inferRecurrentShapes(*this); }
