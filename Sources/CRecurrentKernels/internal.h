// Declarations shared by the kernel translation units (not part of the public header).
#ifndef UNROLL_KERNELS_INTERNAL_H
#define UNROLL_KERNELS_INTERNAL_H

#include "CRecurrentKernels.h"

/// Upper bound on the team size.
#define UNROLL_MAX_THREADS 16

/// A job of the thread team: called once per thread with its index and the team size of this job.
typedef void (*unroll_team_job)(void *context, int thread, int threads);

/// Runs `job` on `threads` threads (the caller is thread 0) and returns when all are done. When the team is
/// busy (another caller, or a nested call), runs the job on the caller alone with `threads` = 1.
void unroll_team_run(unroll_team_job job, void *context, int threads);

/// Waits until all `threads` threads of the running job reached the barrier.
void unroll_team_barrier(int threads);

/// The kernels of one instruction set, filled in by each instantiation of kernels_template.h.
typedef struct {
    const char *name;
    int panel_width;   ///< NR: columns per packed panel
    void (*forward)(const unroll_recurrent_forward_t *args, int threads);
    void (*backward)(const unroll_recurrent_backward_t *args, int threads);
    void (*sum_rows)(const float *x, long rows, int cols, long ld, float *out);
    double (*softmax_cross_entropy)(const float *x, long rows, int cols, const int *targets, float *probs,
                                    long *counted);
    void (*softmax_rows)(const float *x, long rows, int cols, float *out, int log_output);
    void (*gemm)(int trans_a, int trans_b, int m, int n, int k, const float *a, long lda, const float *b, long ldb,
                 float *c, long ldc, int threads);
    void (*exp)(const float *x, float *y, long n);
    void (*log)(const float *x, float *y, long n);
    void (*tanh)(const float *x, float *y, long n);
    void (*sigmoid)(const float *x, float *y, long n);
    float (*sum)(const float *x, long n);
} unroll_isa_kernels_t;

extern const unroll_isa_kernels_t unroll_kernels_avx512;
extern const unroll_isa_kernels_t unroll_kernels_avx2;
extern const unroll_isa_kernels_t unroll_kernels_portable;

/// 64-byte aligned allocation of `count` floats (never NULL; aborts when memory runs out).
float *unroll_alloc_floats(size_t count);

#endif
