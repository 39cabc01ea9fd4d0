//===- HeaderEmitter.h - The C header of a model object ---------*- C++ -*-===//

#ifndef AOTC_COMPILER_EMIT_HEADEREMITTER_H
#define AOTC_COMPILER_EMIT_HEADEREMITTER_H

#include "compiler/Emit/ModelInterface.h"

#include <string>

namespace aotc {

/// The header declaring `aotc_NAME_run` and, as compile-time constants,
/// everything a firmware author needs: arena size and alignment, and the
/// name, element type, shape and byte size of each input and output.
std::string emitModelHeader(const ModelInterface &model,
                            llvm::StringRef targetName);

} // namespace aotc

#endif // AOTC_COMPILER_EMIT_HEADEREMITTER_H
