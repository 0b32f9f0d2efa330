#ifndef UNROLL_CRECURRENTKERNELS_H
#define UNROLL_CRECURRENTKERNELS_H

#include <stddef.h>

/// The numeric kernels: the recurrent time loops (packed weights, fused gate math), the general matrix multiply,
/// row-wise softmax and sums, and element-wise exp/log/tanh/sigmoid, with a small persistent thread team.
/// Instruction sets are chosen at run time (AVX-512, AVX2, or portable C) and all give the same bits: see the
/// numerics contract in ARCHITECTURE.md.

#ifdef __cplusplus
extern "C" {
#endif

/// Cell types, in the order of Swift's `RecurrentCellKind`.
enum {
    UNROLL_CELL_RNN_TANH = 0,
    UNROLL_CELL_RNN_RELU = 1,
    UNROLL_CELL_LSTM = 2,
    UNROLL_CELL_GRU = 3
};

/// Sets how many threads the kernels use (1 ... 16); the team is started on first use.
void unroll_kernels_set_threads(int count);

/// The number of threads the kernels use.
int unroll_kernels_threads(void);

/// Switches the team's back-off under load on (1, the default) or off (0): with it off, every job asked to run on
/// several threads does, however long its threads wait for each other. For tests that must see two threads.
void unroll_team_set_back_off(int enabled);

/// Whether the team backs off under load (1) or not (0).
int unroll_team_back_off(void);

/// How many team jobs so far ran on more than one thread (a busy or backed-off team runs a job on its caller alone).
long unroll_team_parallel_jobs(void);

/// Packed recurrent weights up to this many bytes are read whole by every thread, which then split the batch rows
/// (no per-step barrier); larger ones are split by hidden units. Default 2 MB (measured: rows win through H = 256).
void unroll_kernels_set_row_split_bytes(long bytes);

/// The current row-split limit in bytes.
long unroll_kernels_row_split_bytes(void);

/// The instruction set the kernels dispatched to: "avx512", "avx2" or "portable".
const char *unroll_kernels_isa(void);

/// Whether this CPU runs the kernels of instruction set `name` ("avx512", "avx2", "portable"): 1 or 0.
int unroll_kernels_isa_supported(const char *name);

/// Switches to the kernels of instruction set `name` ("avx512", "avx2", "portable") if this CPU runs them;
/// returns 1 on success, 0 when unsupported (the choice is then unchanged). For tests and comparisons.
int unroll_kernels_select_isa(const char *name);

/// The row stride the kernels want for a matrix of `cols` columns that is walked a few rows at a time: a multiple
/// of 16 floats that is not a multiple of 512 (2 KB), so rows that are read together fall into different cache sets.
int unroll_padded_stride(int cols);

/// One direction of one recurrent layer over a batch-first sequence: inputs, weights and where results go.
///
/// Inputs and outputs are batch-major (row `n·T + t`, `T = steps`); everything saved for the backward pass is
/// time-major (row `t·N + n`), so that the rows of one step lie together. Pointers marked optional may be NULL
/// when nothing is saved.
typedef struct {
    int kind;            ///< UNROLL_CELL_*
    int batch;           ///< N
    int steps;           ///< T
    int hidden;          ///< H
    int reverse;         ///< run from t = T-1 down to 0
    const int *lengths;  ///< N sequence lengths (0 ... T)
    const float *xw;     ///< (N·T, G·H) input projections x W_ihᵀ without bias, or NULL to fuse them into the
                         ///< step (RNN and LSTM only): then `x`, `w_ih` and `features` are read instead
    const float *x;      ///< (N·T, F) inputs (fused input only)
    const float *w_ih;   ///< (G·H, F) input weights (fused input only)
    int features;        ///< F (fused input only)
    const float *b_x;    ///< (G·H) bias of the pre-activations: b_ih + b_hh (GRU's n block: b_ih only)
    const float *w_hh;   ///< (G·H, H) recurrent weights, row-major
    const float *b_hh;   ///< (G·H) recurrent bias (only GRU's n block is read)
    float *output;       ///< (N·T, H) outputs; rows past a sequence's length are left untouched
    float *h;            ///< (N, H) in: h0, out: final h
    float *c;            ///< (N, H) in: c0, out: final c (LSTM only)
    float *gates;        ///< (T·N, gate_stride) post-activation gates when saving, else a (N, gate_stride) scratch
    int gate_stride;     ///< row stride of `gates`, at least G·H (see unroll_padded_stride)
    float *h_prev;       ///< optional (T·N, h_prev_stride): h_{t-1} per row, then x_t when the stride is H + F
    int h_prev_stride;   ///< H or H + F
    float *extra;        ///< optional (T·N, H): LSTM c_{t-1}, GRU W_hn h + b_hn
    float *tanh_c;       ///< optional (T·N, H): LSTM tanh(c_t)
    int save;            ///< whether gates/h_prev/extra/tanh_c are per-row saves
} unroll_recurrent_forward_t;

/// Runs the forward recurrence described by `args`.
void unroll_recurrent_forward(const unroll_recurrent_forward_t *args);

/// The backward recurrence of one direction: from the saved forward values and the output gradients, the
/// pre-activation gradients of every row and the gradients of the initial states.
typedef struct {
    int kind;
    int batch;
    int steps;
    int hidden;
    int reverse;
    const int *lengths;
    const float *w_hh;    ///< (G·H, H)
    const float *gates;   ///< saved (T·N, gate_stride)
    int gate_stride;      ///< row stride of `gates` and of the gate gradients
    const float *h_prev;  ///< saved (T·N, h_prev_stride)
    int h_prev_stride;
    const float *extra;   ///< saved (T·N, H)
    const float *tanh_c;  ///< saved (T·N, H)
    const float *grad_output; ///< (N·T, H) gradient of the outputs, batch-major
    float *dh;            ///< (N, H) in: gradient of the final h, out: gradient of h0
    float *dc;            ///< (N, H) in: gradient of the final c, out: gradient of c0 (LSTM)
    float *d_gates_hh;    ///< (T·N, gate_stride) out: pre-activation gradients as W_hh sees them (all rows written)
    float *d_gates_ih;    ///< GRU only: (T·N, gate_stride) out: pre-activation gradients as W_ih sees them
} unroll_recurrent_backward_t;

/// Runs the backward recurrence described by `args`.
void unroll_recurrent_backward(const unroll_recurrent_backward_t *args);

/// `out[c] = Σ_r x[r][c]` for a `(rows, cols)` matrix with row stride `ld`, each column summed in row order.
void unroll_sum_rows(const float *x, long rows, int cols, long ld, float *out);

/// Softmax of every row of `logits` `(rows, cols)` into `probs`; returns the sum of `−log p[target]` over the rows
/// whose target is ≥ 0 and stores their number in `counted` (targets must be < cols).
double unroll_softmax_cross_entropy(const float *logits, long rows, int cols, const int *targets, float *probs,
                                    long *counted);

/// Softmax (`log_output` = 0) or log-softmax (1) of every row of `x` `(rows, cols)` into `out`.
void unroll_softmax_rows(const float *x, long rows, int cols, float *out, int log_output);

/// `C = op(A) · op(B)` for row-major `op(A)` `(m, k)` and `op(B)` `(k, n)` into `C` `(m, n)` (row strides `lda`, `ldb`,
/// `ldc`), on the kernel thread team. Each element is the fused-multiply-add chain over k = 0 … k−1 from +0: the
/// same bits on every instruction set and thread count. `k = 0` gives zeros.
void unroll_gemm(int trans_a, int trans_b, int m, int n, int k, const float *a, long lda, const float *b, long ldb,
                 float *c, long ldc);

/// `y[i] = e^x[i]` for `n` floats (`y` may be `x`); the project's own exp, the same bits on every path.
void unroll_exp(const float *x, float *y, long n);

/// `y[i] = log x[i]` for `n` floats (`y` may be `x`).
void unroll_log(const float *x, float *y, long n);

/// `y[i] = tanh x[i]` for `n` floats (`y` may be `x`).
void unroll_tanh(const float *x, float *y, long n);

/// `y[i] = 1 / (1 + e^−x[i])` for `n` floats (`y` may be `x`).
void unroll_sigmoid(const float *x, float *y, long n);

/// The canonical sum of `n` floats: 16 partial sums (element i into partial i mod 16), then a fixed pairwise tree.
float unroll_sum(const float *x, long n);

#ifdef __cplusplus
}
#endif

#endif
