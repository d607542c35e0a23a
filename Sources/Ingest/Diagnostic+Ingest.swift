import DistillCore

extension Diagnostic {
    /// The same diagnostic with a location and a path prefix added by an enclosing reader.
    func located(file: String?, line: Int?, fieldPrefix: String? = nil) -> Diagnostic {
        var copy = self
        if copy.file == nil { copy.file = file }
        if copy.line == nil { copy.line = line }
        if let fieldPrefix { copy.field = copy.field.map { fieldPrefix + "." + $0 } ?? fieldPrefix }
        return copy
    }
}
