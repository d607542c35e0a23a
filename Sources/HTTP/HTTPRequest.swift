/// One GET request: a URL, its query parameters in order, and headers.
///
/// Headers named in `credentialHeaderNames` carry secrets: the client never prints them, and
/// scrubs their values from any text it builds (an API's error message can echo a key back).
package struct HTTPRequest: Sendable, Equatable {
    package var url: String
    /// Sent in this order, each name and value percent-encoded (`metadata[team]=search` becomes
    /// `metadata%5Bteam%5D=search`, as the OpenAI SDKs send it).
    package var query: [(name: String, value: String)]
    package var headers: [(name: String, value: String)]

    package init(
        url: String, query: [(name: String, value: String)] = [], headers: [(name: String, value: String)] = []
    ) {
        self.url = url
        self.query = query
        self.headers = headers
    }

    /// Header names whose values are credentials, compared case-insensitively.
    package static let credentialHeaderNames: Set<String> = [
        "authorization", "proxy-authorization", "api-key", "x-api-key",
    ]

    /// The URL with its query string, as sent on the wire.
    package var fullURL: String {
        guard !query.isEmpty else { return url }
        let encoded = query.map { Self.percentEncoded($0.name) + "=" + Self.percentEncoded($0.value) }
        return url + (url.contains("?") ? "&" : "?") + encoded.joined(separator: "&")
    }

    /// The URL as errors and progress show it: no query (it can be long) and no `user:password@`.
    package var displayURL: String {
        var text = url
        if let query = text.firstIndex(of: "?") { text = String(text[..<query]) }
        if let scheme = text.firstRange(of: "://") {
            let authorityEnd = text[scheme.upperBound...].firstIndex(of: "/") ?? text.endIndex
            if let at = text[scheme.upperBound..<authorityEnd].lastIndex(of: "@") {
                text.removeSubrange(scheme.upperBound...at)
            }
        }
        return text
    }

    /// The secret strings this request carries: each credential header's value, and the token
    /// after a `Bearer ` scheme on its own.
    package var secrets: [String] {
        var secrets: [String] = []
        for header in headers where Self.credentialHeaderNames.contains(header.name.lowercased()) {
            secrets.append(header.value)
            if let space = header.value.firstIndex(of: " ") {
                let token = header.value[header.value.index(after: space)...].trimmingSpaces()
                if !token.isEmpty { secrets.append(token) }
            }
        }
        return secrets.filter { $0.count >= 4 }
    }

    /// RFC 3986 percent-encoding of everything but the unreserved characters: also what keeps an
    /// id put into a URL path from changing the path.
    package static func percentEncoded(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(hex[Int(byte >> 4)])
                result.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return result
    }

    package static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.url == rhs.url && lhs.query.elementsEqual(rhs.query, by: ==)
            && lhs.headers.elementsEqual(rhs.headers, by: ==)
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
