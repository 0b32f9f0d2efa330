import UnrollLanguage
import UnrollNN

extension RecurrentSpec {
    /// The language's name for the cell type: RNN (either activation, with or without a skip), LSTM, GRU or LeakyRNN.
    var languageKind: RecurrentKind {
        if case .leaky = connections { return .leakyRNN }
        switch kind {
        case .rnnTanh, .rnnRelu: return .rnn
        case .lstm: return .lstm
        case .gru: return .gru
        }
    }

    /// The call that builds it, with the arguments that differ from the defaults: `LSTM(hidden: 64, layers: 2)`.
    var summary: String {
        var parts = ["hidden: \(hidden)"]
        switch connections {
        case .adjacent: break
        case .leaky(let rates):
            let values = rates.values.map { NumberText.format(Double($0)) }
            parts.append("alpha: " + (values.count == 1 ? values[0] : "[" + values.joined(separator: ", ") + "]"))
            if rates.learned { parts.append("learned: true") }
        case .skip(let skip):
            parts.append("skip: \(skip.distance)")
            if !skip.keepsOneStep { parts.append("skip_only: true") }
        }
        if layers != 1 { parts.append("layers: \(layers)") }
        if bidirectional { parts.append("bidirectional: true") }
        if dropout != 0 { parts.append("dropout: \(NumberText.format(Double(dropout)))") }
        if kind == .rnnRelu { parts.append("nonlinearity: \"relu\"") }
        if variant != .standard { parts.append("variant: \"\(variant.rawValue)\"") }
        if initialization != .uniform { parts.append("init: \"\(initialization.rawValue)\"") }
        if let spectralRadius { parts.append("spectral_radius: \(NumberText.format(spectralRadius))") }
        return "\(cell?.name ?? languageKind.rawValue)(" + parts.joined(separator: ", ") + ")"
    }
}
