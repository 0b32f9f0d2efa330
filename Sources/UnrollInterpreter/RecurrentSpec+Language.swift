import UnrollLanguage
import UnrollNN

extension RecurrentSpec {
    /// The language's name for the cell type: RNN (either activation), LSTM or GRU.
    var languageKind: RecurrentKind {
        switch kind {
        case .rnnTanh, .rnnRelu: return .rnn
        case .lstm: return .lstm
        case .gru: return .gru
        }
    }

    /// The call that builds it, with the arguments that differ from the defaults: `LSTM(hidden: 64, layers: 2)`.
    var summary: String {
        var parts = ["hidden: \(hidden)"]
        if layers != 1 { parts.append("layers: \(layers)") }
        if bidirectional { parts.append("bidirectional: true") }
        if dropout != 0 { parts.append("dropout: \(NumberText.format(Double(dropout)))") }
        if kind == .rnnRelu { parts.append("nonlinearity: \"relu\"") }
        if initialization != .uniform { parts.append("init: \"\(initialization.rawValue)\"") }
        if let spectralRadius { parts.append("spectral_radius: \(NumberText.format(spectralRadius))") }
        return "\(languageKind.rawValue)(" + parts.joined(separator: ", ") + ")"
    }
}
