//===- PhaseReporter.cpp - Where a long compilation stands ----------------===//

#include "compiler/PhaseReporter.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

#include <sys/resource.h>
#include <unistd.h>

using namespace llvm;

namespace aotc {

/// A progress line appears once a compilation has run this long.
static constexpr std::chrono::seconds progressDelay(2);

/// The process's peak resident set so far.
static uint64_t getPeakRSSMiB() {
  struct rusage usage;
  if (getrusage(RUSAGE_SELF, &usage) != 0)
    return 0;
#ifdef __APPLE__
  return usage.ru_maxrss >> 20; // bytes
#else
  return usage.ru_maxrss >> 10; // KiB
#endif
}

static double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

/// "Shape inference" reads as "shape inference" within a line; "LLVM ..."
/// keeps its capitals.
static std::string inLine(StringRef phase) {
  std::string text = phase.str();
  if (text.size() > 1 && !isUpper(text[1]))
    text[0] = toLower(text[0]);
  return text;
}

/// Forwards to the compilation's error stream, erasing the progress line
/// before each write.
class PhaseReporter::ErasingStream : public raw_ostream {
public:
  ErasingStream(PhaseReporter &reporter)
      : raw_ostream(/*unbuffered=*/true), reporter(reporter) {}

private:
  void write_impl(const char *ptr, size_t size) override {
    std::lock_guard<std::mutex> lock(reporter.mutex);
    reporter.eraseProgress();
    reporter.errorsOut.write(ptr, size);
    reporter.errorsOut.flush();
  }
  uint64_t current_pos() const override { return reporter.errorsOut.tell(); }

  PhaseReporter &reporter;
};

PhaseReporter::PhaseReporter(Mode mode, raw_ostream &errors)
    : mode(mode), errorsOut(errors),
      errorStream(std::make_unique<ErasingStream>(*this)) {
  if (mode != Mode::Progress)
    return;
  // Its own stream on the terminal: raw_ostreams are not thread-safe.
  terminal = std::make_unique<raw_fd_ostream>(STDERR_FILENO,
                                              /*shouldClose=*/false,
                                              /*unbuffered=*/true);
  drawer = std::thread([this] { drawProgress(); });
}

void PhaseReporter::finish() {
  if (finished)
    return;
  finished = true;
  if (drawer.joinable()) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      stopping = true;
    }
    wakeUp.notify_all();
    drawer.join();
  }
  if (mode == Mode::Verbose)
    errorsOut << format("aotc: %-30s %8.2f s   peak RSS %6llu MiB\n", "total",
                        secondsSince(compilationStart),
                        (unsigned long long)getPeakRSSMiB());
}

void PhaseReporter::beginPhase(StringRef name) {
  std::lock_guard<std::mutex> lock(mutex);
  phase = inLine(name);
  phaseStart = Clock::now();
}

void PhaseReporter::endPhase() {
  if (mode != Mode::Verbose)
    return;
  errorsOut << format("aotc: %-30s %8.2f s   peak RSS %6llu MiB\n",
                      phase.c_str(), secondsSince(phaseStart),
                      (unsigned long long)getPeakRSSMiB());
}

void PhaseReporter::drawProgress() {
  std::unique_lock<std::mutex> lock(mutex);
  if (wakeUp.wait_until(lock, compilationStart + progressDelay,
                        [this] { return stopping; }))
    return;
  while (!stopping) {
    std::string line = formatv("aotc: {0}... {1} s", phase,
                               (long long)secondsSince(compilationStart))
                           .str();
    size_t width = line.size();
    // Spaces cover what is left of a longer previous line.
    line.resize(std::max(width, progressWidth), ' ');
    *terminal << '\r' << line;
    progressWidth = width;
    wakeUp.wait_for(lock, std::chrono::seconds(1), [this] { return stopping; });
  }
  eraseProgress();
}

void PhaseReporter::eraseProgress() {
  if (!progressWidth)
    return;
  *terminal << '\r' << std::string(progressWidth, ' ') << '\r';
  progressWidth = 0;
}

Phase::Phase(mlir::TimingScope &parent, PhaseReporter &reporter, StringRef name)
    : timer(parent.nest(name)), reporter(&reporter) {
  reporter.beginPhase(name);
}

void Phase::stop() {
  if (!reporter)
    return;
  timer.stop();
  reporter->endPhase();
  reporter = nullptr;
}

} // namespace aotc
