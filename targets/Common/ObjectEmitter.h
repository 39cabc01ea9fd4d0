//===- ObjectEmitter.h - LLVM IR to a relocatable object --------*- C++ -*-===//

#ifndef AOTC_TARGETS_COMMON_OBJECTEMITTER_H
#define AOTC_TARGETS_COMMON_OBJECTEMITTER_H

#include "targets/Common/TargetDescription.h"

#include "llvm/IR/Module.h"
#include "llvm/Support/CodeGen.h"

namespace aotc {

enum class CodeFileKind { Object, Assembly };

/// How the emitted code is addressed and laid out in sections.
struct ObjectLayout {
  llvm::Reloc::Model relocationModel = llvm::Reloc::Static;
  /// One section per function (.text.NAME), so that firmware linker scripts
  /// can place them and --gc-sections can drop them.
  bool functionSections = false;
  /// One section per global (.rodata.NAME), each weight tensor included.
  bool dataSections = false;
};

/// Optimizes `module` at O3 for `target` and emits it as an ELF object (or
/// assembly text). The module's triple and data layout are set here.
llvm::Expected<llvm::SmallVector<char, 0>>
emitObject(llvm::Module &module, const TargetDescription &target,
           const ObjectLayout &layout, CodeFileKind kind);

/// The functions the ELF `object` calls but does not define, other than
/// memcpy, memset and memmove: compiler-rt builtins such as __truncdfhf2
/// that LLVM calls for conversions the target has no instruction for.
llvm::SmallVector<std::string> getCalledBuiltins(llvm::ArrayRef<char> object);

} // namespace aotc

#endif // AOTC_TARGETS_COMMON_OBJECTEMITTER_H
