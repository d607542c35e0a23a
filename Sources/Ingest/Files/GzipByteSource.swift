import DistillZlib

/// Decompresses a gzip (or zlib) file while it is read: the only type that uses zlib.
///
/// `inflateInit2` with window bits 15 + 32 detects the gzip or zlib header (zlib manual,
/// "inflateInit2"). Files made with `cat a.gz b.gz` hold several gzip members; after each member's
/// end the stream is reset and decompression continues, as `gzip -d` does.
final class GzipByteSource: ByteSource {
    private let file: FileByteSource
    private var stream = z_stream()
    private let input: UnsafeMutableRawBufferPointer
    private var finished = false
    private var initialised = false

    static let inputBlockSize = 1 << 18

    init(file: FileByteSource) throws {
        self.file = file
        input = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.inputBlockSize, alignment: 16)
        let code = distill_inflate_init_gzip(&stream)
        guard code == Z_OK else {
            input.deallocate()
            throw IngestError.unreadable(path: file.path, reason: "zlib could not start (\(code))")
        }
        initialised = true
    }

    deinit {
        if initialised { inflateEnd(&stream) }
        input.deallocate()
    }

    var bytesConsumed: Int64 { file.bytesConsumed }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let outputBase = buffer.baseAddress, !buffer.isEmpty, !finished else { return 0 }
        stream.next_out = outputBase.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = UInt32(buffer.count)
        while stream.avail_out > 0 {
            if stream.avail_in == 0 {
                let count = try file.read(into: input)
                if count == 0 {
                    if stream.total_in > 0 || stream.total_out > 0 {
                        // Input ended inside a member: the file was cut short.
                        throw IngestError.unreadable(
                            path: file.path, reason: "the gzip data ends early (truncated file)")
                    }
                    finished = true
                    break
                }
                stream.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = UInt32(count)
            }
            let code = inflate(&stream, Z_NO_FLUSH)
            switch code {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                if try moreMembersFollow() {
                    inflateReset(&stream)
                } else {
                    finished = true
                    return buffer.count - Int(stream.avail_out)
                }
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "error \(code)"
                throw IngestError.unreadable(path: file.path, reason: "it is not valid gzip data (\(message))")
            }
        }
        return buffer.count - Int(stream.avail_out)
    }

    /// After a member ends: true if more input follows (another member), reading ahead if needed.
    private func moreMembersFollow() throws -> Bool {
        if stream.avail_in > 0 { return true }
        let count = try file.read(into: input)
        guard count > 0 else { return false }
        stream.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.avail_in = UInt32(count)
        return true
    }
}
