//===- Diagnostics.cpp - One-line errors naming file and node -------------===//

#include "compiler/Diagnostics.h"

#include "dialects/ONNX/IR/NodeLocation.h"
#include "dialects/ONNX/Import/Names.h"

#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace aotc {

/// Drops the "'onnx.Conv' op " that op diagnostics start with: the line
/// already names the op type.
static std::string stripOpPrefix(std::string message) {
  if (message.size() > 1 && message[0] == '\'') {
    size_t close = message.find("' op ");
    if (close != std::string::npos)
      return message.substr(close + 5);
  }
  return message;
}

/// Keeps the message on one line.
static std::string flatten(std::string message) {
  for (char &c : message)
    if (c == '\n')
      c = ' ';
  return message;
}

std::string formatDiagnostic(Diagnostic &diag) {
  std::string line = "aotc: ";
  switch (diag.getSeverity()) {
  case DiagnosticSeverity::Error:
    line += "error: ";
    break;
  case DiagnosticSeverity::Warning:
    line += "warning: ";
    break;
  default:
    line += "note: ";
    break;
  }
  if (auto info = onnx::findNodeLocation(diag.getLocation())) {
    // A path may hold any byte; escaped, it cannot break the line.
    line += onnx::escapeName(info->file) + ": ";
    // A node's name is never empty (unnamed ones are named after their
    // first output or index); its op type may be.
    if (!info->nodeName.empty())
      line += "node '" + info->nodeName + "' (" + info->opType + "): ";
  }
  return line + flatten(stripOpPrefix(diag.str()));
}

ModelDiagnosticHandler::ModelDiagnosticHandler(MLIRContext *context,
                                               llvm::raw_ostream &os)
    : ScopedDiagnosticHandler(context), os(os) {
  setHandler([this](Diagnostic &diag) {
    print(diag);
    return success();
  });
}

void ModelDiagnosticHandler::print(Diagnostic &diag) {
  if (diag.getSeverity() == DiagnosticSeverity::Remark)
    return;
  if (diag.getSeverity() == DiagnosticSeverity::Error)
    ++errorCount;
  os << formatDiagnostic(diag) << "\n";
  os.flush();
}

} // namespace aotc
