//===- TensorReader.h - TensorProto to elements attributes ------*- C++ -*-===//
//
// Turns the tensors of a model (initializers, Constant values, tensor
// attributes) into MLIR elements attributes. Large tensors become dense
// resources that take over the bytes of `raw_data` without copying them;
// external data is read from a file beside the model.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_DIALECTS_ONNX_IMPORT_TENSORREADER_H
#define AOTC_DIALECTS_ONNX_IMPORT_TENSORREADER_H

#include "mlir/IR/BuiltinAttributeInterfaces.h"
#include "mlir/IR/Location.h"
#include "mlir/Support/LLVM.h"

#include <string>

namespace onnx {
class TensorProto;
} // namespace onnx

namespace aotc::onnx {

/// The ONNX name of `dataType` for messages ("float", "string", ...).
std::string getDataTypeName(int32_t dataType);

/// How tensors of one model are read.
struct TensorReader {
  mlir::MLIRContext *context;
  /// The folder of the model file; external data locations are relative to
  /// it and may not leave it.
  std::string modelFolder;

  /// Tensors of at most this many bytes may be inlined as dense elements.
  static constexpr size_t kMaxInlineBytes = 128;

  /// Converts `tensor` into an elements attribute. `what` names the tensor
  /// in messages ("initializer 'w'"); errors are emitted at `loc`. The data
  /// is moved out of `tensor`. The result is a dense resource named after
  /// `resourceName`, unless `allowInline` is set and the tensor is small,
  /// in which case it is a DenseElementsAttr.
  mlir::FailureOr<mlir::ElementsAttr>
  read(::onnx::TensorProto &tensor, mlir::Location loc, llvm::StringRef what,
       llvm::StringRef resourceName, bool allowInline) const;
};

} // namespace aotc::onnx

#endif // AOTC_DIALECTS_ONNX_IMPORT_TENSORREADER_H
