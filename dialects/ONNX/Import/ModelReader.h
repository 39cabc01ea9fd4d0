//===- ModelReader.h - Reading a ModelProto from a file ---------*- C++ -*-===//

#ifndef AOTC_DIALECTS_ONNX_IMPORT_MODELREADER_H
#define AOTC_DIALECTS_ONNX_IMPORT_MODELREADER_H

#include "mlir/IR/Location.h"
#include "mlir/Support/LLVM.h"

namespace onnx {
class ModelProto;
} // namespace onnx

namespace aotc::onnx {

/// Parses the model file at `path` into `model`: protobuf text format when
/// the name ends in `.pbtxt` or `.textproto`, binary otherwise (up to 2 GB).
/// Protobuf's own log lines are silenced; every failure is emitted as one
/// error at `fileLoc`.
mlir::LogicalResult readModelFile(llvm::StringRef path, mlir::Location fileLoc,
                                  ::onnx::ModelProto &model);

} // namespace aotc::onnx

#endif // AOTC_DIALECTS_ONNX_IMPORT_MODELREADER_H
