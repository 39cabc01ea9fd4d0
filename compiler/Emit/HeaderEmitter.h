//===- HeaderEmitter.h - The C header of a model object ---------*- C++ -*-===//

#ifndef AOTC_COMPILER_EMIT_HEADEREMITTER_H
#define AOTC_COMPILER_EMIT_HEADEREMITTER_H

#include "compiler/Emit/BuildInfo.h"
#include "compiler/Emit/ModelInterface.h"

#include <string>

namespace aotc {

/// The header declaring `aotc_NAME_run` and `aotc_NAME_check_cpu` and, as
/// compile-time constants, everything a firmware author needs: how the
/// object was built (compiler, target, CPU features, model hash), arena size
/// and alignment, and the name, element type, shape and byte size of each
/// input and output. `builtins` are the functions beyond memcpy, memset and
/// memmove that the object calls (getCalledBuiltins).
std::string emitModelHeader(const ModelInterface &model, const BuildInfo &build,
                            llvm::ArrayRef<std::string> builtins = {});

} // namespace aotc

#endif // AOTC_COMPILER_EMIT_HEADEREMITTER_H
