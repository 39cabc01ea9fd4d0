//===- OpsetUpgrades.h - Older operator forms to the dialect's --*- C++ -*-===//
//
// The dialect pins each operator to one opset version. Nodes of older
// opsets whose form differs (an attribute that later became an input, a
// dropped attribute, Softmax's 2-D coercion) are rewritten into that form
// by the rules of one table.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_DIALECTS_ONNX_IMPORT_OPSETUPGRADES_H
#define AOTC_DIALECTS_ONNX_IMPORT_OPSETUPGRADES_H

#include "mlir/IR/Location.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/IR/Value.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>
#include <string>

namespace aotc::onnx {

/// A node on its way into the dialect.
struct NodeForm {
  std::string opType;
  /// One per input slot; null where an optional input is left out.
  llvm::SmallVector<mlir::Value> inputs;
  mlir::NamedAttrList attributes;
  /// One per output slot: whether the node produces it.
  llvm::SmallVector<bool> outputs;
};

/// Creates ops the way the importer creates a node's op: at the node's
/// location, with shape inference run on each.
class OpCreator {
public:
  virtual ~OpCreator();
  /// The location of the node being imported.
  virtual mlir::Location getLocation() const = 0;
  /// Creates `onnx.<form.opType>`. Returns one value per output slot (null
  /// for slots not produced), or failure after an error.
  virtual mlir::FailureOr<llvm::SmallVector<mlir::Value>>
  create(const NodeForm &form) = 0;
  /// A constant 1-D i64 tensor.
  virtual mlir::Value createI64Constant(llvm::ArrayRef<int64_t> values) = 0;
  /// A constant scalar (rank-0) tensor of `elementType`.
  virtual mlir::Value createScalarConstant(mlir::Type elementType,
                                           double value) = 0;
};

/// Rewrites `form`, a node of a model of opset `opset`, into the form the
/// dialect models. When a rule replaces the node by several ops, `results`
/// receives the values of the node's output slots and nothing is left for
/// the caller to create.
mlir::LogicalResult
upgradeNode(NodeForm &form, int64_t opset, OpCreator &creator,
            std::optional<llvm::SmallVector<mlir::Value>> &results);

} // namespace aotc::onnx

#endif // AOTC_DIALECTS_ONNX_IMPORT_OPSETUPGRADES_H
