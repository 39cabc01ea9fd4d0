//===- RegressionMain.cpp - Runs a fuzz target over files, without libFuzzer =//
//
// Linked into the fuzz targets of a build without -DAOTC_FUZZ=ON, so that
// the normal ctest runs every checked-in seed and crasher through the same
// entry point as the fuzzer: a crasher that crashes again fails the test.
// Arguments are files or folders (each file in them, sorted); arguments
// starting with '-' are libFuzzer options and are ignored.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/// Appends `path`, or the files in it when it is a folder, to `files`.
static bool collect(llvm::StringRef path, std::vector<std::string> &files) {
  if (!llvm::sys::fs::is_directory(path)) {
    files.push_back(path.str());
    return true;
  }
  std::vector<std::string> found;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(path, ec), end; !ec && it != end;
       it.increment(ec))
    if (!llvm::sys::fs::is_directory(it->path()))
      found.push_back(it->path());
  if (ec) {
    llvm::errs() << path << ": " << ec.message() << "\n";
    return false;
  }
  llvm::sort(found);
  llvm::append_range(files, found);
  return true;
}

int main(int argc, char **argv) {
  LLVMFuzzerInitialize(&argc, &argv);
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i)
    if (argv[i][0] != '-' && !collect(argv[i], files))
      return 1;
  for (const std::string &file : files) {
    auto buffer = llvm::MemoryBuffer::getFile(file, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (!buffer) {
      llvm::errs() << file << ": " << buffer.getError().message() << "\n";
      return 1;
    }
    llvm::StringRef bytes = (*buffer)->getBuffer();
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.data()),
                           bytes.size());
  }
  llvm::outs() << "ran " << files.size() << " inputs\n";
  return 0;
}
