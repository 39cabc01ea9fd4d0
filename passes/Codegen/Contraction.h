//===- Contraction.h - Matching contraction bodies --------------*- C++ -*-===//
//
// What the CPU packing and the GPU tiled kernels both ask of a contraction.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_PASSES_CODEGEN_CONTRACTION_H
#define AOTC_PASSES_CODEGEN_CONTRACTION_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"

namespace aotc {

/// Whether `op`'s body is `out + in0 * in1` (in either order) in f32.
bool isMultiplyAdd(mlir::linalg::LinalgOp op);

} // namespace aotc

#endif // AOTC_PASSES_CODEGEN_CONTRACTION_H
