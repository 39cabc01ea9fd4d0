//===- ArenaLayout.cpp - Packing buffers into one arena -------------------===//

#include "passes/MemoryPlanning/ArenaLayout.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace aotc {

static bool liveTogether(const BufferRequest &a, const BufferRequest &b) {
  return a.start <= b.end && b.start <= a.end;
}

static int64_t computeLowerBound(llvm::ArrayRef<BufferRequest> requests,
                                 int64_t alignment) {
  // Sweep the schedule: +size at start, -size after end.
  std::map<int64_t, int64_t> delta;
  for (const BufferRequest &r : requests) {
    int64_t size = llvm::alignTo(r.size, alignment);
    delta[r.start] += size;
    delta[r.end + 1] -= size;
  }
  int64_t live = 0, peak = 0;
  for (auto &[position, change] : delta) {
    live += change;
    peak = std::max(peak, live);
  }
  return peak;
}

ArenaLayout layOutArena(llvm::ArrayRef<BufferRequest> requests,
                        int64_t alignment) {
  ArenaLayout layout;
  layout.offsets.assign(requests.size(), 0);
  layout.lowerBound = computeLowerBound(requests, alignment);

  llvm::SmallVector<size_t> order(requests.size());
  std::iota(order.begin(), order.end(), 0);
  // A total order (ties broken by index) keeps layouts deterministic.
  llvm::sort(order, [&](size_t a, size_t b) {
    if (requests[a].size != requests[b].size)
      return requests[a].size > requests[b].size;
    if (requests[a].start != requests[b].start)
      return requests[a].start < requests[b].start;
    return a < b;
  });

  llvm::SmallVector<size_t> placed;
  for (size_t index : order) {
    const BufferRequest &request = requests[index];
    int64_t size = llvm::alignTo(request.size, alignment);
    // The address ranges taken by buffers live at the same time, by offset.
    llvm::SmallVector<std::pair<int64_t, int64_t>> taken;
    for (size_t other : placed)
      if (liveTogether(request, requests[other]))
        taken.push_back(
            {layout.offsets[other],
             layout.offsets[other] +
                 (int64_t)llvm::alignTo(requests[other].size, alignment)});
    llvm::sort(taken);
    // Best fit: the smallest gap that holds the buffer; else after the last.
    int64_t bestOffset = -1, bestGap = INT64_MAX, cursor = 0;
    for (auto [begin, end] : taken) {
      int64_t gap = begin - cursor;
      if (gap >= size && gap < bestGap) {
        bestGap = gap;
        bestOffset = cursor;
      }
      cursor = std::max(cursor, end);
    }
    if (bestOffset < 0)
      bestOffset = cursor;
    layout.offsets[index] = bestOffset;
    layout.arenaSize = std::max(layout.arenaSize, bestOffset + size);
    placed.push_back(index);
  }
  return layout;
}

} // namespace aotc
