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

/// Runs lld on `args` (after the program name) with the model object,
/// written to a temporary file, in place of `%object`.
static Error runLinker(ArrayRef<char> object, StringRef runtimeArchive,
                       ArrayRef<std::string> args) {
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

  SmallVector<const char *> argv{"ld.lld"};
  for (const std::string &arg : args)
    argv.push_back(arg == "%object" ? objectPath.c_str() : arg.c_str());
  std::string messages;
  raw_string_ostream out(messages), err(messages);
  lld::Result result =
      lld::lldMain(argv, out, err, {{lld::Gnu, &lld::elf::link}});
  if (result.retCode != 0) {
    StringRef first = StringRef(messages).split('\n').first;
    return createStringError("linking failed: " + first.str());
  }
  return Error::success();
}

Error linkExecutable(ArrayRef<char> object, StringRef runtimeArchive,
                     StringRef outputPath) {
  return runLinker(object, runtimeArchive,
                   {"-static", "--gc-sections", "--no-dynamic-linker", "-z",
                    "noexecstack", "-e", "_start", "-o", outputPath.str(),
                    "%object", runtimeArchive.str()});
}

/// Where Debian and most x86-64 distributions keep glibc.
static const char *const libcFolders[] = {"/usr/lib/x86_64-linux-gnu",
                                          "/lib/x86_64-linux-gnu", "/usr/lib64",
                                          "/lib64"};

static std::optional<std::string> findLibCFile(StringRef name) {
  for (const char *folder : libcFolders) {
    SmallString<128> path(folder);
    sys::path::append(path, name);
    if (sys::fs::exists(path))
      return path.str().str();
  }
  return std::nullopt;
}

Error linkLibCExecutable(ArrayRef<char> object, StringRef runtimeArchive,
                         StringRef outputPath) {
  SmallVector<std::string> files;
  for (StringRef name :
       {"crt1.o", "crti.o", "crtn.o", "libc.so.6", "libc_nonshared.a"}) {
    std::optional<std::string> path = findLibCFile(name);
    if (!path)
      return createStringError(
          "the C library's " + name.str() +
          " is missing on this machine (install glibc's development files, "
          "e.g. libc6-dev)");
    files.push_back(*path);
  }
  return runLinker(object, runtimeArchive,
                   {"--eh-frame-hdr", "-dynamic-linker",
                    "/lib64/ld-linux-x86-64.so.2", "--gc-sections",
                    "--as-needed", "-z", "noexecstack", "-z", "relro", "-o",
                    outputPath.str(), files[0], files[1], "%object",
                    runtimeArchive.str(), files[3], files[4], files[2]});
}

} // namespace aotc
