//===- CPUCheck.cpp - aotc_NAME_check_cpu, the CPU-feature guard ----------===//

#include "compiler/Emit/CPUCheck.h"

#include "targets/AArch64/AArch64Features.h"
#include "targets/X86/X86Features.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InlineAsm.h"

#include <map>

using namespace llvm;

namespace aotc {

namespace {

/// Emits one `has` bit per feature of the target, in order.
class CheckBuilder {
public:
  CheckBuilder(Function *function)
      : function(function), context(function->getContext()),
        b(BasicBlock::Create(context, "entry", function)), i32(b.getInt32Ty()),
        i64(b.getInt64Ty()) {}

  SmallVector<Value *> probeX86(ArrayRef<std::string> names);
  SmallVector<Value *> probeAArch64(ArrayRef<std::string> names);

  /// Returns 0 when every `has` holds, else 1 + the first failing index.
  void returnFirstMissing(ArrayRef<Value *> has) {
    Value *result = b.getInt32(0);
    for (size_t i = has.size(); i-- > 0;)
      result = b.CreateSelect(has[i], result, b.getInt32(i + 1));
    b.CreateRet(result);
  }

private:
  /// CPUID(leaf, subleaf), each distinct query emitted once.
  Value *cpuid(uint32_t leaf, uint32_t subleaf, CPUIDRegister reg);
  Value *bitSet(Value *word, unsigned bit) {
    Type *type = word->getType();
    return b.CreateICmpNE(
        b.CreateAnd(word, ConstantInt::get(type, uint64_t(1) << bit)),
        ConstantInt::get(type, 0));
  }

  Function *function;
  LLVMContext &context;
  IRBuilder<> b;
  Type *i32, *i64;
  std::map<std::pair<uint32_t, uint32_t>, Value *> cpuidResults;
  std::map<AArch64IDRegister, Value *> idRegisters;
};

Value *CheckBuilder::cpuid(uint32_t leaf, uint32_t subleaf, CPUIDRegister reg) {
  Value *&result = cpuidResults[{leaf, subleaf}];
  if (!result) {
    auto *type = FunctionType::get(StructType::get(i32, i32, i32, i32),
                                   {i32, i32}, false);
    auto *asmCall = InlineAsm::get(
        type, "cpuid",
        "={ax},={bx},={cx},={dx},{ax},{cx},~{dirflag},~{fpsr},~{flags}",
        /*hasSideEffects=*/false);
    result = b.CreateCall(asmCall, {b.getInt32(leaf), b.getInt32(subleaf)});
  }
  return b.CreateExtractValue(result, unsigned(reg));
}

SmallVector<Value *> CheckBuilder::probeX86(ArrayRef<std::string> names) {
  // A leaf above the highest one CPUID reports returns other data, so the
  // highest basic and extended leaves are read first.
  Value *maxBasic = cpuid(0, 0, CPUIDRegister::EAX);
  Value *maxExtended = cpuid(0x80000000, 0, CPUIDRegister::EAX);
  // XGETBV faults unless the OS has enabled XSAVE (OSXSAVE, CPUID.1:ECX.27).
  Value *osxsave = bitSet(cpuid(1, 0, CPUIDRegister::ECX), 27);
  BasicBlock *entry = b.GetInsertBlock();
  BasicBlock *readXCR0 = BasicBlock::Create(context, "xgetbv", function);
  BasicBlock *probe = BasicBlock::Create(context, "probe", function);
  b.CreateCondBr(osxsave, readXCR0, probe);
  b.SetInsertPoint(readXCR0);
  auto *xgetbvType = FunctionType::get(StructType::get(i32, i32), {i32}, false);
  auto *xgetbv = InlineAsm::get(xgetbvType, "xgetbv",
                                "={ax},={dx},{cx},~{dirflag},~{fpsr},~{flags}",
                                /*hasSideEffects=*/true);
  Value *xcr0Low =
      b.CreateExtractValue(b.CreateCall(xgetbv, {b.getInt32(0)}), 0);
  b.CreateBr(probe);
  b.SetInsertPoint(probe);
  PHINode *xcr0 = b.CreatePHI(i32, 2, "xcr0");
  xcr0->addIncoming(b.getInt32(0), entry);
  xcr0->addIncoming(xcr0Low, readXCR0);
  // The queries before the branch stay valid here; later ones go here.
  SmallVector<Value *> has;
  for (const std::string &name : names) {
    const X86Feature *feature = lookupX86Feature(name);
    Value *maxLeaf = feature->leaf >= 0x80000000 ? maxExtended : maxBasic;
    Value *present =
        b.CreateAnd(b.CreateICmpUGE(maxLeaf, b.getInt32(feature->leaf)),
                    bitSet(cpuid(feature->leaf, feature->subleaf, feature->reg),
                           feature->bit));
    if (feature->xcr0Mask) {
      Value *mask = b.getInt32(feature->xcr0Mask);
      present =
          b.CreateAnd(present, b.CreateICmpEQ(b.CreateAnd(xcr0, mask), mask));
    }
    has.push_back(present);
  }
  return has;
}

SmallVector<Value *> CheckBuilder::probeAArch64(ArrayRef<std::string> names) {
  SmallVector<Value *> has;
  for (const std::string &name : names) {
    const AArch64Feature *feature = lookupAArch64Feature(name);
    Value *&value = idRegisters[feature->reg];
    if (!value) {
      auto *mrs = InlineAsm::get(
          FunctionType::get(i64, false),
          ("mrs $0, " + getIDRegisterName(feature->reg)).str(), "=r",
          /*hasSideEffects=*/false);
      value = b.CreateCall(mrs, {});
    }
    // The 4-bit field, sign-extended where 0xf means "not implemented".
    Value *field = b.CreateShl(value, 60 - feature->shift);
    field =
        feature->isSigned ? b.CreateAShr(field, 60) : b.CreateLShr(field, 60);
    has.push_back(
        b.CreateICmpSGE(field, ConstantInt::get(i64, feature->minimum)));
  }
  return has;
}

} // namespace

Function *emitCPUCheck(Module &module, const TargetDescription &target,
                       StringRef name) {
  LLVMContext &context = module.getContext();
  auto *type = FunctionType::get(Type::getInt32Ty(context), false);
  Function *function =
      Function::Create(type, GlobalValue::ExternalLinkage, name, module);
  // Compiled for the baseline, whatever the module's target: the check must
  // run on the CPUs it rejects.
  bool isX86 = target.triple.isX86();
  function->addFnAttr("target-cpu", isX86 ? "x86-64" : "generic");
  function->addFnAttr("target-features", "");
  function->addFnAttr(Attribute::NoUnwind);

  CheckBuilder b(function);
  b.returnFirstMissing(isX86 ? b.probeX86(target.cpuFeatures)
                             : b.probeAArch64(target.cpuFeatures));
  return function;
}

} // namespace aotc
