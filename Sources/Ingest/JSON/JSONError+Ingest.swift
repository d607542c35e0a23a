import DistillCore

extension JSONError {
    /// The error for a reader to throw. A type error names the field being read; a syntax error
    /// names only `container` (a page element's path), because its byte offset already locates it
    /// and the field read last is not necessarily where the text broke.
    func ingestError(field: String?, container: String? = nil) -> IngestError {
        if case .syntax = problem { return IngestError.field(container, message) }
        return IngestError.field(field, message)
    }
}

extension JSONValue {
    /// Parses one JSON text (a page, a document); malformed text is an invalid value naming no
    /// field, reported like any other problem with a record.
    static func parseForIngest(_ bytes: UnsafeRawBufferPointer) throws -> JSONValue {
        do {
            return try parse(bytes)
        } catch let error as JSONError {
            throw error.ingestError(field: nil)
        }
    }

    static func parseForIngest(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBytes { try parseForIngest($0) }
    }
}
