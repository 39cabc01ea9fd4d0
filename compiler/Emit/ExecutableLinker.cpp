//===- ExecutableLinker.cpp - Linking a static executable with lld --------===//

#include "compiler/Emit/ExecutableLinker.h"

#include "lld/Common/Driver.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

LLD_HAS_DRIVER(elf)

using namespace llvm;

namespace aotc {

Error linkExecutable(ArrayRef<char> object, StringRef runtimeArchive,
                     StringRef outputPath) {
  if (!sys::fs::exists(runtimeArchive))
    return createStringError("the runtime archive '" + runtimeArchive.str() +
                             "' is missing (is aotc installed completely?)");
  SmallString<128> objectPath;
  if (std::error_code ec =
          sys::fs::createTemporaryFile("aotc-model", "o", objectPath))
    return createStringError("cannot create a temporary file: " + ec.message());
  FileRemover removeObject(objectPath);
  {
    std::error_code ec;
    raw_fd_ostream os(objectPath, ec);
    if (ec)
      return createStringError("cannot write '" + objectPath.str().str() +
                               "': " + ec.message());
    os.write(object.data(), object.size());
  }

  std::string output = outputPath.str(), archive = runtimeArchive.str();
  std::string objectFile = objectPath.str().str();
  const char *args[] = {"ld.lld",
                        "-static",
                        "--gc-sections",
                        "--no-dynamic-linker",
                        "-z",
                        "noexecstack",
                        "-e",
                        "_start",
                        "-o",
                        output.c_str(),
                        objectFile.c_str(),
                        archive.c_str()};
  std::string messages;
  raw_string_ostream out(messages), err(messages);
  lld::Result result =
      lld::lldMain(args, out, err, {{lld::Gnu, &lld::elf::link}});
  if (result.retCode != 0) {
    StringRef first = StringRef(messages).split('\n').first;
    return createStringError("linking failed: " + first.str());
  }
  return Error::success();
}

} // namespace aotc
