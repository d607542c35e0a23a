#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to file descriptor 2. Swift 6 rejects C's mutable `stderr` global, so go through the
/// descriptor directly.
package enum StandardError {
    package static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(2, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// True when stderr is a terminal: progress lines are shown only then.
    package static var isTerminal: Bool { isatty(2) == 1 }
}
