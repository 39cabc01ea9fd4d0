//===- Driver.h - One compilation, from model file to artifact -*- C++ -*-===//

#ifndef AOTC_COMPILER_DRIVER_H
#define AOTC_COMPILER_DRIVER_H

#include "compiler/Options.h"

#include "mlir/IR/DialectRegistry.h"
#include "llvm/Support/raw_ostream.h"

namespace aotc {

/// Adds every dialect and interface a compilation uses to `registry`.
void registerCompilerDialects(mlir::DialectRegistry &registry);

/// Compiles the model `options` names. Errors go to `errors` as one line
/// each (Diagnostics.h); returns false after any error.
bool compileModel(const CompilerOptions &options, llvm::raw_ostream &errors);

} // namespace aotc

#endif // AOTC_COMPILER_DRIVER_H
