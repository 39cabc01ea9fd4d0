//===- TiledContraction.cpp - Shared-memory tiled GPU contractions --------===//
//
// Matmuls and convolutions read each operand element many times; one
// thread per output element reads them from global memory every time. Here
// a block of 16x16 threads computes a TY x TX tile of the output: per step
// of the reduction, the threads copy a TK-deep slice of each operand into
// workgroup memory (neighbouring threads reading neighbouring addresses),
// wait at a barrier, and each thread accumulates its RY x RX micro-tile
// from workgroup memory into registers. Convolutions are the implicit GEMM:
// the reduction runs over (c, kh, kw) and the input element of a (pixel, k)
// pair is found through the op's indexing map, without an im2col buffer.
//
//===----------------------------------------------------------------------===//

#include "passes/Codegen/Contraction.h"
#include "passes/Codegen/GPUKernels.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

using namespace mlir;

namespace aotc {

namespace {

/// Threads per block along each axis, and the reduction depth of a slice.
constexpr int64_t kThreads = 16;
constexpr int64_t kDepth = 16;

/// A contraction and how its loops map onto the tiled kernel. The parallel
/// loops split into batch dims (one grid slice each), Y dims (read by one
/// input only) and X dims (read by the other input only, holding the
/// output's innermost dimension, so that neighbouring threads store
/// neighbouring elements); the reduction loops form K. Within each group
/// the dims are ordered as the output (or, for K, the loops) lays them out,
/// so that a linear position in the group walks memory in order.
struct ContractionPlan {
  linalg::LinalgOp op;
  /// The fill value the output holds before the op, if known.
  Value initialValue;
  /// Or the elementwise op computing the output's start (a broadcast bias).
  linalg::LinalgOp prologue;
  /// The fill or copy giving the output that value, run by the kernel.
  SmallVector<Operation *> absorbed;
  SmallVector<linalg::LinalgOp> epilogue;
  SmallVector<int64_t> ranges;
  SmallVector<unsigned> batchDims, yDims, xDims, kDims;
  int64_t batch = 1, extentY = 1, extentX = 1, extentK = 1;
  /// Which input reads the Y dims (the other reads the X dims).
  unsigned yInput = 0;
  /// Micro-tile per thread along Y and X.
  int64_t microY = 1, microX = 1;
  /// Tensor cores (mma.sync m16n8k8 on TF32) instead of f32 FMAs: each of
  /// the 8 warps computes 32x16 points of a 64x64 tile, its threads holding
  /// the accumulator fragments (4x4 per thread, as micro-tiles).
  bool tensorCores = false;
};

bool isStaticF32Buffer(Value value) {
  auto type = dyn_cast<MemRefType>(value.getType());
  return type && type.hasStaticShape() && type.getElementType().isF32();
}

/// Micro-tile along an axis of `extent` points: 4 when a 64-wide tile is
/// filled, 2 for 32, else 1.
int64_t microTileFor(int64_t extent) {
  return extent >= 64 ? 4 : extent >= 32 ? 2 : 1;
}

std::optional<ContractionPlan>
planContraction(linalg::LinalgOp op, int64_t minBlocks, bool allowTF32) {
  if (!op.hasPureBufferSemantics() || op.getNumDpsInputs() != 2 ||
      op.getNumDpsInits() != 1 || !isMultiplyAdd(op))
    return std::nullopt;
  for (OpOperand &operand : op->getOpOperands())
    if (!isStaticF32Buffer(operand.get()))
      return std::nullopt;
  ContractionPlan plan;
  plan.op = op;
  plan.ranges = op.getStaticLoopRanges();
  if (llvm::any_of(plan.ranges, ShapedType::isDynamic))
    return std::nullopt;
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  AffineMap outMap = maps[2];
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  unsigned numParallel = llvm::count(iterators, utils::IteratorType::parallel);
  if (!outMap.isProjectedPermutation() || outMap.getNumResults() != numParallel)
    return std::nullopt;

  // The parallel dims in the output's order, grouped by the inputs reading
  // them.
  SmallVector<unsigned> only0, only1;
  for (unsigned r = 0; r < outMap.getNumResults(); ++r) {
    unsigned d = outMap.getDimPosition(r);
    if (iterators[d] != utils::IteratorType::parallel)
      return std::nullopt;
    bool in0 = maps[0].isFunctionOfDim(d), in1 = maps[1].isFunctionOfDim(d);
    if (in0 && !in1)
      only0.push_back(d);
    else if (in1 && !in0)
      only1.push_back(d);
    else
      plan.batchDims.push_back(d);
  }
  for (unsigned d = 0; d < iterators.size(); ++d)
    if (iterators[d] != utils::IteratorType::parallel)
      plan.kDims.push_back(d);
  unsigned innermost = outMap.getDimPosition(outMap.getNumResults() - 1);
  if (llvm::is_contained(only0, innermost)) {
    plan.xDims = only0;
    plan.yDims = only1;
    plan.yInput = 1;
  } else if (llvm::is_contained(only1, innermost)) {
    plan.xDims = only1;
    plan.yDims = only0;
    plan.yInput = 0;
  } else {
    return std::nullopt;
  }
  for (unsigned d : plan.batchDims)
    plan.batch *= plan.ranges[d];
  for (unsigned d : plan.yDims)
    plan.extentY *= plan.ranges[d];
  for (unsigned d : plan.xDims)
    plan.extentX *= plan.ranges[d];
  for (unsigned d : plan.kDims)
    plan.extentK *= plan.ranges[d];
  // Small products keep one thread per element: a tile would idle most of
  // its threads.
  if (plan.yDims.empty() || plan.kDims.empty() || plan.extentX < kThreads ||
      plan.extentY < kThreads || plan.extentK < 8)
    return std::nullopt;

  if (allowTF32) {
    plan.tensorCores = true;
    plan.microY = plan.microX = 4;
    return plan;
  }
  // The largest micro-tiles that still give the GPU's multiprocessors (132
  // on an H100) about a block each.
  plan.microY = microTileFor(plan.extentY);
  plan.microX = microTileFor(plan.extentX);
  auto numBlocks = [&] {
    return plan.batch * llvm::divideCeil(plan.extentY, kThreads * plan.microY) *
           llvm::divideCeil(plan.extentX, kThreads * plan.microX);
  };
  while (static_cast<int64_t>(numBlocks()) < minBlocks &&
         (plan.microY > 1 || plan.microX > 1)) {
    if (plan.microY >= plan.microX)
      plan.microY /= 2;
    else
      plan.microX /= 2;
  }
  return plan;
}

/// An elementwise op over the contraction's output: all loops parallel,
/// one per output dimension with the output's extents, writing buffers of
/// that shape element for element.
bool isEpilogue(linalg::LinalgOp op, MemRefType outType) {
  if (!op.hasPureBufferSemantics() ||
      op.getNumParallelLoops() != op.getNumLoops() ||
      op.getNumLoops() != static_cast<unsigned>(outType.getRank()) ||
      op.getStaticLoopRanges() != outType.getShape())
    return false;
  for (OpOperand &init : op.getDpsInitsMutable()) {
    auto type = dyn_cast<MemRefType>(init.get().getType());
    if (!type || type.getShape() != outType.getShape() ||
        !op.getMatchingIndexingMap(&init).isIdentity())
      return false;
  }
  for (OpOperand *input : op.getDpsInputOperands())
    if (isa<MemRefType>(input->get().getType()) &&
        !cast<MemRefType>(input->get().getType()).hasStaticShape())
      return false;
  return llvm::all_of(op.getBlock()->getOperations(), [](Operation &nested) {
    return nested.getNumRegions() == 0;
  });
}

/// A buffer read by the kernel; `ownElement` when each thread reads only
/// the elements it writes itself (an epilogue's identity-mapped operand).
struct Read {
  Value buffer;
  bool ownElement;
};

/// Whether the kernel's threads may read what other threads write: every
/// read of a written buffer must be of the reader's own element.
bool hasRace(ArrayRef<Read> reads, ArrayRef<Value> writes) {
  for (const Read &read : reads)
    for (Value write : writes)
      if (mayAlias(read.buffer, write) &&
          !(read.ownElement && read.buffer == write))
        return true;
  return false;
}

/// The fill before the contraction (of its output, by the same value) and
/// the elementwise ops after it that can run on each output element as the
/// tile is stored, without racing with other blocks.
void gatherFusedOps(ContractionPlan &plan) {
  auto skipPure = [](Operation *op, bool forward) {
    while (op && isMemoryEffectFree(op))
      op = forward ? op->getNextNode() : op->getPrevNode();
    return op;
  };
  Value out = plan.op.getDpsInits()[0];
  // The value the output starts from: a fill of it, an elementwise op
  // writing it (Gemm's bias, broadcast), or a copy into it of a filled
  // buffer (bufferization shares one zero buffer between convolutions),
  // maybe before ops on other buffers. The fill or copy
  // writing the output goes when nothing else reads what it wrote.
  Value tracked = out;
  bool outRead = false;
  for (Operation *prev = plan.op->getPrevNode(); prev;
       prev = prev->getPrevNode()) {
    if (isMemoryEffectFree(prev))
      continue;
    auto other = dyn_cast<linalg::LinalgOp>(prev);
    if (!other)
      break;
    auto fill = dyn_cast<linalg::FillOp>(prev);
    if (fill && fill.getDpsInits()[0] == tracked &&
        fill.value().getType().isF32()) {
      plan.initialValue = fill.value();
      if (tracked == out && !outRead)
        plan.absorbed.push_back(fill);
      break;
    }
    if (tracked == out && !isa<linalg::FillOp, linalg::CopyOp>(prev) &&
        other.getNumDpsInits() == 1 && other.getDpsInits()[0] == out &&
        isEpilogue(other, cast<MemRefType>(out.getType())) &&
        !other.payloadUsesValueFromOperand(other.getDpsInitOperand(0)) &&
        llvm::none_of(other.getDpsInputs(),
                      [&](Value input) { return mayAlias(input, out); })) {
      plan.prologue = other;
      if (!outRead)
        plan.absorbed.push_back(other);
      break;
    }
    auto copy = dyn_cast<linalg::CopyOp>(prev);
    if (copy && tracked == out && copy.getOutputs()[0] == out) {
      if (!outRead)
        plan.absorbed.push_back(copy);
      tracked = copy.getInputs()[0];
      continue;
    }
    if (llvm::any_of(other.getDpsInits(),
                     [&](Value init) { return mayAlias(init, tracked); }))
      break;
    if (llvm::any_of(other->getOperands(),
                     [&](Value operand) { return mayAlias(operand, out); }))
      outRead = true;
  }
  if (!plan.initialValue && !plan.prologue)
    plan.absorbed.clear();

  SmallVector<Read> reads;
  for (OpOperand *input : plan.op.getDpsInputOperands())
    reads.push_back({input->get(), false});
  if (plan.prologue)
    for (Value input : plan.prologue.getDpsInputs())
      if (isa<MemRefType>(input.getType()))
        reads.push_back({input, false});
  SmallVector<Value> writes = {out};
  if (hasRace(reads, writes))
    return;
  auto outType = cast<MemRefType>(out.getType());
  Operation *next = skipPure(plan.op->getNextNode(), true);
  while (auto candidate = dyn_cast_or_null<linalg::LinalgOp>(next)) {
    if (!isEpilogue(candidate, outType))
      break;
    SmallVector<Read> newReads = reads;
    SmallVector<Value> newWrites = writes;
    for (OpOperand &operand : candidate->getOpOperands()) {
      if (!isa<MemRefType>(operand.get().getType()))
        continue;
      bool isInit = candidate.isDpsInit(&operand);
      if (!isInit || candidate.payloadUsesValueFromOperand(&operand))
        newReads.push_back(
            {operand.get(),
             candidate.getMatchingIndexingMap(&operand).isIdentity()});
      if (isInit)
        newWrites.push_back(operand.get());
    }
    if (hasRace(newReads, newWrites))
      break;
    reads = std::move(newReads);
    writes = std::move(newWrites);
    plan.epilogue.push_back(candidate);
    next = skipPure(candidate->getNextNode(), true);
  }
}

/// Builds the kernel's index arithmetic at one insertion point.
struct KernelBuilder {
  OpBuilder &b;
  Location loc;

  Value index(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
  Value add(Value x, Value y) { return arith::AddIOp::create(b, loc, x, y); }
  Value add(Value x, int64_t y) { return y ? add(x, index(y)) : x; }
  Value mul(Value x, int64_t y) {
    return y == 1 ? x : arith::MulIOp::create(b, loc, x, index(y));
  }
  Value div(Value x, int64_t y) {
    return y == 1 ? x : arith::DivUIOp::create(b, loc, x, index(y));
  }
  Value rem(Value x, int64_t y) {
    return arith::RemUIOp::create(b, loc, x, index(y));
  }
  Value less(Value x, int64_t y) {
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, x,
                                 index(y));
  }
  Value both(Value x, Value y) { return arith::AndIOp::create(b, loc, x, y); }

  /// Sets `ivs[dims[i]]` from the linear position `linear` in the group
  /// `dims` (the last dim fastest).
  void delinearize(Value linear, ArrayRef<unsigned> dims,
                   ArrayRef<int64_t> ranges, SmallVectorImpl<Value> &ivs) {
    for (int64_t i = dims.size() - 1; i >= 0; --i) {
      int64_t range = ranges[dims[i]];
      ivs[dims[i]] = i == 0 ? linear : rem(linear, range);
      if (i > 0)
        linear = div(linear, range);
    }
  }

  /// The indices `map` gives at the loop point `ivs`.
  SmallVector<Value> apply(AffineMap map, ArrayRef<Value> ivs) {
    SmallVector<Value> indices;
    for (AffineExpr result : map.getResults()) {
      // Plain dims reuse the point's values, so that accesses of one
      // element compare equal (store forwarding relies on it).
      if (auto dim = dyn_cast<AffineDimExpr>(result))
        indices.push_back(ivs[dim.getPosition()]);
      else
        indices.push_back(affine::AffineApplyOp::create(
            b, loc,
            AffineMap::get(map.getNumDims(), map.getNumSymbols(), result),
            ivs));
    }
    return indices;
  }
};

/// Whether consecutive positions of the operand's group (`groupDims`) are
/// closer in memory than consecutive reduction positions: its innermost
/// dimension moves with the group's fastest dim.
bool groupIsContiguous(AffineMap map, ArrayRef<unsigned> groupDims) {
  AffineExpr last = map.getResult(map.getNumResults() - 1);
  return last.isFunctionOfDim(groupDims.back());
}

/// The products of a staged slice pair with f32 FMAs: per step k, thread
/// (tx, ty) multiplies sliceY[k][ty + 16i] by sliceX[k][tx + 16j] into
/// sums[i * microX + j].
SmallVector<Value> emitFMASteps(OpBuilder &builder, Location loc, Value sliceY,
                                Value sliceX, Value tx, Value ty,
                                int64_t microY, int64_t microX,
                                ValueRange sums) {
  KernelBuilder kb{builder, loc};
  auto contract = arith::FastMathFlagsAttr::get(builder.getContext(),
                                                arith::FastMathFlags::contract);
  auto loop = scf::ForOp::create(
      builder, loc, kb.index(0), kb.index(kDepth), kb.index(1), sums,
      [&](OpBuilder &nested, Location, Value k, ValueRange carried) {
        KernelBuilder nb{nested, loc};
        SmallVector<Value> a, b, next;
        for (int64_t i = 0; i < microY; ++i)
          a.push_back(memref::LoadOp::create(
              nested, loc, sliceY, ValueRange{k, nb.add(ty, i * kThreads)}));
        for (int64_t j = 0; j < microX; ++j)
          b.push_back(memref::LoadOp::create(
              nested, loc, sliceX, ValueRange{k, nb.add(tx, j * kThreads)}));
        for (int64_t i = 0; i < microY; ++i) {
          for (int64_t j = 0; j < microX; ++j) {
            Value product =
                arith::MulFOp::create(nested, loc, a[i], b[j], contract);
            next.push_back(arith::AddFOp::create(
                nested, loc, carried[i * microX + j], product, contract));
          }
        }
        scf::YieldOp::create(nested, loc, next);
      });
  return SmallVector<Value>(loop.getResults());
}

/// The products of a staged slice pair on tensor cores: two k-steps of 8,
/// each 2x2 mma.sync.m16n8k8 of the warp's 32x16 corner, operands rounded
/// to TF32 (round to nearest, ties away, as cuBLAS's TF32 mode) from
/// workgroup memory in the fragment layouts of PTX's m16n8k8: A (row) a0
/// (group, quad), a1 (group + 8, quad), a2 (group, quad + 4), a3 (group + 8,
/// quad + 4); B (column) b0 (k quad, n group), b1 (k quad + 4, n group).
SmallVector<Value> emitTensorCoreSteps(OpBuilder &builder, Location loc,
                                       Value sliceY, Value sliceX, Value warpY,
                                       Value warpX, Value group, Value quad,
                                       ValueRange sums) {
  KernelBuilder kb{builder, loc};
  MLIRContext *context = builder.getContext();
  Type i32 = builder.getI32Type(), f32 = builder.getF32Type();
  auto rounding =
      NVVM::FPRoundingModeAttr::get(context, NVVM::FPRoundingMode::RNA);
  auto fragment = [&](Value slice, Value k, int64_t dk, Value pos, int64_t dp) {
    Value value = memref::LoadOp::create(
        builder, loc, slice, ValueRange{kb.add(k, dk), kb.add(pos, dp)});
    return NVVM::ConvertFloatToTF32Op::create(builder, loc, i32, value,
                                              rounding)
        .getResult();
  };
  auto resultType =
      LLVM::LLVMStructType::getLiteral(context, {f32, f32, f32, f32});
  SmallVector<Value> acc(sums.begin(), sums.end());
  for (int64_t step = 0; step < kDepth; step += 8) {
    Value k = kb.add(quad, step);
    Value a[2][4], b[2][2];
    for (int64_t mi = 0; mi < 2; ++mi) {
      Value row = kb.add(kb.add(warpY, group), mi * 16);
      a[mi][0] = fragment(sliceY, k, 0, row, 0);
      a[mi][1] = fragment(sliceY, k, 0, row, 8);
      a[mi][2] = fragment(sliceY, k, 4, row, 0);
      a[mi][3] = fragment(sliceY, k, 4, row, 8);
    }
    for (int64_t nj = 0; nj < 2; ++nj) {
      Value column = kb.add(kb.add(warpX, group), nj * 8);
      b[nj][0] = fragment(sliceX, k, 0, column, 0);
      b[nj][1] = fragment(sliceX, k, 4, column, 0);
    }
    for (int64_t mi = 0; mi < 2; ++mi) {
      for (int64_t nj = 0; nj < 2; ++nj) {
        auto index = [&](int64_t r) {
          return (2 * mi + r / 2) * 4 + 2 * nj + r % 2;
        };
        SmallVector<Value> c;
        for (int64_t r = 0; r < 4; ++r)
          c.push_back(acc[index(r)]);
        Value d = NVVM::MmaOp::create(
            builder, loc, resultType, a[mi], b[nj], c, {16, 8, 8}, std::nullopt,
            std::nullopt,
            std::array<NVVM::MMATypes, 2>{NVVM::MMATypes::tf32,
                                          NVVM::MMATypes::tf32},
            std::array<NVVM::MMALayout, 2>{NVVM::MMALayout::row,
                                           NVVM::MMALayout::col});
        for (int64_t r = 0; r < 4; ++r)
          acc[index(r)] = LLVM::ExtractValueOp::create(builder, loc, d, r);
      }
    }
  }
  return acc;
}

/// The values `op`'s payload yields at the point `coords` of its loops,
/// its operands loaded through their indexing maps.
SmallVector<Value> emitPayload(OpBuilder &builder, Location loc,
                               linalg::LinalgOp op, ArrayRef<Value> coords) {
  KernelBuilder kb{builder, loc};
  IRMapping mapping;
  Block *payload = op.getBlock();
  for (OpOperand &operand : op->getOpOperands()) {
    Value arg = payload->getArgument(operand.getOperandNumber());
    if (!isa<MemRefType>(operand.get().getType()))
      mapping.map(arg, operand.get());
    else if (!arg.use_empty())
      mapping.map(arg,
                  memref::LoadOp::create(
                      builder, loc, operand.get(),
                      kb.apply(op.getMatchingIndexingMap(&operand), coords)));
  }
  for (Operation &nested : payload->without_terminator()) {
    if (auto indexOp = dyn_cast<linalg::IndexOp>(&nested)) {
      mapping.map(indexOp.getResult(), coords[indexOp.getDim()]);
      continue;
    }
    builder.clone(nested, mapping);
  }
  SmallVector<Value> results;
  for (Value yielded : payload->getTerminator()->getOperands())
    results.push_back(mapping.lookupOrDefault(yielded));
  return results;
}

/// Whether nothing reads what the contraction leaves in its output after
/// the kernel (the epilogue wrote elsewhere): the output is an arena buffer
/// that the ops after `last` overwrite whole, or never touch, before
/// reading it.
bool isOutputDeadAfter(Value out, Operation *last) {
  if (!isa_and_nonnull<memref::ViewOp>(out.getDefiningOp()))
    return false;
  for (Operation *op = last->getNextNode(); op; op = op->getNextNode()) {
    if (isMemoryEffectFree(op))
      continue;
    if (isa<func::ReturnOp>(op))
      return true;
    auto other = dyn_cast<linalg::LinalgOp>(op);
    if (!other)
      return false;
    bool overwritten = false;
    for (OpOperand &operand : op->getOpOperands()) {
      if (!mayAlias(operand.get(), out))
        continue;
      if (!other.isDpsInit(&operand) ||
          other.payloadUsesValueFromOperand(&operand) ||
          !isCoveredBy(out, operand.get()))
        return false;
      overwritten = true;
    }
    if (overwritten)
      return true;
  }
  return true;
}

/// Emits the kernel for `plan` at `plan`'s last op.
void emitTiledKernel(ContractionPlan &plan) {
  linalg::LinalgOp op = plan.op;
  Operation *last =
      plan.epilogue.empty() ? op.getOperation() : plan.epilogue.back();
  OpBuilder builder(last);
  Location loc = op.getLoc();
  MLIRContext *context = op.getContext();
  KernelBuilder kb{builder, loc};
  Type f32 = builder.getF32Type();

  int64_t tileY = kThreads * plan.microY, tileX = kThreads * plan.microX;
  int64_t tilesY = llvm::divideCeil(plan.extentY, tileY);
  int64_t tilesX = llvm::divideCeil(plan.extentX, tileX);
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  unsigned xInput = 1 - plan.yInput;
  bool yAlongGroup = groupIsContiguous(maps[plan.yInput], plan.yDims);
  bool xAlongGroup = groupIsContiguous(maps[xInput], plan.xDims);
  // Slices are [k][position]; a slice loaded along k gets a padding column
  // so that its column of stores spreads over the banks.
  auto workgroup =
      gpu::AddressSpaceAttr::get(context, gpu::AddressSpace::Workgroup);
  auto privateSpace =
      gpu::AddressSpaceAttr::get(context, gpu::AddressSpace::Private);
  auto sliceY = MemRefType::get({kDepth, tileY + (yAlongGroup ? 0 : 1)}, f32,
                                nullptr, workgroup);
  auto sliceX = MemRefType::get({kDepth, tileX + (xAlongGroup ? 0 : 1)}, f32,
                                nullptr, workgroup);
  auto accType =
      MemRefType::get({plan.microY, plan.microX}, f32, nullptr, privateSpace);

  std::string name;
  for (Operation *absorbed : llvm::reverse(plan.absorbed))
    name += "_" + absorbed->getName().stripDialect().str();
  name += "_" + op->getName().stripDialect().str();
  for (linalg::LinalgOp epilogue : plan.epilogue)
    name += "_" + epilogue->getName().stripDialect().str();

  Value one = kb.index(1);
  auto launch = gpu::LaunchOp::create(
      builder, loc, kb.index(plan.batch * tilesY * tilesX), one, one,
      kb.index(kThreads), kb.index(kThreads), one, nullptr, nullptr, {},
      TypeRange{sliceY, sliceX}, TypeRange{accType}, nullptr, nullptr, nullptr,
      FlatSymbolRefAttr::get(context, kKernelModule),
      FlatSymbolRefAttr::get(context, name));
  Block &body = launch.getBody().front();
  builder.setInsertionPointToEnd(&body);
  Value slices[2];
  slices[plan.yInput] = launch.getWorkgroupAttributions()[0];
  slices[xInput] = launch.getWorkgroupAttributions()[1];
  Value acc = launch.getPrivateAttributions()[0];

  Value tx = launch.getThreadIds().x, ty = launch.getThreadIds().y;
  Value thread = kb.add(kb.mul(ty, kThreads), tx);
  Value blockId = launch.getBlockIds().x;
  Value x0 = kb.mul(kb.rem(blockId, tilesX), tileX);
  Value rest = kb.div(blockId, tilesX);
  Value y0 = kb.mul(kb.rem(rest, tilesY), tileY);
  SmallVector<Value> ivs(plan.ranges.size(), kb.index(0));
  kb.delinearize(kb.div(rest, tilesY), plan.batchDims, plan.ranges, ivs);
  Value zero =
      arith::ConstantOp::create(builder, loc, builder.getF32FloatAttr(0));
  Value out = op.getDpsInits()[0];
  AffineMap outMap = maps[2];

  // With tensor cores: the warp's 32x16 corner of the tile, and the lane's
  // row (group) and column pair (quad) in the fragments.
  Value lane = kb.rem(thread, 32), warp = kb.div(thread, 32);
  Value warpY = kb.mul(kb.div(warp, 4), 32),
        warpX = kb.mul(kb.rem(warp, 4), 16);
  Value group = kb.div(lane, 4), quad = kb.rem(lane, 4);

  // The output point of micro-tile element (i, j), and whether it exists:
  // for FMAs, rows ty + 16i and columns tx + 16j (a warp stores 16
  // consecutive columns); for mma.sync, the accumulator fragment layout of
  // m16n8: element r of the (mi, nj) product is row mi*16 + group + 8*(r/2),
  // column nj*8 + 2*quad + r%2, kept as i = 2mi + r/2, j = 2nj + r%2.
  auto outputPoint = [&](int64_t i, int64_t j, SmallVectorImpl<Value> &point) {
    Value y, x;
    if (plan.tensorCores) {
      y = kb.add(kb.add(kb.add(y0, warpY), group), (i / 2) * 16 + (i % 2) * 8);
      x = kb.add(kb.add(kb.add(x0, warpX), kb.mul(quad, 2)),
                 (j / 2) * 8 + j % 2);
    } else {
      y = kb.add(kb.add(y0, ty), i * kThreads);
      x = kb.add(kb.add(x0, tx), j * kThreads);
    }
    point = ivs;
    kb.delinearize(y, plan.yDims, plan.ranges, point);
    kb.delinearize(x, plan.xDims, plan.ranges, point);
    return kb.both(kb.less(y, plan.extentY), kb.less(x, plan.extentX));
  };

  // The accumulators start from the fill value, from the elementwise op
  // that computes the start (a broadcast bias), or from the output.
  for (int64_t i = 0; i < plan.microY; ++i) {
    for (int64_t j = 0; j < plan.microX; ++j) {
      Value initial;
      if (plan.initialValue) {
        initial = plan.initialValue;
      } else {
        SmallVector<Value> point;
        Value inRange = outputPoint(i, j, point);
        auto guard = scf::IfOp::create(builder, loc, f32, inRange, true);
        builder.setInsertionPointToStart(guard.thenBlock());
        SmallVector<Value> coords = kb.apply(outMap, point);
        Value start =
            plan.prologue
                ? emitPayload(builder, loc, plan.prologue, coords).front()
                : memref::LoadOp::create(builder, loc, out, coords);
        scf::YieldOp::create(builder, loc, start);
        builder.setInsertionPointToStart(guard.elseBlock());
        scf::YieldOp::create(builder, loc, zero);
        builder.setInsertionPointAfter(guard);
        initial = guard.getResult(0);
      }
      memref::StoreOp::create(builder, loc, initial, acc,
                              ValueRange{kb.index(i), kb.index(j)});
    }
  }

  int64_t numSlices = llvm::divideCeil(plan.extentK, kDepth);
  auto sliceLoop =
      scf::ForOp::create(builder, loc, kb.index(0), kb.index(numSlices), one);
  builder.setInsertionPoint(sliceLoop.getBody()->getTerminator());
  Value k0 = kb.mul(sliceLoop.getInductionVar(), kDepth);

  // Stage slice [k0, k0 + kDepth) of each input: the block's threads take
  // consecutive elements, in the order the input lays them out.
  auto stage = [&](unsigned input, ArrayRef<unsigned> groupDims, int64_t extent,
                   int64_t tile, Value base, bool alongGroup) {
    int64_t count = tile * kDepth;
    for (int64_t e = 0; e < count; e += kThreads * kThreads) {
      Value linear = kb.add(thread, e);
      Value pos = alongGroup ? kb.rem(linear, tile) : kb.div(linear, kDepth);
      Value k = alongGroup ? kb.div(linear, tile) : kb.rem(linear, kDepth);
      Value g = kb.add(base, pos), gk = kb.add(k0, k);
      Value inRange = kb.both(kb.less(g, extent), kb.less(gk, plan.extentK));
      auto guard = scf::IfOp::create(builder, loc, f32, inRange, true);
      builder.setInsertionPointToStart(guard.thenBlock());
      SmallVector<Value> point = ivs;
      kb.delinearize(g, groupDims, plan.ranges, point);
      kb.delinearize(gk, plan.kDims, plan.ranges, point);
      Value source = op.getDpsInputs()[input];
      Value loaded = memref::LoadOp::create(builder, loc, source,
                                            kb.apply(maps[input], point));
      scf::YieldOp::create(builder, loc, loaded);
      builder.setInsertionPointToStart(guard.elseBlock());
      scf::YieldOp::create(builder, loc, zero);
      builder.setInsertionPointAfter(guard);
      memref::StoreOp::create(builder, loc, guard.getResult(0), slices[input],
                              ValueRange{k, pos});
    }
  };
  stage(plan.yInput, plan.yDims, plan.extentY, tileY, y0, yAlongGroup);
  stage(xInput, plan.xDims, plan.extentX, tileX, x0, xAlongGroup);
  gpu::BarrierOp::create(builder, loc);

  // The micro-tile's products over the slice, in registers.
  SmallVector<Value> sums;
  for (int64_t i = 0; i < plan.microY; ++i)
    for (int64_t j = 0; j < plan.microX; ++j)
      sums.push_back(memref::LoadOp::create(
          builder, loc, acc, ValueRange{kb.index(i), kb.index(j)}));
  SmallVector<Value> results;
  if (plan.tensorCores)
    results =
        emitTensorCoreSteps(builder, loc, slices[plan.yInput], slices[xInput],
                            warpY, warpX, group, quad, sums);
  else
    results = emitFMASteps(builder, loc, slices[plan.yInput], slices[xInput],
                           tx, ty, plan.microY, plan.microX, sums);
  for (int64_t i = 0; i < plan.microY; ++i)
    for (int64_t j = 0; j < plan.microX; ++j)
      memref::StoreOp::create(builder, loc, results[i * plan.microX + j], acc,
                              ValueRange{kb.index(i), kb.index(j)});
  // The next slice overwrites workgroup memory others may still read.
  gpu::BarrierOp::create(builder, loc);
  builder.setInsertionPointAfter(sliceLoop);

  // Each element: the sum, then the epilogue on it, stored once.
  bool outputDead =
      !plan.epilogue.empty() &&
      llvm::none_of(plan.epilogue,
                    [&](linalg::LinalgOp e) {
                      return llvm::is_contained(e.getDpsInits(), out);
                    }) &&
      isOutputDeadAfter(out, last);
  for (int64_t i = 0; i < plan.microY; ++i) {
    for (int64_t j = 0; j < plan.microX; ++j) {
      SmallVector<Value> point;
      Value inRange = outputPoint(i, j, point);
      auto guard = scf::IfOp::create(builder, loc, TypeRange{}, inRange, false);
      builder.setInsertionPoint(guard.thenBlock()->getTerminator());
      SmallVector<Value> coords = kb.apply(outMap, point);
      Value sum = memref::LoadOp::create(builder, loc, acc,
                                         ValueRange{kb.index(i), kb.index(j)});
      memref::StoreOp::create(builder, loc, sum, out, coords);
      for (linalg::LinalgOp epilogue : plan.epilogue)
        for (auto [init, value] :
             llvm::zip(epilogue.getDpsInits(),
                       emitPayload(builder, loc, epilogue, coords)))
          memref::StoreOp::create(builder, loc, value, init, coords);
      builder.setInsertionPointAfter(guard);
      forwardStores(*guard.thenBlock());
      // The sum's own store goes when the epilogue left it unread.
      if (outputDead) {
        Block *element = guard.thenBlock();
        bool outLoaded = llvm::any_of(element->getOps<memref::LoadOp>(),
                                      [&](memref::LoadOp load) {
                                        return mayAlias(load.getMemRef(), out);
                                      });
        if (!outLoaded)
          for (memref::StoreOp store :
               llvm::make_early_inc_range(element->getOps<memref::StoreOp>()))
            if (store.getMemRef() == out)
              store.erase();
      }
    }
  }
  gpu::TerminatorOp::create(builder, loc);

  for (linalg::LinalgOp epilogue : plan.epilogue)
    epilogue->erase();
  op->erase();
  for (Operation *absorbed : plan.absorbed)
    absorbed->erase();
}

} // namespace

void mapContractionsToTiledKernels(func::FuncOp func, int64_t minBlocks,
                                   bool allowTF32) {
  SmallVector<linalg::LinalgOp> candidates;
  func.walk([&](linalg::LinalgOp op) { candidates.push_back(op); });
  // Fused ops are erased with their contraction: skip them.
  llvm::SmallPtrSet<Operation *, 8> erased;
  for (linalg::LinalgOp op : candidates) {
    if (erased.contains(op))
      continue;
    std::optional<ContractionPlan> plan =
        planContraction(op, minBlocks, allowTF32);
    if (!plan)
      continue;
    gatherFusedOps(*plan);
    erased.insert(op);
    erased.insert(plan->absorbed.begin(), plan->absorbed.end());
    for (linalg::LinalgOp epilogue : plan->epilogue)
      erased.insert(epilogue);
    emitTiledKernel(*plan);
  }
}

} // namespace aotc
