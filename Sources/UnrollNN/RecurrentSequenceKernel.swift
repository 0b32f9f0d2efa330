#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CRecurrentKernels
import UnrollAutograd
import UnrollTensor

/// The fused kernel that runs one direction of one recurrent layer over a whole batch-first sequence, and
/// its explicit back-propagation through time.
///
/// The time loops run in the C kernels (`CRecurrentKernels`): the weights are packed once per call, and each
/// step is one multiply `[h_{t-1} | x_t] (N, H+F) × (H+F, G·H)` (RNN, LSTM; GRU projects all inputs at once
/// beforehand, as its n gate needs `W_in x` apart) followed by the gate math for the same units, split over the
/// kernel thread team. Backward walks the steps in reverse, one multiply `dG_t × W_hh` per step for `dh`, then
/// forms the weight gradients of all steps at once, `dW = dGᵀ × [H_prev | X]`, and `dX = dG × W_ih`.
///
/// Variable lengths: a sequence `n` of length `L < T` takes no step at `t ≥ L`: its state is carried
/// unchanged, its output there is zero, and the reverse direction therefore starts at its own end `L-1`.
enum RecurrentSequenceKernel {
    /// The results of one direction: output `(N, T, H)`, final `h` `(N, H)` and, for LSTM, final `c` `(N, H)`.
    struct Result {
        var output: Variable
        var hidden: Variable
        var cell: Variable?
    }

    /// Runs the kernel as one recorded op with three results: the output sequence and the final states.
    ///
    /// - Parameters:
    ///   - input: `(N, T, F)`.
    ///   - weightIH: `(G·H, F)`; `weightHH`: `(G·H, H)`; `biasIH`, `biasHH`: `(G·H)`.
    ///   - h0, c0: `(N, H)` initial states (`c0` only for LSTM).
    ///   - lengths: each sequence's length (all `T` when nil).
    ///   - reverse: run from each sequence's end to its start.
    static func run(kind: RecurrentCellKind, input: Variable,
                    weightIH: Variable, weightHH: Variable, biasIH: Variable, biasHH: Variable,
                    h0: Variable, c0: Variable?, lengths: [Int]?, reverse: Bool) -> Result {
        let n = input.shape[0], steps = input.shape[1], features = input.shape[2]
        let hidden = weightHH.shape[1], gh = kind.gateCount * hidden
        precondition(weightIH.shape == [gh, features],
                     "recurrent kernel: weight_ih \(weightIH.shape) for input \(input.shape), expected [\(gh), \(features)]")
        precondition(weightHH.shape == [gh, hidden], "recurrent kernel: weight_hh \(weightHH.shape), expected [\(gh), \(hidden)]")
        precondition(h0.shape == [n, hidden], "recurrent kernel: h0 \(h0.shape), expected [\(n), \(hidden)]")
        precondition(!kind.hasCellState || c0?.shape == [n, hidden],
                     "recurrent kernel: c0 \(c0?.shape ?? []), expected [\(n), \(hidden)]")
        let lens = lengths ?? [Int](repeating: steps, count: n)
        precondition(lens.count == n && lens.allSatisfy { $0 >= 0 && $0 <= steps },
                     "recurrent kernel: lengths \(lens) for a batch of \(n) sequences of \(steps) steps")

        var inputs = [input, weightIH, weightHH, biasIH, biasHH, h0]
        if let c0 { inputs.append(c0) }
        // Whether the tape will record this op (recording on and some input needs a gradient): only then does
        // the forward pass keep its per-step values.
        let recording = Variable(value: Tensor(zeros: [0]), inputs: inputs) { _ in }.requiresGrad
        let saved = forward(kind: kind, x: input.value, wIH: weightIH.value, wHH: weightHH.value,
                            bIH: biasIH.value, bHH: biasHH.value, h0: h0.value, c0: c0?.value,
                            lengths: lens, reverse: reverse, save: recording)
        // Three results of one op without copies: `output` is the op's node; the final-state nodes hang off it
        // and hand their gradients to it through `stateGrads`, so its backward (which runs after theirs, as
        // they depend on it) sees the gradients of all three results at once.
        let stateGrads = StateGradients()
        let output = Variable(value: saved.output, inputs: inputs) { g in
            let grads = backward(kind: kind, saved: saved, gradOutput: g, gradHidden: stateGrads.hidden,
                                 gradCell: stateGrads.cell, x: input.value, wIH: weightIH.value, wHH: weightHH.value,
                                 lengths: lens, reverse: reverse, needInput: input.requiresGrad)
            stateGrads.hidden = nil
            stateGrads.cell = nil
            if let dx = grads.input { input.accumulateGrad(dx) }
            weightIH.accumulateGrad(grads.weightIH)
            weightHH.accumulateGrad(grads.weightHH)
            biasIH.accumulateGrad(grads.biasIH)
            biasHH.accumulateGrad(grads.biasHH)
            h0.accumulateGrad(grads.h0)
            if let c0, let dc = grads.c0 { c0.accumulateGrad(dc) }
        }
        let outputShape = [n, steps, hidden]
        let hiddenResult = Variable(value: saved.hidden, inputs: [output]) { g in
            stateGrads.hidden = g
            if output.grad == nil { output.accumulateGrad(Tensor(zeros: outputShape)) }
        }
        let cellResult = saved.cell.map { cell in
            Variable(value: cell, inputs: [output]) { g in
                stateGrads.cell = g
                if output.grad == nil { output.accumulateGrad(Tensor(zeros: outputShape)) }
            }
        }
        return Result(output: output, hidden: hiddenResult, cell: cellResult)
    }

    /// Where the final-state results of one kernel op leave their gradients for the op's own backward.
    private final class StateGradients {
        var hidden: Tensor?
        var cell: Tensor?
    }

    /// The results of the forward pass and what it keeps for the backward pass (only the results are filled
    /// when nothing is recorded).
    struct Saved {
        /// Output `(N, T, H)`.
        var output: Tensor
        /// Final h `(N, H)`.
        var hidden: Tensor
        /// Final c `(N, H)` (LSTM).
        var cell: Tensor?
        /// `[h_{t-1} | x_t]` at each time-major row `t·N + n` (`h_{t-1}` zero at rows past a sequence's end):
        /// `(T·N, H + F)`.
        var hPrev: Tensor
        /// Post-activation gates per time-major row (for the RNN, the new `h`), rows `gateStride` apart.
        var gates: Tensor
        /// The row stride of `gates` and of the gate gradients (`G·H` padded, see `unroll_padded_stride`).
        var gateStride: Int
        /// LSTM: `c_{t-1}` per row; GRU: `W_hn h + b_hn` per row. `(T·N, H)`.
        var extra: Tensor
        /// LSTM: `tanh(c_t)` per row `(T·N, H)`.
        var tanhC: Tensor
    }

    // MARK: - Forward

    static func forward(kind: RecurrentCellKind, x: Tensor, wIH: Tensor, wHH: Tensor, bIH: Tensor, bHH: Tensor,
                        h0: Tensor, c0: Tensor?, lengths: [Int], reverse: Bool, save: Bool = true) -> Saved {
        let n = x.shape[0], steps = x.shape[1], features = x.shape[2]
        let hs = wHH.shape[1], gh = kind.gateCount * hs
        let rows = n * steps

        // Input projection for every step at once; the kernel adds b_ih and (except GRU's n block) b_hh.
        var biasX = bIH
        biasX.withUnsafeMutableBufferPointer { b in
            let bh = bHH.storage.base
            for j in 0..<(kind == .gru ? 2 * hs : gh) { b[j] += bh[j] }
        }
        // RNN and LSTM multiply x_t inside each step (one product over [h_{t-1} | x_t]); GRU needs x W_inᵀ apart
        // from h W_hnᵀ, so it projects every step's input at once beforehand.
        let fused = kind != .gru
        let xw = fused ? Tensor(zeros: [0]) : Tensor.matmul(x.reshaped([rows, features]), wIH, transposeB: true)
        let hpWidth = hs + features
        let gateStride = Int(unroll_padded_stride(Int32(gh)))

        // The kernel writes every element of these (rows past a sequence's end get zero output and h_prev).
        // The saved values are time-major (row t·N + n) with padded gate rows, so one step's rows lie together.
        var output = Tensor(uninitialized: [n, steps, hs])
        var hidden = h0
        var cell = kind.hasCellState ? c0 : nil
        var hPrev = Tensor(uninitialized: save ? [rows, hpWidth] : [0])
        var gates = Tensor(uninitialized: [(save ? rows : n) * gateStride])
        var extra = Tensor(uninitialized: save && kind != .rnnTanh && kind != .rnnRelu ? [rows, hs] : [0])
        var tanhC = Tensor(uninitialized: save && kind == .lstm ? [rows, hs] : [0])
        var cellBuffer = cell ?? Tensor(zeros: [0])
        let lens = lengths.isEmpty ? [Int32(0)] : lengths.map { Int32($0) }   // never empty: the kernel takes its address

        output.withUnsafeMutableBufferPointer { op in
        hidden.withUnsafeMutableBufferPointer { hp0 in
        cellBuffer.withUnsafeMutableBufferPointer { cp in
        hPrev.withUnsafeMutableBufferPointer { hp in
        gates.withUnsafeMutableBufferPointer { gp in
        extra.withUnsafeMutableBufferPointer { ep in
        tanhC.withUnsafeMutableBufferPointer { tp in
        lens.withUnsafeBufferPointer { lp in
            var args = unroll_recurrent_forward_t(
                kind: kind.kernelCode, batch: Int32(n), steps: Int32(steps), hidden: Int32(hs),
                reverse: reverse ? 1 : 0, lengths: lp.baseAddress!, xw: fused ? nil : xw.storage.base,
                x: x.storage.base, w_ih: wIH.storage.base, features: Int32(features), b_x: biasX.storage.base,
                w_hh: wHH.storage.base, b_hh: bHH.storage.base, output: op.baseAddress!, h: hp0.baseAddress!,
                c: kind.hasCellState ? cp.baseAddress : nil, gates: gp.baseAddress!, gate_stride: Int32(gateStride),
                h_prev: save ? hp.baseAddress : nil, h_prev_stride: Int32(hpWidth), extra: save ? ep.baseAddress : nil,
                tanh_c: save ? tp.baseAddress : nil, save: save ? 1 : 0)
            unroll_recurrent_forward(&args)
        }}}}}}}}
        if kind.hasCellState { cell = cellBuffer }
        return Saved(output: output, hidden: hidden, cell: cell, hPrev: hPrev, gates: gates, gateStride: gateStride,
                     extra: extra, tanhC: tanhC)
    }

    // MARK: - Backward

    /// Gradients of one direction's inputs.
    struct Gradients {
        var input: Tensor?
        var weightIH: Tensor
        var weightHH: Tensor
        var biasIH: Tensor
        var biasHH: Tensor
        var h0: Tensor
        var c0: Tensor?
    }

    static func backward(kind: RecurrentCellKind, saved: Saved, gradOutput: Tensor, gradHidden: Tensor?,
                         gradCell: Tensor?, x: Tensor, wIH: Tensor, wHH: Tensor, lengths: [Int], reverse: Bool,
                         needInput: Bool) -> Gradients {
        let n = x.shape[0], steps = x.shape[1], features = x.shape[2]
        let hs = wHH.shape[1], gh = kind.gateCount * hs
        let rows = n * steps
        let gOut = gradOutput.storage.base
        // dG: gradient of the pre-activations as the hidden-to-hidden side sees them; GRU keeps a second
        // copy for the input side, whose n-block lacks the factor r. The kernel writes every (time-major) row.
        let ldg = saved.gateStride
        var dGhh = Tensor(uninitialized: [rows * ldg])
        var dGih = Tensor(uninitialized: kind == .gru ? [rows * ldg] : [0])
        // In: the gradients of the final states; out: those of the initial states.
        var dh = gradHidden.map { $0.reshaped([n, hs]) } ?? Tensor(zeros: [n, hs])
        var dc = kind.hasCellState ? gradCell.map { $0.reshaped([n, hs]) } ?? Tensor(zeros: [n, hs]) : Tensor(zeros: [0])
        let lens = lengths.isEmpty ? [Int32(0)] : lengths.map { Int32($0) }   // never empty: the kernel takes its address

        dGhh.withUnsafeMutableBufferPointer { dgp in
        dGih.withUnsafeMutableBufferPointer { dgip in
        dh.withUnsafeMutableBufferPointer { dhp in
        dc.withUnsafeMutableBufferPointer { dcp in
        lens.withUnsafeBufferPointer { lp in
            var args = unroll_recurrent_backward_t(
                kind: kind.kernelCode, batch: Int32(n), steps: Int32(steps), hidden: Int32(hs),
                reverse: reverse ? 1 : 0, lengths: lp.baseAddress!, w_hh: wHH.storage.base,
                gates: saved.gates.storage.base, gate_stride: Int32(ldg), h_prev: saved.hPrev.storage.base,
                h_prev_stride: Int32(saved.hPrev.shape[1]),
                extra: saved.extra.storage.base, tanh_c: saved.tanhC.storage.base, grad_output: gOut,
                dh: dhp.baseAddress!, dc: kind.hasCellState ? dcp.baseAddress : nil,
                d_gates_hh: dgp.baseAddress!, d_gates_ih: kind == .gru ? dgip.baseAddress : nil)
            unroll_recurrent_backward(&args)
        }}}}}

        // Weight gradients over all rows at once: dW = dGᵀ × [h_{t-1} | x_t] (time-major rows on both sides).
        let dGinput = kind == .gru ? dGih : dGhh
        let hx = saved.hPrev.storage.base, hxWidth = hs + features
        let wGradHH: Tensor, wGradIH: Tensor
        if kind != .gru {
            let both = product(aTransposed: dGhh.storage.base, lda: ldg, m: gh, k: rows, b: hx, ldb: hxWidth, n: hxWidth)
            (wGradHH, wGradIH) = both.splitColumns(at: hs)
        } else {
            wGradHH = product(aTransposed: dGhh.storage.base, lda: ldg, m: gh, k: rows, b: hx, ldb: hxWidth, n: hs)
            wGradIH = product(aTransposed: dGih.storage.base, lda: ldg, m: gh, k: rows, b: hx + hs, ldb: hxWidth,
                              n: features)
        }
        var dx: Tensor?
        if needInput {
            // dX = dG × W_ih, computed time-major, then put back in batch-major order.
            var timeMajor = Tensor(uninitialized: [rows, features])
            timeMajor.withUnsafeMutableBufferPointer { tp in
                MatrixMultiply.gemm(transposeA: false, transposeB: false, m: rows, n: features, k: gh,
                                    a: dGinput.storage.base, lda: ldg, b: wIH.storage.base, ldb: features,
                                    c: tp.baseAddress!, ldc: features)
            }
            var batchMajor = Tensor(uninitialized: [n, steps, features])
            batchMajor.withUnsafeMutableBufferPointer { bp in
                let src = timeMajor.storage.base
                for t in 0..<steps {
                    for i in 0..<n {
                        (bp.baseAddress! + (i * steps + t) * features).update(from: src + (t * n + i) * features,
                                                                              count: features)
                    }
                }
            }
            dx = batchMajor
        }
        let biasGradHH = columnSums(dGhh.storage.base, rows: rows, cols: gh, ld: ldg)
        return Gradients(input: dx, weightIH: wGradIH, weightHH: wGradHH,
                         biasIH: kind == .gru ? columnSums(dGih.storage.base, rows: rows, cols: gh, ld: ldg) : biasGradHH,
                         biasHH: biasGradHH, h0: dh, c0: kind.hasCellState ? dc : nil)
    }

    /// `Aᵀ × B` for `A` `(k, m)` with row stride `lda` and `B` `(k, n)` with row stride `ldb`: a new `(m, n)` tensor.
    private static func product(aTransposed a: UnsafePointer<Float>, lda: Int, m: Int, k: Int,
                                b: UnsafePointer<Float>, ldb: Int, n: Int) -> Tensor {
        var c = Tensor(uninitialized: [m, n])
        c.withUnsafeMutableBufferPointer { cp in
            MatrixMultiply.gemm(transposeA: true, transposeB: false, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb,
                                c: cp.baseAddress!, ldc: n)
        }
        return c
    }

    /// The column sums of a `(rows, cols)` matrix with row stride `ld`.
    private static func columnSums(_ x: UnsafePointer<Float>, rows: Int, cols: Int, ld: Int) -> Tensor {
        var out = Tensor(uninitialized: [cols])
        out.withUnsafeMutableBufferPointer { unroll_sum_rows(x, rows, Int32(cols), ld, $0.baseAddress!) }
        return out
    }
}

extension Tensor {
    /// The columns `0 ..< k` and `k ..< C` of a `(R, C)` tensor, as two tensors.
    fileprivate func splitColumns(at k: Int) -> (Tensor, Tensor) {
        let rows = shape[0], cols = shape[1]
        var left = Tensor(uninitialized: [rows, k]), right = Tensor(uninitialized: [rows, cols - k])
        let src = storage.base
        left.withUnsafeMutableBufferPointer { l in
            right.withUnsafeMutableBufferPointer { r in
                for i in 0..<rows {
                    (l.baseAddress! + i * k).update(from: src + i * cols, count: k)
                    (r.baseAddress! + i * (cols - k)).update(from: src + i * cols + k, count: cols - k)
                }
            }
        }
        return (left, right)
    }
}

extension RecurrentCellKind {
    /// The cell's code in the C kernels (`UNROLL_CELL_*`).
    var kernelCode: Int32 {
        switch self {
        case .rnnTanh: return Int32(UNROLL_CELL_RNN_TANH)
        case .rnnRelu: return Int32(UNROLL_CELL_RNN_RELU)
        case .lstm: return Int32(UNROLL_CELL_LSTM)
        case .gru: return Int32(UNROLL_CELL_GRU)
        }
    }
}
