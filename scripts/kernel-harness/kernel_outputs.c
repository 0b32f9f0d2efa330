// Runs every kernel of Sources/CRecurrentKernels on fixed inputs and writes all results, as raw little-endian
// float32 bits, to standard output. scripts/check-kernel-bits builds it for x86-64 (run on each kernel path) and
// for arm64 (run under qemu-user) and requires identical files: the numerics contract's promise that the
// portable path gives the same bits on any CPU, and that the vector paths equal it.
//
// Usage: kernel_outputs PATH THREADS   (PATH: portable, avx2 or avx512)
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "CRecurrentKernels.h"

/// A small linear congruential generator: the same inputs on every machine, without the C library's rand.
static uint32_t state = 12345;
static float next_value(void) {
    state = state * 1664525u + 1013904223u;
    return (float)((int32_t)(state >> 8) - (1 << 23)) / (float)(1 << 23);   // in [-1, 1)
}

static float *values(long count, float scale) {
    float *p = malloc((size_t)(count > 0 ? count : 1) * sizeof(float));
    for (long i = 0; i < count; i++) p[i] = next_value() * scale;
    return p;
}

static void emit(const float *p, long count) {
    if (count > 0) fwrite(p, sizeof(float), (size_t)count, stdout);
}

static void products(void) {
    const int sizes[] = {0, 1, 7, 17, 70, 300};
    const int depths[] = {0, 1, 17, 257, 600};
    for (int mi = 0; mi < 6; mi++) for (int ni = 0; ni < 6; ni++) for (int ki = 0; ki < 5; ki++) {
        for (int trans = 0; trans < 4; trans++) {
            const int m = sizes[mi], n = sizes[ni], k = depths[ki], ta = trans & 1, tb = trans >> 1;
            if ((long)m * n * k > 3000000) continue;
            float *a = values((long)m * k, 1), *b = values((long)k * n, 1), *c = values((long)m * n, 0);
            unroll_gemm(ta, tb, m, n, k, a, ta ? m : k, b, tb ? k : n, c, n);
            emit(c, (long)m * n);
            free(a); free(b); free(c);
        }
    }
}

static void elementwise(void) {
    const long count = 200000;
    float *x = malloc(count * sizeof(float)), *y = malloc(count * sizeof(float));
    // A sweep over the whole float range, both signs.
    for (long i = 0; i < count; i++) {
        uint32_t bits = (uint32_t)((0x7f800000ull * (uint64_t)(i / 2)) / (uint64_t)(count / 2));
        if (i % 2) bits |= 0x80000000u;
        memcpy(&x[i], &bits, 4);
    }
    x[count - 3] = INFINITY;   // and the specials the sweep stops short of
    x[count - 2] = -INFINITY;
    x[count - 1] = NAN;
    void (*functions[])(const float *, float *, long) = {unroll_exp, unroll_log, unroll_tanh, unroll_sigmoid};
    for (int f = 0; f < 4; f++) {
        functions[f](x, y, count);
        for (long i = 0; i < count; i++) if (y[i] != y[i]) y[i] = NAN;   // NaN payloads are not compared
        emit(y, count);
    }
    for (long n = 0; n <= 1100; n += 37) {
        float s = unroll_sum(x + 1000, n);
        emit(&s, 1);
    }
    free(x); free(y);
}

static void row_kernels(void) {
    const int widths[] = {1, 7, 17, 65, 300, 1023};
    for (int wi = 0; wi < 6; wi++) {
        const int cols = widths[wi], rows = 6;
        float *x = values((long)rows * cols, 12), *out = values((long)rows * cols, 0);
        int targets[6];
        for (int r = 0; r < rows; r++) targets[r] = r % 3 == 2 ? -1 : (r * 5) % cols;
        long counted = 0;
        float loss = (float)unroll_softmax_cross_entropy(x, rows, cols, targets, out, &counted);
        emit(out, (long)rows * cols);
        emit(&loss, 1);
        for (int log_output = 0; log_output < 2; log_output++) {
            unroll_softmax_rows(x, rows, cols, out, log_output);
            emit(out, (long)rows * cols);
        }
        unroll_sum_rows(x, rows, cols, cols, out);
        emit(out, cols);
        free(x); free(out);
    }
}

/// One direction of one layer forward (saving) and backward, for a cell kind and sizes.
static void recurrence(int kind, int n, int steps, int hidden, int features, int reverse) {
    const int g = kind == UNROLL_CELL_LSTM ? 4 : kind == UNROLL_CELL_GRU ? 3 : 1, gh = g * hidden;
    const int stride = unroll_padded_stride(gh), hp = hidden + features;
    const long rows = (long)n * steps;
    int *lengths = malloc((size_t)(n > 0 ? n : 1) * sizeof(int));
    for (int i = 0; i < n; i++) lengths[i] = i % 3 == 0 ? steps : 1 + i % steps;
    float *x = values(rows * features, 1), *w_ih = values((long)gh * features, 0.3f);
    float *w_hh = values((long)gh * hidden, 0.3f), *b_x = values(gh, 0.2f), *b_hh = values(gh, 0.2f);
    float *xw = NULL;
    if (kind == UNROLL_CELL_GRU) {
        xw = values(rows * gh, 0);
        unroll_gemm(0, 1, (int)rows, gh, features, x, features, w_ih, features, xw, gh);
    }
    float *output = values(rows * hidden, 0), *h = values((long)n * hidden, 0.5f), *c = values((long)n * hidden, 0.5f);
    float *gates = values(rows * stride, 0), *h_prev = values(rows * hp, 0);
    float *extra = values(rows * hidden, 0), *tanh_c = values(rows * hidden, 0);
    unroll_recurrent_forward_t f = {
        .kind = kind, .batch = n, .steps = steps, .hidden = hidden, .reverse = reverse, .lengths = lengths,
        .xw = xw, .x = x, .w_ih = w_ih, .features = features, .b_x = b_x, .w_hh = w_hh, .b_hh = b_hh,
        .output = output, .h = h, .c = kind == UNROLL_CELL_LSTM ? c : NULL, .gates = gates, .gate_stride = stride,
        .h_prev = h_prev, .h_prev_stride = hp, .extra = kind == UNROLL_CELL_RNN_TANH || kind == UNROLL_CELL_RNN_RELU ? NULL : extra,
        .tanh_c = kind == UNROLL_CELL_LSTM ? tanh_c : NULL, .save = 1};
    // Rows past a sequence's end are left untouched by the kernel: start them at zero.
    memset(output, 0, (size_t)(rows * hidden) * sizeof(float));
    unroll_recurrent_forward(&f);
    emit(output, rows * hidden);
    emit(h, (long)n * hidden);
    if (kind == UNROLL_CELL_LSTM) emit(c, (long)n * hidden);
    float *grad_output = values(rows * hidden, 1), *dh = values((long)n * hidden, 1), *dc = values((long)n * hidden, 1);
    float *d_hh = values(rows * stride, 0), *d_ih = values(rows * stride, 0);
    unroll_recurrent_backward_t b = {
        .kind = kind, .batch = n, .steps = steps, .hidden = hidden, .reverse = reverse, .lengths = lengths,
        .w_hh = w_hh, .gates = gates, .gate_stride = stride, .h_prev = h_prev, .h_prev_stride = hp, .extra = extra,
        .tanh_c = tanh_c, .grad_output = grad_output, .dh = dh, .dc = kind == UNROLL_CELL_LSTM ? dc : NULL,
        .d_gates_hh = d_hh, .d_gates_ih = kind == UNROLL_CELL_GRU ? d_ih : NULL};
    unroll_recurrent_backward(&b);
    emit(dh, (long)n * hidden);
    if (kind == UNROLL_CELL_LSTM) emit(dc, (long)n * hidden);
    for (long r = 0; r < rows; r++) {
        emit(d_hh + r * stride, gh);
        if (kind == UNROLL_CELL_GRU) emit(d_ih + r * stride, gh);
    }
    free(lengths); free(x); free(w_ih); free(w_hh); free(b_x); free(b_hh); free(xw); free(output); free(h); free(c);
    free(gates); free(h_prev); free(extra); free(tanh_c); free(grad_output); free(dh); free(dc); free(d_hh); free(d_ih);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: kernel_outputs portable|avx2|avx512 THREADS\n");
        return 64;
    }
    if (!unroll_kernels_select_isa(argv[1])) {
        fprintf(stderr, "kernel_outputs: this CPU does not run the %s kernels\n", argv[1]);
        return 3;
    }
    unroll_kernels_set_threads(atoi(argv[2]));
    unroll_team_set_back_off(0);
    products();
    elementwise();
    row_kernels();
    const int kinds[] = {UNROLL_CELL_RNN_TANH, UNROLL_CELL_RNN_RELU, UNROLL_CELL_LSTM, UNROLL_CELL_GRU};
    for (int k = 0; k < 4; k++) {
        for (int reverse = 0; reverse < 2; reverse++) {
            recurrence(kinds[k], 7, 5, 17, 9, reverse);
            recurrence(kinds[k], 32, 6, 300, 40, reverse);
        }
        recurrence(kinds[k], 1, 3, 1, 1, 0);
        unroll_kernels_set_row_split_bytes(0);   // the split by hidden units
        recurrence(kinds[k], 32, 4, 300, 40, 1);
        unroll_kernels_set_row_split_bytes(2048 * 1024);
    }
    return 0;
}
