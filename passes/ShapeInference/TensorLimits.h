//===- TensorLimits.h - Tensor sizes a compiled model may have --*- C++ -*-===//
//
// Shapes come from the model file and are not to be trusted: a dimension of
// 2^40 or a product past 2^64 must be an error naming the node, not an
// allocation that aborts the compiler or a size that wraps around.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_PASSES_SHAPEINFERENCE_TENSORLIMITS_H
#define AOTC_PASSES_SHAPEINFERENCE_TENSORLIMITS_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"

#include <optional>

namespace aotc {

/// The byte size of the static tensor `type`, or nullopt when its element
/// count or byte size does not fit in 64 bits.
std::optional<uint64_t> getTensorBytes(mlir::ShapedType type);

/// Checks that the static tensor `type` fits in `maxBytes`. Emits on `loc`
/// "WHAT of shape S (TYPE) needs N bytes, more than --max-tensor-bytes=M"
/// (or "... overflows 64-bit sizes") and fails otherwise.
llvm::LogicalResult checkTensorSize(mlir::Location loc, const llvm::Twine &what,
                                    mlir::ShapedType type, uint64_t maxBytes);

} // namespace aotc

#endif // AOTC_PASSES_SHAPEINFERENCE_TENSORLIMITS_H
