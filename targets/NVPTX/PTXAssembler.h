//===- PTXAssembler.h - ptxas, run from aotc --------------------*- C++ -*-===//

#ifndef AOTC_TARGETS_NVPTX_PTXASSEMBLER_H
#define AOTC_TARGETS_NVPTX_PTXASSEMBLER_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <string>

namespace aotc {

/// ptxas's path: $AOTC_PTXAS if set, else the CUDA Toolkit's at
/// /usr/local/cuda/bin/ptxas.
std::string getPTXAssemblerPath();

/// The CUDA Toolkit folder holding libdevice (the math functions kernels
/// call): ptxas's, else /usr/local/cuda; an error if neither has it.
llvm::Expected<std::string> getCUDAToolkitPath();

/// An error unless ptxas is there and executable.
llvm::Error checkPTXAssembler();

/// Assembles `ptx` into a cubin for `arch` (e.g. "sm_90") with ptxas -O3.
/// The error is one line: ptxas missing, or its first error message.
llvm::Expected<llvm::SmallVector<char, 0>> assemblePTX(llvm::StringRef ptx,
                                                       llvm::StringRef arch);

} // namespace aotc

#endif // AOTC_TARGETS_NVPTX_PTXASSEMBLER_H
