//===- Version.h - Which aotc this is ---------------------------*- C++ -*-===//
#ifndef AOTC_COMPILER_VERSION_H
#define AOTC_COMPILER_VERSION_H

#include "llvm/Support/raw_ostream.h"

#include <string>

namespace aotc {

/// "aotc 0.1.0 (git 0123456789ab)": the version and the git revision built.
std::string getVersionLine();

/// aotc --version: the version line, then the LLVM and MLIR it uses.
void printVersion(llvm::raw_ostream &os);

} // namespace aotc

#endif // AOTC_COMPILER_VERSION_H
