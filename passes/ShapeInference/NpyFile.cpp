//===- NpyFile.cpp - Reading a tensor from a .npy file --------------------===//
//
// An .npy file is "\x93NUMPY", a major and a minor version byte, the header
// length (2 bytes little-endian in version 1, 4 in versions 2 and 3), the
// header (a Python dict literal, e.g. {'descr': '<i8', 'fortran_order':
// False, 'shape': (2,), }), then the raw data.
//
//===----------------------------------------------------------------------===//

#include "passes/ShapeInference/NpyFile.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/MemoryBuffer.h"

#include <limits>

using namespace mlir;

namespace aotc {

/// The element type of a NumPy `descr`, or null.
static Type getElementType(MLIRContext *context, StringRef descr) {
  Builder b(context);
  return llvm::StringSwitch<Type>(descr)
      .Case("<f4", b.getF32Type())
      .Case("<f8", b.getF64Type())
      .Case("<f2", b.getF16Type())
      .Cases({"|i1", "<i1"}, b.getI8Type())
      .Case("<i2", b.getI16Type())
      .Case("<i4", b.getI32Type())
      .Case("<i8", b.getI64Type())
      .Cases({"|u1", "<u1"}, b.getIntegerType(8, /*isSigned=*/false))
      .Case("<u2", b.getIntegerType(16, /*isSigned=*/false))
      .Case("<u4", b.getIntegerType(32, /*isSigned=*/false))
      .Case("<u8", b.getIntegerType(64, /*isSigned=*/false))
      .Case("|b1", b.getI1Type())
      .Default(Type());
}

/// The text after `'key':` in the header dict, or empty.
static StringRef findValue(StringRef header, StringRef key) {
  size_t at = header.find(("'" + key + "'").str());
  if (at == StringRef::npos)
    return {};
  StringRef rest = header.drop_front(at + key.size() + 2).ltrim();
  if (!rest.consume_front(":"))
    return {};
  return rest.ltrim();
}

/// Parses the header dict into `descr`, `fortranOrder` and `shape`.
static bool parseHeader(StringRef header, StringRef &descr, bool &fortranOrder,
                        SmallVectorImpl<int64_t> &shape) {
  StringRef value = findValue(header, "descr");
  if (!value.consume_front("'"))
    return false;
  descr = value.take_until([](char c) { return c == '\''; });
  value = findValue(header, "fortran_order");
  fortranOrder = value.starts_with("True");
  if (!fortranOrder && !value.starts_with("False"))
    return false;
  value = findValue(header, "shape");
  if (!value.consume_front("("))
    return false;
  StringRef dims = value.take_until([](char c) { return c == ')'; });
  if (dims.size() == value.size())
    return false;
  SmallVector<StringRef> parts;
  dims.split(parts, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (StringRef part : parts) {
    part = part.trim();
    if (part.empty())
      continue;
    uint64_t dim;
    if (part.getAsInteger(10, dim) ||
        dim > uint64_t(std::numeric_limits<int64_t>::max()))
      return false;
    shape.push_back(static_cast<int64_t>(dim));
  }
  return true;
}

FailureOr<DenseElementsAttr> readNpyFile(Location loc, StringRef path,
                                         MLIRContext *context) {
  auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!file)
    return emitError(loc) << "cannot read '" << path
                          << "': " << file.getError().message();
  StringRef bytes = (*file)->getBuffer();
  auto invalid = [&](StringRef why) {
    return emitError(loc) << "'" << path << "' is not a valid .npy file ("
                          << why << ")";
  };
  if (!bytes.consume_front("\x93NUMPY") || bytes.size() < 4)
    return invalid("no NUMPY magic");
  unsigned major = static_cast<unsigned char>(bytes[0]);
  if (major < 1 || major > 3)
    return invalid("unknown format version");
  auto byteAt = [&](size_t i) {
    return uint64_t(static_cast<unsigned char>(bytes[i]));
  };
  uint64_t headerSize = byteAt(2) | byteAt(3) << 8;
  size_t prefix = 4;
  if (major > 1) {
    if (bytes.size() < 6)
      return invalid("truncated header");
    headerSize |= byteAt(4) << 16 | byteAt(5) << 24;
    prefix = 6;
  }
  if (headerSize > bytes.size() - prefix)
    return invalid("truncated header");
  StringRef header = bytes.substr(prefix, headerSize);
  StringRef data = bytes.drop_front(prefix + headerSize);

  StringRef descr;
  bool fortranOrder;
  SmallVector<int64_t> shape;
  if (!parseHeader(header, descr, fortranOrder, shape))
    return invalid("unreadable header");
  Type elementType = getElementType(context, descr);
  if (!elementType)
    return emitError(loc) << "'" << path << "' has dtype '" << descr
                          << "', which is not supported";
  uint64_t count = 1;
  for (int64_t dim : shape)
    if (dim && count > std::numeric_limits<uint64_t>::max() / dim)
      return invalid("its shape overflows");
    else
      count *= dim;
  if (fortranOrder && shape.size() > 1 && count > 1)
    return emitError(loc) << "'" << path
                          << "' is in Fortran order; save it in C order";
  uint64_t elementBytes =
      elementType.isInteger(1) ? 1 : elementType.getIntOrFloatBitWidth() / 8;
  if (count > data.size() / elementBytes || count * elementBytes != data.size())
    return invalid(("it holds " + Twine(data.size()) + " data bytes, not " +
                    Twine(count) + " elements of " + Twine(elementBytes))
                       .str());
  auto type = RankedTensorType::get(shape, elementType);
  if (elementType.isInteger(1)) {
    SmallVector<bool> values;
    for (char byte : data)
      values.push_back(byte != 0);
    return DenseElementsAttr::get(type, values);
  }
  return DenseElementsAttr::getFromRawBuffer(
      type, ArrayRef<char>(data.data(), data.size()));
}

} // namespace aotc
