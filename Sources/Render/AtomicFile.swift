import Foundation

/// Writes a report file so that it is either all there or not there: the bytes go to a temporary
/// file in the same folder, which is then renamed over the target (rename is atomic on POSIX
/// file systems). A crash mid-write never leaves a truncated report.
enum AtomicFile {
    static func write(_ data: Data, to path: String) throws {
        try write(to: path) { temporary in try data.write(to: URL(fileURLWithPath: temporary)) }
    }

    /// Runs `produce` with a temporary path in the target's folder, then renames it into place.
    static func write(to path: String, produce: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        do {
            try produce(temporary)
            guard rename(temporary, path) == 0 else {
                throw RenderError("cannot move the finished report into \(path): \(String(cString: strerror(errno))).")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    /// A file name from data (a week label, a model name) that cannot leave the output folder:
    /// only letters, digits, `.`, `-` and `_` survive, and no name starts with a dot.
    static func safeName(_ text: String) -> String {
        let allowed = text.unicodeScalars.map { scalar -> Character in
            let value = scalar.value
            let ok = (48...57).contains(value) || (65...90).contains(value) || (97...122).contains(value)
                || scalar == "-" || scalar == "_" || scalar == "."
            return ok ? Character(scalar) : "_"
        }
        var name = String(allowed)
        while name.hasPrefix(".") { name.removeFirst() }
        return name.isEmpty ? "report" : name
    }
}
