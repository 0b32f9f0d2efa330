// The kernels for AVX2 + FMA (8 lanes, 6 × 16 micro-tiles in 12 of the 16 vector registers).
#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx2,fma,bmi2"))), apply_to = function)
#define VL 8
#define MR 6
#define ISA avx2
#define ISA_NAME "avx2"
#include "kernels_template.h"
#pragma clang attribute pop
#endif
