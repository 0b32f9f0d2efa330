// Chooses the kernels for the running CPU once (or as UNROLL_KERNELS / unroll_kernels_select_isa say), and
// forwards every entry point of the public header to the chosen instruction set's table.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

static int cpu_has_avx512(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
           __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bw");
#else
    return 0;
#endif
}

static int cpu_has_avx2(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return 0;
#endif
}

static const unroll_isa_kernels_t *_Atomic chosen;

/// The widest path this CPU runs.
static const unroll_isa_kernels_t *best_kernels(void) {
#if defined(__x86_64__)
    return cpu_has_avx512() ? &unroll_kernels_avx512 : cpu_has_avx2() ? &unroll_kernels_avx2 : &unroll_kernels_portable;
#else
    return &unroll_kernels_portable;
#endif
}

static const unroll_isa_kernels_t *chosen_kernels(void) {
    const unroll_isa_kernels_t *k = atomic_load(&chosen);
    if (!k) {
        // The first use picks the best path, unless a concurrent select got there first.
        const unroll_isa_kernels_t *expected = NULL;
        k = best_kernels();
        if (!atomic_compare_exchange_strong(&chosen, &expected, k)) k = expected;
    }
    return k;
}

/// The kernels of path `name` if this CPU runs them, else NULL.
static const unroll_isa_kernels_t *kernels_named(const char *name) {
    if (strcmp(name, "portable") == 0) return &unroll_kernels_portable;
#if defined(__x86_64__)
    if (strcmp(name, "avx2") == 0 && cpu_has_avx2()) return &unroll_kernels_avx2;
    if (strcmp(name, "avx512") == 0 && cpu_has_avx512()) return &unroll_kernels_avx512;
#endif
    return NULL;
}

int unroll_kernels_isa_supported(const char *name) { return kernels_named(name) != NULL; }

int unroll_kernels_select_isa(const char *name) {
    const unroll_isa_kernels_t *k = kernels_named(name);
    if (!k) return 0;
    atomic_store(&chosen, k);
    return 1;
}

const char *unroll_kernels_isa(void) { return chosen_kernels()->name; }

float *unroll_alloc_floats(size_t count) {
    void *p = NULL;
    size_t bytes = (count > 0 ? count : 1) * sizeof(float);
    if (posix_memalign(&p, 64, bytes) != 0 || !p) {
        fprintf(stderr, "recurrent kernels: cannot allocate %zu bytes\n", bytes);
        abort();
    }
    return p;
}

void unroll_recurrent_forward(const unroll_recurrent_forward_t *args) {
    chosen_kernels()->forward(args, unroll_kernels_threads());
}

void unroll_recurrent_backward(const unroll_recurrent_backward_t *args) {
    chosen_kernels()->backward(args, unroll_kernels_threads());
}

// MARK: - Row-wise kernels

void unroll_sum_rows(const float *x, long rows, int cols, long ld, float *out) {
    chosen_kernels()->sum_rows(x, rows, cols, ld, out);
}

int unroll_padded_stride(int cols) {
    int stride = (cols + 15) / 16 * 16;
    if (stride % 512 == 0) stride += 16;
    return stride;
}

double unroll_softmax_cross_entropy(const float *logits, long rows, int cols, const int *targets, float *probs,
                                    long *counted) {
    return chosen_kernels()->softmax_cross_entropy(logits, rows, cols, targets, probs, counted);
}

void unroll_softmax_rows(const float *x, long rows, int cols, float *out, int log_output) {
    chosen_kernels()->softmax_rows(x, rows, cols, out, log_output);
}

// MARK: - Products and element-wise math

void unroll_gemm(int trans_a, int trans_b, int m, int n, int k, const float *a, long lda, const float *b, long ldb,
                 float *c, long ldc) {
    chosen_kernels()->gemm(trans_a, trans_b, m, n, k, a, lda, b, ldb, c, ldc, unroll_kernels_threads());
}

void unroll_exp(const float *x, float *y, long n) { chosen_kernels()->exp(x, y, n); }
void unroll_log(const float *x, float *y, long n) { chosen_kernels()->log(x, y, n); }
void unroll_tanh(const float *x, float *y, long n) { chosen_kernels()->tanh(x, y, n); }
void unroll_sigmoid(const float *x, float *y, long n) { chosen_kernels()->sigmoid(x, y, n); }
float unroll_sum(const float *x, long n) { return chosen_kernels()->sum(x, n); }
