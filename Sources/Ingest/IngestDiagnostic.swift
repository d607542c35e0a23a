/// One thing wrong with one record: where (file and line when known), which field, and what.
///
/// Reads as `file:line: field: problem`, the form compilers use, so editors can jump to it.
package struct IngestDiagnostic: Sendable, Equatable, CustomStringConvertible {
    package var file: String?
    package var line: Int?
    /// The field's path inside the record (`usage.prompt_tokens`, `data[2].trained_tokens`), or
    /// nil when the record as a whole is unreadable.
    package var field: String?
    package var problem: String

    package init(file: String? = nil, line: Int? = nil, field: String?, problem: String) {
        self.file = file
        self.line = line
        self.field = field
        self.problem = problem
    }

    package var description: String {
        var text = ""
        if let file { text += file + ":" }
        if let line { text += "\(line):" }
        if !text.isEmpty { text += " " }
        if let field { text += field + ": " }
        return text + problem
    }

    /// The same diagnostic with a location and a path prefix added by an enclosing reader.
    func located(file: String?, line: Int?, fieldPrefix: String? = nil) -> IngestDiagnostic {
        var copy = self
        if copy.file == nil { copy.file = file }
        if copy.line == nil { copy.line = line }
        if let fieldPrefix { copy.field = copy.field.map { fieldPrefix + "." + $0 } ?? fieldPrefix }
        return copy
    }
}
