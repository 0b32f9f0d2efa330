extension DatasetKind {
    /// The fields of one example of this kind, as `data[i]` gives it and `head(data, n)` shows it.
    public var exampleFields: [RecordFieldType] {
        switch self {
        case .labelled:
            return [RecordFieldType(name: "text", type: .string), RecordFieldType(name: "tokens", type: .list(.string)),
                    RecordFieldType(name: "label", type: .string)]
        case .tagged:
            return [RecordFieldType(name: "text", type: .string), RecordFieldType(name: "tokens", type: .list(.string)),
                    RecordFieldType(name: "tags", type: .list(.string))]
        case .sequences:
            return [RecordFieldType(name: "inputs", type: .list(.list(.float))), RecordFieldType(name: "target", type: .list(.float))]
        case .pairs:
            return [RecordFieldType(name: "source", type: .string), RecordFieldType(name: "target", type: .string)]
        }
    }
}
