import DistillCore

/// Everything that stops a file (or an API page) from loading, as full sentences that say what to do.
package enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One value is missing or wrong; the diagnostic names the field (and the file and line once known).
    case invalidValue(Diagnostic)
    /// A file had invalid records and `--skip-invalid` was not given: nothing from it was stored.
    case fileRejected(path: String, firstProblems: [Diagnostic], invalidCount: Int)
    /// The file cannot be opened, read or decompressed.
    case unreadable(path: String, reason: String)
    /// `--kind auto` could not tell what the file holds.
    case unrecognised(path: String, reason: String)
    /// The file does not hold the kind `--kind` named: no point suggesting `--kind`, it was given.
    case notOfKind(path: String, kind: String, reason: String)
    /// An option is inconsistent (a bad `--map` or `--scale`).
    case invalidOption(String)
    /// The file was read but not one record could be taken from it: never a silent success.
    case nothingRead(path: String, reason: String)

    package var description: String {
        switch self {
        case .invalidValue(let diagnostic):
            return diagnostic.description
        case .fileRejected(let path, let problems, let count):
            let lines = count == 1 ? "1 record is invalid" : "\(count) records are invalid"
            var text =
                "\(path): \(lines), so nothing from this file was stored; fix the file, or pass "
                + "--skip-invalid to store the valid records and skip the rest."
            for problem in problems { text += "\n  " + problem.description }
            if count > problems.count { text += "\n  ... and \(count - problems.count) more." }
            return text
        case .unreadable(let path, let reason):
            return "Cannot read \(path): \(reason)."
        case .unrecognised(let path, let reason):
            return "Cannot tell what \(path) holds: \(reason.excerpt()). Pass --kind to say which format it is "
                + "(\(FileKind.allCases.map(\.rawValue).joined(separator: ", ")))."
        case .notOfKind(let path, let kind, let reason):
            return "\(path) does not hold --kind \(kind): \(reason.excerpt()). Check the file and the --kind given."
        case .invalidOption(let message):
            return message
        case .nothingRead(let path, let reason):
            return "\(path): no record could be read (\(reason)), so nothing was stored. Pass --kind to say which "
                + "format it is, or --map COLUMN=FIELD to say which columns hold the model, the time and the tokens "
                + "(e.g. --map llm=model --map when=timestamp)."
        }
    }

    /// Shorthand for readers: field `field` is wrong in the way `problem` says.
    static func field(_ field: String?, _ problem: String) -> IngestError {
        .invalidValue(Diagnostic(field: field, message: problem))
    }
}
