//===- ExecutableLinker.h - Linking a static executable with lld -*- C++
//-*-===//

#ifndef AOTC_COMPILER_EMIT_EXECUTABLELINKER_H
#define AOTC_COMPILER_EMIT_EXECUTABLELINKER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

namespace aotc {

/// Links the model object with the runtime archive into a static executable
/// at `outputPath`, in process with lld: no system linker, no libc, no
/// target toolchain.
llvm::Error linkExecutable(llvm::ArrayRef<char> object,
                           llvm::StringRef runtimeArchive,
                           llvm::StringRef outputPath);

} // namespace aotc

#endif // AOTC_COMPILER_EMIT_EXECUTABLELINKER_H
