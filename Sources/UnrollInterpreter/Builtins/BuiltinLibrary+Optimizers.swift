import UnrollDiagnostics
import UnrollLanguage

extension BuiltinLibrary {
    /// Optimizer specifications for the `optimizer` option of `fit`.
    static let optimizers: [Builtin] = [
        .function(Signature(
            name: "SGD", family: .optimizers,
            parameters: [
                .labelled("lr", .float, .required, .positive, doc: "learning rate"),
                .labelled("momentum", .float, .value(.float(0)), .probability, doc: "momentum factor"),
            ],
            result: .optimizer,
            doc: "Stochastic gradient descent, with optional momentum."
        )) { try $0.sgd($1) },
        .function(Signature(
            name: "Adam", family: .optimizers,
            parameters: [.labelled("lr", .float, .value(.float(1e-3)), .positive, doc: "learning rate")],
            result: .optimizer,
            doc: "Adam with betas (0.9, 0.999) and eps 1e-8."
        )) { try $0.adam($1) },
        .function(Signature(
            name: "AdamW", family: .optimizers,
            parameters: [
                .labelled("lr", .float, .value(.float(1e-3)), .positive, doc: "learning rate"),
                .labelled("weight_decay", .float, .value(.float(1e-2)), .nonNegative,
                          doc: "each step first shrinks every weight by the factor 1 − lr · weight_decay"),
            ],
            result: .optimizer,
            doc: "Adam with decoupled weight decay, as PyTorch's `torch.optim.AdamW` (betas (0.9, 0.999), eps 1e-8)."
        )) { try $0.adamW($1) },
        .function(Signature(
            name: "RMSprop", family: .optimizers,
            parameters: [.labelled("lr", .float, .value(.float(1e-2)), .positive, doc: "learning rate")],
            result: .optimizer,
            doc: "RMSprop with alpha 0.99 and eps 1e-8."
        )) { try $0.rmsprop($1) },
        .function(Signature(
            name: "Adagrad", family: .optimizers,
            parameters: [.labelled("lr", .float, .value(.float(1e-2)), .positive, doc: "learning rate")],
            result: .optimizer,
            doc: "Adagrad with eps 1e-10."
        )) { try $0.adagrad($1) },
    ]
}
