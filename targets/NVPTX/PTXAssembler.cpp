//===- PTXAssembler.cpp - ptxas, run from aotc ----------------------------===//

#include "targets/NVPTX/PTXAssembler.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace aotc {

std::string getPTXAssemblerPath() {
  if (std::optional<std::string> path = sys::Process::GetEnv("AOTC_PTXAS"))
    return *path;
  return "/usr/local/cuda/bin/ptxas";
}

/// libdevice inside a CUDA Toolkit folder.
static std::string getLibDevicePath(StringRef toolkit) {
  SmallString<128> path(toolkit);
  sys::path::append(path, "nvvm", "libdevice", "libdevice.10.bc");
  return path.str().str();
}

Expected<std::string> getCUDAToolkitPath() {
  // <toolkit>/bin/ptxas; else the default installation.
  std::string besidePTXAS =
      sys::path::parent_path(sys::path::parent_path(getPTXAssemblerPath()))
          .str();
  for (StringRef toolkit :
       {StringRef(besidePTXAS), StringRef("/usr/local/cuda")})
    if (sys::fs::exists(getLibDevicePath(toolkit)))
      return toolkit.str();
  return createStringError(
      "the CUDA Toolkit's libdevice (math functions for kernels) is missing: "
      "expected " +
      getLibDevicePath("/usr/local/cuda") +
      " (install the CUDA Toolkit or set AOTC_PTXAS to its ptxas)");
}

Error checkPTXAssembler() {
  std::string ptxas = getPTXAssemblerPath();
  if (sys::fs::can_execute(ptxas))
    return Error::success();
  return createStringError(
      "ptxas not found at '" + ptxas +
      "' (install the CUDA Toolkit or set AOTC_PTXAS to ptxas's path)");
}

/// A temporary file that is removed when this goes out of scope.
struct TemporaryFile {
  SmallString<128> path;
  FileRemover remover;
};

static Error createTemporary(StringRef suffix, TemporaryFile &file) {
  if (std::error_code ec =
          sys::fs::createTemporaryFile("aotc-kernels", suffix, file.path))
    return createStringError("cannot create a temporary file: " + ec.message());
  file.remover.setFile(file.path);
  return Error::success();
}

Expected<SmallVector<char, 0>> assemblePTX(StringRef ptx, StringRef arch) {
  if (Error error = checkPTXAssembler())
    return std::move(error);
  std::string ptxas = getPTXAssemblerPath();
  TemporaryFile input, output, messages;
  if (Error error = createTemporary("ptx", input))
    return std::move(error);
  if (Error error = createTemporary("cubin", output))
    return std::move(error);
  if (Error error = createTemporary("log", messages))
    return std::move(error);
  {
    std::error_code ec;
    raw_fd_ostream os(input.path, ec);
    if (ec)
      return createStringError("cannot write '" + input.path.str().str() +
                               "': " + ec.message());
    os << ptx;
  }
  std::string archFlag = ("-arch=" + arch).str();
  StringRef args[] = {ptxas, archFlag, "-O3", input.path, "-o", output.path};
  std::optional<StringRef> redirects[] = {std::nullopt, messages.path.str(),
                                          messages.path.str()};
  std::string failure;
  int status =
      sys::ExecuteAndWait(ptxas, args, std::nullopt, redirects, 0, 0, &failure);
  if (status != 0) {
    std::string firstLine = "exit code " + std::to_string(status);
    if (auto log = MemoryBuffer::getFile(messages.path)) {
      StringRef text = (*log)->getBuffer().trim();
      if (!text.empty())
        firstLine = text.split('\n').first.str();
    }
    if (!failure.empty())
      firstLine = failure;
    return createStringError("ptxas failed: " + firstLine);
  }
  auto cubin = MemoryBuffer::getFile(output.path, /*IsText=*/false,
                                     /*RequiresNullTerminator=*/false);
  if (!cubin)
    return createStringError("cannot read ptxas's output: " +
                             cubin.getError().message());
  StringRef bytes = (*cubin)->getBuffer();
  return SmallVector<char, 0>(bytes.begin(), bytes.end());
}

} // namespace aotc
