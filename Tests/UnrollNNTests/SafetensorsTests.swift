import Foundation
import UnrollFileIO
import UnrollNN
import UnrollTensor
import UnrollTestSupport
import XCTest

final class SafetensorsTests: XCTestCase {
    // MARK: - Round trip and layout

    func testRoundTripKeepsValuesShapesIntegersAndMetadata() throws {
        let matrix = Tensor(shape: [2, 3], scalars: [1, -2.5, 3e-8, .infinity, -0.0, 65504])
        let tensors: [String: Tensor] = [
            "rnn.weight_ih_l0": matrix,
            "scalar": Tensor(scalar: 0.125),
            "empty": Tensor(zeros: [0, 4]),
            "naïve \"quoted\" \\ name": Tensor(shape: [1], scalars: [7]),
        ]
        let metadata = ["format": "pt", "note": "line one\nline \"two\"\t\u{01} – ünïcode"]
        let data = try Safetensors.encode(tensors: tensors, integers: ["lengths": [5, -2, 1 << 40]], metadata: metadata)
        let file = try Safetensors(data: data)

        XCTAssertEqual(file.metadata, metadata)
        XCTAssertEqual(file.names, ["empty", "lengths", "naïve \"quoted\" \\ name", "rnn.weight_ih_l0", "scalar"])
        for (name, t) in tensors {
            let read = try XCTUnwrap(file.tensors[name])
            XCTAssertEqual(read.dtype, .f32)
            XCTAssertEqual(read.shape, t.shape)
            XCTAssertEqual(read.values.scalars.map(\.bitPattern), t.scalars.map(\.bitPattern), name)
            XCTAssertNil(read.integers)
        }
        XCTAssertEqual(try file.integers("lengths"), [5, -2, 1 << 40])
        XCTAssertEqual(file.tensors["lengths"]?.dtype, .i64)
        XCTAssertEqual(try file.tensor("lengths").scalars, [5, -2, Float(1 << 40)])
    }

    func testEncodingIsExactSortedAndPadded() throws {
        let data = try Safetensors.encode(
            tensors: ["b": Tensor(shape: [1], scalars: [1]), "a": Tensor(shape: [2], scalars: [2, 3])],
            integers: ["c": [4]], metadata: ["z": "1", "y": "2"])
        let length = Int(data.prefix(8).withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) })
        XCTAssertEqual(length % 8, 0)
        let header = String(decoding: data[8 ..< 8 + length], as: UTF8.self)
        let expected = #"{"__metadata__":{"y":"2","z":"1"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"#
            + #""b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]},"c":{"dtype":"I64","shape":[1],"data_offsets":[12,20]}}"#
        XCTAssertEqual(header.trimmingCharacters(in: .whitespaces), expected)
        XCTAssertTrue(header.hasSuffix(String(repeating: " ", count: length - expected.utf8.count)))
        XCTAssertEqual(data.count, 8 + length + 20)
        // 2.0 as little-endian F32 opens the data section.
        XCTAssertEqual(Array(data[(8 + length)...].prefix(4)), [0x00, 0x00, 0x00, 0x40])
        let again = try Safetensors.encode(
            tensors: ["a": Tensor(shape: [2], scalars: [2, 3]), "b": Tensor(shape: [1], scalars: [1])],
            integers: ["c": [4]], metadata: ["y": "2", "z": "1"])
        XCTAssertEqual(again, data)
    }

    func testHeaderStringsAreQuotedLikeTheRunRecord() throws {
        let name = "a\u{08}b\u{0C}c\u{7F}\u{1F}\"é"
        let data = try Safetensors.encode(tensors: [name: Tensor(scalar: 1)], metadata: ["k\n": "v\t"])
        let length = Int(data.prefix(8).withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) })
        let header = String(decoding: data[8 ..< 8 + length], as: UTF8.self)
        XCTAssertEqual(header.trimmingCharacters(in: .whitespaces),
                       #"{"__metadata__":{"k\n":"v\t"},"a\bb\fc\u007f\u001f\"é":{"dtype":"F32","shape":[],"data_offsets":[0,4]}}"#)
        let file = try Safetensors(data: data)
        XCTAssertEqual(file.names, [name])
        XCTAssertEqual(file.metadata, ["k\n": "v\t"])
    }

    func testEncodingWithoutMetadataOmitsTheKey() throws {
        let data = try Safetensors.encode(tensors: ["x": Tensor(scalar: 1)])
        XCTAssertFalse(String(decoding: data, as: UTF8.self).contains("__metadata__"))
        XCTAssertEqual(try Safetensors(data: data).metadata, [:])
    }

    func testEncodingRejectsReservedAndDuplicateNames() {
        assertError(try Safetensors.encode(tensors: ["__metadata__": Tensor(scalar: 1)]),
                    "cannot write a tensor named '__metadata__': the format reserves that name")
        assertError(try Safetensors.encode(tensors: ["n": Tensor(scalar: 1)], integers: ["n": [1]]),
                    "cannot write tensor 'n' twice: it is given both as floats and as integers")
    }

    // MARK: - Files

    func testWriteReplacesTheFileAndLeavesNoTemporaryFiles() throws {
        let dir = try makeTemporaryDirectory(prefix: "unroll-safetensors")
        let url = dir.appendingPathComponent("model.safetensors")
        try Safetensors.write(tensors: ["w": Tensor(shape: [2], scalars: [1, 2])], to: url)
        try Safetensors.write(tensors: ["w": Tensor(shape: [3], scalars: [4, 5, 6])], metadata: ["v": "2"], to: url)
        let file = try Safetensors(contentsOf: url)
        XCTAssertEqual(try file.tensor("w").scalars, [4, 5, 6])
        XCTAssertEqual(file.metadata, ["v": "2"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["model.safetensors"])
        XCTAssertEqual(try Data(contentsOf: url),
                       try Safetensors.encode(tensors: ["w": Tensor(shape: [3], scalars: [4, 5, 6])], metadata: ["v": "2"]))
    }

    func testFileErrorsNameThePath() throws {
        let dir = try makeTemporaryDirectory(prefix: "unroll-safetensors")
        let missing = dir.appendingPathComponent("no/such/dir/x.safetensors")
        assertError(try Safetensors.write(tensors: [:], to: missing),
                    "cannot write '\(missing.path)': no such file or directory")
        assertError(try Safetensors(contentsOf: missing), "cannot read '\(missing.path)': no such file or directory")
    }

    func testMissingTensorNameIsReported() throws {
        let file = try Safetensors(data: try Safetensors.encode(tensors: ["a": Tensor(scalar: 1)]))
        assertError(try file.tensor("b"), "no tensor named 'b' in the file (it has 1: 'a')")
        assertError(try file.integers("a"), "tensor 'a' holds F32 values, not integers")
    }

    // MARK: - Reading what PyTorch wrote

    func testReadsEveryDTypeWrittenByPyTorch() throws {
        let file = try Fixtures.load("dtypes")
        for name in ["f32", "f64", "f16", "bf16", "i64", "i32", "f16_special"] {
            let t = try XCTUnwrap(file.tensors[name], name)
            let reference = try file.tensor(name + ".as_f32")
            XCTAssertEqual(t.shape, reference.shape, name)
            XCTAssertEqual(t.values.scalars.map(\.bitPattern), reference.scalars.map(\.bitPattern), name)
        }
        XCTAssertEqual(file.tensors["f64"]?.dtype, .f64)
        XCTAssertEqual(file.tensors["f16"]?.dtype, .f16)
        XCTAssertEqual(file.tensors["bf16"]?.dtype, .bf16)
        XCTAssertEqual(try file.integers("i64"), [-3, 0, 7, 1 << 40, -(1 << 40), 1])
        XCTAssertEqual(try file.integers("i32"), [5, -6, 1 << 30])
        let specials = try file.tensor("f16_special").scalars
        XCTAssertEqual(specials[0], 0x1p-24)              // the smallest subnormal half
        XCTAssertEqual(specials[2], 65504)
        XCTAssertEqual(specials[3], .infinity)
        XCTAssertEqual(specials[5].sign, .minus)
        XCTAssertEqual(try file.tensor("scalar").shape, [])
        XCTAssertEqual(try file.tensor("scalar").scalar, 2.5)
        XCTAssertEqual(try file.tensor("empty").shape, [0, 4])
        XCTAssertTrue(file.metadata["description"]?.contains("safetensors.torch.save_file") ?? false)
    }

    // MARK: - Header first

    func testASparseFileOfNineGigabytesIsCheckedFromItsHeaderAlone() throws {
        let folder = TemporaryFolder(prefix: "unroll-sparse")
        let path = folder.path + "/big.safetensors", tensorBytes = 9_000_000_000
        let prefix = SparseFile.safetensorsHeader(tensorBytes: tensorBytes)
        try SparseFile.write(path, prefix: prefix, size: prefix.count + tensorBytes)
        let file = try OpenedFile(path: path)
        var read = 0
        let layout = try SafetensorsLayout(fileSize: file.size) { offset, count in
            read += count
            return try file.read(count: count, at: offset)
        }
        XCTAssertEqual(read, prefix.count, "only the length prefix and the header are read")
        XCTAssertEqual(layout.fileSize, prefix.count + tensorBytes)
        XCTAssertEqual(layout.dataStart, prefix.count)
        XCTAssertEqual(layout.decodedBytes, tensorBytes)
    }

    func testAHeaderOrOffsetsBeyondTheFileAreNamedBeforeAnyDataIsRead() throws {
        let folder = TemporaryFolder(prefix: "unroll-sparse")
        let lying = folder.path + "/lying.safetensors"
        var prefix: [UInt8] = []
        withUnsafeBytes(of: UInt64(50_000_000).littleEndian) { prefix.append(contentsOf: $0) }
        try SparseFile.write(lying, prefix: prefix, size: 100)
        assertError(try SafetensorsLayout(reading: OpenedFile(path: lying)),
                    "header length 50000000 is beyond the file's size: only 92 bytes follow the 8-byte length prefix")
        let short = folder.path + "/short.safetensors"
        let header = SparseFile.safetensorsHeader(tensorBytes: 4_000_000_000)
        try SparseFile.write(short, prefix: header, size: header.count + 4096)
        assertError(try SafetensorsLayout(reading: OpenedFile(path: short)),
                    "offsets out of range: tensor 'w' has data_offsets [0, 4000000000] but the data section has 4096 bytes")
        assertError(try Safetensors(contentsOf: URL(fileURLWithPath: folder.path)),
                    "cannot read '\(folder.path)': it is a folder, not a file")
    }

    // MARK: - Malformed files

    func testTruncatedHeaders() {
        assertError(try Safetensors(data: Data([1, 2, 3])),
                    "truncated header: the file has 3 bytes, fewer than the 8-byte length prefix")
        assertError(try Safetensors(data: raw(header: "{}", declaredLength: 100)),
                    "header length 100 is beyond the file's size: only 2 bytes follow the 8-byte length prefix")
        assertError(try Safetensors(data: raw(header: "{}", declaredLength: .max)),
                    "header length 18446744073709551615 exceeds the limit of 100000000 bytes")
    }

    func testMalformedJSON() {
        assertError(try Safetensors(data: raw(header: "{\"a\": ")), "malformed header: not valid json")
        assertError(try Safetensors(data: raw(header: "[1, 2]")), "malformed header: the json is not an object")
        assertError(try Safetensors(data: raw(header: #"{"a": 3}"#)), "malformed header: entry 'a' is not an object")
        assertError(try Safetensors(data: raw(header: #"{"__metadata__": {"k": 1}}"#)),
                    "malformed header: __metadata__ value for 'k' is not a string")
        assertError(try Safetensors(data: raw(header: #"{"__metadata__": []}"#)),
                    "malformed header: __metadata__ must be an object of strings")
    }

    func testMalformedEntries() {
        assertError(try Safetensors(data: raw(header: #"{"a": {"shape": [1], "data_offsets": [0, 4]}}"#, data: 4)),
                    "malformed header: tensor 'a' has no string 'dtype'")
        assertError(try Safetensors(data: raw(header: entry("a", "Q7", [1], 0, 4), data: 4)),
                    "unknown dtype 'Q7' for tensor 'a'; supported: F32, F64, F16, BF16, I64, I32")
        assertError(try Safetensors(data: raw(header: entry("a", "U8", [4], 0, 4), data: 4)),
                    "unsupported dtype 'U8' for tensor 'a'; supported: F32, F64, F16, BF16, I64, I32")
        for shape in ["[-1]", "[1.5]", "[\"1\"]", "3", "[true, true]", "[false]"] {
            assertError(try Safetensors(data: raw(header: #"{"a": {"dtype": "F32", "shape": \#(shape), "data_offsets": [0, 4]}}"#,
                                                  data: 4)),
                        shape == "3" ? "malformed header: tensor 'a' has no 'shape' list"
                                     : "malformed header: shape of tensor 'a' must list non-negative integers")
        }
        for offsets in ["[0]", "[\"0\", 4]", "[-4, 0]", "[0, 4, 8]", "null", "[false, true]"] {
            assertError(try Safetensors(data: raw(header: #"{"a": {"dtype": "F32", "shape": [1], "data_offsets": \#(offsets)}}"#,
                                                  data: 4)),
                        "malformed header: data_offsets of tensor 'a' must be two non-negative integers")
        }
        assertError(try Safetensors(data: raw(header: entry("a", "F32", [1], 8, 4), data: 8)),
                    "offsets out of range: tensor 'a' has data_offsets [8, 4] that end before they begin")
        assertError(try Safetensors(data: raw(header: entry("a", "F32", [4], 0, 16), data: 8)),
                    "offsets out of range: tensor 'a' has data_offsets [0, 16] but the data section has 8 bytes")
        assertError(try Safetensors(data: raw(header: entry("a", "F32", [3], 0, 8), data: 8)),
                    "tensor 'a': shape [3] of F32 needs 12 bytes but data_offsets [0, 8] cover 8")
        assertError(try Safetensors(data: raw(header: entry("a", "F64", [1 << 40, 1 << 40], 0, 8), data: 8)),
                    "tensor 'a': shape [1099511627776, 1099511627776] of F64 needs more bytes than fit in memory "
                    + "but data_offsets [0, 8] cover 8")
    }

    func testOverlappingAndNonContiguousOffsets() {
        assertError(try Safetensors(data: raw(header: entries([("a", [0, 8]), ("b", [4, 12])]), data: 12)),
                    "overlapping offsets: tensors 'a' [0, 8] and 'b' [4, 12] share bytes")
        assertError(try Safetensors(data: raw(header: entries([("a", [0, 8]), ("b", [0, 8])]), data: 8)),
                    "overlapping offsets: tensors 'a' [0, 8] and 'b' [0, 8] share bytes")
        assertError(try Safetensors(data: raw(header: entries([("a", [0, 8]), ("b", [12, 20])]), data: 20)),
                    "non-contiguous offsets: bytes [8, 12] after 'a' belong to no tensor (next is 'b')")
        assertError(try Safetensors(data: raw(header: entries([("a", [4, 12])]), data: 12)),
                    "non-contiguous offsets: bytes [0, 4] at the start of the data belong to no tensor (next is 'a')")
        assertError(try Safetensors(data: raw(header: entries([("a", [0, 8])]), data: 12)),
                    "non-contiguous offsets: bytes [8, 12] after 'a' at the end of the data belong to no tensor")
        assertError(try Safetensors(data: raw(header: "{}", data: 4)),
                    "non-contiguous offsets: bytes [0, 4] at the end of the data belong to no tensor")
    }

    func testEveryTruncationOfAValidFileThrowsInsteadOfCrashing() throws {
        let data = try Safetensors.encode(tensors: ["a": Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]),
                                                    "b": Tensor(shape: [3], scalars: [5, 6, 7])],
                                          integers: ["n": [1, 2]], metadata: ["k": "v"])
        XCTAssertNoThrow(try Safetensors(data: data))
        for length in 0..<data.count {
            XCTAssertThrowsError(try Safetensors(data: data.prefix(length)), "prefix of \(length) bytes")
        }
        // Corrupt each header byte in turn: the reader must throw or return, never trap.
        var corrupted = 0
        for i in 8..<min(data.count, 160) {
            var bad = data
            bad[i] ^= 0x5A
            if (try? Safetensors(data: bad)) == nil { corrupted += 1 }
        }
        XCTAssertGreaterThan(corrupted, 100)
    }

    // MARK: - Helpers

    /// A file with the given header text, `data` zero bytes after it, and a length prefix (the true one by default).
    private func raw(header: String, data: Int = 0, declaredLength: UInt64? = nil) -> Data {
        var out = Data()
        withUnsafeBytes(of: (declaredLength ?? UInt64(header.utf8.count)).littleEndian) { out.append(contentsOf: $0) }
        out.append(contentsOf: Array(header.utf8))
        out.append(contentsOf: [UInt8](repeating: 0, count: data))
        return out
    }

    private func entry(_ name: String, _ dtype: String, _ shape: [Int], _ begin: Int, _ end: Int) -> String {
        #"{"\#(name)": {"dtype": "\#(dtype)", "shape": \#(shape), "data_offsets": [\#(begin), \#(end)]}}"#
    }

    /// A header of F32 tensors whose shapes fit their offsets.
    private func entries(_ items: [(String, [Int])]) -> String {
        "{" + items.map { name, o in
            #""\#(name)": {"dtype": "F32", "shape": [\#((o[1] - o[0]) / 4)], "data_offsets": \#(o)}"#
        }.joined(separator: ", ") + "}"
    }
}

/// Asserts that `body` throws a `SafetensorsError` with exactly `message`.
func assertError<T>(_ body: @autoclosure () throws -> T, _ message: String,
                    file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
        XCTAssertEqual((error as? SafetensorsError)?.message, message, "\(error)", file: file, line: line)
    }
}
