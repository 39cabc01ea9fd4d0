//===- Names.h - ONNX names in messages and resource keys -------*- C++ -*-===//
//
// ONNX names are arbitrary strings. Messages quote them escaped, so that an
// error stays on one line whatever a (broken) model holds; resource keys
// need identifier characters.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_DIALECTS_ONNX_IMPORT_NAMES_H
#define AOTC_DIALECTS_ONNX_IMPORT_NAMES_H

#include "mlir/Support/LLVM.h"

#include <string>

namespace onnx {
class NodeProto;
} // namespace onnx

namespace aotc::onnx {

/// `name` with control characters spelled `\xNN`.
std::string escapeName(llvm::StringRef name);

/// The name a node goes by in messages and locations: its own, else its
/// first output's, else `#<index>`; escaped.
std::string getNodeDisplayName(const ::onnx::NodeProto &node, size_t index);

/// Returns `name` made usable as a resource key: characters other than
/// letters, digits, `_` and `.` become `_`, and a leading digit gets a `_`.
std::string sanitizeResourceName(llvm::StringRef name);

} // namespace aotc::onnx

#endif // AOTC_DIALECTS_ONNX_IMPORT_NAMES_H
