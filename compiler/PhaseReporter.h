//===- PhaseReporter.h - Where a long compilation stands -------*- C++ -*-===//
//
// With -v, each phase of a compilation prints one line on stderr as it ends,
// with its wall time and the compiler's peak RSS. Without -v, on a terminal,
// a compilation that runs longer than a moment shows one progress line,
// redrawn in place and erased before any other output and at the end.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_COMPILER_PHASEREPORTER_H
#define AOTC_COMPILER_PHASEREPORTER_H

#include "mlir/Support/Timing.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace aotc {

class PhaseReporter {
public:
  enum class Mode { Quiet, Verbose, Progress };

  /// Progress is drawn on file descriptor 2, which must be the terminal
  /// `errors` writes to.
  PhaseReporter(Mode mode, llvm::raw_ostream &errors);
  ~PhaseReporter() { finish(); }

  /// Erases the progress line for good; with -v, prints the total time.
  void finish();

  void beginPhase(llvm::StringRef name);
  /// With -v, prints the phase's line.
  void endPhase();

  /// What the compilation writes on stderr goes through this: the progress
  /// line is erased first.
  llvm::raw_ostream &errors() { return *errorStream; }

private:
  class ErasingStream;
  using Clock = std::chrono::steady_clock;

  void drawProgress();
  /// Callers hold `mutex`.
  void eraseProgress();

  Mode mode;
  llvm::raw_ostream &errorsOut;
  std::unique_ptr<llvm::raw_ostream> errorStream;
  Clock::time_point compilationStart = Clock::now();
  Clock::time_point phaseStart;
  std::string phase;

  // Progress mode: the drawing thread and what it shares.
  std::mutex mutex;
  std::condition_variable wakeUp;
  bool stopping = false;
  bool finished = false;
  size_t progressWidth = 0;
  std::unique_ptr<llvm::raw_fd_ostream> terminal;
  std::thread drawer;
};

/// A phase of the compilation, both timed for --mlir-timing (nested in
/// `parent`) and reported. Ends when stopped or destroyed.
class Phase {
public:
  Phase(mlir::TimingScope &parent, PhaseReporter &reporter,
        llvm::StringRef name);
  Phase(Phase &&) = delete;
  ~Phase() { stop(); }

  mlir::TimingScope &getTimer() { return timer; }
  void stop();

private:
  mlir::TimingScope timer;
  PhaseReporter *reporter;
};

} // namespace aotc

#endif // AOTC_COMPILER_PHASEREPORTER_H
