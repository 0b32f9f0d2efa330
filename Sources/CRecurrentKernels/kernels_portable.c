// The portable kernels: plain C over 4-lane vectors, which every 128-bit vector unit has (the compiler lowers
// them as it can). Fused multiply-adds are `fmaf` lane by lane; on x86-64 the file may use the FMA instruction
// (every machine Unroll runs on has it, and the Swift modules need it too), which rounds exactly as `fmaf` does.
#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("fma"))), apply_to = function)
#endif
#define VL 4
#define MR 6
#define ISA portable
#define ISA_NAME "portable"
#include "kernels_template.h"
#if defined(__x86_64__)
#pragma clang attribute pop
#endif
