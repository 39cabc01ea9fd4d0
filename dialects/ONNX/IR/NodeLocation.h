//===- NodeLocation.h - Locations naming the model file and node -*- C++
//-*-===//
//
// Every op the importer creates carries a location that names the model file,
// the ONNX node and its op type, so that any later error can say which node
// of which file it concerns:
//
//   loc(fused<"Conv">["conv1", "model.onnx":0:0])
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_DIALECTS_ONNX_IR_NODELOCATION_H
#define AOTC_DIALECTS_ONNX_IR_NODELOCATION_H

#include "mlir/IR/Location.h"

#include <optional>
#include <string>

namespace aotc::onnx {

/// Returns the location of node `nodeName` (op type `opType`) in `file`.
mlir::Location getNodeLocation(mlir::MLIRContext *context, llvm::StringRef file,
                               llvm::StringRef nodeName,
                               llvm::StringRef opType);

/// Returns the location of `file` itself, for errors about the whole model.
mlir::Location getFileLocation(mlir::MLIRContext *context,
                               llvm::StringRef file);

struct NodeLocationInfo {
  std::string file;
  /// Empty for file-level locations.
  std::string nodeName;
  std::string opType;
};

/// Finds the file and node named by `loc`, looking through the fused and
/// call-site locations that later passes wrap around it.
std::optional<NodeLocationInfo> findNodeLocation(mlir::Location loc);

} // namespace aotc::onnx

#endif // AOTC_DIALECTS_ONNX_IR_NODELOCATION_H
