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
