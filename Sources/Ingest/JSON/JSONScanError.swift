/// What the scanner found wrong, and where (a byte offset into the scanned text).
///
/// Readers turn it into an `IngestError` naming the field being read and the file and line.
struct JSONScanError: Error, Equatable {
    enum Problem: Equatable {
        case syntax(String)
        case type(expected: String, found: String)
        case notAnInteger(String)
    }

    let offset: Int
    let problem: Problem

    /// The problem as a phrase that follows a field name.
    var message: String {
        switch problem {
        case .syntax(let message): return "not valid JSON at byte \(offset + 1): \(message)"
        case .type(let expected, let found): return "must be \(expected), found \(found)"
        case .notAnInteger(let text): return "must be an integer, found \(text)"
        }
    }

    /// The error for a reader to throw. A type error names the field being read; a syntax error
    /// names only `container` (a page element's path), because its byte offset already locates it
    /// and the field read last is not necessarily where the text broke.
    func ingestError(field: String?, container: String? = nil) -> IngestError {
        if case .syntax = problem { return IngestError.field(container, message) }
        return IngestError.field(field, message)
    }
}
