import Foundation

/// Decodes a response body strictly, turning a decoding failure into an error that names the
/// endpoint and the field (`data[3].usage.prompt_tokens`).
enum PageDecoding {
    static func decode<Page: Decodable>(_ type: Page.Type, from body: [UInt8], endpoint: OpenAIEndpoint) throws -> Page {
        do {
            return try JSONDecoder().decode(Page.self, from: Data(body))
        } catch let error as DecodingError {
            throw unexpected(error, endpoint: endpoint)
        }
    }

    /// Fails unless a constant field (`object`) has its documented value.
    static func expect(_ value: String, equals expected: String, field: String, endpoint: OpenAIEndpoint) throws {
        guard value == expected else {
            throw OpenAIIngestError.unexpectedResponse(
                endpoint: endpoint, field: field, problem: "expected \"\(expected)\", found \"\(value)\"")
        }
    }

    private static func unexpected(_ error: DecodingError, endpoint: OpenAIEndpoint) -> OpenAIIngestError {
        switch error {
        case .keyNotFound(let key, let context):
            return .unexpectedResponse(endpoint: endpoint, field: path(context.codingPath + [key]), problem: "missing")
        case .typeMismatch(let type, let context):
            return .unexpectedResponse(endpoint: endpoint, field: path(context.codingPath), problem: "not \(typeName(type))")
        case .valueNotFound(let type, let context):
            return .unexpectedResponse(endpoint: endpoint, field: path(context.codingPath), problem: "null where \(typeName(type)) is required")
        case .dataCorrupted(let context):
            let field = context.codingPath.isEmpty ? nil : path(context.codingPath)
            return .unexpectedResponse(endpoint: endpoint, field: field, problem: field == nil ? "not valid JSON" : "invalid value")
        @unknown default:
            return .unexpectedResponse(endpoint: endpoint, field: nil, problem: "not the documented shape")
        }
    }

    static func path(_ keys: [any CodingKey]) -> String? {
        guard !keys.isEmpty else { return nil }
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    private static func typeName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch name {
        case "String": return "a string"
        case "Bool": return "a boolean"
        case "Int", "Int64": return "an integer"
        case "Decimal", "Double": return "a number"
        default: return name.hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
