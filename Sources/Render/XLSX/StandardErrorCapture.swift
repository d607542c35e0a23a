import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a call into libxlsxwriter with file descriptor 2 pointed at a scratch file, and hands back
/// what the library printed there.
///
/// libxlsxwriter reports problems itself, as `[ERROR] workbook_close(): ...` lines on stderr
/// (`LXW_ERROR` in its `utility.h`), beside the `lxw_error` it returns; those raw lines must not
/// reach the user, whose message is the `RenderError` built from the code. The descriptor is
/// process-wide, so captures are serialised.
enum StandardErrorCapture {
    private static let lock = NSLock()

    static func capturing<T>(_ body: () throws -> T) -> (result: Result<T, Error>, printed: String) {
        lock.lock()
        defer { lock.unlock() }
        guard let scratch = tmpfile() else { return (Result { try body() }, "") }
        defer { fclose(scratch) }
        fflush(nil)
        let saved = dup(2)
        guard saved >= 0 else { return (Result { try body() }, "") }
        dup2(fileno(scratch), 2)
        let result = Result { try body() }
        fflush(nil)
        dup2(saved, 2)
        close(saved)
        let length = ftell(scratch)
        var bytes = [UInt8](repeating: 0, count: max(0, length))
        rewind(scratch)
        let read = fread(&bytes, 1, bytes.count, scratch)
        return (result, String(decoding: bytes.prefix(read), as: UTF8.self))
    }
}
