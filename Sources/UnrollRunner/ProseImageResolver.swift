import UnrollInterpreter
import UnrollNotebook
import UnrollReport

/// Decides what each image in a notebook's prose becomes in the HTML report: local files are read through the
/// interpreter's sandbox (so they count as files the run read) and embedded, remote ones become links.
enum ProseImageResolver {
    /// What every image of `prose` becomes, by image id.
    static func embeddings(of prose: [Prose], reading interpreter: Interpreter) -> [Int: ProseImageEmbedding] {
        var result: [Int: ProseImageEmbedding] = [:]
        for image in prose.flatMap(\.images) {
            switch image.source {
            case .remote: result[image.id] = .remote(image.url)
            case .inline: result[image.id] = .inline(image.url)
            case .otherScheme: result[image.id] = .unsupported(url: image.url)
            case .file(let path):
                switch interpreter.readProseFile(path, maxBytes: ProseImageEmbedding.maxBytes) {
                case .bytes(let bytes): result[image.id] = .file(path: path, bytes: bytes)
                case .tooLarge(let size): result[image.id] = .tooLarge(path: path, size: size)
                case .problem(let reason): result[image.id] = .notEmbedded(reason)
                }
            }
        }
        return result
    }
}
