//===- ExpandRecurrent.cpp - The aotc-expand-recurrent pass ---------------===//
//
// LSTM, GRU and RNN become the ONNX ops they are made of, unrolled over the
// static sequence. The input projection of every time step is one MatMul
// (X·Wᵀ plus both biases, folded into one constant), so a sequence costs one
// large GEMM; each step then adds H·Rᵀ and applies its gates. Wᵀ and Rᵀ are
// Transposes of slices of initializers, which the folder turns into
// constants. Per-batch sequence lengths are constants: a batch whose
// sequence has ended keeps its state and outputs zeros (a Where on a
// constant mask), and the reverse direction reads each batch's sequence
// backwards from its own last step, as ONNX specifies.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "dialects/ONNX/IR/ONNXDialect.h"
#include "dialects/ONNX/ShapeFns/Recurrent.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace aotc {
#define GEN_PASS_DEF_EXPANDRECURRENTPASS
#include "passes/Passes.h.inc"
} // namespace aotc

using namespace mlir;
using namespace aotc;
using namespace aotc::onnx;

namespace {

using Shape = SmallVector<int64_t>;

/// Builds the ONNX ops of one recurrent op; every value it makes has a
/// static type of the op's element type (i64 and i1 for the constants that
/// steer Slice, Reshape and Where).
class Expander {
public:
  Expander(OpBuilder &b, Location loc, const RecurrentSpec &spec)
      : b(b), loc(loc), spec(spec),
        elementType(cast<ShapedType>(spec.x.getType()).getElementType()) {}

  /// The values of Y, Y_h and Y_c (null for absent results).
  std::array<Value, 3> expand();

private:
  struct Direction {
    bool reverse;
    Value projection; // [S*B, G*H]: X·Wᵀ + biases, time major.
    Value recurrentT; // [H, G*H]: Rᵀ (GRU lbr=0: the z and r gates only).
    Value hiddenT;    // GRU lbr=0: [H, H], Rᵀ of the h gate.
    Value hiddenBias; // GRU lbr=1: [H], Rb of the h gate.
    Value peepI, peepO, peepF;
    ArrayRef<RecurrentActivation> activations;
  };

  RankedTensorType getType(ArrayRef<int64_t> shape) {
    return RankedTensorType::get(shape, elementType);
  }
  static ArrayRef<int64_t> shapeOf(Value value) {
    return cast<RankedTensorType>(value.getType()).getShape();
  }

  Value ints(ArrayRef<int64_t> values) {
    auto type = RankedTensorType::get({(int64_t)values.size()}, b.getI64Type());
    return ConstantOp::create(
        b, loc, cast<ElementsAttr>(DenseElementsAttr::get(type, values)));
  }
  Value splat(ArrayRef<int64_t> shape, double value) {
    return ConstantOp::create(
        b, loc,
        cast<ElementsAttr>(DenseElementsAttr::get(
            getType(shape), b.getFloatAttr(elementType, value))));
  }
  /// [B, 1]: whether step `k` is within each batch's run-time length.
  Value runtimeMask(int64_t k) {
    int64_t batch = spec.batchSize;
    auto lengthType = cast<RankedTensorType>(spec.sequenceLens.getType());
    auto stepType = RankedTensorType::get({1}, lengthType.getElementType());
    Value step = ConstantOp::create(
        b, loc,
        cast<ElementsAttr>(DenseElementsAttr::get(
            stepType, b.getIntegerAttr(lengthType.getElementType(), k))));
    Value less =
        LessOp::create(b, loc, RankedTensorType::get({batch}, b.getI1Type()),
                       step, spec.sequenceLens);
    return ReshapeOp::create(b, loc,
                             RankedTensorType::get({batch, 1}, b.getI1Type()),
                             less, ints({batch, 1}), 0);
  }
  Value mask(ArrayRef<bool> active) {
    auto type =
        RankedTensorType::get({(int64_t)active.size(), 1}, b.getI1Type());
    return ConstantOp::create(
        b, loc, cast<ElementsAttr>(DenseElementsAttr::get(type, active)));
  }

  Value slice(Value value, int64_t axis, int64_t begin, int64_t end) {
    Shape shape(shapeOf(value));
    if (begin == 0 && end == shape[axis])
      return value;
    shape[axis] = end - begin;
    return SliceOp::create(b, loc, getType(shape), value, ints({begin}),
                           ints({end}), ints({axis}), Value());
  }
  Value reshape(Value value, ArrayRef<int64_t> shape) {
    if (shapeOf(value) == shape)
      return value;
    return ReshapeOp::create(b, loc, getType(shape), value, ints(shape), 0);
  }
  Value transpose(Value value, ArrayRef<int64_t> perm) {
    Shape shape;
    for (int64_t axis : perm)
      shape.push_back(shapeOf(value)[axis]);
    return TransposeOp::create(b, loc, getType(shape), value,
                               b.getDenseI64ArrayAttr(perm));
  }
  Value concat(ArrayRef<Value> values, int64_t axis) {
    if (values.size() == 1)
      return values.front();
    Shape shape(shapeOf(values.front()));
    shape[axis] = 0;
    for (Value value : values)
      shape[axis] += shapeOf(value)[axis];
    return ConcatOp::create(b, loc, getType(shape), values, axis);
  }
  /// The slice of operand `value` ([D, ...]) for direction `d`, without its
  /// leading dimension.
  Value direction(Value value, int64_t d) {
    Value one = slice(value, 0, d, d + 1);
    return reshape(one, shapeOf(one).drop_front());
  }

  /// Numpy broadcasting of the few shapes the cells combine.
  static Shape broadcast(ArrayRef<int64_t> lhs, ArrayRef<int64_t> rhs) {
    Shape shape(std::max(lhs.size(), rhs.size()), 1);
    for (size_t i = 0; i < shape.size(); ++i) {
      int64_t l = i < shape.size() - lhs.size()
                      ? 1
                      : lhs[i - (shape.size() - lhs.size())];
      int64_t r = i < shape.size() - rhs.size()
                      ? 1
                      : rhs[i - (shape.size() - rhs.size())];
      shape[i] = std::max(l, r);
    }
    return shape;
  }
  template <typename OpTy>
  Value binary(Value lhs, Value rhs) {
    return OpTy::create(b, loc, getType(broadcast(shapeOf(lhs), shapeOf(rhs))),
                        lhs, rhs);
  }
  Value add(Value lhs, Value rhs) { return binary<AddOp>(lhs, rhs); }
  Value sub(Value lhs, Value rhs) { return binary<SubOp>(lhs, rhs); }
  Value mul(Value lhs, Value rhs) { return binary<MulOp>(lhs, rhs); }
  /// `lhs + rhs` where a null `rhs` stands for zeros.
  Value addIf(Value lhs, Value rhs) { return rhs ? add(lhs, rhs) : lhs; }
  Value matmul(Value lhs, Value rhs) {
    return MatMulOp::create(b, loc, getType({shapeOf(lhs)[0], shapeOf(rhs)[1]}),
                            lhs, rhs);
  }
  Value where(Value condition, Value lhs, Value rhs) {
    return WhereOp::create(b, loc, lhs.getType(), condition, lhs, rhs);
  }

  Value activate(Value x, const RecurrentActivation &activation);
  /// A gate's pre-activation clipped (when `clip` is set), then activated.
  Value gate(Value x, const RecurrentActivation &activation) {
    if (spec.clip)
      x = ClipOp::create(b, loc, x.getType(), x, splat({}, -*spec.clip),
                         splat({}, *spec.clip));
    return activate(x, activation);
  }

  Direction prepare(int64_t d, bool reverse, Value x2D);
  /// One step: the new hidden state (and LSTM cell state in `c`) from the
  /// projected input `xk` and the previous state; `zeroState` when that
  /// state is the zeros of an absent initial_h/initial_c.
  Value step(const Direction &dir, Value xk, Value h, Value &c, bool zeroState);
  /// The time step that step `k` reads for batch `batch`.
  int64_t timeOf(const Direction &dir, int64_t k, int64_t batch) const {
    return dir.reverse ? lengths[batch] - 1 - k : k;
  }

  OpBuilder &b;
  Location loc;
  const RecurrentSpec &spec;
  Type elementType;
  SmallVector<int64_t> lengths;
};

Value Expander::activate(Value x, const RecurrentActivation &activation) {
  Type type = x.getType();
  APFloat alpha(activation.alpha), beta(activation.beta);
  switch (activation.kind) {
  case RecurrentActivationKind::Relu:
    return ReluOp::create(b, loc, type, x);
  case RecurrentActivationKind::Tanh:
    return TanhOp::create(b, loc, type, x);
  case RecurrentActivationKind::Sigmoid:
    return SigmoidOp::create(b, loc, type, x);
  case RecurrentActivationKind::Affine:
    return add(mul(x, splat({}, activation.alpha)), splat({}, activation.beta));
  case RecurrentActivationKind::LeakyRelu:
    return LeakyReluOp::create(b, loc, type, x, alpha);
  case RecurrentActivationKind::ThresholdedRelu:
    return ThresholdedReluOp::create(b, loc, type, x, alpha);
  case RecurrentActivationKind::ScaledTanh:
    return mul(TanhOp::create(b, loc, type, mul(x, splat({}, activation.beta))),
               splat({}, activation.alpha));
  case RecurrentActivationKind::HardSigmoid:
    return HardSigmoidOp::create(b, loc, type, x, alpha, beta);
  case RecurrentActivationKind::Elu:
    return EluOp::create(b, loc, type, x, alpha);
  case RecurrentActivationKind::Softsign:
    return SoftsignOp::create(b, loc, type, x);
  case RecurrentActivationKind::Softplus:
    return SoftplusOp::create(b, loc, type, x);
  }
  llvm_unreachable("unknown recurrent activation");
}

Expander::Direction Expander::prepare(int64_t d, bool reverse, Value x2D) {
  int64_t h = spec.hiddenSize, gh = spec.numGates * h;
  Direction dir;
  dir.reverse = reverse;
  dir.activations = spec.activations[d];
  Value wT = transpose(direction(spec.w, d), {1, 0});
  Value rT = transpose(direction(spec.r, d), {1, 0});
  bool gru = spec.cell == RecurrentCell::GRU;
  // Biases are constants in real models; their sum folds.
  Value inputBias;
  if (spec.b) {
    Value both = direction(spec.b, d);
    Value wb = slice(both, 0, 0, gh), rb = slice(both, 0, gh, 2 * gh);
    inputBias = add(wb, rb);
    // With linear_before_reset, Rb of the h gate is added to H·Rhᵀ before
    // the reset gate scales it.
    if (gru && spec.linearBeforeReset) {
      inputBias = concat(
          {slice(inputBias, 0, 0, 2 * h), slice(wb, 0, 2 * h, 3 * h)}, 0);
      dir.hiddenBias = slice(rb, 0, 2 * h, 3 * h);
    }
  }
  dir.projection = addIf(matmul(x2D, wT), inputBias);
  if (gru && !spec.linearBeforeReset) {
    // The h gate multiplies r ⊙ H by Rhᵀ: a second product per step.
    dir.recurrentT = slice(rT, 1, 0, 2 * h);
    dir.hiddenT = slice(rT, 1, 2 * h, 3 * h);
  } else {
    dir.recurrentT = rT;
  }
  if (spec.p) {
    Value p = direction(spec.p, d);
    dir.peepI = slice(p, 0, 0, h);
    dir.peepO = slice(p, 0, h, 2 * h);
    dir.peepF = slice(p, 0, 2 * h, 3 * h);
  }
  return dir;
}

Value Expander::step(const Direction &dir, Value xk, Value h, Value &c,
                     bool zeroState) {
  int64_t n = spec.hiddenSize;
  ArrayRef<RecurrentActivation> act = dir.activations;
  // H·Rᵀ is zero for a zero state: the first step of a sequence without
  // initial_h needs no product.
  auto product = [&](Value state, Value weightT) -> Value {
    return zeroState ? Value() : matmul(state, weightT);
  };
  switch (spec.cell) {
  case RecurrentCell::RNN:
    return gate(addIf(xk, product(h, dir.recurrentT)), act[0]);
  case RecurrentCell::LSTM: {
    Value gates = addIf(xk, product(h, dir.recurrentT));
    Value i = slice(gates, 1, 0, n), o = slice(gates, 1, n, 2 * n),
          f = slice(gates, 1, 2 * n, 3 * n), g = slice(gates, 1, 3 * n, 4 * n);
    bool zeroCell = zeroState && !spec.initialC;
    if (dir.peepI && !zeroCell) {
      i = add(i, mul(dir.peepI, c));
      f = add(f, mul(dir.peepF, c));
    }
    i = gate(i, act[0]);
    // input_forget couples the gates: what is written is what is forgotten.
    f = spec.inputForget ? sub(splat({}, 1.0), i) : gate(f, act[0]);
    Value written = mul(i, gate(g, act[1]));
    c = zeroCell ? written : add(mul(f, c), written);
    if (dir.peepO)
      o = add(o, mul(dir.peepO, c));
    return mul(gate(o, act[0]), activate(c, act[2]));
  }
  case RecurrentCell::GRU: {
    Value zr, candidate;
    if (spec.linearBeforeReset) {
      Value hr = product(h, dir.recurrentT);
      zr = addIf(slice(xk, 1, 0, 2 * n), hr ? slice(hr, 1, 0, 2 * n) : hr);
      Value hh = hr ? slice(hr, 1, 2 * n, 3 * n) : Value();
      if (dir.hiddenBias)
        hh = hh ? add(hh, dir.hiddenBias) : dir.hiddenBias;
      Value r = gate(slice(zr, 1, n, 2 * n), act[0]);
      candidate = addIf(slice(xk, 1, 2 * n, 3 * n), hh ? mul(r, hh) : hh);
    } else {
      zr = addIf(slice(xk, 1, 0, 2 * n), product(h, dir.recurrentT));
      Value r = gate(slice(zr, 1, n, 2 * n), act[0]);
      candidate =
          addIf(slice(xk, 1, 2 * n, 3 * n), product(mul(r, h), dir.hiddenT));
    }
    Value z = gate(slice(zr, 1, 0, n), act[0]);
    Value hc = gate(candidate, act[1]);
    // (1 - z) ⊙ ĥ + z ⊙ H = ĥ + z ⊙ (H - ĥ).
    return add(hc, mul(z, sub(h, hc)));
  }
  }
  llvm_unreachable("unknown recurrent cell");
}

std::array<Value, 3> Expander::expand() {
  int64_t s = spec.seqLength, batch = spec.batchSize, n = spec.hiddenSize;
  lengths = spec.sequenceLengths;
  bool runtimeLengths = spec.sequenceLens && lengths.empty();
  if (lengths.empty())
    lengths.assign(batch, s);
  int64_t steps = *llvm::max_element(lengths);

  // Everything below is time major: X [S, B, I], states [D, B, H].
  Value x = spec.layout == 0 ? spec.x : transpose(spec.x, {1, 0, 2});
  Value x2D = reshape(x, {s * batch, spec.inputSize});
  auto stateOf = [&](Value value) -> Value {
    if (!value)
      return {};
    return spec.layout == 0 ? value : transpose(value, {1, 0, 2});
  };
  Value initialH = stateOf(spec.initialH), initialC = stateOf(spec.initialC);
  Value zeros = splat({batch, n}, 0.0);

  SmallVector<Value> ys, finalH, finalC;
  for (int64_t d = 0; d < spec.numDirections; ++d) {
    Direction dir = prepare(d, /*reverse=*/d == 1 || !spec.forward, x2D);
    Value h = initialH ? direction(initialH, d) : zeros;
    Value c = initialC ? direction(initialC, d) : zeros;
    SmallVector<Value> hs;
    for (int64_t k = 0; k < steps; ++k) {
      SmallVector<bool> active;
      for (int64_t i = 0; i < batch; ++i)
        active.push_back(k < lengths[i]);
      // The rows of the projection this step reads: one block when every
      // active batch reads the same time step, else one row per batch (an
      // ended batch reads any row: its result is masked).
      SmallVector<int64_t> times;
      for (int64_t i = 0; i < batch; ++i)
        if (active[i])
          times.push_back(timeOf(dir, k, i));
      Value xk;
      if (llvm::all_equal(times)) {
        xk = slice(dir.projection, 0, times[0] * batch, (times[0] + 1) * batch);
      } else {
        SmallVector<Value> rows;
        for (int64_t i = 0; i < batch; ++i) {
          int64_t row = (active[i] ? timeOf(dir, k, i) : times[0]) * batch + i;
          rows.push_back(slice(dir.projection, 0, row, row + 1));
        }
        xk = concat(rows, 0);
      }
      Value newC = c;
      Value newH = step(dir, xk, h, newC, /*zeroState=*/k == 0 && !initialH);
      hs.push_back(newH);
      if (runtimeLengths) {
        // Lengths known only at run time: the mask is k < sequence_lens.
        Value keep = runtimeMask(k);
        h = where(keep, newH, h);
        if (spec.cell == RecurrentCell::LSTM)
          c = where(keep, newC, c);
        hs.back() = where(keep, newH, zeros);
      } else if (llvm::all_of(active, [](bool a) { return a; })) {
        h = newH;
        c = newC;
      } else {
        // An ended sequence keeps its last state.
        Value keep = mask(active);
        h = where(keep, newH, h);
        if (spec.cell == RecurrentCell::LSTM)
          c = where(keep, newC, c);
      }
    }
    finalH.push_back(reshape(h, {1, batch, n}));
    if (spec.cell == RecurrentCell::LSTM)
      finalC.push_back(reshape(c, {1, batch, n}));
    if (!spec.y)
      continue;

    // Y at time t is the state of the step that read time t, per batch;
    // zeros past a batch's length.
    SmallVector<Value> rows;
    for (int64_t t = 0; t < s; ++t) {
      SmallVector<bool> valid;
      SmallVector<int64_t> sources;
      for (int64_t i = 0; i < batch; ++i) {
        valid.push_back(t < lengths[i]);
        if (valid.back())
          sources.push_back(dir.reverse ? lengths[i] - 1 - t : t);
      }
      if (sources.empty()) {
        rows.push_back(zeros);
      } else if (llvm::all_equal(sources)) {
        Value state = hs[sources[0]];
        bool allValid = sources.size() == (size_t)batch;
        rows.push_back(allValid ? state : where(mask(valid), state, zeros));
      } else {
        SmallVector<Value> perBatch;
        for (int64_t i = 0; i < batch; ++i) {
          Value source =
              valid[i] ? hs[dir.reverse ? lengths[i] - 1 - t : t] : zeros;
          perBatch.push_back(slice(source, 0, i, i + 1));
        }
        rows.push_back(concat(perBatch, 0));
      }
    }
    ys.push_back(reshape(concat(rows, 0), {s, 1, batch, n}));
  }

  std::array<Value, 3> results;
  if (spec.y) {
    Value y = concat(ys, 1);
    results[0] = spec.layout == 0 ? y : transpose(y, {2, 0, 1, 3});
  }
  auto finalState = [&](ArrayRef<Value> states) {
    Value state = concat(states, 0);
    return spec.layout == 0 ? state : transpose(state, {1, 0, 2});
  };
  if (spec.yH)
    results[1] = finalState(finalH);
  if (spec.yC)
    results[2] = finalState(finalC);
  return results;
}

struct ExpandRecurrentPass
    : aotc::impl::ExpandRecurrentPassBase<ExpandRecurrentPass> {
  void runOnOperation() override {
    SmallVector<Operation *> ops;
    getOperation().walk([&](Operation *op) {
      if (isa<LSTMOp, GRUOp, RNNOp>(op))
        ops.push_back(op);
    });
    for (Operation *op : ops)
      if (failed(expand(op)))
        return signalPassFailure();
  }

  LogicalResult expand(Operation *op) {
    FailureOr<RecurrentSpec> spec = getRecurrentSpec(op);
    if (failed(spec))
      return failure();
    auto xType = dyn_cast<RankedTensorType>(spec->x.getType());
    if (!xType || !xType.hasStaticShape() ||
        ShapedType::isDynamic(spec->hiddenSize))
      return op->emitOpError()
             << "needs static shapes (run aotc-shape-inference first)";
    OpBuilder b(op);
    Expander expander(b, op->getLoc(), *spec);
    std::array<Value, 3> values = expander.expand();
    std::array<Value, 3> results = {spec->y, spec->yH, spec->yC};
    for (auto [result, value] : llvm::zip(results, values)) {
      if (!result)
        continue;
      if (result.getType() != value.getType())
        return op->emitOpError()
               << "result of type " << result.getType()
               << " does not match its expansion " << value.getType();
      result.replaceAllUsesWith(value);
    }
    op->erase();
    return success();
  }
};

} // namespace
