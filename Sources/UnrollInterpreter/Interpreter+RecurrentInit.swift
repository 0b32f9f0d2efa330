import UnrollNN

extension Interpreter {
    /// The `init:` option of a recurrent layer (`identity` only for an Elman RNN).
    func recurrentInit(_ kind: RecurrentCellKind, _ arguments: Arguments) throws -> RecurrentInit {
        let name = try arguments.string("init")
        guard let scheme = RecurrentInit(rawValue: name) else {
            preconditionFailure("interpreter: 'init' \(name) passed the signature's constraint")
        }
        if scheme == .identity, kind == .lstm || kind == .gru {
            throw arguments.error(BuiltinMessage.identityInitNeedsRNN(kind: kind == .lstm ? "LSTM" : "GRU"), at: "init")
        }
        return scheme
    }
}
