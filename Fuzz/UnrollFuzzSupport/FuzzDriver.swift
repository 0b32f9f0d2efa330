import CFuzzerDriver
import Foundation

/// Runs a fuzz target: hands each input libFuzzer generates to one Swift function.
///
/// A fuzz target's `main` calls `FuzzDriver.run` with the function to fuzz. An input that makes the function trap,
/// overflow the stack or touch memory it must not is what libFuzzer (with AddressSanitizer) reports as a crash;
/// thrown errors are the expected answer to bad input and are ignored.
public enum FuzzDriver {
    /// The function under test; libFuzzer calls a C function pointer, which cannot capture it.
    nonisolated(unsafe) private static var body: ([UInt8]) throws -> Void = { _ in }

    /// Runs libFuzzer with this process's arguments on `body` and exits with libFuzzer's status.
    public static func run(_ body: @escaping ([UInt8]) throws -> Void) -> Never {
        FuzzDriver.body = body
        let status = unroll_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
            let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
            _ = try? FuzzDriver.body(bytes)
            return 0
        }
        exit(status)
    }

    /// The input as text, the way a reader sees a file: invalid UTF-8 becomes U+FFFD, so every input reaches
    /// the reader.
    public static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
