//===- CommandLine.h - aotc's own options, one-line errors -----*- C++ -*-===//
//
// libLLVM, MLIR and lld register their cl::opts in the process; aotc accepts
// only its own and a few of MLIR's, so that a flag it does not act on is an
// error rather than silently ignored.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_TOOLS_AOTC_COMMANDLINE_H
#define AOTC_TOOLS_AOTC_COMMANDLINE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

namespace aotc {

/// Unregisters every named option that is neither in `category`, nor one of
/// `mlirOptions` (which join `mlirCategory`), nor --help, --help-hidden or
/// --version. The removed options keep their storage and default values.
void keepOnlyOptions(llvm::cl::OptionCategory &category,
                     llvm::cl::OptionCategory &mlirCategory,
                     llvm::ArrayRef<llvm::StringRef> mlirOptions);

/// Parses the command line; on a bad one prints a single line
///   aotc: error: MESSAGE
/// on `errors` and returns false.
bool parseCommandLine(int argc, const char *const *argv,
                      llvm::StringRef overview, llvm::raw_ostream &errors);

/// Prints a command-line error in the same one-line form.
void reportCommandLineError(llvm::raw_ostream &errors,
                            const llvm::Twine &message);

} // namespace aotc

#endif // AOTC_TOOLS_AOTC_COMMANDLINE_H
