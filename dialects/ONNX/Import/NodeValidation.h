//===- NodeValidation.h - Checking nodes against ONNX schemas ---*- C++ -*-===//
//
// Each node is checked against the operator schema of the model's opset
// (libonnx's, or our table of forms newer than the installed libonnx), and,
// after the opset upgrades, against the form the dialect models.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_DIALECTS_ONNX_IMPORT_NODEVALIDATION_H
#define AOTC_DIALECTS_ONNX_IMPORT_NODEVALIDATION_H

#include "mlir/IR/Types.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

#include <memory>
#include <string>
#include <vector>

namespace onnx {
class AttributeProto;
class NodeProto;
} // namespace onnx

namespace aotc::onnx {

/// The inputs, outputs and attributes of one version of one operator.
struct OpSignature {
  enum class Option { Single, Optional, Variadic };
  struct Param {
    std::string name;
    Option option;
    /// The schema's type string ("T", "tensor(int64)"); parameters that
    /// share one take the same element type. Empty where unknown.
    std::string typeString = {};
  };
  struct Attribute {
    std::string name;
    /// An `AttributeProto::AttributeType`.
    int32_t type;
    bool required;
  };

  std::string opType;
  int sinceVersion = 1;
  bool deprecated = false;
  std::vector<Param> inputs, outputs;
  int minInputs = 0, maxInputs = 0, minOutputs = 0, maxOutputs = 0;
  std::vector<Attribute> attributes;

  const Attribute *findAttribute(llvm::StringRef name) const;
};

/// What a node provides: which input and output slots are filled (an empty
/// name in ONNX leaves an optional slot empty), and its attributes with
/// their `AttributeProto::AttributeType`s.
struct NodeShape {
  llvm::SmallVector<bool> inputs, outputs;
  llvm::SmallVector<std::pair<std::string, int32_t>> attributes;

  static NodeShape fromProto(const ::onnx::NodeProto &node);
};

/// Finds and caches operator signatures of the default domain.
class SignatureTable {
public:
  SignatureTable();
  ~SignatureTable();

  /// The signature of `opType` in opset `opset`: the newest version at or
  /// below it. Null when ONNX has no such operator in that opset.
  const OpSignature *lookup(llvm::StringRef opType, int64_t opset);

  /// The form the dialect's `onnx.<opType>` models, pinned at
  /// `dialectVersion`. Null when unknown.
  const OpSignature *lookupDialectForm(llvm::StringRef opType,
                                       int64_t dialectVersion);

private:
  const OpSignature *findNewerForm(llvm::StringRef opType, int64_t opset) const;
  /// Forms newer than the installed libonnx that the dialect models.
  std::vector<OpSignature> newerForms;
  /// Converted libonnx schemas, by "OpType@sinceVersion".
  llvm::StringMap<std::unique_ptr<OpSignature>> cache;
};

/// Checks `node` against `signature`. Returns an empty string when it fits,
/// otherwise the message saying what is wrong (the first problem found).
std::string checkNodeShape(const NodeShape &node, const OpSignature &signature);

/// Checks that the inputs bound to one type variable of `signature` (Add's
/// A and B are both T) have the same element type; `inputTypes` holds each
/// input slot's type, null for an empty one. Returns the problem, or "".
std::string checkTypeVariables(const OpSignature &signature,
                               llvm::ArrayRef<mlir::Type> inputTypes);

/// The `AttributeProto::AttributeType` of `attr`; old models leave `type`
/// unset, so it is then read from the field that holds the value.
int32_t getAttributeType(const ::onnx::AttributeProto &attr);

/// Checks that `attr` holds one value, in the field its `type` names (as
/// the ONNX checker does). Returns an empty string when it does, otherwise
/// the message saying what is wrong.
std::string checkAttributeValue(const ::onnx::AttributeProto &attr);

/// "an integer", "a list of floats", ... for an `AttributeProto` type.
std::string describeAttributeType(int32_t type);

} // namespace aotc::onnx

#endif // AOTC_DIALECTS_ONNX_IMPORT_NODEVALIDATION_H
