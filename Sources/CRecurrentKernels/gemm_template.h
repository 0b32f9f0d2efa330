// The general matrix multiply `C = op(A) · op(B)` of every product outside the time loop (input projections,
// weight gradients, the output head, the tape's matmul), over the vectors of kernels_template.h.
//
// The numerics contract: element C[i][j] is the fused-multiply-add chain `acc = fma(A[i][k], B[k][j], acc)` for
// k = 0, 1, …, K−1 from acc = +0, whatever the path, the thread count or the blocking. Blocks of K are
// GEMM_KC deep; between blocks the partial sum is stored in C and reloaded, so the chain goes on in the same
// order. A wider vector computes more columns j at once, never another order for one element, and threads
// split C by whole panels of columns or by rows.

/// Depth of a K block: a packed B panel block (GEMM_KC × NR floats) stays in the L1 cache.
#define GEMM_KC (8192 / NR)
/// Rows of op(A) run against one panel before the next panel (GEMM_MC × GEMM_KC floats of A stay in L2).
#define GEMM_MC (MR * 16)

typedef struct {
    int trans_a, trans_b, m, n, k;
    const float *a; long lda;
    const float *b; long ldb;
    float *c; long ldc;
    int by_columns;   // threads split the column panels (else the rows)
} gemm_job;

/// Packs rows `i0 ..< i0 + rows` and depths `k0 ..< k0 + kc` of op(A) into blocks of MR rows, `block[kk][MR]`
/// (the last block's missing rows are left unset: no tile reads them), so that a tile's broadcasts come from one
/// cache line per depth. Used when several panels reuse the same rows.
static void gemm_pack_a(const gemm_job *J, int i0, int rows, int k0, int kc, float *dst) {
    for (int blk = 0; blk * MR < rows; blk++) {
        float *d = dst + (size_t)blk * kc * MR;
        const int r0 = i0 + blk * MR, live = rows - blk * MR < MR ? rows - blk * MR : MR;
        if (J->trans_a) {
            for (int kk = 0; kk < kc; kk++) {
                const float *src = J->a + (size_t)(k0 + kk) * J->lda + r0;
                float *row = d + (size_t)kk * MR;
                for (int r = 0; r < live; r++) row[r] = src[r];
            }
        } else {
            for (int r = 0; r < live; r++) {
                const float *src = J->a + (size_t)(r0 + r) * J->lda + k0;
#pragma clang loop vectorize(disable)
                for (int kk = 0; kk < kc; kk++) d[(size_t)kk * MR + r] = src[kk];
            }
        }
    }
}

/// One R × NR tile over one K block: `C (R rows, nr ≤ NR columns) = [C +] op(A) · Bpanel`, starting the chains at
/// +0 when `first`, else at the partial sums stored in C. op(A)'s element (r, kk) is `a[r·rs + kk·ks]`, read in
/// place (broadcast from memory: rows of A are not packed).
INLINE void gemm_tile(const int R, const float *a, long rs, long ks, int kc, const float *bp, float *c, long ldc,
                      int nr, int first, const float *cnext) {
    // The next tile's rows of C, which it loads or stores first: they are far apart (a row stride each) and
    // rarely cached, and without this each tile began with a stall on them.
    if (cnext) {
#pragma clang loop unroll(full)
        for (int r = 0; r < MR; r++) {
            __builtin_prefetch(cnext + r * ldc, 1, 3);
            if (NR * 4 > 64) __builtin_prefetch(cnext + r * ldc + 16, 1, 3);
        }
    }
    vf acc0[MR], acc1[MR];
#pragma clang loop unroll(full)
    for (int r = 0; r < R; r++) {
        if (first) {
            acc0[r] = vsplat(0); acc1[r] = vsplat(0);
        } else if (nr == NR) {
            acc0[r] = vload(c + r * ldc); acc1[r] = vload(c + r * ldc + VL);
        } else {
            float tmp[NR] = {0};
            for (int j = 0; j < nr; j++) tmp[j] = c[r * ldc + j];
            acc0[r] = vload(tmp); acc1[r] = vload(tmp + VL);
        }
    }
    for (int kk = 0; kk < kc; kk++) {
        vf b0 = vload(bp + (size_t)kk * NR), b1 = vload(bp + (size_t)kk * NR + VL);
        const float *ak = a + kk * ks;
#pragma clang loop unroll(full)
        for (int r = 0; r < R; r++) {
            vf av = vsplat(ak[r * rs]);
            acc0[r] = vfma(av, b0, acc0[r]);
            acc1[r] = vfma(av, b1, acc1[r]);
        }
    }
#pragma clang loop unroll(full)
    for (int r = 0; r < R; r++) {
        float *cr = c + r * ldc;
        if (nr == NR) {
            vstore(cr, acc0[r]); vstore(cr + VL, acc1[r]);
        } else {
            float tmp[NR];
            vstore(tmp, acc0[r]); vstore(tmp + VL, acc1[r]);
            for (int j = 0; j < nr; j++) cr[j] = tmp[j];
        }
    }
}

/// Rows `i0 ..< i0 + rows` of one K block against one packed panel, in tiles of MR rows (the last one shorter).
/// `TRANS` is a constant (0 or 1) at each call, so the tile's address arithmetic is specialised.
#define GEMM_ROWS(TRANS)                                                                                     \
    for (int i = i0; i < i0 + rows; i += MR) {                                                              \
        const int live = i0 + rows - i < MR ? i0 + rows - i : MR;                                           \
        const long rs = (TRANS) ? 1 : J->lda, ks = (TRANS) ? J->lda : 1;                                     \
        const float *a = J->a + (TRANS ? (size_t)k0 * J->lda + i : (size_t)i * J->lda + k0);                 \
        float *c = J->c + (size_t)i * J->ldc + j0;                                                          \
        const float *cnext = i + MR < i0 + rows ? c + (size_t)MR * J->ldc                                    \
                             : j0 + NR < J->n ? J->c + (size_t)i0 * J->ldc + j0 + NR : 0;                      \
        switch (live) {                                                                                      \
        GEMM_TILE_CASES                                                                                      \
        default: break;                                                                                      \
        }                                                                                                    \
    }
/// The same over rows packed by gemm_pack_a (`apack`, MR floats per depth).
#define GEMM_PACKED_ROWS                                                                                     \
    for (int i = i0; i < i0 + rows; i += MR) {                                                              \
        const int live = i0 + rows - i < MR ? i0 + rows - i : MR;                                           \
        const long rs = 1, ks = MR;                                                                          \
        const float *a = apack + (size_t)(i - i0) * kc;                                                     \
        float *c = J->c + (size_t)i * J->ldc + j0;                                                          \
        const float *cnext = i + MR < i0 + rows ? c + (size_t)MR * J->ldc                                    \
                             : j0 + NR < J->n ? J->c + (size_t)i0 * J->ldc + j0 + NR : 0;                      \
        switch (live) {                                                                                      \
        GEMM_TILE_CASES                                                                                      \
        default: break;                                                                                      \
        }                                                                                                    \
    }
#if MR > 6
#define GEMM_TILE_CASES GEMM_CASE(1) GEMM_CASE(2) GEMM_CASE(3) GEMM_CASE(4) GEMM_CASE(5) GEMM_CASE(6)      \
    GEMM_CASE(7) GEMM_CASE(8) GEMM_CASE(9) GEMM_CASE(10) GEMM_CASE(11) GEMM_CASE(12)
#else
#define GEMM_TILE_CASES GEMM_CASE(1) GEMM_CASE(2) GEMM_CASE(3) GEMM_CASE(4) GEMM_CASE(5) GEMM_CASE(6)
#endif
#define GEMM_CASE(R) case R: gemm_tile(R, a, rs, ks, kc, bp, c, J->ldc, nr, k0 == 0, cnext); break;

/// A reusable per-thread buffer of at least `count` floats (the packed panels of the running product), freed
/// when its thread ends.
typedef struct { float *data; size_t capacity; } gemm_scratch_buffer;
static pthread_key_t gemm_scratch_key;
static pthread_once_t gemm_scratch_once = PTHREAD_ONCE_INIT;
static void gemm_scratch_free(void *p) {
    gemm_scratch_buffer *b = p;
    free(b->data);
    free(b);
}
static void gemm_scratch_init(void) { pthread_key_create(&gemm_scratch_key, gemm_scratch_free); }
static float *gemm_scratch(size_t count) {
    pthread_once(&gemm_scratch_once, gemm_scratch_init);
    gemm_scratch_buffer *b = pthread_getspecific(gemm_scratch_key);
    if (!b) {
        b = calloc(1, sizeof *b);
        if (!b) { fprintf(stderr, "matrix multiply: out of memory\n"); abort(); }
        pthread_setspecific(gemm_scratch_key, b);
    }
    if (count > b->capacity) {
        free(b->data);
        b->data = unroll_alloc_floats(count);
        b->capacity = count;
    }
    return b->data;
}

static void gemm_part(void *context, int tid, int nt) {
    const gemm_job *J = context;
    const int panels = (J->n + NR - 1) / NR;
    int p0 = 0, p1 = panels, r0 = 0, r1 = J->m;
    if (J->by_columns) {
        p0 = (int)((long)panels * tid / nt);
        p1 = (int)((long)panels * (tid + 1) / nt);
    } else {
        const int blocks = (J->m + MR - 1) / MR;
        r0 = (int)((long)blocks * tid / nt) * MR;
        r1 = (int)((long)blocks * (tid + 1) / nt) * MR;
        if (r1 > J->m) r1 = J->m;
    }
    if (p1 <= p0 || r1 <= r0) return;
    const int kcMax = J->k < GEMM_KC ? J->k : GEMM_KC;
    const int packA = p1 - p0 >= 2;   // several panels reuse each row block
    float *bpack = gemm_scratch((size_t)(p1 - p0) * kcMax * NR + (packA ? (size_t)GEMM_MC * kcMax : 0));
    float *apack = bpack + (size_t)(p1 - p0) * kcMax * NR;
    for (int k0 = 0; k0 < J->k; k0 += GEMM_KC) {
        const int kc = J->k - k0 < GEMM_KC ? J->k - k0 : GEMM_KC;
        // op(B)[k][j] at b[k·ldb + j], or at b[j·ldb + k] when transposed.
        pack_panels(kc, J->n, J->b + (J->trans_b ? (size_t)k0 : (size_t)k0 * J->ldb), J->trans_b ? 1 : J->ldb,
                    J->trans_b ? J->ldb : 1, bpack, p0, p1);
        for (int i0 = r0; i0 < r1; i0 += GEMM_MC) {
            const int rows = r1 - i0 < GEMM_MC ? r1 - i0 : GEMM_MC;
            if (packA) gemm_pack_a(J, i0, rows, k0, kc, apack);
            for (int p = p0; p < p1; p++) {
                const float *bp = bpack + (size_t)(p - p0) * kc * NR;
                const int j0 = p * NR, nr = J->n - j0 < NR ? J->n - j0 : NR;
                if (packA) { GEMM_PACKED_ROWS } else if (J->trans_a) { GEMM_ROWS(1) } else { GEMM_ROWS(0) }
            }
        }
    }
}

/// `C (m × n, row stride ldc) = op(A) · op(B)`, op(A) `m × k`, op(B) `k × n`, row-major, on up to `threads` threads.
static void gemm_impl(int trans_a, int trans_b, int m, int n, int k, const float *a, long lda, const float *b,
                      long ldb, float *c, long ldc, int threads) {
    if (m <= 0 || n <= 0) return;
    if (k <= 0) {
        for (int i = 0; i < m; i++) memset(c + (size_t)i * ldc, 0, (size_t)n * sizeof(float));
        return;
    }
    gemm_job job = {trans_a, trans_b, m, n, k, a, lda, b, ldb, c, ldc, 0};
    const int panels = (n + NR - 1) / NR, blocks = (m + MR - 1) / MR;
    // Columns when there are enough panels for every thread (each then packs only its own share of B), else rows.
    job.by_columns = panels >= 2 * threads || panels >= blocks;
    int nt = threads;
    const int limit = job.by_columns ? panels : blocks;
    if (nt > limit) nt = limit;
    if ((double)m * n * k < 1048576.0) nt = 1;   // below about 1M multiply-adds, waking a thread costs more than it saves
    if (nt < 1) nt = 1;
    unroll_team_run(gemm_part, &job, nt);
}

#undef GEMM_CASE
#undef GEMM_TILE_CASES
#undef GEMM_ROWS
#undef GEMM_PACKED_ROWS
