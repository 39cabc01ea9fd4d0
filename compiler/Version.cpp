//===- Version.cpp - Which aotc this is -----------------------------------===//

#include "compiler/Version.h"

#include "compiler/Revision.h"

#include "llvm/Config/llvm-config.h"

namespace aotc {

std::string getVersionLine() {
  return "aotc " AOTC_VERSION " (git " AOTC_REVISION ")";
}

void printVersion(llvm::raw_ostream &os) {
  os << getVersionLine() << "\n  LLVM and MLIR " LLVM_VERSION_STRING "\n";
}

} // namespace aotc
