/// What `unroll check --update --seeds K` adds to a baseline: the K seeds run and, per value, its sample over
/// them. Kept in the run record as the optional `seed_statistics` object, so older records still read.
public struct SeedStatistics: Equatable, Sendable {
    /// The seeds of the K runs (the notebook's own first, then the derived ones), in run order.
    public var seeds: [UInt64]
    /// One sample per value, in notebook order.
    public var samples: [SeedSample]

    /// Statistics from their parts; every sample has one value per seed.
    public init(seeds: [UInt64], samples: [SeedSample]) {
        precondition(samples.allSatisfy { $0.values.count == seeds.count }, "every sample needs one value per seed")
        self.seeds = seeds
        self.samples = samples
    }

    /// The sample whose key (`cell/value`) is `key`, if any.
    public func sample(key: String) -> SeedSample? {
        samples.first { $0.key == key }
    }

    /// `{"seeds": […], "values": […]}`.
    var json: JSONValue {
        .object(["seeds": .array(seeds.map(JSONValue.integer)), "values": .array(samples.map(\.json))])
    }

    /// Reads the JSON form, checking that each sample has one value per seed and that keys are unique.
    init(json: JSONValue, path: String) throws {
        var reader = try JSONObjectReader(json, path: path)
        let seedsPath = reader.path(of: "seeds")
        seeds = try reader.array("seeds").enumerated().map {
            try JSONDecoding.integer($1, as: UInt64.self, path: "\(seedsPath)[\($0)]")
        }
        let valuesPath = reader.path(of: "values")
        samples = try reader.array("values").enumerated().map { try SeedSample(json: $1, path: "\(valuesPath)[\($0)]") }
        var seen = Set<String>()
        for (i, sample) in samples.enumerated() {
            guard sample.values.count == seeds.count else {
                throw RecordDecodingError(path: "\(valuesPath)[\(i)].values",
                                          message: "\(sample.values.count) values for \(seeds.count) seeds")
            }
            guard seen.insert(sample.key).inserted else {
                throw RecordDecodingError(path: "\(valuesPath)[\(i)]", message: "value '\(sample.key)' appears twice")
            }
        }
        try reader.finish()
    }
}
