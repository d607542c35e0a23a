/// One problem found in a catalog file, with its place. `pricing check` lists them all instead of
/// stopping at the first, so a user fixes a file in one pass.
public struct CatalogDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
    }

    public let location: SourceLocation
    public let severity: Severity
    public let message: String

    public init(_ location: SourceLocation, _ severity: Severity = .error, _ message: String) {
        self.location = location
        self.severity = severity
        self.message = message
    }

    /// `pricing/openai.yaml:42: error: …`, the form editors and CI logs link to.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
