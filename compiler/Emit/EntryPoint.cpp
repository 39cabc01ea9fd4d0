//===- EntryPoint.cpp - The C entry point and executable descriptor -------===//

#include "compiler/Emit/EntryPoint.h"

#include "aotc/model.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"

using namespace llvm;

namespace aotc {

static std::string getRunFunctionName(const ModelInterface &model) {
  return "aotc_" + model.name + "_run";
}

std::string getCheckCPUFunctionName(const ModelInterface &model) {
  return "aotc_" + model.name + "_check_cpu";
}

GlobalVariable *createWeightsPointer(Module &module,
                                     const ModelInterface &model) {
  auto *ptr = PointerType::getUnqual(module.getContext());
  return new GlobalVariable(
      module, ptr, /*isConstant=*/false, GlobalValue::InternalLinkage,
      ConstantPointerNull::get(ptr), "aotc_" + model.name + "_weights");
}

Error emitRunFunction(Module &module, const ModelInterface &model,
                      StringRef graphFunction, GlobalVariable *weightsBase) {
  Function *graph = module.getFunction(graphFunction);
  size_t numChecks = model.indexChecks.size();
  size_t numArgs =
      1 + model.inputs.size() + model.outputs.size() + 2 * numChecks;
  if (!graph || graph->arg_size() != numArgs)
    return createStringError("the lowered graph function '" +
                             graphFunction.str() + "' has an unexpected form");
  graph->setLinkage(GlobalValue::InternalLinkage);

  LLVMContext &context = module.getContext();
  Type *i32 = Type::getInt32Ty(context);
  Type *i64 = Type::getInt64Ty(context);
  Type *ptr = PointerType::getUnqual(context);
  SmallVector<Type *> params{ptr, i64, ptr, ptr};
  if (weightsBase)
    params.insert(params.begin() + 2, {ptr, i64});
  auto *type = FunctionType::get(i32, params, false);
  Function *run = Function::Create(type, GlobalValue::ExternalLinkage,
                                   getRunFunctionName(model), module);
  unsigned next = 0;
  Argument *arena = run->getArg(next++), *arenaSize = run->getArg(next++);
  Argument *weights = weightsBase ? run->getArg(next++) : nullptr;
  Argument *weightsSize = weightsBase ? run->getArg(next++) : nullptr;
  Argument *inputs = run->getArg(next++), *outputs = run->getArg(next++);
  arena->setName("arena");
  arenaSize->setName("arena_size");
  inputs->setName("inputs");
  outputs->setName("outputs");

  IRBuilder<> b(BasicBlock::Create(context, "entry", run));
  // Returns `status` when `failed` holds, else continues in a new block.
  auto checkOrReturn = [&](Value *failed, aotc_status_t status) {
    BasicBlock *fail = BasicBlock::Create(context, "fail", run);
    BasicBlock *next = BasicBlock::Create(context, "next", run);
    b.CreateCondBr(failed, fail, next);
    IRBuilder<>(fail).CreateRet(ConstantInt::get(i32, status));
    b.SetInsertPoint(next);
  };
  // The arena, and external weights: not null (which would pass the
  // alignment check), large enough, aligned.
  auto checkBuffer = [&](Value *buffer, Value *size, uint64_t required,
                         uint64_t alignment, aotc_status_t tooSmall,
                         aotc_status_t misaligned) {
    if (required > 0)
      checkOrReturn(b.CreateIsNull(buffer), AOTC_STATUS_INVALID_ARGUMENT);
    checkOrReturn(b.CreateICmpULT(size, ConstantInt::get(i64, required)),
                  tooSmall);
    Value *offset = b.CreateAnd(b.CreatePtrToInt(buffer, i64), alignment - 1);
    checkOrReturn(b.CreateICmpNE(offset, ConstantInt::get(i64, 0)), misaligned);
  };
  checkBuffer(arena, arenaSize, model.arenaSize, model.arenaAlignment,
              AOTC_STATUS_ARENA_TOO_SMALL, AOTC_STATUS_ARENA_MISALIGNED);
  if (weightsBase) {
    weights->setName("weights");
    weightsSize->setName("weights_size");
    checkBuffer(weights, weightsSize, model.weightsSize, model.weightsAlignment,
                AOTC_STATUS_WEIGHTS_TOO_SMALL, AOTC_STATUS_WEIGHTS_MISALIGNED);
  }
  checkOrReturn(b.CreateOr(b.CreateIsNull(inputs), b.CreateIsNull(outputs)),
                AOTC_STATUS_INVALID_ARGUMENT);

  // No tensor pointer may be null: one loop over each array, not a branch
  // per tensor, so that thousands of inputs compile in linear time.
  auto checkNoneNull = [&](Value *array, size_t count) {
    if (count == 0)
      return;
    BasicBlock *header = b.GetInsertBlock();
    BasicBlock *loop = BasicBlock::Create(context, "check_tensors", run);
    BasicBlock *fail = BasicBlock::Create(context, "null_tensor", run);
    BasicBlock *done = BasicBlock::Create(context, "tensors_checked", run);
    b.CreateBr(loop);
    b.SetInsertPoint(loop);
    PHINode *i = b.CreatePHI(i64, 2);
    i->addIncoming(ConstantInt::get(i64, 0), header);
    Value *tensor = b.CreateLoad(ptr, b.CreateInBoundsGEP(ptr, array, i));
    Value *next = b.CreateAdd(i, ConstantInt::get(i64, 1));
    BasicBlock *advance = BasicBlock::Create(context, "next_tensor", run);
    i->addIncoming(next, advance);
    b.CreateCondBr(b.CreateIsNull(tensor), fail, advance);
    IRBuilder<>(fail).CreateRet(
        ConstantInt::get(i32, AOTC_STATUS_INVALID_ARGUMENT));
    b.SetInsertPoint(advance);
    b.CreateCondBr(b.CreateICmpULT(next, ConstantInt::get(i64, count)), loop,
                   done);
    b.SetInsertPoint(done);
  };
  checkNoneNull(inputs, model.inputs.size());
  checkNoneNull(outputs, model.outputs.size());
  if (weightsBase)
    b.CreateStore(weights, weightsBase);
  SmallVector<Value *> args{arena};
  auto loadTensorPointers = [&](Value *array, size_t count) {
    for (size_t i = 0; i < count; ++i)
      args.push_back(
          b.CreateLoad(ptr, b.CreateConstInBoundsGEP1_64(ptr, array, i)));
  };
  loadTensorPointers(inputs, model.inputs.size());
  loadTensorPointers(outputs, model.outputs.size());
  // Each index check returns its largest and smallest index into a slot
  // after the error record.
  Value *error =
      b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), arena, model.errorOffset);
  auto slot = [&](size_t i) {
    return b.CreateConstInBoundsGEP1_64(i64, error, 2 + i);
  };
  for (size_t i = 0; i < 2 * numChecks; ++i)
    args.push_back(slot(i));
  b.CreateCall(graph, args);
  for (auto [i, check] : llvm::enumerate(model.indexChecks)) {
    Value *largest = b.CreateLoad(i64, slot(2 * i));
    Value *smallest = b.CreateLoad(i64, slot(2 * i + 1));
    Value *tooLarge =
        b.CreateICmpSGE(largest, ConstantInt::get(i64, check.size));
    Value *tooSmall =
        b.CreateICmpSLT(smallest, ConstantInt::getSigned(i64, -check.size));
    BasicBlock *fail = BasicBlock::Create(context, "index_error", run);
    BasicBlock *next = BasicBlock::Create(context, "next", run);
    b.CreateCondBr(b.CreateOr(tooLarge, tooSmall), fail, next);
    IRBuilder<> f(fail);
    f.CreateStore(ConstantInt::get(i64, i), error);
    f.CreateStore(f.CreateSelect(tooLarge, largest, smallest),
                  f.CreateConstInBoundsGEP1_64(i64, error, 1));
    f.CreateRet(ConstantInt::get(i32, AOTC_STATUS_INDEX_OUT_OF_RANGE));
    b.SetInsertPoint(next);
  }
  b.CreateRet(ConstantInt::get(i32, AOTC_STATUS_OK));
  return Error::success();
}

namespace {

/// Builds the descriptor's constant globals.
class DescriptorBuilder {
public:
  DescriptorBuilder(Module &module)
      : module(module), context(module.getContext()),
        i32(Type::getInt32Ty(context)), i64(Type::getInt64Ty(context)),
        ptr(PointerType::getUnqual(context)),
        tensorType(StructType::get(context, {ptr, i32, i32, ptr, i64, ptr})) {}

  /// A zero-initialized buffer of `bytes`, placed in .bss.
  Constant *buffer(StringRef name, uint64_t bytes, uint64_t alignment) {
    auto *type = ArrayType::get(Type::getInt8Ty(context), bytes);
    auto *global = new GlobalVariable(module, type, /*isConstant=*/false,
                                      GlobalValue::InternalLinkage,
                                      ConstantAggregateZero::get(type), name);
    global->setAlignment(Align(alignment));
    return global;
  }

  Constant *string(StringRef text, const Twine &name) {
    auto *init = ConstantDataArray::getString(context, text);
    return privateConstant(init, name);
  }

  Constant *privateConstant(Constant *init, const Twine &name) {
    auto *global = new GlobalVariable(module, init->getType(), true,
                                      GlobalValue::PrivateLinkage, init, name);
    global->setUnnamedAddr(GlobalValue::UnnamedAddr::Global);
    return global;
  }

  Constant *tensors(ArrayRef<TensorInterface> tensors, StringRef kind) {
    SmallVector<Constant *> entries;
    for (auto [i, tensor] : llvm::enumerate(tensors)) {
      std::string prefix = "aotc_" + kind.str() + std::to_string(i);
      Constant *shape = ConstantPointerNull::get(cast<PointerType>(ptr));
      if (!tensor.shape.empty())
        shape = privateConstant(
            ConstantDataArray::get(context, ArrayRef<int64_t>(tensor.shape)),
            prefix + "_shape");
      entries.push_back(ConstantStruct::get(
          tensorType, {string(tensor.name, prefix + "_name"),
                       ConstantInt::get(i32, tensor.dtype),
                       ConstantInt::get(i32, tensor.shape.size()), shape,
                       ConstantInt::get(i64, tensor.byteSize),
                       buffer(prefix + "_buffer", tensor.byteSize, 64)}));
    }
    auto *arrayType = ArrayType::get(tensorType, entries.size());
    return privateConstant(ConstantArray::get(arrayType, entries),
                           "aotc_" + kind + "s");
  }

  Constant *indexChecks(ArrayRef<IndexCheck> checks) {
    auto *checkType = StructType::get(context, {ptr, ptr, i64});
    SmallVector<Constant *> entries;
    for (auto [i, check] : llvm::enumerate(checks)) {
      std::string prefix = "aotc_index_check" + std::to_string(i);
      entries.push_back(
          ConstantStruct::get(checkType, {string(check.node, prefix + "_node"),
                                          string(check.opType, prefix + "_op"),
                                          ConstantInt::get(i64, check.size)}));
    }
    if (entries.empty())
      return ConstantPointerNull::get(cast<PointerType>(ptr));
    auto *arrayType = ArrayType::get(checkType, entries.size());
    return privateConstant(ConstantArray::get(arrayType, entries),
                           "aotc_index_checks");
  }

  Module &module;
  LLVMContext &context;
  Type *i32, *i64, *ptr;
  StructType *tensorType;
};

} // namespace

void emitExecutableDescriptor(Module &module, const ModelInterface &model,
                              const BuildInfo &build) {
  DescriptorBuilder b(module);
  Type *i32 = b.i32, *i64 = b.i64, *ptr = b.ptr;
  std::string pinnedInputs;
  for (const std::string &line : build.pinnedInputs)
    pinnedInputs += line + "\n";
  auto *modelType = StructType::get(
      b.context, {i32, i32, i32, i32, i64, ptr, ptr, ptr, ptr, ptr, ptr,
                  ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i32, i32});
  Constant *fields[] = {
      ConstantInt::get(i32, AOTC_MODEL_ABI_VERSION),
      ConstantInt::get(i32, model.inputs.size()),
      ConstantInt::get(i32, model.outputs.size()),
      ConstantInt::get(i32, model.arenaAlignment),
      ConstantInt::get(i64, model.arenaSize),
      b.buffer("aotc_arena", model.arenaSize, model.arenaAlignment),
      b.string(model.name, "aotc_model_name"),
      b.string(build.target, "aotc_target_name"),
      b.string(build.cpu, "aotc_cpu"),
      b.string(build.cpuFeatures, "aotc_cpu_features"),
      b.string(build.compiler, "aotc_compiler"),
      b.string(build.modelSHA256, "aotc_model_sha256"),
      b.string(pinnedInputs, "aotc_pinned_inputs"),
      b.tensors(model.inputs, "input"),
      b.tensors(model.outputs, "output"),
      module.getFunction(getRunFunctionName(model)),
      module.getFunction(getCheckCPUFunctionName(model)),
      b.indexChecks(model.indexChecks),
      ConstantInt::get(i64, model.errorOffset),
      ConstantInt::get(i32, model.indexChecks.size()),
      ConstantInt::get(i32, 0),
  };
  new GlobalVariable(module, modelType, /*isConstant=*/true,
                     GlobalValue::ExternalLinkage,
                     ConstantStruct::get(modelType, fields), "aotc_model");
}

} // namespace aotc
