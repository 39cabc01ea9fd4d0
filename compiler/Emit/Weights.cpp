//===- Weights.cpp - Weight bytes carried around the LLVM translation -----===//

#include "compiler/Emit/Weights.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/ReplaceConstant.h"

using namespace mlir;

namespace aotc {

/// The bytes of a global's initial value, as laid out in memory.
static std::optional<ArrayRef<char>> getBytes(Attribute value) {
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(value)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob)
      return std::nullopt;
    return blob->getData();
  }
  auto dense = dyn_cast<DenseElementsAttr>(value);
  // Splats and booleans (bit-packed) are left to the translation.
  if (!dense || dense.isSplat() || dense.getElementType().isInteger(1) ||
      !dense.getElementType().isIntOrFloat())
    return std::nullopt;
  return dense.getRawData();
}

SmallVector<std::string> getWeightSymbols(ModuleOp module) {
  SmallVector<std::string> symbols;
  module.walk([&](memref::GlobalOp global) {
    if (global.getConstant())
      symbols.push_back(global.getSymName().str());
  });
  return symbols;
}

void placeWeights(llvm::Module &module, ArrayRef<std::string> symbols,
                  StringRef section) {
  for (const std::string &symbol : symbols) {
    llvm::GlobalVariable *global = module.getGlobalVariable(symbol, true);
    if (!global)
      continue; // Unused weights vanish in lowering.
    global->setSection(section);
    global->setAlignment(llvm::Align(
        std::max<uint64_t>(global->getAlign().valueOrOne().value(), 16)));
  }
}

SmallVector<WeightData> detachWeights(ModuleOp module, uint64_t minBytes) {
  SmallVector<WeightData> weights;
  module.walk([&](memref::GlobalOp global) {
    if (!global.getConstant() || !global.getInitialValue())
      return;
    std::optional<ArrayRef<char>> bytes = getBytes(*global.getInitialValue());
    if (!bytes || bytes->size() < minBytes)
      return;
    weights.push_back({global.getSymName().str(), *bytes,
                       global.getAlignment().value_or(64)});
    // A declaration: public, no initializer.
    global.removeInitialValueAttr();
    global.setSymVisibility("public");
  });
  return weights;
}

llvm::Error attachWeights(llvm::Module &module, ArrayRef<WeightData> weights) {
  llvm::LLVMContext &context = module.getContext();
  for (const WeightData &weight : weights) {
    llvm::GlobalVariable *declaration = module.getGlobalVariable(weight.symbol);
    if (!declaration)
      continue; // Unused weights vanish in lowering.
    llvm::Constant *data = llvm::ConstantDataArray::getString(
        context, StringRef(weight.bytes.data(), weight.bytes.size()),
        /*AddNull=*/false);
    auto *definition = new llvm::GlobalVariable(
        module, data->getType(), /*isConstant=*/true,
        llvm::GlobalValue::PrivateLinkage, data, weight.symbol + ".data");
    definition->setAlignment(
        llvm::Align(std::max<uint64_t>(weight.alignment, 64)));
    declaration->replaceAllUsesWith(definition);
    definition->takeName(declaration);
    declaration->eraseFromParent();
  }
  return llvm::Error::success();
}

WeightsBlob layOutWeightsBlob(ArrayRef<WeightData> weights) {
  WeightsBlob blob;
  for (const WeightData &weight : weights) {
    uint64_t alignment = std::max<uint64_t>(weight.alignment, 64);
    blob.alignment = std::max(blob.alignment, alignment);
    blob.size = llvm::alignTo(blob.size, alignment);
    blob.offsets.push_back(blob.size);
    blob.size += weight.bytes.size();
  }
  return blob;
}

std::string getWeightsBlobBytes(ArrayRef<WeightData> weights,
                                const WeightsBlob &blob) {
  std::string bytes(blob.size, '\0');
  for (auto [weight, offset] : llvm::zip(weights, blob.offsets))
    llvm::copy(weight.bytes, bytes.begin() + offset);
  return bytes;
}

llvm::Error addressWeightsInBlob(llvm::Module &module,
                                 ArrayRef<WeightData> weights,
                                 const WeightsBlob &blob,
                                 llvm::GlobalVariable *base) {
  llvm::Type *i8 = llvm::Type::getInt8Ty(module.getContext());
  for (auto [weight, offset] : llvm::zip(weights, blob.offsets)) {
    llvm::GlobalVariable *declaration = module.getGlobalVariable(weight.symbol);
    if (!declaration)
      continue; // Unused weights vanish in lowering.
    // Constant expressions (a GEP into the weight) cannot hold a load.
    llvm::convertUsersOfConstantsToInstructions({declaration});
    for (llvm::Use &use : llvm::make_early_inc_range(declaration->uses())) {
      auto *user = dyn_cast<llvm::Instruction>(use.getUser());
      if (!user)
        return llvm::createStringError(
            "weight '" + weight.symbol +
            "' is used by a constant outside any function: it cannot be "
            "read through the weights pointer");
      // A phi's operand is computed at the end of the block it comes from.
      llvm::Instruction *at = user;
      if (auto *phi = dyn_cast<llvm::PHINode>(user))
        at = phi->getIncomingBlock(use)->getTerminator();
      llvm::IRBuilder<> b(at);
      llvm::Value *start = b.CreateLoad(base->getValueType(), base);
      use.set(b.CreateConstInBoundsGEP1_64(i8, start, offset,
                                           weight.symbol + ".address"));
    }
    declaration->eraseFromParent();
  }
  return llvm::Error::success();
}

} // namespace aotc
