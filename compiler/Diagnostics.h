//===- Diagnostics.h - One-line errors naming file and node ----*- C++ -*-===//

#ifndef AOTC_COMPILER_DIAGNOSTICS_H
#define AOTC_COMPILER_DIAGNOSTICS_H

#include "mlir/IR/Diagnostics.h"

namespace aotc {

/// Prints each error as one line on `os`:
///   aotc: error: FILE: node 'NAME' (OpType): what is wrong
///   aotc: error: FILE: what is wrong            (file-level errors)
/// Notes attached to an error are dropped; warnings print as `warning:`.
class ModelDiagnosticHandler : public mlir::ScopedDiagnosticHandler {
public:
  ModelDiagnosticHandler(mlir::MLIRContext *context, llvm::raw_ostream &os);

  /// Whether an error was reported.
  bool hadError() const { return errorCount > 0; }

private:
  void print(mlir::Diagnostic &diag);

  llvm::raw_ostream &os;
  unsigned errorCount = 0;
};

/// Formats `diag` as the single line described above, without the newline.
std::string formatDiagnostic(mlir::Diagnostic &diag);

} // namespace aotc

#endif // AOTC_COMPILER_DIAGNOSTICS_H
