#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written through stdio's buffer: millions of short lines without a system call each.
final class BufferedOutputFile {
    private let stream: UnsafeMutablePointer<FILE>
    let path: String

    init(path: String) throws {
        guard let stream = fopen(path, "wb") else {
            throw ApplicationError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        setvbuf(stream, nil, _IOFBF, 1 << 20)
        self.stream = stream
        self.path = path
    }

    deinit { fclose(stream) }

    func write(_ text: String) throws {
        var text = text
        let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, stream) }
        guard written == text.utf8.count else {
            throw ApplicationError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    func close() throws {
        guard fflush(stream) == 0 else {
            throw ApplicationError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
