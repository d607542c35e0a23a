import Foundation
import Tokenizer

/// `BPETokenizer.count(_:)` on English prose and on source code, in o200k_base and cl100k_base.
///
/// Rank files are loaded before timing (that is start-up, paid once per process); each text is a
/// real corpus repeated to a few megabytes, so a run is long enough to time and the text is the
/// same `String` in every run.
enum TokenizerThroughput {
    struct Text {
        var name: String
        var source: String
        var text: String
    }

    static func run(texts: [Text], dataDirectory: TokenizerDataDirectory, runs: Int) throws -> [BenchmarkResult] {
        var results: [BenchmarkResult] = []
        for encoding in [TokenEncoding.o200kBase, .cl100kBase] {
            let tokenizer = try BPETokenizer(encoding: encoding, dataDirectory: dataDirectory)
            for text in texts {
                var tokens: Int?
                let measurement = try Measurement.take(runs: runs) {
                    let counted = tokenizer.count(text.text)
                    if let tokens, tokens != counted {
                        throw BenchmarkFailure("\(encoding) counted \(counted) tokens in \(text.name), then \(tokens)")
                    }
                    tokens = counted
                }
                guard let tokens, tokens > 0 else { throw BenchmarkFailure("\(encoding) found no tokens in \(text.name)") }
                let megabytes = Double(text.text.utf8.count) / 1e6
                results.append(
                    BenchmarkResult(
                        name: "Tokenizer, \(text.name), \(encoding)",
                        input: "\(format(megabytes)) MB of \(text.source), repeated: \(format(Double(tokens))) tokens",
                        work: [.init(unit: "MB", amount: megabytes), .init(unit: "tokens", amount: Double(tokens))],
                        measurement: measurement))
            }
        }
        return results
    }

    /// The licences in `/usr/share/common-licenses` (symbolic links skipped, so no text twice),
    /// repeated to at least `bytes`.
    static func prose(atLeast bytes: Int) throws -> Text {
        let folder = "/usr/share/common-licenses"
        let files = try regularFiles(in: folder) { _ in true }
        return Text(
            name: "English prose", source: "the \(files.count) licences in \(folder)", text: try repeated(files, to: bytes))
    }

    /// The package's own Swift sources under `folder`, repeated to at least `bytes`.
    static func code(in folder: String, atLeast bytes: Int) throws -> Text {
        let files = try regularFiles(in: folder) { $0.hasSuffix(".swift") }
        return Text(
            name: "Swift source", source: "the \(files.count) .swift files in \(folder)/", text: try repeated(files, to: bytes))
    }

    /// Regular files under `folder`, recursively, in path order so every run reads the same text.
    private static func regularFiles(in folder: String, where include: (String) -> Bool) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw BenchmarkFailure("\(folder) cannot be read; the tokenizer benchmark needs it")
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let path = (folder as NSString).appendingPathComponent(relative)
            let type = try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
            if type == .typeRegular, include(relative) { files.append(path) }
        }
        guard !files.isEmpty else { throw BenchmarkFailure("\(folder) holds no files for the tokenizer benchmark") }
        return files.sorted()
    }

    /// The files' contents joined, then whole copies of that until the text has `bytes` bytes.
    private static func repeated(_ files: [String], to bytes: Int) throws -> String {
        let corpus = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }.joined(separator: "\n")
        guard !corpus.isEmpty else { throw BenchmarkFailure("the files for the tokenizer benchmark are empty") }
        let copies = (bytes + corpus.utf8.count - 1) / corpus.utf8.count
        return String(repeating: corpus, count: max(copies, 1))
    }
}
