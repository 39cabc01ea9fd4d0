//===- ArenaLayout.h - Packing buffers into one arena -----------*- C++ -*-===//
//
// Plain data in, offsets out: the part of memory planning that knows nothing
// about IR.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_PASSES_MEMORYPLANNING_ARENALAYOUT_H
#define AOTC_PASSES_MEMORYPLANNING_ARENALAYOUT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>

namespace aotc {

/// A buffer live from schedule position `start` to `end`, both inclusive.
struct BufferRequest {
  int64_t size;
  int64_t start;
  int64_t end;
};

struct ArenaLayout {
  /// Offset of each request, in request order.
  llvm::SmallVector<int64_t> offsets;
  int64_t arenaSize = 0;
  /// The largest sum of sizes of buffers live at one position: no layout
  /// can be smaller.
  int64_t lowerBound = 0;
};

/// Places the buffers so that two whose live ranges overlap never share a
/// byte. Largest buffers first, each at the best-fitting gap among the
/// buffers already placed that are live at the same time. Sizes are rounded
/// up to `alignment`, which every offset is a multiple of.
ArenaLayout layOutArena(llvm::ArrayRef<BufferRequest> requests,
                        int64_t alignment);

} // namespace aotc

#endif // AOTC_PASSES_MEMORYPLANNING_ARENALAYOUT_H
