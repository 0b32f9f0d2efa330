// The kernels for AVX-512 (16 lanes, 12 × 32 micro-tiles in 24 of the 32 vector registers).
#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx512f,avx512vl,avx512dq,avx512bw,avx2,fma,bmi2"))), apply_to = function)
#define VL 16
#define MR 12
#define ISA avx512
#define ISA_NAME "avx512"
#include <immintrin.h>
#include "kernels_template.h"
#pragma clang attribute pop
#endif
