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

/// Links the model object with the runtime archive into an x86-64 Linux
/// executable that is dynamically linked against the host's glibc only (GPU
/// targets: the runtime dlopen()s the GPU driver). Needs the C library's
/// start files (crt1.o, ...) on this machine.
llvm::Error linkLibCExecutable(llvm::ArrayRef<char> object,
                               llvm::StringRef runtimeArchive,
                               llvm::StringRef outputPath);

} // namespace aotc

#endif // AOTC_COMPILER_EMIT_EXECUTABLELINKER_H
