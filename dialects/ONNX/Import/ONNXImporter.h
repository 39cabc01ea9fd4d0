//===- ONNXImporter.h - ModelProto to the onnx dialect ----------*- C++ -*-===//

#ifndef AOTC_DIALECTS_ONNX_IMPORT_ONNXIMPORTER_H
#define AOTC_DIALECTS_ONNX_IMPORT_ONNXIMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

namespace aotc::onnx {

/// Imports the ONNX model at `path` (binary protobuf, or protobuf text format
/// when the name ends in `.pbtxt` or `.textproto`) into a module holding one
/// `func.func @main_graph`. Its arguments and results carry the graph's
/// input and output names in `onnx.name` attributes; initializers become
/// `onnx.Constant` ops on dense resources; every op has a node location
/// (NodeLocation.h). Errors are emitted as diagnostics on file or node
/// locations; returns null after an error.
mlir::OwningOpRef<mlir::ModuleOp> importModel(llvm::StringRef path,
                                              mlir::MLIRContext *context);

} // namespace aotc::onnx

#endif // AOTC_DIALECTS_ONNX_IMPORT_ONNXIMPORTER_H
