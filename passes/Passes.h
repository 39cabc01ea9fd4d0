//===- Passes.h - aotc transform passes -------------------------*- C++ -*-===//

#ifndef AOTC_PASSES_PASSES_H
#define AOTC_PASSES_PASSES_H

#include "dialects/ONNX/IR/ONNXDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace aotc {

#define GEN_PASS_DECL
#include "passes/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "passes/Passes.h.inc"

} // namespace aotc

#endif // AOTC_PASSES_PASSES_H
