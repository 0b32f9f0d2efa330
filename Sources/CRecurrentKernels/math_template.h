// The project's own transcendental functions and the canonical sum, over the vectors of kernels_template.h.
//
// Every function is a fixed sequence of IEEE operations (adds, multiplies, fused multiply-adds, one division)
// applied lane by lane, so a lane's result does not depend on the vector width: the AVX-512, AVX2 and
// portable paths, and the Swift callers (through the array entry points), get the same bits for the same input.

/// `1/x`, correctly rounded (a hardware reciprocal estimate differs between CPU makers).
INLINE vf vrecip(vf x) { return 1.0f / x; }

/// `e^x` for `x` clamped to [-87, 88]: `2^k · p(r)` with `r = x − k ln 2` (`|r| ≤ ln2/2`, Cody–Waite in two
/// parts) and a degree-7 Taylor polynomial for `p` in Horner form with fused steps. About 2 ulp; below −87 it
/// gives e^−87 ≈ 1.6e-38 (so sigmoid(−∞) ≈ 6e-39, not 0), above 88 e^88; NaN gives NaN.
INLINE vf vexp(vf x) {
    vf xc = vmin(vmax(x, vsplat(-87.0f)), vsplat(88.0f));
    // Round x·log2(e) to an integer with the 1.5·2^23 trick: no float-to-int conversion, so no trap out of range.
    vf shifted = vfma(xc, vsplat(1.44269504f), vsplat(12582912.0f));
    vi k = (vi)shifted - 0x4B400000;
    vf kf = shifted - 12582912.0f;
    vf r = vfma(kf, vsplat(-0.693145751953125f), xc);
    r = vfma(kf, vsplat(-1.428606765330187e-6f), r);
    vf p = vsplat(1.0f / 5040);
    p = vfma(p, r, vsplat(1.0f / 720));
    p = vfma(p, r, vsplat(1.0f / 120));
    p = vfma(p, r, vsplat(1.0f / 24));
    p = vfma(p, r, vsplat(1.0f / 6));
    p = vfma(p, r, vsplat(0.5f));
    p = vfma(p, r, vsplat(1.0f));
    p = vfma(p, r, vsplat(1.0f));
    vf scale = (vf)((k + 127) << 23);
    return vselect(x != x, x, p * scale);   // NaN stays NaN (the clamp above would make it e^-87)
}

/// The logistic sigmoid `1 / (1 + e^−x)`.
INLINE vf vsigmoid(vf x) { return vrecip(1.0f + vexp(-x)); }

/// tanh: `sign(x)(1 − 2/(e^{2|x|} + 1))`, and the odd Taylor polynomial `x + x³(−1/3 + x²·2/15)` below 0.05,
/// where the first form would lose relative accuracy to cancellation. Within 2e-6 relative just above 0.05
/// (cancellation), about 2e-7 elsewhere; NaN gives NaN.
INLINE vf vtanh(vf x) {
    vf a = (vf)((vi)x & 0x7fffffff);
    vf big = 1.0f - 2.0f * vrecip(vexp(a + a) + 1.0f);
    vf x2 = x * x;
    vf small = vfma(x * x2, vfma(x2, vsplat(2.0f / 15), vsplat(-1.0f / 3)), x);
    vf sgn = (vf)((vi)big | ((vi)x & (int32_t)0x80000000));
    return vselect(a < 0.05f, small, sgn);
}

/// The natural logarithm: `x = 2^e · m` with `m` in [√½, √2), `log m = 2 atanh(s)` with `s = (m − 1)/(m + 1)`
/// as an odd series through `s⁹`, then `e · ln 2` added in two parts. About 1 ulp; log 0 = −∞, log of a
/// negative number or NaN is NaN, log ∞ = ∞; subnormal inputs are scaled by 2^23 first.
INLINE vf vlog(vf x) {
    vi tiny = x < 1.17549435e-38f;
    vf xs = vselect(tiny, x * 8388608.0f, x);
    vi bits = (vi)xs;
    vi e = ((bits >> 23) & 0xff) - 127 - (tiny & 23);
    vi mbits = (bits & 0x007fffff) | 0x3f800000;
    vf m = (vf)mbits;
    vi high = m > 1.41421356f;
    m = vselect(high, m * 0.5f, m);
    e = e + (high & 1);
    vf f = m - 1.0f;
    vf s = f / (2.0f + f);
    vf z = s * s;
    vf q = vfma(z, vsplat(1.0f / 9), vsplat(1.0f / 7));
    q = vfma(q, z, vsplat(1.0f / 5));
    q = vfma(q, z, vsplat(1.0f / 3));
    vf logm = vfma(s * z, q + q, s + s);
    vf ef = __builtin_convertvector(e, vf);
    vf result = vfma(ef, vsplat(0.693145751953125f), vfma(ef, vsplat(1.428606765330187e-6f), logm));
    result = vselect(x == 0.0f, vsplat(-INFINITY), result);
    result = vselect(x == INFINITY, vsplat(INFINITY), result);
    return vselect((x < 0.0f) | (x != x), vsplat(NAN), result);
}

/// The canonical sum of `n` floats, the same bits on every path: element `i` is added (in index order) to
/// partial sum `i mod 16`, all starting at +0, and the 16 partials are combined by the fixed tree
/// `s[j] += s[j+8]`, `s[j] += s[j+4]`, `s[j] += s[j+2]`, `s[0] + s[1]`.
#define SUM_LANES 16
#define SUM_VECTORS (SUM_LANES / VL)
INLINE float canonical_sum(const float *x, long n) {
    vf acc[SUM_VECTORS];
    for (int q = 0; q < SUM_VECTORS; q++) acc[q] = vsplat(0);
    long i = 0;
    for (; i + SUM_LANES <= n; i += SUM_LANES) {
        for (int q = 0; q < SUM_VECTORS; q++) acc[q] = acc[q] + vload(x + i + q * VL);
    }
    if (i < n) {
        float tail[SUM_LANES] = {0};
        for (long j = i; j < n; j++) tail[j - i] = x[j];
        for (int q = 0; q < SUM_VECTORS; q++) acc[q] = acc[q] + vload(tail + q * VL);
    }
    float s[SUM_LANES];
    for (int q = 0; q < SUM_VECTORS; q++) vstore(s + q * VL, acc[q]);
    for (int width = SUM_LANES / 2; width >= 1; width /= 2) {
        for (int j = 0; j < width; j++) s[j] = s[j] + s[j + width];
    }
    return s[0];
}

/// Applies `F` to `n` floats from `x` into `y` (which may be `x`), a vector at a time and a partial vector last.
#define ELEMENTWISE_IMPL(NAME, F)                                                      \
    static void NAME(const float *x, float *y, long n) {                               \
        long i = 0;                                                                    \
        for (; i + VL <= n; i += VL) vstore(y + i, F(vload(x + i)));                   \
        if (i < n) vstore_part(y + i, F(vload_part(x + i, (int)(n - i))), (int)(n - i)); \
    }

ELEMENTWISE_IMPL(exp_impl, vexp)
ELEMENTWISE_IMPL(log_impl, vlog)
ELEMENTWISE_IMPL(tanh_impl, vtanh)
ELEMENTWISE_IMPL(sigmoid_impl, vsigmoid)
#undef ELEMENTWISE_IMPL

/// The canonical sum (see `canonical_sum`) as a table entry.
static float sum_impl(const float *x, long n) { return canonical_sum(x, n); }

/// A scalar's natural logarithm through the vector code (one lane), for the row kernels' losses.
INLINE float scalar_log(float x) {
    float tmp[VL] = {0};
    tmp[0] = x;
    vf v = vlog(vload(tmp));
    return v[0];
}
