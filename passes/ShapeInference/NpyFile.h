//===- NpyFile.h - Reading a tensor from a .npy file ------------*- C++ -*-===//

#ifndef AOTC_PASSES_SHAPEINFERENCE_NPYFILE_H
#define AOTC_PASSES_SHAPEINFERENCE_NPYFILE_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Location.h"

namespace aotc {

/// Reads the .npy file at `path` (format versions 1 to 3, little-endian or
/// byte-order-free dtypes, C order) as a tensor of the element type its
/// `descr` names. Emits an error at `loc` and fails on a file that cannot be
/// read or is not such a file.
mlir::FailureOr<mlir::DenseElementsAttr>
readNpyFile(mlir::Location loc, llvm::StringRef path,
            mlir::MLIRContext *context);

} // namespace aotc

#endif // AOTC_PASSES_SHAPEINFERENCE_NPYFILE_H
