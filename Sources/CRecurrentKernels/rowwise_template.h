// Row-wise kernels over `(rows, cols)` row-major matrices: column sums, softmax with cross-entropy, and
// (log-)softmax. Included by kernels_template.h, so they share its vectors, its `vexp` and `vlog`, and the
// canonical sum. A row's result never depends on the vector width: the maximum is exact in any order, the sum
// of exponentials is the canonical sum, and everything else is lane by lane.

/// `out[c] = Σ_r x[r][c]` (row stride `ld`), each column summed in row order.
static void sum_rows_impl(const float *x, long rows, int cols, long ld, float *out) {
    memset(out, 0, (size_t)cols * sizeof(float));
    const int full = cols / VL * VL;
    for (long r = 0; r < rows; r++) {
        const float *xr = x + r * ld;
        for (int c = 0; c < full; c += VL) vstore(out + c, vload(out + c) + vload(xr + c));
        for (int c = full; c < cols; c++) out[c] += xr[c];
    }
}

/// The largest element of a row.
INLINE float row_max(const float *x, int cols) {
    const int full = cols / VL * VL;
    float m = -INFINITY;
    if (full > 0) {
        vf acc = vload(x);
        for (int c = VL; c < full; c += VL) acc = vmax(acc, vload(x + c));
        m = __builtin_reduce_max(acc);
    }
    for (int c = full; c < cols; c++) m = x[c] > m ? x[c] : m;
    return m;
}

/// Writes `e^(x − m)` to `out` and returns the row's canonical sum.
INLINE float row_exp_sum(const float *x, int cols, float m, float *out) {
    const int full = cols / VL * VL;
    for (int c = 0; c < full; c += VL) vstore(out + c, vexp(vload(x + c) - m));
    if (full < cols) vstore_part(out + full, vexp(vload_part(x + full, cols - full) - m), cols - full);
    return canonical_sum(out, cols);
}

/// Softmax of every row into `probs`; returns Σ over rows with a target ≥ 0 of `−log p[target]` and counts them.
static double softmax_cross_entropy_impl(const float *x, long rows, int cols, const int *targets, float *probs,
                                         long *counted) {
    double total = 0;
    long n = 0;
    for (long r = 0; r < rows; r++) {
        const float *xr = x + r * cols;
        float *pr = probs + r * cols;
        const float m = row_max(xr, cols);
        const float s = row_exp_sum(xr, cols, m, pr);
        const float inv = 1.0f / s;
        const int full = cols / VL * VL;
        for (int c = 0; c < full; c += VL) vstore(pr + c, vload(pr + c) * inv);
        for (int c = full; c < cols; c++) pr[c] *= inv;
        const int t = targets[r];
        if (t >= 0) {
            total -= (double)((xr[t] - m) - scalar_log(s));
            n++;
        }
    }
    *counted = n;
    return total;
}

/// Softmax (`log_output` 0) or log-softmax (1) of every row.
static void softmax_rows_impl(const float *x, long rows, int cols, float *out, int log_output) {
    const int full = cols / VL * VL;
    for (long r = 0; r < rows; r++) {
        const float *xr = x + r * cols;
        float *o = out + r * cols;
        const float m = row_max(xr, cols);
        const float s = row_exp_sum(xr, cols, m, o);
        if (log_output) {
            const float logSum = scalar_log(s);
            for (int c = 0; c < full; c += VL) vstore(o + c, (vload(xr + c) - m) - logSum);
            for (int c = full; c < cols; c++) o[c] = (xr[c] - m) - logSum;
        } else {
            const float inv = 1.0f / s;
            for (int c = 0; c < full; c += VL) vstore(o + c, vload(o + c) * inv);
            for (int c = full; c < cols; c++) o[c] *= inv;
        }
    }
}
