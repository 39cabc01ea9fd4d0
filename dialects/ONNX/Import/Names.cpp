//===- Names.cpp - ONNX names in messages and resource keys ---------------===//

#include "dialects/ONNX/Import/Names.h"

#include "llvm/ADT/StringExtras.h"

#include <onnx/onnx_pb.h>

using namespace mlir;

namespace aotc::onnx {

std::string escapeName(StringRef name) {
  std::string escaped;
  escaped.reserve(name.size());
  for (unsigned char c : name) {
    if (c >= 0x20 && c != 0x7f) {
      escaped += c;
      continue;
    }
    escaped += "\\x";
    escaped += llvm::hexdigit(c >> 4);
    escaped += llvm::hexdigit(c & 15);
  }
  return escaped;
}

std::string getNodeDisplayName(const ::onnx::NodeProto &node, size_t index) {
  if (!node.name().empty())
    return escapeName(node.name());
  if (node.output_size() && !node.output(0).empty())
    return escapeName(node.output(0));
  return "#" + std::to_string(index);
}

std::string sanitizeResourceName(StringRef name) {
  std::string result;
  result.reserve(name.size() + 1);
  if (name.empty() || llvm::isDigit(name.front()))
    result += '_';
  for (char c : name)
    result += (llvm::isAlnum(c) || c == '_' || c == '.') ? c : '_';
  return result;
}

} // namespace aotc::onnx
