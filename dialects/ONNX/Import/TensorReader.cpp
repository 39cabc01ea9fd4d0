//===- TensorReader.cpp - TensorProto to elements attributes --------------===//
//
// Where a tensor's bytes come from, in order of preference:
//   - external data: a slice of a file beside the model, memory-mapped;
//   - `raw_data`: the protobuf string is released and owned by the blob, so
//     the weights are never copied;
//   - the typed fields (`float_data`, `int32_data`, ...): converted into a
//     new blob, and the field is freed right away.
// The byte count is checked against the tensor's shape and element type.
//
//===----------------------------------------------------------------------===//

#include "dialects/ONNX/Import/TensorReader.h"
#include "dialects/ONNX/IR/DataTypes.h"

#include "dialects/ONNX/Import/Names.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Alignment.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <onnx/onnx_pb.h>

#include <cstring>
#include <memory>

using namespace mlir;

namespace aotc::onnx {

using ::onnx::TensorProto;

std::string getDataTypeName(int32_t dataType) {
  if (dataType == TensorProto::UNDEFINED)
    return "undefined";
  if (!TensorProto::DataType_IsValid(dataType))
    return "#" + std::to_string(dataType);
  return llvm::StringRef(TensorProto::DataType_Name(
                             static_cast<TensorProto::DataType>(dataType)))
      .lower();
}

/// Bytes per element in ONNX's (and the resource's) dense layout: booleans
/// take one byte each.
static size_t getStorageBytes(Type elementType) {
  if (auto complex = dyn_cast<ComplexType>(elementType))
    return 2 * getStorageBytes(complex.getElementType());
  return llvm::divideCeil(elementType.getIntOrFloatBitWidth(), 8);
}

/// The alignment the blob of `elementType` elements needs.
static size_t getStorageAlignment(Type elementType) {
  if (auto complex = dyn_cast<ComplexType>(elementType))
    return getStorageBytes(complex.getElementType());
  return getStorageBytes(elementType);
}

namespace {

/// Reads one tensor: shape, element type, bytes.
class TensorRead {
public:
  TensorRead(const TensorReader &reader, TensorProto &tensor, Location loc,
             StringRef what)
      : reader(reader), tensor(tensor), loc(loc), what(what) {}

  FailureOr<ElementsAttr> run(StringRef resourceName, bool allowInline);

private:
  LogicalResult readType();
  FailureOr<AsmResourceBlob> readExternal();
  FailureOr<AsmResourceBlob> readRaw();
  FailureOr<AsmResourceBlob> readTyped();
  /// The tensor type as the IR spells it, for messages.
  std::string typeName() const {
    std::string text;
    llvm::raw_string_ostream os(text);
    type.print(os);
    return text;
  }
  /// Copies `bytes` into a new blob of the right alignment. The bytes of a
  /// zero-size tensor may have a null data pointer, which memcpy must not
  /// see even for no bytes.
  AsmResourceBlob copyBlob(ArrayRef<char> bytes) const {
    if (bytes.empty())
      return HeapAsmResourceBlob::allocate(0, alignment);
    return HeapAsmResourceBlob::allocateAndCopyWithAlign(bytes, alignment);
  }

  const TensorReader &reader;
  TensorProto &tensor;
  Location loc;
  StringRef what;

  RankedTensorType type;
  size_t elementBytes = 0;
  size_t alignment = 1;
  uint64_t numElements = 1;
  uint64_t numBytes = 0;
};

} // namespace

LogicalResult TensorRead::readType() {
  Type elementType =
      getElementTypeOfDataType(reader.context, tensor.data_type());
  if (!elementType)
    return emitError(loc) << what << " has element type '"
                          << getDataTypeName(tensor.data_type())
                          << "', which is not supported";
  SmallVector<int64_t> shape;
  elementBytes = getStorageBytes(elementType);
  alignment = getStorageAlignment(elementType);
  for (int64_t dim : tensor.dims()) {
    if (dim < 0)
      return emitError(loc) << what << " has a negative dimension " << dim;
    // Keep the byte count representable (and below 2^62).
    if (dim != 0 && numElements > (uint64_t(1) << 62) / elementBytes / dim)
      return emitError(loc) << what << " has too many elements";
    numElements *= dim;
    shape.push_back(dim);
  }
  numBytes = numElements * elementBytes;
  type = RankedTensorType::get(shape, elementType);
  return success();
}

/// Whether `location` stays inside the model's folder: it is relative and
/// has no `..` component (either separator).
static bool staysInFolder(StringRef location) {
  if (location.empty() || location.front() == '/' || location.front() == '\\' ||
      llvm::sys::path::is_absolute(location) ||
      (location.size() > 1 && location[1] == ':'))
    return false;
  SmallVector<StringRef> components;
  SplitString(location, components, "/\\");
  return !llvm::is_contained(components, "..");
}

/// Whether the real path `path` lies inside the real folder `folder`.
static bool isUnderFolder(StringRef path, StringRef folder) {
  if (!path.starts_with(folder))
    return false;
  StringRef rest = path.drop_front(folder.size());
  return !rest.empty() && (llvm::sys::path::is_separator(rest.front()) ||
                           llvm::sys::path::is_separator(folder.back()));
}

FailureOr<AsmResourceBlob> TensorRead::readExternal() {
  std::string location, locationText;
  std::optional<uint64_t> offset, length;
  for (const auto &entry : tensor.external_data()) {
    StringRef key = entry.key();
    if (key == "location") {
      location = entry.value();
      locationText = escapeName(location);
      continue;
    }
    if (key != "offset" && key != "length")
      continue; // checksum and others are informative
    uint64_t value;
    if (StringRef(entry.value()).getAsInteger(10, value))
      return emitError(loc)
             << "external data " << key << " '" << escapeName(entry.value())
             << "' of " << what << " is not a number";
    (key == "offset" ? offset : length) = value;
  }
  if (location.empty())
    return emitError(loc) << what
                          << " is stored externally but has no 'location'";
  // The file system would stop at the NUL, at another file's name.
  if (StringRef(location).contains('\0'))
    return emitError(loc) << "external data location '" << locationText
                          << "' holds a NUL byte";
  if (!staysInFolder(location))
    return emitError(loc) << "external data location '" << locationText
                          << "' escapes the model's folder";

  SmallString<256> named(reader.modelFolder);
  llvm::sys::path::append(named, location);
  // A symbolic link on the way may still lead out of the folder: compare the
  // real paths, and read the file through the real one.
  SmallString<256> path, folder;
  if (std::error_code ec = llvm::sys::fs::real_path(named, path)) {
    if (ec == std::errc::no_such_file_or_directory)
      return emitError(loc)
             << "external data file '" << locationText << "' not found";
    return emitError(loc) << "cannot read external data file '" << locationText
                          << "': " << ec.message();
  }
  if (llvm::sys::fs::real_path(reader.modelFolder, folder) ||
      !isUnderFolder(path, folder))
    return emitError(loc) << "external data location '" << locationText
                          << "' escapes the model's folder (through a "
                             "symbolic link)";
  llvm::sys::fs::file_status status;
  if (std::error_code ec = llvm::sys::fs::status(path, status))
    return emitError(loc) << "cannot read external data file '" << locationText
                          << "': " << ec.message();
  if (status.type() != llvm::sys::fs::file_type::regular_file)
    return emitError(loc) << "external data file '" << locationText
                          << "' is not a regular file";
  uint64_t fileSize = status.getSize();
  uint64_t start = offset.value_or(0);
  if (start > fileSize)
    return emitError(loc) << "external data offset " << start << " of " << what
                          << " lies beyond the end of '" << locationText
                          << "' (" << fileSize << " bytes)";
  uint64_t size = length.value_or(fileSize - start);
  if (size > fileSize - start)
    return emitError(loc) << "external data of " << what << " (offset " << start
                          << ", length " << size << ") lies beyond the end of '"
                          << locationText << "' (" << fileSize << " bytes)";
  if (size != numBytes)
    return emitError(loc) << what << " holds " << size
                          << " bytes, but its type " << typeName() << " needs "
                          << numBytes;
  if (size == 0)
    return copyBlob({});

  auto buffer = llvm::MemoryBuffer::getFileSlice(path, size, start,
                                                 /*IsVolatile=*/false);
  if (!buffer)
    return emitError(loc) << "cannot read external data file '" << locationText
                          << "': " << buffer.getError().message();
  std::unique_ptr<llvm::MemoryBuffer> owned = std::move(*buffer);
  if (owned->getBufferSize() != size)
    return emitError(loc) << "external data file '" << locationText
                          << "' is shorter than expected";
  ArrayRef<char> bytes(owned->getBufferStart(), size);
  if (!llvm::isAddrAligned(llvm::Align(alignment), bytes.data()))
    return copyBlob(bytes);
  // The mapped file stays alive as long as the blob.
  llvm::MemoryBuffer *raw = owned.release();
  return AsmResourceBlob(
      bytes, alignment, [raw](void *, size_t, size_t) { delete raw; },
      /*dataIsMutable=*/false);
}

FailureOr<AsmResourceBlob> TensorRead::readRaw() {
  if (tensor.raw_data().size() != numBytes)
    return emitError(loc) << what << " holds " << tensor.raw_data().size()
                          << " bytes, but its type " << typeName() << " needs "
                          << numBytes;
  // Take the string over: its buffer becomes the blob, without a copy.
  std::unique_ptr<std::string> owned(tensor.release_raw_data());
  if (!owned)
    return copyBlob({});
  ArrayRef<char> bytes(owned->data(), owned->size());
  if (!llvm::isAddrAligned(llvm::Align(alignment), bytes.data()))
    return copyBlob(bytes);
  std::string *raw = owned.release();
  return AsmResourceBlob(
      bytes, alignment, [raw](void *, size_t, size_t) { delete raw; },
      /*dataIsMutable=*/true);
}

/// Writes `values` into `out`, each converted to `To`.
template <typename To, typename From>
static void convertInto(const google::protobuf::RepeatedField<From> &values,
                        MutableArrayRef<char> out) {
  for (auto [i, value] : llvm::enumerate(values)) {
    To converted = static_cast<To>(value);
    std::memcpy(out.data() + i * sizeof(To), &converted, sizeof(To));
  }
}

/// Frees a repeated field's storage (Clear keeps the capacity).
template <typename T>
static void freeField(google::protobuf::RepeatedField<T> *field) {
  google::protobuf::RepeatedField<T>().Swap(field);
}

FailureOr<AsmResourceBlob> TensorRead::readTyped() {
  Type elementType = type.getElementType();
  bool isComplex = isa<ComplexType>(elementType);
  uint64_t valuesNeeded = numElements * (isComplex ? 2 : 1);
  AsmResourceBlob blob = HeapAsmResourceBlob::allocate(numBytes, alignment);
  MutableArrayRef<char> out = blob.getMutableData();

  auto checkCount = [&](size_t count, const char *field) -> LogicalResult {
    if (count == valuesNeeded)
      return success();
    return emitError(loc) << what << " has " << count << " values in " << field
                          << ", but its type " << typeName() << " needs "
                          << valuesNeeded;
  };

  switch (tensor.data_type()) {
  case TensorProto::FLOAT:
  case TensorProto::COMPLEX64:
    if (failed(checkCount(tensor.float_data_size(), "float_data")))
      return failure();
    convertInto<float>(tensor.float_data(), out);
    freeField(tensor.mutable_float_data());
    break;
  case TensorProto::DOUBLE:
  case TensorProto::COMPLEX128:
    if (failed(checkCount(tensor.double_data_size(), "double_data")))
      return failure();
    convertInto<double>(tensor.double_data(), out);
    freeField(tensor.mutable_double_data());
    break;
  case TensorProto::INT64:
    if (failed(checkCount(tensor.int64_data_size(), "int64_data")))
      return failure();
    convertInto<int64_t>(tensor.int64_data(), out);
    freeField(tensor.mutable_int64_data());
    break;
  case TensorProto::UINT32:
    if (failed(checkCount(tensor.uint64_data_size(), "uint64_data")))
      return failure();
    convertInto<uint32_t>(tensor.uint64_data(), out);
    freeField(tensor.mutable_uint64_data());
    break;
  case TensorProto::UINT64:
    if (failed(checkCount(tensor.uint64_data_size(), "uint64_data")))
      return failure();
    convertInto<uint64_t>(tensor.uint64_data(), out);
    freeField(tensor.mutable_uint64_data());
    break;
  default: {
    // int32_data holds int32, int16, int8, uint16, uint8 and bool values,
    // and the bits of float16 and bfloat16 values.
    if (failed(checkCount(tensor.int32_data_size(), "int32_data")))
      return failure();
    switch (elementBytes) {
    case 1:
      if (elementType.isInteger(1))
        for (auto [i, value] : llvm::enumerate(tensor.int32_data()))
          out[i] = value != 0;
      else
        convertInto<uint8_t>(tensor.int32_data(), out);
      break;
    case 2:
      convertInto<uint16_t>(tensor.int32_data(), out);
      break;
    default:
      convertInto<int32_t>(tensor.int32_data(), out);
      break;
    }
    freeField(tensor.mutable_int32_data());
    break;
  }
  }
  return blob;
}

/// Whether `tensor` has values in any typed field.
static bool hasTypedData(const TensorProto &tensor) {
  return tensor.float_data_size() || tensor.int32_data_size() ||
         tensor.int64_data_size() || tensor.double_data_size() ||
         tensor.uint64_data_size() || tensor.string_data_size();
}

FailureOr<ElementsAttr> TensorRead::run(StringRef resourceName,
                                        bool allowInline) {
  if (tensor.data_type() == TensorProto::STRING)
    return emitError(loc) << what << " holds strings, which are not supported";
  if (failed(readType()))
    return failure();

  // A segment is one piece of a tensor stored across several protos; read
  // alone it would pass for the whole.
  if (tensor.has_segment())
    return emitError(loc)
           << what << " is a segment of a tensor, which is not supported";
  // A tensor has one source of values (the ONNX checker says so); reading
  // one of two would silently drop the other.
  bool external = tensor.data_location() == TensorProto::EXTERNAL;
  if ((external || hasTypedData(tensor)) && tensor.has_raw_data())
    return emitError(loc) << what << " has values both in raw_data and in "
                          << (external ? "external data" : "a typed field");
  if (external && hasTypedData(tensor))
    return emitError(loc) << what
                          << " has values both in external data and in a "
                             "typed field";

  FailureOr<AsmResourceBlob> blob;
  if (external)
    blob = readExternal();
  else if (tensor.has_raw_data() || !hasTypedData(tensor))
    blob = readRaw();
  else
    blob = readTyped();
  if (failed(blob))
    return failure();

  if (allowInline && numBytes <= TensorReader::kMaxInlineBytes) {
    ArrayRef<char> bytes = blob->getData();
    if (type.getElementType().isInteger(1)) {
      SmallVector<bool> bits;
      for (char byte : bytes)
        bits.push_back(byte != 0);
      return cast<ElementsAttr>(DenseElementsAttr::get(type, bits));
    }
    return cast<ElementsAttr>(DenseElementsAttr::getFromRawBuffer(type, bytes));
  }
  return cast<ElementsAttr>(DenseResourceElementsAttr::get(
      type, sanitizeResourceName(resourceName), std::move(*blob)));
}

FailureOr<ElementsAttr> TensorReader::read(TensorProto &tensor, Location loc,
                                           StringRef what,
                                           StringRef resourceName,
                                           bool allowInline) const {
  return TensorRead(*this, tensor, loc, what).run(resourceName, allowInline);
}

} // namespace aotc::onnx
