#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A sliding window over a byte source: readers take complete lines (or the whole text) out of it.
///
/// Memory stays flat whatever the file size: the window is 4 MiB and grows only to hold a single
/// line longer than that. A UTF-8 byte-order mark at the start is dropped (spreadsheet exports
/// write one).
final class InputBuffer {
    private var source: ByteSource
    private var storage: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var atEnd = false
    private var checkedByteOrderMark = false

    static let initialCapacity = 4 << 20

    init(source: ByteSource) {
        self.source = source
        storage = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.initialCapacity, alignment: 16)
    }

    deinit { storage.deallocate() }

    var bytesConsumed: Int64 { source.bytesConsumed }

    /// The unread bytes currently buffered.
    var buffered: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(storage)[start..<end])
    }

    /// Reads more bytes after the unread ones, moving or growing the window as needed; false at
    /// the end of the source.
    @discardableResult
    func fill() throws -> Bool {
        if atEnd { return false }
        if start > 0 {
            if end > start, let base = storage.baseAddress { memmove(base, base + start, end - start) }
            end -= start
            start = 0
        }
        if end == storage.count {
            let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: storage.count * 2, alignment: 16)
            if let target = larger.baseAddress, let base = storage.baseAddress { memcpy(target, base, end) }
            storage.deallocate()
            storage = larger
        }
        let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: storage[end...]))
        if count == 0 {
            atEnd = true
            return false
        }
        end += count
        if !checkedByteOrderMark, end - start >= 3 || atEnd {
            checkedByteOrderMark = true
            if end - start >= 3, storage[start] == 0xEF, storage[start + 1] == 0xBB, storage[start + 2] == 0xBF {
                start += 3
            }
        }
        return true
    }

    /// Makes sure at least `count` bytes are buffered, or the source is exhausted.
    func prefetch(_ count: Int) throws {
        while end - start < count, try fill() {}
        checkedByteOrderMark = true
    }

    /// The bytes up to the next newline (without it, or a CR before it), then consumed; nil at the
    /// end. The pointer is valid until the next call.
    func nextLine() throws -> UnsafeRawBufferPointer? {
        var searchFrom = start
        while true {
            if let base = storage.baseAddress, searchFrom < end,
                let found = memchr(base + searchFrom, 0x0A, end - searchFrom)
            {
                let newline = base.distance(to: UnsafeMutableRawPointer(found))
                let lineStart = start
                start = newline + 1
                var lineEnd = newline
                if lineEnd > lineStart, storage[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                return UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(storage)[lineStart..<lineEnd])
            }
            let scanned = end - start
            if try !fill() {
                guard start < end else { return nil }
                let lineStart = start
                var lineEnd = end
                start = end
                if storage[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                return UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(storage)[lineStart..<lineEnd])
            }
            searchFrom = start + scanned
        }
    }

    /// Everything that is left, for whole-document formats (small JSON files).
    func remainder() throws -> [UInt8] {
        while try fill() {}
        let bytes = [UInt8](buffered)
        start = end
        return bytes
    }

    /// Consumes `count` buffered bytes (the CSV reader takes what it has parsed).
    func consume(_ count: Int) {
        start += min(count, end - start)
    }
}
