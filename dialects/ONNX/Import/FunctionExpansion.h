//===- FunctionExpansion.h - Ops replaced by their ONNX function body -----===//
//
// Some ONNX operators (NegativeLogLikelihoodLoss, SoftmaxCrossEntropyLoss,
// DynamicQuantizeLinear, ...) are defined by a function body over simpler
// operators. When aotc has no shape function of its own for such an op, the
// importer imports that body instead of the node, so the op compiles as the
// simpler operators do.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_DIALECTS_ONNX_IMPORT_FUNCTIONEXPANSION_H
#define AOTC_DIALECTS_ONNX_IMPORT_FUNCTIONEXPANSION_H

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace onnx {
class NodeProto;
} // namespace onnx

namespace aotc::onnx {

/// Writes to `body` the function body of `node` at `opset`, its names
/// prefixed with `display` + `/` (the node's own inputs and outputs kept)
/// and its nodes named `display/OpType#K`, so diagnostics point at the
/// original node. `inputTypes` holds the ONNX data type of each input
/// (0 where unknown); context-dependent bodies (NegativeLogLikelihoodLoss)
/// depend on them. Returns false when the schema has no body.
bool expandFunctionNode(const ::onnx::NodeProto &node, int64_t opset,
                        llvm::ArrayRef<int32_t> inputTypes,
                        const std::string &display,
                        std::vector<::onnx::NodeProto> &body);

} // namespace aotc::onnx

#endif // AOTC_DIALECTS_ONNX_IMPORT_FUNCTIONEXPANSION_H
