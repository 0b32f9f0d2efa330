import UnrollAutograd
import UnrollTensor

/// A recurrent sequence layer (PyTorch's `nn.RNN`, `nn.LSTM`, `nn.GRU` with `batch_first=True`): stacked
/// layers, optional bidirectionality, dropout between layers, initial states and variable lengths.
///
/// Shapes: input `(N, T, F)`; output `(N, T, D·H)` with `D = 2` when bidirectional; states `(L·D, N, H)`.
public final class RecurrentLayer: Parameterized {
    /// The hidden (and, for LSTM, cell) state of every layer and direction: each `(L·D, N, H)`.
    public struct State {
        /// Hidden states `(L·D, N, H)`.
        public var h: Variable
        /// Cell states `(L·D, N, H)` (LSTM only), or a user-written cell's second state `(L·D, N, width)`.
        public var c: Variable?
        /// A user-written cell's states after the second, each `(L·D, N, width)` (empty for the built-in cells).
        public var more: [Variable]

        /// A state from its parts.
        public init(h: Variable, c: Variable? = nil, more: [Variable] = []) {
            self.h = h
            self.c = c
            self.more = more
        }

        /// The same values with gradients blocked (truncated BPTT carries state across windows this way).
        public func detached() -> State { State(h: h.detached(), c: c?.detached(), more: more.map { $0.detached() }) }
    }

    /// The cell type.
    public let kind: RecurrentCellKind
    /// The hidden size `H`.
    public let hiddenSize: Int
    /// The number of stacked layers `L`.
    public let layerCount: Int
    /// Whether each layer also runs backwards in time.
    public let bidirectional: Bool
    /// Dropout applied to every layer's output but the last, in training.
    public let dropout: Float
    /// The per-step weights: `cells[layer][direction]`, direction 1 being the reverse one (empty for an LSTM
    /// variant, which `variantCells` hold, and when the layer has leaky units or skip connections, which
    /// `timeCells` hold instead).
    public let cells: [[RecurrentCell]]
    /// The LSTM variant (`.standard` for every other cell type).
    public let variant: LSTMVariant
    /// A variant's weights, `variantCells[layer][direction]`, run on the tape (empty for `.standard`).
    public let variantCells: [[VariantLSTMCell]]
    /// How the state reaches across time; anything but `.adjacent` runs on the tape through `timeCells`.
    public let connections: TimeConnections
    /// The leaky or skip layers, `timeCells[layer][direction]` (empty for `.adjacent`).
    public let timeCells: [[any TimeRecurrence]]
    /// The user-written cell this layer runs (nil for the built-in cells).
    public let cellTemplate: CellProgramTemplate?
    /// A user-written cell's layers, `programCells[layer][direction]`, run on the tape (empty without one).
    public let programCells: [[ProgramCell]]

    /// A layer with fresh weights drawn in PyTorch's parameter order. It is at most one of an LSTM variant and a
    /// leaky or skip layer (those need an Elman cell). With `cell`, every (layer, direction) runs the program the
    /// template builds for its input width, parameters drawn by their initialisers, and `kind`, `variant` and
    /// `connections` are unused; the programs must build and validate (`RecurrentSpec.validateCell(inputSize:)`).
    public init(kind: RecurrentCellKind, inputSize: Int, hiddenSize: Int, layers: Int = 1,
                bidirectional: Bool = false, dropout: Float = 0, variant: LSTMVariant = .standard,
                connections: TimeConnections = .adjacent, cell: CellProgramTemplate? = nil,
                rng: inout RandomGenerator) {
        precondition(layers >= 1, "recurrent layer: needs at least 1 layer, got \(layers)")
        precondition(inputSize >= 1 && hiddenSize >= 1,
                     "recurrent layer: sizes must be positive, got input \(inputSize), hidden \(hiddenSize)")
        precondition(dropout >= 0 && dropout < 1, "recurrent layer: dropout must be in [0, 1), got \(dropout)")
        precondition(variant == .standard || kind == .lstm, "recurrent layer: variant \(variant) of a \(kind) cell")
        precondition(connections == .adjacent || kind == .rnnTanh || kind == .rnnRelu,
                     "recurrent layer: leaky units and skip connections need an Elman cell, got \(kind)")
        self.kind = kind
        self.hiddenSize = hiddenSize
        self.layerCount = layers
        self.bidirectional = bidirectional
        self.dropout = dropout
        self.variant = variant
        let directions = bidirectional ? 2 : 1
        var cells: [[RecurrentCell]] = [], variantCells: [[VariantLSTMCell]] = []
        var timeCells: [[any TimeRecurrence]] = [], programCells: [[ProgramCell]] = []
        for l in 0..<layers {
            let input = l == 0 ? inputSize : hiddenSize * directions
            if let cell {
                let program: CellProgram
                do {
                    program = try cell.program(inputWidth: input, hidden: hiddenSize)
                } catch {
                    preconditionFailure("recurrent layer: cell '\(cell.name)' for input \(input): \(error)")
                }
                precondition(programCells.first.map { $0[0].program.stateWidths == program.stateWidths } ?? true,
                             "recurrent layer: cell '\(cell.name)' has other state widths above layer 0")
                programCells.append((0..<directions).map { _ in ProgramCell(program: program, rng: &rng) })
            } else if connections != .adjacent {
                timeCells.append((0..<directions).map { _ in
                    connections.makeCell(kind: kind, inputSize: input, hiddenSize: hiddenSize, rng: &rng)
                })
            } else if variant == .standard {
                cells.append((0..<directions).map { _ in
                    RecurrentCell(kind: kind, inputSize: input, hiddenSize: hiddenSize, rng: &rng)
                })
            } else {
                variantCells.append((0..<directions).map { _ in
                    VariantLSTMCell(variant: variant, inputSize: input, hiddenSize: hiddenSize, rng: &rng)
                })
            }
        }
        self.cells = cells
        self.variantCells = variantCells
        self.connections = connections
        self.timeCells = timeCells
        self.cellTemplate = cell
        self.programCells = programCells
    }

    /// The number of directions `D`.
    public var directionCount: Int { bidirectional ? 2 : 1 }
    /// The number of input features `F`.
    public var inputSize: Int {
        programCells.first?.first?.inputSize ?? timeCells.first?.first?.inputSize ?? variantCells.first?.first?.inputSize
            ?? cells[0][0].inputSize
    }
    /// The width of each state: `[H]`, `[H, H]` for an LSTM, or a user-written cell's `stateWidths`.
    public var stateWidths: [Int] {
        programCells.first?.first?.program.stateWidths ?? (kind.hasCellState ? [hiddenSize, hiddenSize] : [hiddenSize])
    }
    /// The number of output features `D·H`.
    public var outputSize: Int { hiddenSize * directionCount }

    /// A zero state for a batch of `batch` sequences.
    public func zeroState(batch: Int) -> State {
        let zeros = stateWidths.map { Variable(Tensor(zeros: [layerCount * directionCount, batch, $0])) }
        return State(h: zeros[0], c: zeros.count > 1 ? zeros[1] : nil, more: Array(zeros.dropFirst(2)))
    }

    /// Runs the whole stack over `x` `(N, T, F)`.
    ///
    /// - Parameters:
    ///   - lengths: each sequence's length, for right-padded batches (default: all `T`).
    ///   - initialState: states `(L·D, N, H)` to start from (default: zeros).
    ///   - training: enables dropout between layers.
    /// - Returns: the last layer's output `(N, T, D·H)` (zero past each sequence's length) and the final
    ///   state of every layer and direction, each taken at that sequence's own last step.
    public func callAsFunction(_ x: Variable, lengths: [Int]? = nil, initialState: State? = nil,
                               training: Bool = false, rng: inout RandomGenerator) -> (output: Variable, state: State) {
        precondition(x.shape.count == 3 && x.shape[2] == inputSize,
                     "recurrent layer: input \(x.shape), expected (N, T, \(inputSize))")
        let n = x.shape[0]
        let start = initialState ?? zeroState(batch: n)
        let stateShape = [layerCount * directionCount, n, hiddenSize]
        precondition(start.h.shape == stateShape, "recurrent layer: h0 \(start.h.shape), expected \(stateShape)")
        let widths = stateWidths
        if widths.count > 1 {
            let shape = [layerCount * directionCount, n, widths[1]]
            precondition(start.c?.shape == shape, "recurrent layer: c0 \(start.c?.shape ?? []), expected \(shape)")
        }
        precondition(start.more.map(\.shape) == widths.dropFirst(2).map { [layerCount * directionCount, n, $0] },
                     "recurrent layer: further states \(start.more.map(\.shape)) for widths \(widths)")
        var finalStates = [[Variable]](repeating: [], count: widths.count)
        let stateSize = n * hiddenSize
        var layerInput = x
        var finalH: [Variable] = [], finalC: [Variable] = []
        for l in 0..<layerCount {
            var outputs: [Variable] = []
            for d in 0..<directionCount {
                let index = l * directionCount + d
                let h0 = start.h.flatSlice(offset: index * stateSize, shape: [n, hiddenSize])
                if !programCells.isEmpty {
                    let all = [start.h] + (start.c.map { [$0] } ?? []) + start.more
                    let states = zip(all, widths).enumerated().map { k, pair in
                        k == 0 ? h0 : pair.0.flatSlice(offset: index * n * pair.1, shape: [n, pair.1])
                    }
                    let result = programCells[l][d].run(layerInput, states: states, lengths: lengths, reverse: d == 1)
                    outputs.append(result.output)
                    for k in widths.indices { finalStates[k].append(result.states[k]) }
                    continue
                }
                if !timeCells.isEmpty {
                    let result = timeCells[l][d].run(layerInput, h0: h0, lengths: lengths, reverse: d == 1)
                    outputs.append(result.output)
                    finalH.append(result.hidden)
                    continue
                }
                let c0 = start.c.map { $0.flatSlice(offset: index * stateSize, shape: [n, hiddenSize]) }
                if variant != .standard, let c0 {
                    let result = variantCells[l][d].run(layerInput, h0: h0, c0: c0, lengths: lengths, reverse: d == 1)
                    outputs.append(result.output)
                    finalH.append(result.hidden)
                    finalC.append(result.cell)
                    continue
                }
                let cell = cells[l][d]
                let result = RecurrentSequenceKernel.run(
                    kind: kind, input: layerInput, weightIH: cell.weightIH, weightHH: cell.weightHH,
                    biasIH: cell.biasIH, biasHH: cell.biasHH, h0: h0, c0: c0, lengths: lengths, reverse: d == 1)
                outputs.append(result.output)
                finalH.append(result.hidden)
                if let c = result.cell { finalC.append(c) }
            }
            var output = outputs.count == 1 ? outputs[0] : Variable.concat(outputs, axis: 2)
            if training, dropout > 0, l < layerCount - 1 { output = output.dropout(dropout, using: &rng) }
            layerInput = output
        }
        if !programCells.isEmpty {
            let stacked = finalStates.map { Variable.stack($0, axis: 0) }
            return (layerInput, State(h: stacked[0], c: stacked.count > 1 ? stacked[1] : nil, more: Array(stacked.dropFirst(2))))
        }
        let state = State(h: Variable.stack(finalH, axis: 0),
                          c: kind.hasCellState ? Variable.stack(finalC, axis: 0) : nil)
        return (layerInput, state)
    }

    public var namedParameters: [(name: String, variable: Variable)] {
        var out: [(name: String, variable: Variable)] = []
        let layers: [[Parameterized]]
        if !programCells.isEmpty {
            layers = programCells
        } else if !timeCells.isEmpty {
            layers = timeCells
        } else if variant != .standard {
            layers = variantCells
        } else {
            layers = cells
        }
        for (l, layer) in layers.enumerated() {
            for (d, cell) in layer.enumerated() {
                let suffix = "_l\(l)" + (d == 1 ? "_reverse" : "")
                for (name, v) in cell.namedParameters { out.append((name + suffix, v)) }
            }
        }
        return out
    }
}
