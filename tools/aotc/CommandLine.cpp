//===- CommandLine.cpp - aotc's own options, one-line errors --------------===//

#include "CommandLine.h"

#include "dialects/ONNX/Import/Names.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <cstdio>
#include <unistd.h>

using namespace llvm;

namespace aotc {

void keepOnlyOptions(cl::OptionCategory &category,
                     cl::OptionCategory &mlirCategory,
                     ArrayRef<StringRef> mlirOptions) {
  SmallVector<cl::Option *> foreign;
  for (auto &[name, option] : cl::getRegisteredOptions()) {
    if (is_contained(mlirOptions, name)) {
      option->addCategory(mlirCategory);
      continue;
    }
    if (name == "help" || name == "help-hidden" || name == "version" ||
        is_contained(option->Categories, &category))
      continue;
    foreign.push_back(option);
  }
  // Removing while iterating would invalidate the map's iterators.
  for (cl::Option *option : foreign)
    option->removeArgument();
  // --help shows the generic options beside aotc's and MLIR's.
  cl::HideUnrelatedOptions(
      {&category, &mlirCategory, &cl::getGeneralCategory()});
}

void reportCommandLineError(raw_ostream &errors, const Twine &message) {
  // Arguments may hold any byte; escaped, they cannot break the line.
  errors << "aotc: error: " << onnx::escapeName(message.str()) << "\n";
}

/// Rewords the first of LLVM's messages (`aotc: Unknown command line
/// argument '-x'.  Try: ...` and the like, with more lines after it).
static std::string rewordParseError(StringRef messages) {
  StringRef line = messages.split('\n').first.trim();
  line.consume_front("aotc: ");
  if (line.consume_front("Unknown command line argument '")) {
    StringRef argument = line.split("'.").first;
    return ("unknown option '" + argument + "' (see aotc --help)").str();
  }
  // "for the --emit option: Cannot find option named 'foo'!"
  StringRef option, problem;
  if (line.consume_front("for the ")) {
    std::tie(option, problem) = line.split(" option: ");
    problem.consume_back("!");
    if (problem.consume_front("Cannot find option named '") &&
        problem.consume_back("'"))
      return (option + ": unknown value '" + problem + "' (see aotc --help)")
          .str();
    std::string reworded = problem.str();
    if (!reworded.empty())
      reworded[0] = toLower(reworded[0]);
    return (option + ": " + reworded).str();
  }
  line.consume_back("!");
  return line.str();
}

namespace {
/// LLVM prints a bad option value's error straight to stderr, whatever
/// stream ParseCommandLineOptions is given; while this lives, stderr goes to
/// a temporary file so that the message can be reworded too.
class StderrCapture {
public:
  StderrCapture()
      : file(std::tmpfile()), saved(file ? dup(STDERR_FILENO) : -1) {
    if (saved >= 0)
      dup2(fileno(file), STDERR_FILENO);
  }
  ~StderrCapture() { release(); }

  /// Restores stderr and returns what was written to it.
  std::string release() {
    std::string text;
    if (saved >= 0) {
      dup2(saved, STDERR_FILENO);
      close(saved);
      saved = -1;
      std::rewind(file);
      char chunk[512];
      while (size_t size = std::fread(chunk, 1, sizeof(chunk), file))
        text.append(chunk, size);
    }
    if (file)
      std::fclose(file);
    file = nullptr;
    return text;
  }

private:
  std::FILE *file;
  int saved;
};
} // namespace

bool parseCommandLine(int argc, const char *const *argv, StringRef overview,
                      raw_ostream &errors) {
  std::string messages;
  raw_string_ostream parseErrors(messages);
  StderrCapture capture;
  bool parsed = cl::ParseCommandLineOptions(argc, argv, overview, &parseErrors);
  std::string printed = capture.release();
  if (parsed) {
    errors << printed;
    return true;
  }
  reportCommandLineError(errors, rewordParseError(printed + messages));
  return false;
}

} // namespace aotc
