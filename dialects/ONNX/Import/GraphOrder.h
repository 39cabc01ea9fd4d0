//===- GraphOrder.h - Value names and node order of a graph -----*- C++ -*-===//
//
// ONNX graphs are SSA by name: each value is a graph input, an initializer
// or the output of exactly one node, and nodes come in topological order.
// These checks run before any op is created.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_DIALECTS_ONNX_IMPORT_GRAPHORDER_H
#define AOTC_DIALECTS_ONNX_IMPORT_GRAPHORDER_H

#include "mlir/IR/Location.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <string>
#include <vector>

namespace onnx {
class GraphProto;
class NodeProto;
} // namespace onnx

namespace aotc::onnx {

/// Checks that every value of `graph` has one producer and every use a
/// producer, and returns the node indices in an order where each value is
/// produced before it is used: the graph's own when it is one, otherwise a
/// topological sort. Errors (duplicate names, a value never produced, a
/// cycle) are emitted at `nodeLoc(index)` or `fileLoc`.
mlir::FailureOr<std::vector<size_t>>
orderNodes(const ::onnx::GraphProto &graph, mlir::Location fileLoc,
           llvm::function_ref<mlir::Location(size_t)> nodeLoc);

} // namespace aotc::onnx

#endif // AOTC_DIALECTS_ONNX_IMPORT_GRAPHORDER_H
