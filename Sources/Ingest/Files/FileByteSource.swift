#if canImport(Glibc)
    import Glibc

    /// read(2), named so the member `read(into:)` does not hide it.
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin

    private let systemRead = Darwin.read
#endif

/// A file read with `read(2)` in large blocks; owns the descriptor and closes it in `deinit`.
final class FileByteSource: ByteSource {
    let path: String
    private let descriptor: Int32
    private(set) var bytesConsumed: Int64 = 0

    init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw IngestError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw IngestError.unreadable(path: path, reason: "it is a folder, not a file")
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        while true {
            let count = systemRead(descriptor, base, buffer.count)
            if count >= 0 {
                bytesConsumed += Int64(count)
                return count
            }
            if errno == EINTR { continue }
            throw IngestError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// The file's modification time, the fallback time of records that carry none.
    var modificationTime: Int64? {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        return Int64(status.st_mtim.tv_sec)
    }

    /// True when the file starts with the gzip magic bytes 1f 8b (RFC 1952 §2.3.1), whatever its name.
    var startsWithGzipMagic: Bool {
        var magic: (UInt8, UInt8) = (0, 0)
        let count = withUnsafeMutableBytes(of: &magic) { pread(descriptor, $0.baseAddress, 2, 0) }
        return count == 2 && magic.0 == 0x1F && magic.1 == 0x8B
    }
}
