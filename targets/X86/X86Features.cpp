//===- X86Features.cpp - x86 extensions and how CPUID reports them --------===//
//
// Bits from the Intel SDM, vol. 2A, CPUID; AMD's extended leaf 0x80000001.
//
//===----------------------------------------------------------------------===//

#include "targets/X86/X86Features.h"

#include "llvm/ADT/STLExtras.h"

namespace aotc {

namespace {
constexpr uint32_t extended = 0x80000001;
constexpr uint32_t avxState = 0x6;  // SSE, AVX
constexpr uint32_t zmmState = 0xe6; // SSE, AVX, opmask, ZMM_Hi256, Hi16_ZMM
constexpr CPUIDRegister eax = CPUIDRegister::EAX, ebx = CPUIDRegister::EBX,
                        ecx = CPUIDRegister::ECX, edx = CPUIDRegister::EDX;
} // namespace

static const X86Feature features[] = {
    // x86-64-v2
    {"cx16", 1, 0, ecx, 13, 0},
    {"sahf", extended, 0, ecx, 0, 0},
    {"popcnt", 1, 0, ecx, 23, 0},
    {"sse3", 1, 0, ecx, 0, 0},
    {"sse4.1", 1, 0, ecx, 19, 0},
    {"sse4.2", 1, 0, ecx, 20, 0},
    {"ssse3", 1, 0, ecx, 9, 0},
    // x86-64-v3
    {"avx", 1, 0, ecx, 28, avxState},
    {"avx2", 7, 0, ebx, 5, avxState},
    {"bmi", 7, 0, ebx, 3, 0},
    {"bmi2", 7, 0, ebx, 8, 0},
    {"f16c", 1, 0, ecx, 29, avxState},
    {"fma", 1, 0, ecx, 12, avxState},
    {"lzcnt", extended, 0, ecx, 5, 0},
    {"movbe", 1, 0, ecx, 22, 0},
    {"xsave", 1, 0, ecx, 26, 0},
    // x86-64-v4
    {"avx512f", 7, 0, ebx, 16, zmmState},
    {"avx512bw", 7, 0, ebx, 30, zmmState},
    {"avx512cd", 7, 0, ebx, 28, zmmState},
    {"avx512dq", 7, 0, ebx, 17, zmmState},
    {"avx512vl", 7, 0, ebx, 31, zmmState},
    // Beyond the levels: what LLVM may select for tensor code.
    {"avx512ifma", 7, 0, ebx, 21, zmmState},
    {"avx512vbmi", 7, 0, ecx, 1, zmmState},
    {"avx512vbmi2", 7, 0, ecx, 6, zmmState},
    {"avx512vnni", 7, 0, ecx, 11, zmmState},
    {"avx512bitalg", 7, 0, ecx, 12, zmmState},
    {"avx512vpopcntdq", 7, 0, ecx, 14, zmmState},
    {"avx512bf16", 7, 1, eax, 5, zmmState},
    {"avx512fp16", 7, 0, edx, 23, zmmState},
    {"avxvnni", 7, 1, eax, 4, avxState},
    {"gfni", 7, 0, ecx, 8, 0},
    {"vaes", 7, 0, ecx, 9, avxState},
    {"vpclmulqdq", 7, 0, ecx, 10, avxState},
    {"aes", 1, 0, ecx, 25, 0},
    {"pclmul", 1, 0, ecx, 1, 0},
    {"sha", 7, 0, ebx, 29, 0},
    {"adx", 7, 0, ebx, 19, 0},
    {"prfchw", extended, 0, ecx, 8, 0},
    {"sse4a", extended, 0, ecx, 6, 0},
};

llvm::ArrayRef<X86Feature> getX86Features() { return features; }

const X86Feature *lookupX86Feature(llvm::StringRef name) {
  const X86Feature *found =
      llvm::find_if(features, [&](const X86Feature &feature) {
        return feature.name == name;
      });
  return found == std::end(features) ? nullptr : found;
}

} // namespace aotc
