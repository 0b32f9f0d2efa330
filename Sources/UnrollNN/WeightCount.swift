/// How many weights a model will have, worked out from its sizes before anything is allocated, so that a
/// notebook asking for a model this machine cannot hold gets a message instead of an abort. Every count is
/// nil when it does not fit in an `Int`.
public enum WeightCount {
    /// The weights of a recurrent stack over `inputSize` features: per layer and direction `G·H·(in + H)`
    /// weights and `2·G·H` biases, where `in` is the input width (`D·H` above the first layer).
    public static func recurrent(_ spec: RecurrentSpec, inputSize: Int) -> Int? {
        let g = spec.kind.gateCount, h = spec.hidden, directions = spec.bidirectional ? 2 : 1
        var total = 0
        for layer in 0..<max(0, spec.layers) {
            let width = layer == 0 ? inputSize : product([directions, h])
            guard let width, let perDirection = sum([product([g, h, sum([width, h])]), product([2, g, h])]),
                  let layerTotal = product([directions, perDirection]), let next = sum([total, layerTotal])
            else { return nil }
            total = next
        }
        return total
    }

    /// A token model: an embedding `V × E`, the recurrent stack over `E`, and a projection `D·H → C` with bias.
    public static func tokenModel(vocabulary: Int, embed: Int, rnn spec: RecurrentSpec, outputs: Int) -> Int? {
        sum([product([vocabulary, embed]), recurrent(spec, inputSize: embed), head(spec, outputs: outputs)])
    }

    /// A regressor: the recurrent stack over `inputs` features and a projection `D·H → outputs` with bias.
    public static func regressor(inputs: Int, outputs: Int, rnn spec: RecurrentSpec) -> Int? {
        sum([recurrent(spec, inputSize: inputs), head(spec, outputs: outputs)])
    }

    /// An echo state network of `reservoir` units: the dense `N × N` copy of the reservoir its spectral radius is
    /// computed from (Doubles, counted as weights so that the 16 bytes a weight of the memory check cover it), the
    /// input weights `N·(1 + inputs)` and the readout `outputs·(1 + inputs + N)`.
    public static func echoState(reservoir: Int, inputs: Int, outputs: Int) -> Int? {
        sum([product([reservoir, reservoir]), product([reservoir, sum([1, inputs])]),
             product([outputs, sum([1, inputs, reservoir])])])
    }

    /// The projection from the stack's output to `outputs` values, with its bias.
    private static func head(_ spec: RecurrentSpec, outputs: Int) -> Int? {
        sum([product([spec.bidirectional ? 2 : 1, spec.hidden, outputs]), outputs])
    }

    /// The product of `factors`, nil when one is nil or it overflows.
    private static func product(_ factors: [Int?]) -> Int? {
        var result = 1
        for factor in factors {
            guard let factor else { return nil }
            let (value, overflow) = result.multipliedReportingOverflow(by: factor)
            if overflow { return nil }
            result = value
        }
        return result
    }

    /// The sum of `terms`, nil when one is nil or it overflows.
    private static func sum(_ terms: [Int?]) -> Int? {
        var result = 0
        for term in terms {
            guard let term else { return nil }
            let (value, overflow) = result.addingReportingOverflow(term)
            if overflow { return nil }
            result = value
        }
        return result
    }
}
