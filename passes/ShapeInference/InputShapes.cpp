//===- InputShapes.cpp - Pinning the shapes of graph inputs ---------------===//

#include "passes/ShapeInference/InputShapes.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;

namespace aotc {

std::string getInputName(func::FuncOp func, unsigned index) {
  if (auto name = func.getArgAttrOfType<StringAttr>(index, "onnx.name"))
    return name.str();
  return "#" + std::to_string(index);
}

static std::string formatShape(ArrayRef<int64_t> shape) {
  std::string text;
  for (auto [i, dim] : llvm::enumerate(shape)) {
    if (i)
      text += "x";
    text += ShapedType::isDynamic(dim) ? "?" : std::to_string(dim);
  }
  return text;
}

/// Parses `NAME:D0xD1x...` (a scalar is `NAME:`).
static LogicalResult parseSpec(Location loc, StringRef spec, StringRef &name,
                               SmallVectorImpl<int64_t> &shape) {
  auto [head, dims] = spec.rsplit(':');
  if (head.empty() || !spec.contains(':'))
    return emitError(loc) << "invalid --input-shape '" << spec
                          << "': expected NAME:D0xD1x...";
  name = head;
  if (dims.empty())
    return success();
  SmallVector<StringRef> parts;
  dims.split(parts, 'x');
  for (StringRef part : parts) {
    int64_t dim;
    if (part.getAsInteger(10, dim) || dim < 0)
      return emitError(loc) << "invalid --input-shape '" << spec << "': '"
                            << part << "' is not a dimension";
    shape.push_back(dim);
  }
  return success();
}

LogicalResult pinInputShapes(func::FuncOp func, ArrayRef<std::string> specs) {
  Block &entry = func.getBody().front();
  for (const std::string &spec : specs) {
    StringRef name;
    SmallVector<int64_t> shape;
    if (failed(parseSpec(func.getLoc(), spec, name, shape)))
      return failure();
    std::optional<unsigned> index;
    SmallVector<std::string> names;
    for (unsigned i = 0, e = func.getNumArguments(); i < e; ++i) {
      names.push_back(getInputName(func, i));
      if (names.back() == name)
        index = i;
    }
    if (!index)
      return emitError(func.getLoc())
             << "--input-shape names '" << name
             << "', which is not a graph input (inputs: "
             << llvm::join(names, ", ") << ")";
    BlockArgument arg = entry.getArgument(*index);
    auto type = cast<TensorType>(arg.getType());
    if (type.hasRank()) {
      bool compatible = type.getRank() == (int64_t)shape.size();
      for (unsigned i = 0; compatible && i < shape.size(); ++i)
        compatible = type.isDynamicDim(i) || type.getDimSize(i) == shape[i];
      if (!compatible)
        return emitError(arg.getLoc())
               << "--input-shape " << name << ":" << formatShape(shape)
               << " contradicts the model's shape "
               << formatShape(type.getShape());
    }
    arg.setType(RankedTensorType::get(shape, type.getElementType()));
  }
  func.setType(FunctionType::get(func.getContext(), entry.getArgumentTypes(),
                                 func.getResultTypes()));
  return success();
}

LogicalResult verifyStaticInputs(func::FuncOp func) {
  for (BlockArgument arg : func.getArguments()) {
    auto type = cast<TensorType>(arg.getType());
    if (type.hasStaticShape())
      continue;
    std::string name = getInputName(func, arg.getArgNumber());
    std::string shape = type.hasRank() ? formatShape(type.getShape()) : "*";
    return emitError(arg.getLoc())
           << "input '" << name << "' has dynamic shape " << shape
           << "; give it a static one with --input-shape=" << name << ":...";
  }
  return success();
}

} // namespace aotc
