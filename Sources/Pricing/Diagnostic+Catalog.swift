import DistillCore

extension Diagnostic {
    /// A problem at `location` in a catalog file; `pricing check` lists them all instead of
    /// stopping at the first, so a user fixes a file in one pass.
    public init(_ location: SourceLocation, _ severity: Severity = .error, _ message: String) {
        self.init(file: location.file, line: location.line, severity: severity, message: message)
    }
}
