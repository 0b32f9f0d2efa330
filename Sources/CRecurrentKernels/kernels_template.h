// The recurrent kernels, written once over generic vectors of VL floats and instantiated per instruction set
// by the kernels_<isa>.c files, which define:
//   VL    vector lanes (16 for AVX-512, 8 for AVX2, 4 for portable C)
//   MR    rows per micro-tile (the micro-tile is MR × 2·VL, held in 2·MR vector registers)
//   ISA   the suffix of the exported kernel table (unroll_kernels_<ISA>), ISA_NAME its name as a string
//
// Matrix multiply: every step multiplies a few rows (the batch) by the same recurrent weights, so the weights
// are packed once per sequence into panels of NR = 2·VL columns, `panel[k][NR]`, and each micro-tile streams
// one panel while broadcasting the row elements. Threads split the hidden units: thread `t` owns a range of
// panels in every gate block, computes those columns of the gate pre-activations, and runs the gate math for
// exactly those units, so one barrier per time step is all the synchronisation there is.

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#define NR (2 * VL)
#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)

typedef float vf __attribute__((vector_size(VL * 4), aligned(4)));
typedef int32_t vi __attribute__((vector_size(VL * 4), aligned(4)));

#define INLINE static inline __attribute__((always_inline))

// The numerics contract (ARCHITECTURE.md): no multiply-add is fused unless written as `vfma`, so that every
// path rounds every operation the same way.
#pragma clang fp contract(off)

INLINE vf vload(const float *p) { vf v; memcpy(&v, p, sizeof v); return v; }
INLINE void vstore(float *p, vf v) { memcpy(p, &v, sizeof v); }
INLINE vf vsplat(float x) {
    vf v;
    for (int i = 0; i < VL; i++) v[i] = x;
    return v;
}

/// Loads `n < VL` floats, the rest zero.
INLINE vf vload_part(const float *p, int n) {
    float tmp[VL] = {0};
    for (int i = 0; i < n; i++) tmp[i] = p[i];
    return vload(tmp);
}

/// Stores the first `n < VL` lanes.
INLINE void vstore_part(float *p, vf v, int n) {
    float tmp[VL];
    vstore(tmp, v);
    for (int i = 0; i < n; i++) p[i] = tmp[i];
}

INLINE vf vmin(vf a, vf b) { return __builtin_elementwise_min(a, b); }
INLINE vf vmax(vf a, vf b) { return __builtin_elementwise_max(a, b); }
INLINE vf vselect(vi mask, vf yes, vf no) { return (vf)((mask & (vi)yes) | (~mask & (vi)no)); }
/// `a·b + c` rounded once, on every path.
INLINE vf vfma(vf a, vf b, vf c) { return __builtin_elementwise_fma(a, b, c); }

#include "math_template.h"

// MARK: - Packing and the micro-kernel

/// Packs op(B) (`k × n`, element (kk, j) at `b[kk·rsk + j·rsn]`) into panels of `k × NR` floats, panel `p` of
/// `p0 ..< p1` at `dst + (p − p0)·k·NR`, zero-padding the last panel's missing columns. Used for the recurrent
/// weights (once per sequence) and for B of every matrix multiply.
static void pack_panels(int k, int n, const float *b, long rsk, long rsn, float *dst, int p0, int p1) {
    for (int p = p0; p < p1; p++) {
        float *panel = dst + (size_t)(p - p0) * k * NR;
        int j0 = p * NR, cols = n - j0 < NR ? n - j0 : NR;
        if (rsn == 1) {
            for (int kk = 0; kk < k; kk++) {
                const float *src = b + kk * rsk + j0;
                float *d = panel + (size_t)kk * NR;
                for (int j = 0; j < cols; j++) d[j] = src[j];
                for (int j = cols; j < NR; j++) d[j] = 0;
            }
        } else {
            for (int j = 0; j < NR; j++) {
                if (j < cols) {
                    const float *src = b + (j0 + j) * rsn;
                    // Scalar on purpose: vectorized, this strided copy became gathers, several times slower.
#pragma clang loop vectorize(disable)
                    for (int kk = 0; kk < k; kk++) panel[(size_t)kk * NR + j] = src[kk * rsk];
                } else {
                    for (int kk = 0; kk < k; kk++) panel[(size_t)kk * NR + j] = 0;
                }
            }
        }
    }
}

/// The operands of `C = init + bias + [A | A2] · B`: A2 is an optional second block of columns of A whose rows
/// follow A's in the packed B (the input x_t beside h_{t-1}); init (rows) and bias (one row) are optional.
typedef struct {
    const float *a; long lda; int k;
    const float *a2; long lda2; int k2;
    const float *init; long ldi;
    const float *bias;
    float *c; long ldc;
} gemm_operands;

/// How many rows of a panel ahead the micro-kernel prefetches: panels of large layers stream from L3 (the
/// hardware prefetcher alone left a fifth of the time stalled on them at H = 1024).
#define PREFETCH_ROWS 64

/// Accumulates `A[R × k] · panel[k × NR]` into the two accumulator columns.
#define ACCUMULATE(R, A_, LDA, K, PANEL)                                            \
    for (int kk = 0; kk < (K); kk++) {                                              \
        __builtin_prefetch((PANEL) + (size_t)(kk + PREFETCH_ROWS) * NR, 0, 3);       \
        __builtin_prefetch((PANEL) + (size_t)(kk + PREFETCH_ROWS) * NR + VL, 0, 3);  \
        vf b0 = vload((PANEL) + (size_t)kk * NR), b1 = vload((PANEL) + (size_t)kk * NR + VL); \
        _Pragma("clang loop unroll(full)")                                          \
        for (int r = 0; r < (R); r++) {                                             \
            vf av = vsplat((A_)[r * (LDA) + kk]);                                   \
            acc0[r] = vfma(av, b0, acc0[r]);                                        \
            acc1[r] = vfma(av, b1, acc1[r]);                                        \
        }                                                                           \
    }

/// One micro-tile: rows `0 ..< R` (R ≤ MR) and columns `0 ..< nr` (nr ≤ NR) of `C = init + bias + [A|A2]·B`,
/// for operands already offset to the tile's first row and column.
INLINE void micro_tile(const int R, const gemm_operands *o, const float *panel, int nr) {
    vf acc0[MR], acc1[MR];
#pragma clang loop unroll(full)
    for (int r = 0; r < R; r++) { acc0[r] = vsplat(0); acc1[r] = vsplat(0); }
    ACCUMULATE(R, o->a, o->lda, o->k, panel)
    if (o->k2 > 0) { ACCUMULATE(R, o->a2, o->lda2, o->k2, panel + (size_t)o->k * NR) }
    const float *bias = o->bias;
    vf bias0 = vsplat(0), bias1 = vsplat(0);
    if (bias && nr == NR) { bias0 = vload(bias); bias1 = vload(bias + VL); }
#pragma clang loop unroll(full)
    for (int r = 0; r < R; r++) {
        float *cr = o->c + r * o->ldc;
        const float *ir = o->init ? o->init + r * o->ldi : 0;
        if (nr == NR) {
            vf v0 = acc0[r] + bias0, v1 = acc1[r] + bias1;
            if (ir) { v0 += vload(ir); v1 += vload(ir + VL); }
            vstore(cr, v0);
            vstore(cr + VL, v1);
        } else {
            float tmp[NR];
            vstore(tmp, acc0[r]);
            vstore(tmp + VL, acc1[r]);
            for (int j = 0; j < nr; j++) {
                float v = tmp[j] + (bias ? bias[j] : 0.0f);
                cr[j] = ir ? v + ir[j] : v;
            }
        }
    }
}

/// Columns `p·NR ..< min((p+1)·NR, n)` for the panels `p0 ..< p1` of `C[m × n] = init + bias + [A|A2]·B`, B packed
/// in panels of `(k + k2) × NR`; the pointers in `o` refer to row 0 and column 0.
static void panel_gemm(int m, int n, const gemm_operands *o, const float *packed, int p0, int p1) {
    const int blocks = (m + MR - 1) / MR;
    const size_t panelSize = (size_t)(o->k + o->k2) * NR;
    for (int p = p0; p < p1; p++) {
        const float *panel = packed + (size_t)p * panelSize;
        const int j0 = p * NR, nr = n - j0 < NR ? n - j0 : NR;
        int r0 = 0;
        for (int blk = 0; blk < blocks; blk++) {
            // Rows spread evenly over the blocks (32 rows at MR = 12 become 11, 11, 10).
            const int r1 = (int)((long)m * (blk + 1) / blocks), rows = r1 - r0;
            gemm_operands t = *o;
            t.a = o->a + r0 * o->lda;
            t.a2 = o->a2 ? o->a2 + r0 * o->lda2 : 0;
            t.init = o->init ? o->init + r0 * o->ldi + j0 : 0;
            t.bias = o->bias ? o->bias + j0 : 0;
            t.c = o->c + r0 * o->ldc + j0;
            switch (rows) {
#define TILE_CASE(R) case R: micro_tile(R, &t, panel, nr); break;
                TILE_CASE(1) TILE_CASE(2) TILE_CASE(3) TILE_CASE(4)
#if MR > 4
                TILE_CASE(5) TILE_CASE(6)
#endif
#if MR > 6
                TILE_CASE(7) TILE_CASE(8) TILE_CASE(9) TILE_CASE(10) TILE_CASE(11) TILE_CASE(12)
#endif
#undef TILE_CASE
                default: break;
            }
            r0 = r1;
        }
    }
}

/// How the threads of a job share a sequence. Splitting the hidden units (each thread owns some panels of every
/// gate block) halves the weights each thread streams per step but exchanges h (or dG) between threads at a
/// barrier every step; splitting the batch rows needs no barrier and no exchange, but every thread reads all the
/// weights. So rows are split while the packed weights are small (up to 2 MB by default: through H = 256 the
/// rows won, measured, even where the weights overflow L2 a little), units otherwise.
typedef struct {
    int p0, p1;        // owned panels
    int u0, u1;        // owned hidden units
    int r0, r1;        // owned batch rows
    int by_rows;       // the split is by rows (no barriers)
} thread_share;


INLINE thread_share share_of(int by_rows, int panels, int hidden, int rows, int tid, int nt) {
    thread_share sh;
    sh.by_rows = by_rows;
    if (by_rows) {
        sh.p0 = 0; sh.p1 = panels; sh.u0 = 0; sh.u1 = hidden;
        sh.r0 = (int)((long)rows * tid / nt);
        sh.r1 = (int)((long)rows * (tid + 1) / nt);
    } else {
        sh.p0 = (int)((long)panels * tid / nt);
        sh.p1 = (int)((long)panels * (tid + 1) / nt);
        sh.u0 = sh.p0 * NR;
        sh.u1 = sh.p1 * NR < hidden ? sh.p1 * NR : hidden;
        sh.r0 = 0; sh.r1 = rows;
    }
    return sh;
}

/// Threads worth using for `work` multiply-adds per step: a step too small to pay for splitting stays on one
/// thread; a split by rows needs a row per thread, a split by units a panel per thread.
INLINE int useful_threads(int threads, int by_rows, int panels, int rows, double work) {
    const int limit = by_rows ? rows : panels;
    int nt = threads < limit ? threads : limit;
    if (work < 65536.0) nt = 1;
    return nt < 1 ? 1 : nt;
}

// MARK: - Gate math, one vector of units at a time

/// Loads `cnt` floats (a whole vector when `cnt == VL`, which the full-vector loop passes as a constant).
#define LD(p) (cnt == VL ? vload(p) : vload_part((p), cnt))
/// Stores `cnt` floats.
#define ST(p, v) do { if (cnt == VL) vstore((p), (v)); else vstore_part((p), (v), cnt); } while (0)

/// Runs `CALL` for the units `[u0, u1)` a vector at a time, with `j` the first unit and `cnt` the count: whole
/// vectors first (`cnt` a constant, so the loads and stores need no checks), then one partial vector.
#define FOR_UNIT_VECTORS(u0, u1, CALL) do {                                  \
        int j = (u0);                                                        \
        for (; j + VL <= (u1); j += VL) { const int cnt = VL; CALL; }        \
        if (j < (u1)) { const int cnt = (u1) - j; CALL; }                    \
    } while (0)

/// RNN: `h' = tanh(pre)` or `max(0, pre)`; the gate buffer keeps `h'`.
INLINE void rnn_forward_units(const int cnt, int j, int use_tanh, float *gt, float *ho, float *out) {
    vf x = LD(gt + j);
    vf hn = use_tanh ? vtanh(x) : vmax(x, vsplat(0));
    ST(gt + j, hn); ST(ho + j, hn); ST(out + j, hn);
}

/// LSTM: the activated gates go back into the gate buffer, `c` is updated in place, `h'` goes to `ho` and `out`;
/// `ex` and `tcs` (optional) keep `c_{t-1}` and `tanh(c_t)`.
INLINE void lstm_forward_units(const int cnt, int j, int hs, float *gt, float *ci, float *ho, float *out,
                               float *ex, float *tcs) {
    vf ig = vsigmoid(LD(gt + j)), fg = vsigmoid(LD(gt + hs + j));
    vf gg = vtanh(LD(gt + 2 * hs + j)), og = vsigmoid(LD(gt + 3 * hs + j));
    vf cp = LD(ci + j);
    vf cn = fg * cp + ig * gg;
    vf tc = vtanh(cn);
    vf hn = og * tc;
    ST(gt + j, ig); ST(gt + hs + j, fg); ST(gt + 2 * hs + j, gg); ST(gt + 3 * hs + j, og);
    ST(ci + j, cn); ST(ho + j, hn); ST(out + j, hn);
    if (ex) { ST(ex + j, cp); ST(tcs + j, tc); }
}

/// GRU: `n = tanh(W_in x + b_in + r (W_hn h + b_hn))`, `h' = n + z (h − n)`; `ex` (optional) keeps `W_hn h + b_hn`.
INLINE void gru_forward_units(const int cnt, int j, int hs, float *gt, const float *xwr, const float *bhn,
                              const float *bxn, const float *hi, float *ho, float *out, float *ex) {
    vf r = vsigmoid(LD(gt + j)), z = vsigmoid(LD(gt + hs + j));
    vf hn = LD(gt + 2 * hs + j) + LD(bhn + j);
    vf nn = vtanh((LD(xwr + 2 * hs + j) + LD(bxn + j)) + r * hn);
    vf hp = LD(hi + j);
    vf v = nn + z * (hp - nn);
    ST(gt + j, r); ST(gt + hs + j, z); ST(gt + 2 * hs + j, nn);
    ST(ho + j, v); ST(out + j, v);
    if (ex) ST(ex + j, hn);
}

/// Backward of the RNN gate: `dG = dh ⊙ (1 − y²)` (tanh) or `dh ⊙ [y > 0]` (relu).
INLINE void rnn_backward_units(const int cnt, int j, int use_tanh, float *d, const float *go, const float *gt,
                               float *dg) {
    vf dv = LD(d + j) + LD(go + j);
    ST(d + j, dv);
    vf y = LD(gt + j);
    ST(dg + j, use_tanh ? dv * (1.0f - y * y) : vselect(y > 0.0f, dv, vsplat(0)));
}

/// Backward of the LSTM gates and cell for one time step; `dci` carries dc from step to step.
INLINE void lstm_backward_units(const int cnt, int j, int hs, float *d, const float *go, const float *gt,
                                const float *th_row, const float *cp_row, float *dci, float *dg) {
    vf dv = LD(d + j) + LD(go + j);
    ST(d + j, dv);
    vf ig = LD(gt + j), fg = LD(gt + hs + j), gg = LD(gt + 2 * hs + j), og = LD(gt + 3 * hs + j);
    vf th = LD(th_row + j), cp = LD(cp_row + j);
    vf dct = LD(dci + j) + dv * og * (1.0f - th * th);
    ST(dg + j, dct * gg * ig * (1.0f - ig));
    ST(dg + hs + j, dct * cp * fg * (1.0f - fg));
    ST(dg + 2 * hs + j, dct * ig * (1.0f - gg * gg));
    ST(dg + 3 * hs + j, dv * th * og * (1.0f - og));
    ST(dci + j, dct * fg);
}

/// Backward of the GRU gates: `dg` as W_hh sees them (n block times r), `dgx` as W_ih sees them.
INLINE void gru_backward_units(const int cnt, int j, int hs, float *d, const float *go, const float *gt,
                               const float *hn_row, const float *hp_row, float *dg, float *dgx) {
    vf dv = LD(d + j) + LD(go + j);
    ST(d + j, dv);
    vf r = LD(gt + j), z = LD(gt + hs + j), nn = LD(gt + 2 * hs + j);
    vf hn = LD(hn_row + j), hp = LD(hp_row + j);
    vf dn = dv * (1.0f - z) * (1.0f - nn * nn);
    vf dr = dn * hn * r * (1.0f - r);
    vf dz = dv * (hp - nn) * z * (1.0f - z);
    ST(dg + j, dr); ST(dg + hs + j, dz); ST(dg + 2 * hs + j, dn * r);
    ST(dgx + j, dr); ST(dgx + hs + j, dz); ST(dgx + 2 * hs + j, dn);
}

#undef LD
#undef ST

// MARK: - Forward

typedef struct {
    const unroll_recurrent_forward_t *args;
    float *packed;    // G blocks of ⌈H/NR⌉ panels of (H + F') × NR: W_hh block g transposed, then W_ih's (F' = F when fused)
    float *h_a, *h_b; // the two h buffers (N × hld), swapped every step
    int hld;          // their row stride: H padded so that the rows a tile broadcasts from fall into different cache sets
    int by_rows;      // threads split the batch rows (else the hidden units)
} forward_context;

static void forward_job(void *context, int tid, int nt) {
    forward_context *ctx = context;
    const unroll_recurrent_forward_t *A = ctx->args;
    const int kind = A->kind, n = A->batch, steps = A->steps, hs = A->hidden;
    const int gcount = kind == UNROLL_CELL_LSTM ? 4 : kind == UNROLL_CELL_GRU ? 3 : 1;
    const int gh = gcount * hs;
    const int fused = A->xw == 0, features = fused ? A->features : 0;
    const int panels = (hs + NR - 1) / NR;
    const size_t panelSize = (size_t)(hs + features) * NR, block = (size_t)panels * panelSize;
    const thread_share sh = share_of(ctx->by_rows, panels, hs, n, tid, nt);
    const int p0 = sh.p0, p1 = sh.p1, u0 = sh.u0, u1 = sh.u1, r0 = sh.r0, r1 = sh.r1;
    // Split by units: each thread packs the panels it uses. Split by rows: they share one packing, split
    // between them, so the job starts with a barrier.
    const thread_share packing = share_of(0, panels, hs, n, tid, nt);
    for (int g = 0; g < gcount; g++) {
        for (int p = packing.p0; p < packing.p1; p++) {
            float *panel = ctx->packed + g * block + p * panelSize;
            pack_panels(hs, hs, A->w_hh + (size_t)g * hs * hs, 1, hs, panel, p, p + 1);
            if (fused) {
                pack_panels(features, hs, A->w_ih + (size_t)g * hs * features, 1, features,
                            panel + (size_t)hs * NR, p, p + 1);
            }
        }
    }
    if (sh.by_rows) unroll_team_barrier(nt);
    // Fused input: each thread copies x_t of its rows into its own contiguous buffer once per step.
    float *xt = fused && features > 0 ? unroll_alloc_floats((size_t)n * features) : 0;
    const long ldg = A->gate_stride;                          // between rows of the gate buffer
    const long xwStride = (long)steps * gh;
    const long hpStride = A->h_prev_stride;
    const long hld = ctx->hld;
    float *hin = ctx->h_a, *hout = ctx->h_b;
    float *c = A->c;
    const float *bhn = A->b_hh + 2 * hs, *bxn = A->b_x + 2 * hs;

    for (int s = 0; s < steps; s++) {
        const int t = A->reverse ? steps - 1 - s : s;
        float *gates = A->save ? A->gates + (size_t)t * n * ldg : A->gates;   // time-major: step t's rows together
        const float *xw = fused ? 0 : A->xw + (size_t)t * gh;
        if (xt) {
            for (int i = r0; i < r1; i++) {
                memcpy(xt + (size_t)i * features, A->x + ((size_t)i * steps + t) * features, (size_t)features * sizeof(float));
            }
        }
        if (s > 0 && !sh.by_rows) unroll_team_barrier(nt);   // h of the previous step complete in `hin`
        for (int g = 0; g < gcount; g++) {
            gemm_operands o = {0};
            o.a = hin + (size_t)r0 * hld; o.lda = hld; o.k = hs;
            if (fused) { o.a2 = xt + (size_t)r0 * features; o.lda2 = features; o.k2 = features; }
            if (!fused && !(kind == UNROLL_CELL_GRU && g == 2)) { o.init = xw + r0 * xwStride + g * hs; o.ldi = xwStride; }
            if (!(kind == UNROLL_CELL_GRU && g == 2)) o.bias = A->b_x + g * hs;
            o.c = gates + (size_t)r0 * ldg + g * hs; o.ldc = ldg;
            panel_gemm(r1 - r0, hs, &o, ctx->packed + g * block, p0, p1);
        }
        if (A->save && hpStride > hs && (sh.by_rows || tid == 0)) {
            // The saved rows are [h_{t-1} | x_t]; the x part is copied by the row's owner, or thread 0.
            const int f = (int)hpStride - hs;
            for (int i = r0; i < r1; i++) {
                const float *src = xt ? xt + (size_t)i * f : A->x + ((size_t)i * steps + t) * f;
                memcpy(A->h_prev + ((size_t)t * n + i) * hpStride + hs, src, (size_t)f * sizeof(float));
            }
        }
        for (int i = r0; i < r1; i++) {
            const size_t brow = (size_t)i * steps + t;   // batch-major row: inputs and outputs
            const size_t row = (size_t)t * n + i;        // time-major row: everything saved
            const float *hi = hin + (size_t)i * hld;
            float *ho = hout + (size_t)i * hld;
            float *out = A->output + brow * hs;
            if (t >= A->lengths[i]) {
                // No step: the state is carried, the output stays zero, and the saved h_{t-1} is zero so the
                // weight-gradient products over all rows see finite values.
                for (int j = u0; j < u1; j++) { ho[j] = hi[j]; out[j] = 0; }
                if (A->save) for (int j = u0; j < u1; j++) A->h_prev[row * hpStride + j] = 0;
                continue;
            }
            float *gt = gates + (size_t)i * ldg;
            if (A->save) memcpy(A->h_prev + row * hpStride + u0, hi + u0, (size_t)(u1 - u0) * sizeof(float));
            float *ex = A->save && A->extra ? A->extra + row * hs : 0;
            float *tcs = A->save && A->tanh_c ? A->tanh_c + row * hs : 0;
            switch (kind) {
            case UNROLL_CELL_RNN_TANH:
            case UNROLL_CELL_RNN_RELU:
                FOR_UNIT_VECTORS(u0, u1, rnn_forward_units(cnt, j, kind == UNROLL_CELL_RNN_TANH, gt, ho, out));
                break;
            case UNROLL_CELL_LSTM:
                FOR_UNIT_VECTORS(u0, u1, lstm_forward_units(cnt, j, hs, gt, c + (size_t)i * hs, ho, out, ex, tcs));
                break;
            case UNROLL_CELL_GRU:
                FOR_UNIT_VECTORS(u0, u1, gru_forward_units(cnt, j, hs, gt, xw + (size_t)i * xwStride, bhn, bxn, hi, ho,
                                                           out, ex));
                break;
            default: break;
            }
        }
        float *swap = hin; hin = hout; hout = swap;
    }
    free(xt);
    // The final h of the owned units goes back to the caller's buffer, once no thread reads it any more as
    // the input of the last step.
    {
        if (!sh.by_rows) unroll_team_barrier(nt);
        for (int i = r0; i < r1; i++) {
            memcpy(A->h + (size_t)i * hs + u0, hin + (size_t)i * hld + u0, (size_t)(u1 - u0) * sizeof(float));
        }
    }
}

static void forward_entry(const unroll_recurrent_forward_t *args, int threads) {
    const int hs = args->hidden;
    const int gcount = args->kind == UNROLL_CELL_LSTM ? 4 : args->kind == UNROLL_CELL_GRU ? 3 : 1;
    const int panels = (hs + NR - 1) / NR;
    const int features = args->xw ? 0 : args->features;
    forward_context ctx;
    ctx.args = args;
    ctx.packed = unroll_alloc_floats((size_t)gcount * panels * (hs + features) * NR);
    ctx.hld = unroll_padded_stride(hs);
    ctx.h_a = unroll_alloc_floats((size_t)args->batch * ctx.hld);
    ctx.h_b = unroll_alloc_floats((size_t)args->batch * ctx.hld);
    for (int i = 0; i < args->batch; i++) memcpy(ctx.h_a + (size_t)i * ctx.hld, args->h + (size_t)i * hs, (size_t)hs * sizeof(float));
    const double packedBytes = (double)gcount * panels * (hs + features) * NR * sizeof(float);
    ctx.by_rows = packedBytes <= (double)unroll_kernels_row_split_bytes();
    int nt = useful_threads(threads, ctx.by_rows, panels, args->batch, (double)args->batch * (hs + features) * gcount * hs);
    unroll_team_run(forward_job, &ctx, nt);
    free(ctx.packed);
    free(ctx.h_a);
    free(ctx.h_b);
}

// MARK: - Backward

typedef struct {
    const unroll_recurrent_backward_t *args;
    float *packed;    // W_hh (G·H × H) in ⌈H/NR⌉ panels of G·H × NR
    float *dh_other;  // the second dh buffer (N × H)
    int by_rows;      // threads split the batch rows (else the hidden units)
} backward_context;

static void backward_job(void *context, int tid, int nt) {
    backward_context *ctx = context;
    const unroll_recurrent_backward_t *A = ctx->args;
    const int kind = A->kind, n = A->batch, steps = A->steps, hs = A->hidden;
    const int gcount = kind == UNROLL_CELL_LSTM ? 4 : kind == UNROLL_CELL_GRU ? 3 : 1;
    const int gh = gcount * hs;
    const int panels = (hs + NR - 1) / NR;
    const thread_share sh = share_of(ctx->by_rows, panels, hs, n, tid, nt);
    const int p0 = sh.p0, p1 = sh.p1, u0 = sh.u0, u1 = sh.u1, r0 = sh.r0, r1 = sh.r1;
    const thread_share packing = share_of(0, panels, hs, n, tid, nt);
    pack_panels(gh, hs, A->w_hh, hs, 1, ctx->packed + (size_t)packing.p0 * gh * NR, packing.p0, packing.p1);
    if (sh.by_rows) unroll_team_barrier(nt);
    const long ldg = A->gate_stride;
    float *dcur = A->dh, *dnew = ctx->dh_other;

    for (int s = steps - 1; s >= 0; s--) {
        const int t = A->reverse ? steps - 1 - s : s;
        // Gate gradients of step t for the owned units, from dh_t (plus this step's output gradient).
        for (int i = r0; i < r1; i++) {
            const size_t brow = (size_t)i * steps + t, row = (size_t)t * n + i;
            float *dg = A->d_gates_hh + row * ldg;
            float *dgx = kind == UNROLL_CELL_GRU ? A->d_gates_ih + row * ldg : 0;
            if (t >= A->lengths[i]) {
                for (int g = 0; g < gcount; g++) {
                    memset(dg + g * hs + u0, 0, (size_t)(u1 - u0) * sizeof(float));
                    if (dgx) memset(dgx + g * hs + u0, 0, (size_t)(u1 - u0) * sizeof(float));
                }
                continue;
            }
            float *d = dcur + (size_t)i * hs;
            const float *go = A->grad_output + brow * hs;
            const float *gt = A->gates + row * ldg;
            switch (kind) {
            case UNROLL_CELL_RNN_TANH:
            case UNROLL_CELL_RNN_RELU:
                FOR_UNIT_VECTORS(u0, u1, rnn_backward_units(cnt, j, kind == UNROLL_CELL_RNN_TANH, d, go, gt, dg));
                break;
            case UNROLL_CELL_LSTM:
                FOR_UNIT_VECTORS(u0, u1, lstm_backward_units(cnt, j, hs, d, go, gt, A->tanh_c + row * hs,
                                                             A->extra + row * hs, A->dc + (size_t)i * hs, dg));
                break;
            case UNROLL_CELL_GRU:
                FOR_UNIT_VECTORS(u0, u1, gru_backward_units(cnt, j, hs, d, go, gt, A->extra + row * hs,
                                                            A->h_prev + row * A->h_prev_stride, dg, dgx));
                break;
            default: break;
            }
        }
        if (!sh.by_rows) unroll_team_barrier(nt);   // every unit's gate gradients of step t are in place
        // dh_{t-1} for the owned units: dG_t × W_hh, plus what bypasses the product.
        gemm_operands o = {0};
        o.a = A->d_gates_hh + ((size_t)t * n + r0) * ldg; o.lda = ldg; o.k = gh;
        o.c = dnew + (size_t)r0 * hs; o.ldc = hs;
        panel_gemm(r1 - r0, hs, &o, ctx->packed, p0, p1);
        for (int i = r0; i < r1; i++) {
            float *src = dcur + (size_t)i * hs, *dst = dnew + (size_t)i * hs;
            if (t >= A->lengths[i]) {
                memcpy(dst + u0, src + u0, (size_t)(u1 - u0) * sizeof(float));
            } else if (kind == UNROLL_CELL_GRU) {
                const float *z = A->gates + ((size_t)t * n + i) * ldg + hs;
                for (int j = u0; j < u1; j++) dst[j] += src[j] * z[j];
            }
        }
        float *swap = dcur; dcur = dnew; dnew = swap;
    }
    if (dcur != A->dh) {
        for (int i = r0; i < r1; i++) {
            memcpy(A->dh + (size_t)i * hs + u0, dcur + (size_t)i * hs + u0, (size_t)(u1 - u0) * sizeof(float));
        }
    }
}

static void backward_entry(const unroll_recurrent_backward_t *args, int threads) {
    const int hs = args->hidden;
    const int gcount = args->kind == UNROLL_CELL_LSTM ? 4 : args->kind == UNROLL_CELL_GRU ? 3 : 1;
    const int panels = (hs + NR - 1) / NR;
    backward_context ctx;
    ctx.args = args;
    ctx.packed = unroll_alloc_floats((size_t)panels * gcount * hs * NR);
    ctx.dh_other = unroll_alloc_floats((size_t)args->batch * hs);
    ctx.by_rows = (double)panels * gcount * hs * NR * sizeof(float) <= (double)unroll_kernels_row_split_bytes();
    int nt = useful_threads(threads, ctx.by_rows, panels, args->batch, (double)args->batch * hs * gcount * hs);
    unroll_team_run(backward_job, &ctx, nt);
    free(ctx.packed);
    free(ctx.dh_other);
}

#include "rowwise_template.h"
#include "gemm_template.h"

const unroll_isa_kernels_t CAT(unroll_kernels_, ISA) = {
    .name = ISA_NAME,
    .panel_width = NR,
    .forward = forward_entry,
    .backward = backward_entry,
    .sum_rows = sum_rows_impl,
    .softmax_cross_entropy = softmax_cross_entropy_impl,
    .softmax_rows = softmax_rows_impl,
    .gemm = gemm_impl,
    .exp = exp_impl,
    .log = log_impl,
    .tanh = tanh_impl,
    .sigmoid = sigmoid_impl,
    .sum = sum_impl,
};
