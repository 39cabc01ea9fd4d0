//===- GPUProgram.cpp - Host side of a GPU executable ---------------------===//

#include "compiler/Emit/GPUProgram.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

using namespace llvm;

namespace aotc {

/// Device allocations and the buffers in them are aligned to 256 bytes.
static constexpr uint64_t kDeviceAlignment = 256;

/// Takes the functions out of llvm.global_ctors (and drops
/// llvm.global_dtors): the kernels are loaded, and never unloaded, by the
/// runtime.
static SmallVector<Function *> takeConstructors(Module &module) {
  SmallVector<Function *> constructors;
  if (GlobalVariable *ctors = module.getGlobalVariable("llvm.global_ctors")) {
    if (auto *array = dyn_cast<ConstantArray>(ctors->getInitializer()))
      for (Value *entry : array->operands())
        if (auto *function =
                dyn_cast<Function>(cast<ConstantStruct>(entry)->getOperand(1)))
          constructors.push_back(function);
    ctors->eraseFromParent();
  }
  if (GlobalVariable *dtors = module.getGlobalVariable("llvm.global_dtors"))
    dtors->eraseFromParent();
  return constructors;
}

Error emitGPUProgram(Module &module, const ModelInterface &model,
                     StringRef graphFunction,
                     ArrayRef<std::string> weightSymbols, StringRef ptx) {
  Function *graph = module.getFunction(graphFunction);
  size_t numArgs =
      1 + model.inputs.size() + model.outputs.size() + weightSymbols.size();
  if (!graph || graph->arg_size() != numArgs)
    return createStringError("the lowered graph function '" +
                             graphFunction.str() + "' has an unexpected form");
  graph->setLinkage(GlobalValue::InternalLinkage);

  LLVMContext &context = module.getContext();
  Type *i8 = Type::getInt8Ty(context);
  Type *i32 = Type::getInt32Ty(context);
  Type *i64 = Type::getInt64Ty(context);
  Type *ptr = PointerType::getUnqual(context);
  Type *voidType = Type::getVoidTy(context);
  const DataLayout &layout = module.getDataLayout();
  std::string prefix = "aotc_" + model.name;

  // Device layout: arena, inputs, outputs, weights.
  uint64_t deviceSize = 0;
  auto place = [&](uint64_t bytes) {
    uint64_t offset = deviceSize;
    deviceSize =
        alignTo(deviceSize + std::max<uint64_t>(bytes, 1), kDeviceAlignment);
    return offset;
  };
  SmallVector<uint64_t> offsets{place(model.arenaSize)};
  SmallVector<uint64_t> inputOffsets, outputOffsets;
  for (const TensorInterface &input : model.inputs)
    offsets.push_back(inputOffsets.emplace_back(place(input.byteSize)));
  for (const TensorInterface &output : model.outputs)
    offsets.push_back(outputOffsets.emplace_back(place(output.byteSize)));
  SmallVector<Constant *> weights;
  auto *weightType = StructType::get(context, {ptr, i64, i64});
  for (const std::string &symbol : weightSymbols) {
    GlobalVariable *global = module.getGlobalVariable(symbol, true);
    if (!global)
      return createStringError("the weight '" + symbol + "' is missing");
    uint64_t bytes = layout.getTypeAllocSize(global->getValueType());
    offsets.push_back(place(bytes));
    weights.push_back(ConstantStruct::get(
        weightType, {global, ConstantInt::get(i64, bytes),
                     ConstantInt::get(i64, offsets.back())}));
  }

  // aotc_NAME_launch(device): the graph function on device pointers.
  auto *launch = Function::Create(FunctionType::get(voidType, {ptr}, false),
                                  GlobalValue::InternalLinkage,
                                  prefix + "_launch", module);
  {
    IRBuilder<> b(BasicBlock::Create(context, "entry", launch));
    SmallVector<Value *> args;
    for (uint64_t offset : offsets)
      args.push_back(
          b.CreateConstInBoundsGEP1_64(i8, launch->getArg(0), offset));
    b.CreateCall(graph, args);
    b.CreateRetVoid();
  }

  // aotc_NAME_load(): the kernel-loading constructors, in order.
  auto *load =
      Function::Create(FunctionType::get(voidType, false),
                       GlobalValue::InternalLinkage, prefix + "_load", module);
  {
    IRBuilder<> b(BasicBlock::Create(context, "entry", load));
    for (Function *constructor : takeConstructors(module))
      b.CreateCall(constructor);
    b.CreateRetVoid();
  }

  auto constant = [&](Constant *init, const Twine &name) {
    auto *global = new GlobalVariable(module, init->getType(), true,
                                      GlobalValue::PrivateLinkage, init, name);
    global->setUnnamedAddr(GlobalValue::UnnamedAddr::Global);
    return global;
  };
  auto offsetArray = [&](ArrayRef<uint64_t> values, const Twine &name) {
    return constant(ConstantDataArray::get(context, values), name);
  };
  auto *weightArray = ArrayType::get(weightType, weights.size());
  auto *programType =
      StructType::get(context, {i64, ptr, ptr, i64, ptr, ptr, ptr, ptr});
  Constant *fields[] = {
      ConstantInt::get(i64, deviceSize),
      offsetArray(inputOffsets, prefix + "_input_offsets"),
      offsetArray(outputOffsets, prefix + "_output_offsets"),
      ConstantInt::get(i64, weights.size()),
      constant(ConstantArray::get(weightArray, weights), prefix + "_weights"),
      load,
      launch,
      constant(ConstantDataArray::getString(context, ptx), prefix + "_ptx"),
  };
  GlobalVariable *program = constant(ConstantStruct::get(programType, fields),
                                     prefix + "_gpu_program");

  // aotc_NAME_run: the executable descriptor's entry; the host arena is
  // unused, everything lives on the device.
  auto *runType = FunctionType::get(i32, {ptr, i64, ptr, ptr}, false);
  auto *run = Function::Create(runType, GlobalValue::ExternalLinkage,
                               prefix + "_run", module);
  FunctionCallee gpuRun = module.getOrInsertFunction(
      "aotc_gpu_run", FunctionType::get(i32, {ptr, ptr, ptr}, false));
  IRBuilder<> b(BasicBlock::Create(context, "entry", run));
  b.CreateRet(b.CreateCall(gpuRun, {program, run->getArg(2), run->getArg(3)}));
  return Error::success();
}

} // namespace aotc
