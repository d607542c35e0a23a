#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A member name as the scanner found it: the raw bytes when it has no escapes (compared without
/// building a `String`), the decoded text otherwise.
struct JSONKey {
    private let raw: UnsafeRawBufferPointer?
    private let decoded: String?

    init(raw: UnsafeRawBufferPointer) {
        self.raw = raw
        self.decoded = nil
    }

    init(decoded: String) {
        self.raw = nil
        self.decoded = decoded
    }

    var string: String {
        if let raw { return String(decoding: raw, as: UTF8.self) }
        return decoded ?? ""
    }

    static func == (key: JSONKey, name: StaticString) -> Bool {
        let length = name.utf8CodeUnitCount
        if let raw = key.raw {
            guard raw.count == length else { return false }
            guard let base = raw.baseAddress else { return length == 0 }
            return memcmp(base, name.utf8Start, length) == 0
        }
        return key.decoded == name.description
    }
}
