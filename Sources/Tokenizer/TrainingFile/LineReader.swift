import Foundation

/// Reads a file line by line in 1 MiB chunks, so a training file of any size is analysed in
/// constant memory (besides one count per example).
///
/// Lines are split at `\n`; a trailing `\r` is left to the JSON parser, which takes it as
/// whitespace. A final line without a newline is still a line. The buffer is a byte array with a
/// read offset, not `Data`: slicing `Data` line by line cost more than parsing the JSON.
struct LineReader {
    private let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var lineStart = 0
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
    mutating func nextLine() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
                defer { lineStart = newline + 1 }
                return buffer[lineStart..<newline]
            }
            if atEnd {
                guard lineStart < buffer.count else { return nil }
                defer { lineStart = buffer.count }
                return buffer[lineStart...]
            }
            buffer.removeSubrange(0..<lineStart)
            lineStart = 0
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: Self.chunkSize)
            } catch {
                throw TrainingFileError.unreadable(path: path)
            }
            if let chunk, !chunk.isEmpty {
                buffer.append(contentsOf: chunk)
            } else {
                atEnd = true
            }
        }
    }
}
