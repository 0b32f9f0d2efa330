import UnrollTensor

/// What one (layer, direction) of a recurrent stack computed at every step of one sequence: its gate
/// activations, cell state (LSTM) and hidden state, from running the layer's weights step by step.
///
/// An LSTM variant shows the gates it has (a coupled or no-forget cell has no forget gate track, a no-output cell no
/// output gate track); a leaky layer shows its candidate `h̃` and its state, with the leak rate of every unit in
/// `rates`; a skip layer its state alone.
public struct GateTrace: Sendable {
    /// One quantity over time: `values[t][unit]`.
    public struct Track: Sendable {
        /// Its name: `input gate`, `forget gate`, `cell candidate`, `output gate`, `cell state`, `hidden state`;
        /// `reset gate`, `update gate`, `new state` (GRU).
        public let name: String
        /// Its symbol in the equations: `i`, `f`, `g`, `o`, `c`, `h`; `r`, `z`, `n`.
        public let symbol: String
        /// One row per step (in time order, also for the reverse direction), one value per unit.
        public let values: [[Float]]
    }

    /// The layer, from 0.
    public let layer: Int
    /// The direction: 0 forward, 1 reverse.
    public let direction: Int
    /// The gates in PyTorch's order, then the cell state (LSTM), then the hidden state.
    public let tracks: [Track]
    /// A leaky layer's rate α of every unit (`sigmoid(p)` when learned); nil for every other layer.
    public let rates: [Float]?

    /// A trace from its parts.
    init(layer: Int, direction: Int, tracks: [Track], rates: [Float]? = nil) {
        self.layer = layer
        self.direction = direction
        self.tracks = tracks
        self.rates = rates
    }

    /// The hidden state of every step, `[t][unit]`.
    public var hidden: [[Float]] { tracks[tracks.count - 1].values }

    /// The names and symbols of a cell type's gates, in PyTorch's order (none for a plain RNN).
    public static func gateNames(of kind: RecurrentCellKind) -> [(name: String, symbol: String)] {
        switch kind {
        case .rnnTanh, .rnnRelu: return []
        case .lstm: return [("input gate", "i"), ("forget gate", "f"), ("cell candidate", "g"), ("output gate", "o")]
        case .gru: return [("reset gate", "r"), ("update gate", "z"), ("new state", "n")]
        }
    }

    /// Runs `layer` over one sequence `inputs` `[t][feature]` from zero states, step by step with
    /// `RecurrentCell.stepWithGates` (an LSTM variant's and a leaky or skip layer's steps with the arithmetic of
    /// their tape ops, `GateTrace+TapeLayers.swift`), and returns the trace of every layer and direction,
    /// `[layer][direction]`.
    public static func run(_ layer: RecurrentLayer, inputs: [[Float]]) -> [[GateTrace]] {
        precondition(inputs.allSatisfy { $0.count == layer.inputSize }, "gate trace: inputs must have \(layer.inputSize) features")
        var layerInput = inputs
        var traces: [[GateTrace]] = []
        for l in 0..<layer.layerCount {
            var row: [GateTrace] = []
            for d in 0..<layer.directionCount {
                if !layer.timeCells.isEmpty {
                    row.append(timeTrace(layer.timeCells[l][d], inputs: layerInput, layer: l, direction: d))
                } else if !layer.variantCells.isEmpty {
                    row.append(variantTrace(layer.variantCells[l][d], inputs: layerInput, layer: l, direction: d))
                } else {
                    row.append(cellTrace(layer.cells[l][d], inputs: layerInput, layer: l, direction: d))
                }
            }
            let steps = inputs.count
            layerInput = (0..<steps).map { t in row.flatMap { $0.hidden[t] } }
            traces.append(row)
        }
        return traces
    }

    /// The trace of one RNN, LSTM or GRU cell over `inputs`, forwards (`direction` 0) or backwards in time.
    private static func cellTrace(_ cell: RecurrentCell, inputs layerInput: [[Float]], layer l: Int, direction d: Int) -> GateTrace {
        let steps = layerInput.count, hs = cell.hiddenSize, kind = cell.kind
        let names = gateNames(of: kind)
        var h = [Float](repeating: 0, count: hs)
        var c: [Float]? = kind.hasCellState ? [Float](repeating: 0, count: hs) : nil
        var gates = [[[Float]]](repeating: [[Float]](repeating: [], count: steps), count: names.count)
        var cells = [[Float]](repeating: [], count: steps), hiddens = [[Float]](repeating: [], count: steps)
        for s in 0..<steps {
            let t = d == 1 ? steps - 1 - s : s
            let step = cell.stepWithGates(x: layerInput[t], h: h, c: c)
            for g in names.indices { gates[g][t] = Array(step.gates[(g * hs)..<((g + 1) * hs)]) }
            h = step.h
            c = step.c
            hiddens[t] = step.h
            if let cNew = step.c { cells[t] = cNew }
        }
        var tracks = names.indices.map { Track(name: names[$0].name, symbol: names[$0].symbol, values: gates[$0]) }
        if kind.hasCellState { tracks.append(Track(name: "cell state", symbol: "c", values: cells)) }
        tracks.append(Track(name: "hidden state", symbol: "h", values: hiddens))
        return GateTrace(layer: l, direction: d, tracks: tracks)
    }
}
