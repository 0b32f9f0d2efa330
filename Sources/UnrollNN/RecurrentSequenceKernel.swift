#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import UnrollAutograd
import UnrollTensor

/// The fused kernel that runs one direction of one recurrent layer over a whole batch-first sequence, and
/// its explicit back-propagation through time.
///
/// Forward: the input projection of all steps is one matrix multiply `(N·T, F) × (F, G·H)`; each step then
/// does one recurrent multiply `(N, H) × (H, G·H)` and the gate math fused in one pass. Backward walks the
/// steps in reverse, one multiply per step for `dh`, then forms the weight gradients of all steps at once:
/// `dW_hh = dGᵀ × H_prev` and `dW_ih = dGᵀ × X`, and `dX = dG × W_ih`.
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

    /// Runs the kernel as one recorded op whose several results are slices of one packed value.
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

        let saved = forward(kind: kind, x: input.value, wIH: weightIH.value, wHH: weightHH.value,
                            bIH: biasIH.value, bHH: biasHH.value, h0: h0.value, c0: c0?.value,
                            lengths: lens, reverse: reverse)
        let outCount = n * steps * hidden, stateCount = n * hidden
        var inputs = [input, weightIH, weightHH, biasIH, biasHH, h0]
        if let c0 { inputs.append(c0) }
        let packed = Variable(value: saved.packed, inputs: inputs) { g in
            let grads = backward(kind: kind, saved: saved, gradPacked: g, x: input.value,
                                 wIH: weightIH.value, wHH: weightHH.value, lengths: lens, reverse: reverse,
                                 needInput: input.requiresGrad)
            if let dx = grads.input { input.accumulateGrad(dx) }
            weightIH.accumulateGrad(grads.weightIH)
            weightHH.accumulateGrad(grads.weightHH)
            biasIH.accumulateGrad(grads.biasIH)
            biasHH.accumulateGrad(grads.biasHH)
            h0.accumulateGrad(grads.h0)
            if let c0, let dc = grads.c0 { c0.accumulateGrad(dc) }
        }
        return Result(
            output: packed.flatSlice(offset: 0, shape: [n, steps, hidden]),
            hidden: packed.flatSlice(offset: outCount, shape: [n, hidden]),
            cell: kind.hasCellState ? packed.flatSlice(offset: outCount + stateCount, shape: [n, hidden]) : nil)
    }

    /// What the forward pass keeps for the backward pass.
    struct Saved {
        /// Output, final h and final c, packed: `N·T·H + N·H (+ N·H)`.
        var packed: Tensor
        /// `h_{t-1}` at each row `n·T + t` that took a step: `(N·T, H)`.
        var hPrev: Tensor
        /// Post-activation gates per row: `(N·T, G·H)` (for the RNN, the new `h`).
        var gates: Tensor
        /// LSTM: `c_{t-1}` per row; GRU: `W_hn h + b_hn` per row. `(N·T, H)`.
        var extra: Tensor
        /// LSTM: `tanh(c_t)` per row `(N·T, H)`.
        var tanhC: Tensor
    }

    // MARK: - Forward

    static func forward(kind: RecurrentCellKind, x: Tensor, wIH: Tensor, wHH: Tensor, bIH: Tensor, bHH: Tensor,
                        h0: Tensor, c0: Tensor?, lengths: [Int], reverse: Bool) -> Saved {
        let n = x.shape[0], steps = x.shape[1], features = x.shape[2]
        let hs = wHH.shape[1], gh = kind.gateCount * hs
        let rows = n * steps
        let outCount = rows * hs, stateCount = n * hs

        // Input projection for every step at once, with b_ih and (except GRU's n block) b_hh folded in.
        var bias = bIH
        bias.withUnsafeMutableBufferPointer { b in
            let bh = bHH.storage.base
            for j in 0..<(kind == .gru ? 2 * hs : gh) { b[j] += bh[j] }
        }
        var xw = Tensor(uninitialized: [rows, gh])
        xw.withUnsafeMutableBufferPointer { p in
            let xwp = p.baseAddress!
            for r in 0..<rows { (xwp + r * gh).update(from: bias.storage.base, count: gh) }
            BLAS.gemm(transposeA: false, transposeB: true, m: rows, n: gh, k: features,
                      a: x.storage.base, lda: features, b: wIH.storage.base, ldb: features,
                      beta: 1, c: xwp, ldc: gh)
        }

        var packed = Tensor(zeros: [outCount + stateCount * (kind.hasCellState ? 2 : 1)])
        var hPrev = Tensor(zeros: [rows, hs])
        var gates = Tensor(zeros: [rows, gh])
        var extra = Tensor(zeros: kind == .rnnTanh || kind == .rnnRelu ? [0] : [rows, hs])
        var tanhC = Tensor(zeros: kind == .lstm ? [rows, hs] : [0])
        var hh = Tensor(uninitialized: [n, gh])

        packed.withUnsafeMutableBufferPointer { pk in
            let out = pk.baseAddress!
            let h = out + outCount                       // running h, ends as final h
            let c = out + outCount + stateCount          // running c (LSTM), ends as final c
            h.update(from: h0.storage.base, count: stateCount)
            if kind.hasCellState, let c0 { c.update(from: c0.storage.base, count: stateCount) }
            let xwp = xw.storage.base
            let bh = bHH.storage.base
            let wh = wHH.storage.base
            hPrev.withUnsafeMutableBufferPointer { hp in
            gates.withUnsafeMutableBufferPointer { gp in
            extra.withUnsafeMutableBufferPointer { ep in
            tanhC.withUnsafeMutableBufferPointer { tp in
            hh.withUnsafeMutableBufferPointer { hhp in
                let hPrevAll = hp.baseAddress!, gateAll = gp.baseAddress!
                let extraAll = ep.baseAddress!, tanhAll = tp.baseAddress!
                let rec = hhp.baseAddress!
                for s in 0..<steps {
                    let t = reverse ? steps - 1 - s : s
                    // Recurrent projection of every sequence's current h: (N, H) × (H, G·H).
                    BLAS.gemm(transposeA: false, transposeB: true, m: n, n: gh, k: hs,
                              a: h, lda: hs, b: wh, ldb: hs, c: rec, ldc: gh)
                    for i in 0..<n where t < lengths[i] {
                        let row = i * steps + t
                        let hi = h + i * hs
                        (hPrevAll + row * hs).update(from: hi, count: hs)
                        let pre = xwp + row * gh, rh = rec + i * gh, gt = gateAll + row * gh
                        let o = out + row * hs
                        switch kind {
                        case .rnnTanh, .rnnRelu:
                            for j in 0..<hs { gt[j] = pre[j] + rh[j] }
                            if kind == .rnnTanh {
                                FastMath.tanh(inPlace: gt, count: hs)
                            } else {
                                for j in 0..<hs { gt[j] = max(0, gt[j]) }
                            }
                            hi.update(from: gt, count: hs)
                            o.update(from: gt, count: hs)
                        case .lstm:
                            let ci = c + i * hs
                            let cPrev = extraAll + row * hs, tc = tanhAll + row * hs
                            for j in 0..<gh { gt[j] = pre[j] + rh[j] }
                            FastMath.sigmoid(inPlace: gt, count: 2 * hs)
                            FastMath.tanh(inPlace: gt + 2 * hs, count: hs)
                            FastMath.sigmoid(inPlace: gt + 3 * hs, count: hs)
                            cPrev.update(from: ci, count: hs)
                            for j in 0..<hs {
                                let cn = gt[hs + j] * ci[j] + gt[j] * gt[2 * hs + j]
                                ci[j] = cn
                                tc[j] = cn
                            }
                            FastMath.tanh(inPlace: tc, count: hs)
                            for j in 0..<hs {
                                let hn = gt[3 * hs + j] * tc[j]
                                hi[j] = hn
                                o[j] = hn
                            }
                        case .gru:
                            let hnb = extraAll + row * hs
                            for j in 0..<2 * hs { gt[j] = pre[j] + rh[j] }
                            FastMath.sigmoid(inPlace: gt, count: 2 * hs)
                            for j in 0..<hs {
                                let hn = rh[2 * hs + j] + bh[2 * hs + j]
                                hnb[j] = hn
                                gt[2 * hs + j] = pre[2 * hs + j] + gt[j] * hn
                            }
                            FastMath.tanh(inPlace: gt + 2 * hs, count: hs)
                            for j in 0..<hs {
                                let nn = gt[2 * hs + j]
                                let v = nn + gt[hs + j] * (hi[j] - nn)
                                hi[j] = v
                                o[j] = v
                            }
                        }
                    }
                }
            }}}}}
        }
        return Saved(packed: packed, hPrev: hPrev, gates: gates, extra: extra, tanhC: tanhC)
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

    static func backward(kind: RecurrentCellKind, saved: Saved, gradPacked: Tensor, x: Tensor,
                         wIH: Tensor, wHH: Tensor, lengths: [Int], reverse: Bool, needInput: Bool) -> Gradients {
        let n = x.shape[0], steps = x.shape[1], features = x.shape[2]
        let hs = wHH.shape[1], gh = kind.gateCount * hs
        let rows = n * steps
        let outCount = rows * hs, stateCount = n * hs
        let gOut = gradPacked.storage.base
        // dG: gradient of the pre-activations as the hidden-to-hidden side sees them; GRU keeps a second
        // copy for the input side, whose n-block lacks the factor r.
        var dGhh = Tensor(zeros: [rows, gh])
        var dGih = kind == .gru ? Tensor(zeros: [rows, gh]) : Tensor(zeros: [0])
        var dh = Tensor(zeros: [n, hs])
        var dc = Tensor(zeros: [n, hs])
        var dhNext = Tensor(uninitialized: [n, hs])
        dh.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: gOut + outCount, count: stateCount) }
        if kind.hasCellState {
            dc.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: gOut + outCount + stateCount, count: stateCount) }
        }
        let gateAll = saved.gates.storage.base, extraAll = saved.extra.storage.base
        let tanhAll = saved.tanhC.storage.base, hPrevAll = saved.hPrev.storage.base
        let wh = wHH.storage.base

        dGhh.withUnsafeMutableBufferPointer { dgp in
        dGih.withUnsafeMutableBufferPointer { dgip in
        dh.withUnsafeMutableBufferPointer { dhp in
        dc.withUnsafeMutableBufferPointer { dcp in
        dhNext.withUnsafeMutableBufferPointer { dnp in
            let dG = dgp.baseAddress!, dGx = dgip.baseAddress
            var dhCur = dhp.baseAddress!, dhNew = dnp.baseAddress!
            let dcAll = dcp.baseAddress!
            for s in stride(from: steps - 1, through: 0, by: -1) {
                let t = reverse ? steps - 1 - s : s
                for i in 0..<n where t < lengths[i] {
                    let row = i * steps + t
                    let d = dhCur + i * hs, go = gOut + row * hs
                    for j in 0..<hs { d[j] += go[j] }
                    let gt = gateAll + row * gh, dg = dG + row * gh
                    switch kind {
                    case .rnnTanh:
                        for j in 0..<hs { dg[j] = d[j] * (1 - gt[j] * gt[j]) }
                    case .rnnRelu:
                        for j in 0..<hs { dg[j] = gt[j] > 0 ? d[j] : 0 }
                    case .lstm:
                        let dci = dcAll + i * hs, cPrev = extraAll + row * hs, tc = tanhAll + row * hs
                        for j in 0..<hs {
                            let ig = gt[j], fg = gt[hs + j], gg = gt[2 * hs + j], og = gt[3 * hs + j]
                            let th = tc[j]
                            let dct = dci[j] + d[j] * og * (1 - th * th)
                            dg[j] = dct * gg * ig * (1 - ig)
                            dg[hs + j] = dct * cPrev[j] * fg * (1 - fg)
                            dg[2 * hs + j] = dct * ig * (1 - gg * gg)
                            dg[3 * hs + j] = d[j] * th * og * (1 - og)
                            dci[j] = dct * fg
                        }
                    case .gru:
                        let hnb = extraAll + row * hs, hp = hPrevAll + row * hs, dgx = dGx! + row * gh
                        for j in 0..<hs {
                            let r = gt[j], z = gt[hs + j], nn = gt[2 * hs + j]
                            let dnPre = d[j] * (1 - z) * (1 - nn * nn)
                            let drPre = dnPre * hnb[j] * r * (1 - r)
                            let dzPre = d[j] * (hp[j] - nn) * z * (1 - z)
                            dg[j] = drPre; dg[hs + j] = dzPre; dg[2 * hs + j] = dnPre * r
                            dgx[j] = drPre; dgx[hs + j] = dzPre; dgx[2 * hs + j] = dnPre
                        }
                    }
                }
                // dh_{t-1} = dG_t × W_hh for the rows of step t (strided by T·G·H); rows that took no step
                // have dG = 0 and pass their dh through unchanged.
                BLAS.gemm(transposeA: false, transposeB: false, m: n, n: hs, k: gh,
                          a: dG + t * gh, lda: steps * gh, b: wh, ldb: hs, c: dhNew, ldc: hs)
                for i in 0..<n {
                    let src = dhCur + i * hs, dst = dhNew + i * hs
                    if t >= lengths[i] {
                        dst.update(from: src, count: hs)
                    } else if kind == .gru {
                        let z = gateAll + (i * steps + t) * gh + hs
                        for j in 0..<hs { dst[j] += src[j] * z[j] }
                    }
                }
                swap(&dhCur, &dhNew)
            }
            if dhCur != dhp.baseAddress! { dhp.baseAddress!.update(from: dhCur, count: stateCount) }
        }}}}}

        let dGinput = kind == .gru ? dGih : dGhh
        let wGradHH = Tensor.matmul(dGhh, saved.hPrev, transposeA: true)
        let flatX = x.reshaped([rows, features])
        let wGradIH = Tensor.matmul(dGinput, flatX, transposeA: true)
        let dx = needInput ? Tensor.matmul(dGinput, wIH).reshaped([n, steps, features]) : nil
        return Gradients(input: dx, weightIH: wGradIH, weightHH: wGradHH,
                         biasIH: dGinput.sumRows(), biasHH: dGhh.sumRows(),
                         h0: dh, c0: kind.hasCellState ? dc : nil)
    }
}
