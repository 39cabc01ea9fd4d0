//===- ONNXDialect.h - The ONNX dialect -------------------------*- C++ -*-===//

#ifndef AOTC_DIALECTS_ONNX_IR_ONNXDIALECT_H
#define AOTC_DIALECTS_ONNX_IR_ONNXDIALECT_H

#include "dialects/ONNX/IR/ElementTypeRule.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "dialects/ONNX/IR/ONNXDialect.h.inc"

namespace aotc::onnx {
/// The default shape function: sets every result to an unranked tensor of the
/// element type its rule gives, keeping a shape already known.
llvm::LogicalResult inferElementTypesOnly(mlir::Operation *op);
} // namespace aotc::onnx

#include "dialects/ONNX/IR/ONNXInterfaces.h.inc"

#define GET_OP_CLASSES
#include "dialects/ONNX/IR/ONNXOps.h.inc"

#endif // AOTC_DIALECTS_ONNX_IR_ONNXDIALECT_H
