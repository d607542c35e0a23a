/// One problem found in an input (a log record, a catalog entry, a training example), with its
/// place, so it can be listed beside the others instead of stopping at the first.
///
/// Reads as `file:line: field: message [code]`, the form compilers use, so editors and CI logs
/// can jump to it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
    }

    public var file: String?
    /// 1-based, as editors count.
    public var line: Int?
    /// The field's path inside the record (`usage.prompt_tokens`, `data[2].trained_tokens`), or
    /// nil when the problem is with the record as a whole.
    public var field: String?
    public var severity: Severity
    /// Quotes at most a short excerpt of the input (`String.excerpt`), whatever the reader put in.
    public var message: String
    /// A stable name for the kind of problem, for counting and filtering (`invalid_json`).
    public var code: String?

    public init(
        file: String? = nil, line: Int? = nil, field: String? = nil, severity: Severity = .error, message: String,
        code: String? = nil
    ) {
        self.file = file
        self.line = line
        self.field = field
        self.severity = severity
        self.message = message.excerpt(limit: 2 * String.excerptLimit)
        self.code = code
    }

    /// `file:line: field: message [code]`, each part only when known.
    public var description: String { text(showingSeverity: false) }

    /// `file:line: severity: field: message [code]`, for lists that mix errors and warnings.
    public var descriptionWithSeverity: String { text(showingSeverity: true) }

    private func text(showingSeverity: Bool) -> String {
        var text = ""
        if let file { text += file + ":" }
        if let line { text += "\(line):" }
        if !text.isEmpty { text += " " }
        if showingSeverity { text += severity.rawValue + ": " }
        if let field { text += field + ": " }
        text += message
        if let code { text += " [\(code)]" }
        return text
    }
}
