// Chooses the kernels for the running CPU once, and the shared helpers: aligned allocation and the
// team-split BLAS multiply.
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cblas.h>
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

static const unroll_isa_kernels_t *chosen_kernels(void) {
    const unroll_isa_kernels_t *k = chosen;
    if (!k) {
#if defined(__x86_64__)
        k = cpu_has_avx512() ? &unroll_kernels_avx512 : cpu_has_avx2() ? &unroll_kernels_avx2 : &unroll_kernels_portable;
#else
        k = &unroll_kernels_portable;
#endif
        chosen = k;
    }
    return k;
}

int unroll_kernels_select_isa(const char *name) {
    const unroll_isa_kernels_t *k = NULL;
    if (strcmp(name, "portable") == 0) k = &unroll_kernels_portable;
#if defined(__x86_64__)
    if (strcmp(name, "avx2") == 0 && cpu_has_avx2()) k = &unroll_kernels_avx2;
    if (strcmp(name, "avx512") == 0 && cpu_has_avx512()) k = &unroll_kernels_avx512;
#endif
    if (!k) return 0;
    chosen = k;
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

// MARK: - Team-split BLAS

static void make_blas_single_threaded(void) {
    // OpenBLAS's own pool would otherwise keep a thread spinning in sched_yield beside the team's worker.
    void (*set_threads)(int) = (void (*)(int))dlsym(RTLD_DEFAULT, "openblas_set_num_threads");
    if (set_threads) set_threads(1);
    int (*shutdown)(void) = (int (*)(void))dlsym(RTLD_DEFAULT, "blas_thread_shutdown_");
    if (shutdown) shutdown();
}

void unroll_blas_use_team(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, make_blas_single_threaded);
}

typedef struct {
    int trans_a, trans_b, m, n, k, lda, ldb, ldc, split_rows;
    float alpha, beta;
    const float *a, *b;
    float *c;
} sgemm_job;

static void sgemm_part(void *context, int tid, int nt) {
    const sgemm_job *J = context;
    const int extent = J->split_rows ? J->m : J->n;
    // Split points on multiples of 16 so each share keeps whole vectors.
    int lo = (int)((long)extent * tid / nt), hi = (int)((long)extent * (tid + 1) / nt);
    if (nt > 1) {
        lo = tid == 0 ? 0 : (lo + 8) / 16 * 16;
        hi = tid == nt - 1 ? extent : (hi + 8) / 16 * 16;
        if (hi > extent) hi = extent;
        if (lo > hi) lo = hi;
    }
    if (hi <= lo) return;
    const float *a = J->a, *b = J->b;
    float *c = J->c;
    int m = J->m, n = J->n;
    if (J->split_rows) {
        a += J->trans_a ? lo : (size_t)lo * J->lda;
        c += (size_t)lo * J->ldc;
        m = hi - lo;
    } else {
        b += J->trans_b ? (size_t)lo * J->ldb : lo;
        c += lo;
        n = hi - lo;
    }
    cblas_sgemm(CblasRowMajor, J->trans_a ? CblasTrans : CblasNoTrans, J->trans_b ? CblasTrans : CblasNoTrans,
                m, n, J->k, J->alpha, a, J->lda, b, J->ldb, J->beta, c, J->ldc);
}

void unroll_parallel_sgemm(int trans_a, int trans_b, int m, int n, int k, float alpha,
                           const float *a, int lda, const float *b, int ldb, float beta, float *c, int ldc) {
    unroll_blas_use_team();
    sgemm_job job = {trans_a, trans_b, m, n, k, lda, ldb, ldc, m >= n, alpha, beta, a, b, c};
    int threads = unroll_kernels_threads();
    const double work = (double)m * n * k;
    const int extent = m >= n ? m : n;
    if (work < 262144.0 || extent < 32) threads = 1;
    // Only products split by rows of C give the same bits for every thread count: a split of the columns
    // changes which OpenBLAS micro-kernel handles the edge, and with it the rounding. Results must not depend
    // on the thread count (the team may run a job on one thread at any time), so column splits are not used.
    if (m < n) threads = 1;
    if (threads > extent / 16) threads = extent / 16 > 0 ? extent / 16 : 1;
    unroll_team_run(sgemm_part, &job, threads);
}
