//===- Recurrent.h - What LSTM, GRU and RNN say about themselves -*- C++
//-*-===//
//
// The three recurrent ops share their operands (X, W, R, B, sequence_lens,
// initial_h; LSTM adds initial_c and P), their attributes and their checks.
// `getRecurrentSpec` reads and checks all of it once, for the shape function
// and for aotc-expand-recurrent, which unrolls the op.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_DIALECTS_ONNX_SHAPEFNS_RECURRENT_H
#define AOTC_DIALECTS_ONNX_SHAPEFNS_RECURRENT_H

#include "mlir/IR/Operation.h"

namespace aotc::onnx {

/// The activation functions ONNX allows in recurrent ops.
enum class RecurrentActivationKind {
  Relu,
  Tanh,
  Sigmoid,
  Affine,
  LeakyRelu,
  ThresholdedRelu,
  ScaledTanh,
  HardSigmoid,
  Elu,
  Softsign,
  Softplus,
};

struct RecurrentActivation {
  RecurrentActivationKind kind;
  float alpha = 0.0f;
  float beta = 0.0f;
};

enum class RecurrentCell { LSTM, GRU, RNN };

/// The operands, results and attributes of a recurrent op, checked against
/// each other. Sizes are dynamic (`ShapedType::kDynamic`) while the operand
/// shapes are unknown.
struct RecurrentSpec {
  RecurrentCell cell;
  mlir::Value x, w, r, b, sequenceLens, initialH, initialC, p;
  mlir::Value y, yH, yC;
  /// Gates per cell: 4 (LSTM, order i o f c), 3 (GRU, z r h), 1 (RNN).
  int64_t numGates = 1;
  int64_t numDirections = 1;
  bool forward = true, reverse = false;
  int64_t seqLength, batchSize, inputSize, hiddenSize;
  /// 0: time major ([S, B, ...]); 1: batch major ([B, S, ...]).
  int64_t layout = 0;
  std::optional<float> clip;
  bool inputForget = false;
  bool linearBeforeReset = false;
  /// The activations of each direction, in the op's order (f, g, h).
  llvm::SmallVector<llvm::SmallVector<RecurrentActivation, 3>, 2> activations;
  /// Per-batch lengths when `sequence_lens` is a constant; empty when it is
  /// absent or given at run time (forward only).
  llvm::SmallVector<int64_t> sequenceLengths;
};

/// Reads and checks `op` (an LSTM, GRU or RNN); emits a one-line error on
/// the op and fails when the attributes or shapes are inconsistent or an
/// activation is unsupported, or `sequence_lens` of a reverse pass is not a
/// constant (the sequence is unrolled at compile time).
mlir::FailureOr<RecurrentSpec> getRecurrentSpec(mlir::Operation *op);

} // namespace aotc::onnx

#endif // AOTC_DIALECTS_ONNX_SHAPEFNS_RECURRENT_H
