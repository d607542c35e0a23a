import Foundation

/// Reads a file line by line in 1 MiB chunks, so a training file of any size is analysed in
/// constant memory (besides one count per example).
///
/// Lines are split at `\n`; a trailing `\r` is left to the JSON parser, which takes it as
/// whitespace. A final line without a newline is still a line.
struct LineReader {
    private let path: String
    private let handle: FileHandle
    private var buffer = Data()
    private var atEnd = false
    private static let chunkSize = 1 << 20

    init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw TrainingFileError.missing(path: path)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw TrainingFileError.unreadable(path: path)
        }
        self.path = path
        self.handle = handle
    }

    func close() {
        try? handle.close()
    }

    /// The next line without its `\n`, or nil at the end of the file.
    mutating func nextLine() throws -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = buffer[(newline + 1)...]
                return Data(line)
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                defer { buffer = Data() }
                return Data(buffer)
            }
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: Self.chunkSize)
            } catch {
                throw TrainingFileError.unreadable(path: path)
            }
            if let chunk, !chunk.isEmpty {
                buffer = Data(buffer) + chunk
            } else {
                atEnd = true
            }
        }
    }
}
