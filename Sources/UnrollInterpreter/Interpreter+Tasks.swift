import UnrollData

extension Interpreter {
    /// `task.adding(count:, length:)`: the adding problem.
    func addingTask(_ arguments: Arguments) throws -> Value {
        let count = try arguments.int("count"), length = try arguments.lengths("length")
        let data = try Self.dataErrors(at: arguments.site) {
            try SyntheticTasks.adding(count: count, length: length, rng: &rng)
        }
        return .dataset(DatasetValue(.sequences(data), origin: "task.adding"))
    }

    /// `task.copy(count:, length:, vocab:)`: symbol sequences to copy.
    func copyTask(_ arguments: Arguments) throws -> Value {
        let count = try arguments.int("count"), length = try arguments.lengths("length")
        let vocabulary = try arguments.int("vocab")
        let data = try Self.dataErrors(at: arguments.site) {
            try SyntheticTasks.copy(count: count, length: length, vocabulary: vocabulary, rng: &rng)
        }
        return .dataset(DatasetValue(.pairs(data), origin: "task.copy"))
    }

    /// `task.reverse(count:, length:, vocab:)`: symbol sequences to reverse.
    func reverseTask(_ arguments: Arguments) throws -> Value {
        let count = try arguments.int("count"), length = try arguments.lengths("length")
        let vocabulary = try arguments.int("vocab")
        let data = try Self.dataErrors(at: arguments.site) {
            try SyntheticTasks.reverse(count: count, length: length, vocabulary: vocabulary, rng: &rng)
        }
        return .dataset(DatasetValue(.pairs(data), origin: "task.reverse"))
    }

    /// `task.sort(count:, length:, vocab:)`: symbol sequences to sort.
    func sortTask(_ arguments: Arguments) throws -> Value {
        let count = try arguments.int("count"), length = try arguments.lengths("length")
        let vocabulary = try arguments.int("vocab")
        let data = try Self.dataErrors(at: arguments.site) {
            try SyntheticTasks.sort(count: count, length: length, vocabulary: vocabulary, rng: &rng)
        }
        return .dataset(DatasetValue(.pairs(data), origin: "task.sort"))
    }

    /// `task.addition(count:, digits:)`: sums written as characters.
    func additionTask(_ arguments: Arguments) throws -> Value {
        let count = try arguments.int("count"), digits = try arguments.int("digits")
        let data = try Self.dataErrors(at: arguments.site) {
            try SyntheticTasks.addition(count: count, digits: digits, rng: &rng)
        }
        return .dataset(DatasetValue(.pairs(data), origin: "task.addition"))
    }

    /// `task.sine(count:, length:, noise:)`: next-value prediction on sine waves.
    func sineTask(_ arguments: Arguments) throws -> Value {
        let count = try arguments.int("count"), length = try arguments.int("length")
        let noise = Float(try arguments.double("noise"))
        let data = try Self.dataErrors(at: arguments.site) {
            try SyntheticTasks.sine(count: count, length: length, noise: noise, rng: &rng)
        }
        return .dataset(DatasetValue(.sequences(data), origin: "task.sine"))
    }
}

extension Interpreter {
    /// `task.mackey_glass(count:, length:, tau:, skip:)`: one-step-ahead forecasting of the Mackey–Glass series.
    func mackeyGlassTask(_ arguments: Arguments) throws -> Value {
        let count = try arguments.int("count"), length = try arguments.int("length")
        let tau = try arguments.int("tau"), skip = try arguments.int("skip")
        try checkpoint()
        let data = try Self.dataErrors(at: arguments.site) {
            try SyntheticTasks.mackeyGlass(count: count, length: length, tau: tau, skip: skip)
        }
        return .dataset(DatasetValue(.sequences(data), origin: "task.mackey_glass"))
    }

    /// `task.narma(count:, length:, order:)`: NARMA system identification.
    func narmaTask(_ arguments: Arguments) throws -> Value {
        let count = try arguments.int("count"), length = try arguments.int("length"), order = try arguments.int("order")
        let data = try Self.dataErrors(at: arguments.site) {
            try SyntheticTasks.narma(count: count, length: length, order: order, rng: &rng)
        }
        return .dataset(DatasetValue(.sequences(data), origin: "task.narma"))
    }
}
