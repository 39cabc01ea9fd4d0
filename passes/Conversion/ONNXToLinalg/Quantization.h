//===- Quantization.h - Shared pieces of the quantized lowerings -*- C++
//-*-===//
//
// Quantized ops compute in exact integers where ONNX does (the zero points
// subtracted in i32, products accumulated in i32) and in f32 where ONNX
// Runtime does (scales, the requantizing multiplier). Scales and zero points
// are per tensor (0-d or one element) or 1-D along one axis.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_PASSES_CONVERSION_ONNXTOLINALG_QUANTIZATION_H
#define AOTC_PASSES_CONVERSION_ONNXTOLINALG_QUANTIZATION_H

#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"

namespace aotc {

/// How a quantization parameter (scale or zero point) is read inside loops
/// over a tensor of rank `rank`: a 0-d or one-element parameter everywhere,
/// a 1-D one along `axis`; failure otherwise (or when `axis` is negative).
mlir::FailureOr<mlir::AffineMap> getQuantParamMap(mlir::MLIRContext *context,
                                                  int64_t rank, int64_t axis,
                                                  mlir::Value param);

/// An integer scalar as f32, by its signedness; a float one unchanged.
mlir::Value intToF32(mlir::OpBuilder &b, mlir::Location loc, mlir::Value v,
                     bool isUnsigned);

/// An integer scalar sign- or zero-extended to `type` (unchanged when it
/// has that type already).
mlir::Value extendInt(mlir::OpBuilder &b, mlir::Location loc, mlir::Value v,
                      mlir::Type type, bool isUnsigned);

/// `value` (an 8-bit integer tensor) minus `zeroPoint` (of the same element
/// type, read along `axis`; null: 0) as an i32 tensor; failure when the zero
/// point is neither per tensor nor along a valid axis.
mlir::FailureOr<mlir::Value>
subtractZeroPoint(mlir::OpBuilder &b, mlir::Location loc, mlir::Value value,
                  mlir::Value zeroPoint, int64_t axis, bool isUnsigned);

/// One scale of a requantization and the result axis a 1-D one runs along.
struct ScaleOperand {
  mlir::Value scale;
  int64_t axis;
};

/// The i32 accumulator `acc` requantized to `resultType`:
/// saturate(round_half_even(acc * (aScale * bScale / yScale)) + yZeroPoint),
/// the multiplier and product in f32 (as ONNX Runtime computes them).
mlir::FailureOr<mlir::Value> requantize(mlir::OpBuilder &b, mlir::Location loc,
                                        mlir::Value acc, ScaleOperand aScale,
                                        ScaleOperand bScale, mlir::Value yScale,
                                        mlir::Value yZeroPoint,
                                        mlir::RankedTensorType resultType,
                                        bool isUnsigned);

/// saturate(round_half_even(x) + zeroPoint) into the integer type `element`:
/// `x` and `zeroPoint` are f32 scalars (a null zero point adds nothing).
mlir::Value roundAndSaturate(mlir::OpBuilder &b, mlir::Location loc,
                             mlir::Value x, mlir::Value zeroPoint,
                             mlir::Type element, bool isUnsigned);

} // namespace aotc

#endif // AOTC_PASSES_CONVERSION_ONNXTOLINALG_QUANTIZATION_H
