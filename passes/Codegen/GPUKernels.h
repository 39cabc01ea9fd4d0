//===- GPUKernels.h - Helpers shared by the GPU kernel generators -*- C++
//-*-===//
//
// aotc-map-to-gpu builds two kinds of kernels: one thread per output element
// (MapToGPU.cpp) and shared-memory tiled contractions
// (TiledContraction.cpp). These are the pieces both use.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_PASSES_CODEGEN_GPUKERNELS_H
#define AOTC_PASSES_CODEGEN_GPUKERNELS_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Block.h"
#include "mlir/IR/Value.h"
#include "llvm/ADT/StringRef.h"

namespace aotc {

/// Name of the gpu.module every kernel is outlined into.
constexpr llvm::StringLiteral kKernelModule = "aotc_kernels";

/// Whether two buffers of a planned function may overlap: distinct function
/// arguments never do, nor do disjoint constant-offset arena views.
bool mayAlias(mlir::Value a, mlir::Value b);

/// Whether buffer `a` lies within buffer `b` (as far as can be told).
bool isCoveredBy(mlir::Value a, mlir::Value b);

/// In straight-line code of a kernel: a load of an element just stored
/// takes the stored value, and a store overwritten before anything reads
/// the element goes.
void forwardStores(mlir::Block &block);

/// Replaces each contraction of `func` (matmul, batched matmul, convolution:
/// a linalg op computing `out += in0 * in1`) whose operands have two
/// independent parallel groups large enough to tile by a gpu.launch that
/// stages K-slices of both operands in workgroup memory and accumulates a
/// micro-tile per thread in registers; the zero fill before it and the
/// elementwise ops after it over its output join the kernel. The kernels
/// are named `_fill_OP_...` (the parts only); the caller numbers them.
/// Micro-tiles grow only while the grid keeps `minBlocks` blocks. With
/// `allowTF32`, the products run on tensor cores (mma.sync, TF32 inputs).
void mapContractionsToTiledKernels(mlir::func::FuncOp func, int64_t minBlocks,
                                   bool allowTF32);

} // namespace aotc

#endif // AOTC_PASSES_CODEGEN_GPUKERNELS_H
