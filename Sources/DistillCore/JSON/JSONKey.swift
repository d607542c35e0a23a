#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A member name as the scanner found it: the raw bytes when it has no escapes (compared without
/// building a `String`), the decoded text otherwise.
public struct JSONKey {
    @usableFromInline let raw: UnsafeRawBufferPointer?
    @usableFromInline let decoded: String?

    /// The bytes of a name (or any string token) that holds no escapes, compared as they are.
    @inlinable public init(raw: UnsafeRawBufferPointer) {
        self.raw = raw
        self.decoded = nil
    }

    @usableFromInline init(decoded: String) {
        self.raw = nil
        self.decoded = decoded
    }

    @inlinable public var string: String {
        if let raw { return String(decoding: raw, as: UTF8.self) }
        return decoded ?? ""
    }

    @inlinable public static func == (key: JSONKey, name: StaticString) -> Bool {
        let length = name.utf8CodeUnitCount
        if let raw = key.raw {
            guard raw.count == length else { return false }
            guard let base = raw.baseAddress else { return length == 0 }
            return memcmp(base, name.utf8Start, length) == 0
        }
        return key.decoded == name.description
    }
}
