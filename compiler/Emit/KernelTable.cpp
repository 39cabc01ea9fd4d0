//===- KernelTable.cpp - The outlined kernels and their profile table -----===//

#include "compiler/Emit/KernelTable.h"

#include "aotc/profile.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

namespace aotc {

llvm::SmallVector<KernelCall> getKernelCalls(mlir::ModuleOp module) {
  llvm::SmallVector<KernelCall> calls;
  auto kernels = module->getAttrOfType<mlir::ArrayAttr>("aotc.kernels");
  if (!kernels)
    return calls;
  for (auto kernel : kernels.getAsRange<mlir::DictionaryAttr>()) {
    auto text = [&](llvm::StringRef key) {
      auto value = kernel.getAs<mlir::StringAttr>(key);
      return value ? value.str() : std::string();
    };
    auto flops = kernel.getAs<mlir::IntegerAttr>("flops");
    calls.push_back({text("function"), text("nodes"), text("ops"),
                     text("shape"),
                     flops ? flops.getValue().getZExtValue() : 0});
  }
  return calls;
}

void keepKernelsOutOfLine(llvm::Module &module,
                          llvm::ArrayRef<KernelCall> calls) {
  llvm::SmallVector<llvm::GlobalValue *> kernels;
  for (const KernelCall &call : calls) {
    llvm::Function *function = module.getFunction(call.function);
    if (!function || function->hasFnAttribute(llvm::Attribute::NoInline))
      continue;
    function->addFnAttr(llvm::Attribute::NoInline);
    kernels.push_back(function);
  }
  // Listed as used, a kernel's address counts as taken: LLVM keeps its
  // arguments instead of specializing it to its one call site (which would
  // fold small weights into the code, out of --weights-section).
  llvm::appendToCompilerUsed(module, kernels);
}

llvm::Error emitProfileTable(llvm::Module &module,
                             llvm::ArrayRef<KernelCall> calls,
                             llvm::StringRef symbol) {
  llvm::GlobalVariable *ticks =
      module.getGlobalVariable("aotc_profile_ticks", /*AllowInternal=*/true);
  if (!ticks)
    return llvm::createStringError(
        "--profile: the graph has no timed kernel calls");
  llvm::LLVMContext &context = module.getContext();
  llvm::Type *i32 = llvm::Type::getInt32Ty(context);
  llvm::Type *i64 = llvm::Type::getInt64Ty(context);
  llvm::Type *ptr = llvm::PointerType::getUnqual(context);
  auto string = [&](llvm::StringRef text, const llvm::Twine &name) {
    auto *global = new llvm::GlobalVariable(
        module,
        llvm::ArrayType::get(llvm::Type::getInt8Ty(context), text.size() + 1),
        /*isConstant=*/true, llvm::GlobalValue::PrivateLinkage,
        llvm::ConstantDataArray::getString(context, text), name);
    global->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
    return global;
  };
  auto *kernelType = llvm::StructType::get(context, {ptr, ptr, ptr, ptr, i64});
  llvm::SmallVector<llvm::Constant *> rows;
  for (auto [i, call] : llvm::enumerate(calls)) {
    std::string prefix = "aotc_profile_kernel" + std::to_string(i);
    rows.push_back(llvm::ConstantStruct::get(
        kernelType, {string(call.function, prefix + "_function"),
                     string(call.nodes, prefix + "_nodes"),
                     string(call.ops, prefix + "_ops"),
                     string(call.shape, prefix + "_shape"),
                     llvm::ConstantInt::get(i64, call.flops)}));
  }
  auto *rowsType = llvm::ArrayType::get(kernelType, rows.size());
  auto *table = new llvm::GlobalVariable(
      module, rowsType, /*isConstant=*/true, llvm::GlobalValue::PrivateLinkage,
      llvm::ConstantArray::get(rowsType, rows), "aotc_profile_kernels");
  auto *profileType = llvm::StructType::get(context, {i32, i32, ptr, ptr});
  new llvm::GlobalVariable(
      module, profileType, /*isConstant=*/true,
      llvm::GlobalValue::ExternalLinkage,
      llvm::ConstantStruct::get(
          profileType,
          {llvm::ConstantInt::get(i32, AOTC_PROFILE_ABI_VERSION),
           llvm::ConstantInt::get(i32, calls.size()), table, ticks}),
      symbol);
  return llvm::Error::success();
}

} // namespace aotc
