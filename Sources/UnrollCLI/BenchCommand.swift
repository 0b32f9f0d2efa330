import ArgumentParser
import Foundation
import UnrollAutograd
import UnrollNN
import UnrollTensor

/// `unroll bench`: the training workload of `scripts/torch_rnn.py`, with the same flags and timing, printed as
/// one JSON line with the same keys plus the kernel path and thread count used.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the char-LM training workload of scripts/torch_rnn.py.",
        discussion: """
        Embedding(V, E) → {LSTM|GRU|RNN}(H, layers) → Linear(H, V), cross-entropy, Adam(lr=1e-3), batch B, \
        sequence T, random tokens. Three warm-up steps, then `--steps` timed training steps and `--steps` timed \
        forward passes. Prints one JSON line: train and inference tokens per second, peak memory, and the \
        kernel path ("kernels") and thread count ("threads") used. scripts/torch_rnn.py is the PyTorch twin of \
        the workload (same flags and keys); scripts/bench-vs-torch prints both in one table.

        Environment: UNROLL_KERNELS=avx512|avx2|portable forces the kernel path; UNROLL_THREADS=N sets the \
        thread count when --threads is not given (--threads wins; the default is 2).
        """)

    @Option(help: "Recurrent cell: lstm, gru or rnn.") var cell: String = "lstm"
    @Option(help: "Vocabulary size V.") var vocab: Int = 65
    @Option(help: "Embedding size E.") var embed: Int = 64
    @Option(help: "Hidden size H.") var hidden: Int = 256
    @Option(help: "Number of stacked layers.") var layers: Int = 1
    @Option(help: "Batch size B.") var batch: Int = 32
    @Option(help: "Sequence length T.") var seq: Int = 64
    @Option(help: "Timed steps.") var steps: Int = 20
    @Option(help: "Kernel threads (default: UNROLL_THREADS, else 2).") var threads: Int?

    func validate() throws {
        guard ["lstm", "gru", "rnn"].contains(cell) else {
            throw ValidationError("unknown cell '\(cell)'; expected lstm, gru or rnn")
        }
        for (name, value) in [("vocab", vocab), ("embed", embed), ("hidden", hidden), ("layers", layers),
                              ("batch", batch), ("seq", seq), ("steps", steps), ("threads", threads ?? 1)]
            where value < 1 {
            throw ValidationError("--\(name) must be at least 1, got \(value)")
        }
        // Weights, gradients and Adam's two moments (16 bytes a weight), and each step's activations and their
        // gradients (gates, states and logits for every token, 4 bytes each, three times over), before allocating.
        let kind: RecurrentCellKind = cell == "lstm" ? .lstm : cell == "gru" ? .gru : .rnnTanh
        let weights = WeightCount.tokenModel(vocabulary: vocab, embed: embed,
                                             rnn: RecurrentSpec(kind: kind, hidden: hidden, layers: layers), outputs: vocab)
        let perToken = CheckedSize.sum([CheckedSize.product([layers, hidden, kind.gateCount + 2]), embed, vocab])
        let bytes = CheckedSize.sum([CheckedSize.product([weights, 16]), CheckedSize.product([batch, seq, perToken, 12])])
        guard MachineMemory.holds(bytes) else {
            let count = weights.map { "\($0) weights" } ?? "more weights than can be counted"
            throw ValidationError("--vocab \(vocab) --embed \(embed) --hidden \(hidden) --layers \(layers) --batch \(batch) "
                + "--seq \(seq) would need \(MachineMemory.describe(bytes)) to train (\(count)); \(MachineMemory.available); "
                + "make --hidden, --layers, --vocab or --batch smaller")
        }
    }

    func run() throws {
        try KernelSetup.configure(benchThreads: threads)
        let kind: RecurrentCellKind = cell == "lstm" ? .lstm : cell == "gru" ? .gru : .rnnTanh
        var rng = RandomGenerator(seed: 0)
        let count = batch * seq
        let x = (0..<count).map { _ in rng.nextInt(below: vocab) }
        let y = (0..<count).map { _ in rng.nextInt(below: vocab) }
        let workload = try BenchWorkload(kind: kind, vocabulary: vocab, embed: embed, hidden: hidden, layers: layers,
                                     batch: batch, steps: seq, inputs: x, targets: y, seed: 0)
        for _ in 0..<3 { workload.trainStep() }
        var start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<steps { workload.trainStep() }
        let train = Double(steps * count) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        for _ in 0..<3 { workload.inferStep() }
        start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<steps { workload.inferStep() }
        let infer = Double(steps * count) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let fields: [(String, String)] = [
            ("impl", "\"unroll\""), ("unroll", "\"\(UnrollVersion.string)\""), ("cell", "\"\(cell)\""),
            ("hidden", "\(hidden)"), ("layers", "\(layers)"), ("batch", "\(batch)"), ("seq", "\(seq)"),
            ("kernels", "\"\(Kernels.instructionSet)\""), ("threads", "\(Kernels.threads)"),
            ("train_tokens_per_s", "\(Int(train.rounded()))"), ("infer_tokens_per_s", "\(Int(infer.rounded()))"),
            ("peak_rss_mb", "\(usage.ru_maxrss / 1024)"),
        ]
        print("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
    }
}
