/// Something that fills a buffer with the next bytes of a file: plain, or decompressed on the fly.
protocol ByteSource {
    /// Reads up to `buffer.count` bytes; 0 means the end.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// Compressed or raw bytes consumed from disk so far, for the progress line.
    var bytesConsumed: Int64 { get }
}
