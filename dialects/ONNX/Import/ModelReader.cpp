//===- ModelReader.cpp - Reading a ModelProto from a file -----------------===//
//
// The file is streamed through protobuf's FileInputStream, never read into
// one buffer first: the parsed model is the only copy of the weights.
//
//===----------------------------------------------------------------------===//

#include "dialects/ONNX/Import/ModelReader.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/io/zero_copy_stream_impl.h>
#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/text_format.h>
#include <onnx/onnx_pb.h>

#include <climits>
#include <cstring>

using namespace mlir;

namespace aotc::onnx {

/// `message` with its first letter in lower case, as our messages are.
static std::string lowerFirst(StringRef message) {
  if (message.empty())
    return std::string();
  return llvm::toLower(message.front()) + message.drop_front().str();
}

namespace {

/// Keeps protobuf quiet while it lives: parse failures are reported by us,
/// as one located error, never as protobuf's own stderr lines.
class SilentProtobufLog {
public:
  SilentProtobufLog()
      : previous(google::protobuf::SetLogHandler([](google::protobuf::LogLevel,
                                                    const char *, int,
                                                    const std::string &) {})) {}
  ~SilentProtobufLog() { google::protobuf::SetLogHandler(previous); }

private:
  google::protobuf::LogHandler *previous;
};

/// Keeps the first error of the text-format parser.
class FirstErrorCollector : public google::protobuf::io::ErrorCollector {
public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string &message) override {
    if (!error.empty())
      return;
    // Protobuf counts lines and columns from 0.
    error = "line " + std::to_string(line + 1) + ", column " +
            std::to_string(column + 1) + ": " +
            lowerFirst(StringRef(message).rtrim(". "));
  }
  std::string error;
};

/// Closes a file descriptor when it goes out of scope.
struct FileCloser {
  int fd;
  ~FileCloser() { llvm::sys::fs::closeFile(fd); }
};

} // namespace

static bool isTextFormat(StringRef path) {
  return path.ends_with(".pbtxt") || path.ends_with(".textproto");
}

LogicalResult readModelFile(StringRef path, Location fileLoc,
                            ::onnx::ModelProto &model) {
  llvm::sys::fs::file_status status;
  if (std::error_code ec = llvm::sys::fs::status(path, status)) {
    if (ec == std::errc::no_such_file_or_directory)
      return emitError(fileLoc) << "cannot read the model: file not found";
    return emitError(fileLoc)
           << "cannot read the model: " << lowerFirst(ec.message());
  }
  if (status.type() == llvm::sys::fs::file_type::directory_file)
    return emitError(fileLoc) << "cannot read the model: it is a directory";
  if (status.getSize() > uint64_t(INT_MAX))
    return emitError(fileLoc)
           << "the model file is larger than 2 GB; store its weights as "
              "external data";

  int fd;
  if (std::error_code ec = llvm::sys::fs::openFileForRead(path, fd))
    return emitError(fileLoc)
           << "cannot read the model: " << lowerFirst(ec.message());
  FileCloser closer{fd};

  SilentProtobufLog silence;
  google::protobuf::io::FileInputStream input(fd);
  if (isTextFormat(path)) {
    FirstErrorCollector errors;
    google::protobuf::TextFormat::Parser parser;
    parser.RecordErrorsTo(&errors);
    bool parsed = parser.Parse(&input, &model);
    if (input.GetErrno())
      return emitError(fileLoc) << "cannot read the model: "
                                << lowerFirst(std::strerror(input.GetErrno()));
    if (!parsed)
      return emitError(fileLoc)
             << "not a valid ONNX text model ("
             << (errors.error.empty() ? "text format parse failed"
                                      : errors.error)
             << ")";
    return success();
  }

  if (status.getSize() == 0)
    return emitError(fileLoc) << "not a valid ONNX model (the file is empty)";
  bool parsed;
  {
    google::protobuf::io::CodedInputStream coded(&input);
    coded.SetTotalBytesLimit(INT_MAX);
    // Garbage may parse as a prefix of a message: all bytes must be used.
    parsed = model.ParseFromCodedStream(&coded) &&
             uint64_t(coded.CurrentPosition()) == status.getSize();
  }
  if (input.GetErrno())
    return emitError(fileLoc) << "cannot read the model: "
                              << lowerFirst(std::strerror(input.GetErrno()));
  if (!parsed)
    return emitError(fileLoc)
           << "not a valid ONNX model (protobuf parse failed)";
  return success();
}

} // namespace aotc::onnx
