#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Values keyed by raw bytes, looked up without allocating: a million completions name three
/// models and a dozen metadata sets, so each distinct byte sequence is decoded once.
///
/// Bounded: past `capacity` entries it starts over, so memory stays flat on a file where every
/// value is distinct.
struct ByteKeyedCache<Value> {
    private var entries: [UInt64: [(bytes: [UInt8], value: Value)]] = [:]
    private var size = 0
    let capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    func value(for bytes: UnsafeRawBufferPointer) -> Value? {
        for entry in recent where Self.equal(entry.bytes, bytes) { return entry.value }
        guard let bucket = entries[Self.hash(bytes)] else { return nil }
        for entry in bucket where Self.equal(entry.bytes, bytes) { return entry.value }
        return nil
    }

    /// Checked before hashing: most files repeat a handful of values.
    private var recent: [(bytes: [UInt8], value: Value)] = []

    private static func equal(_ stored: [UInt8], _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard stored.count == bytes.count else { return false }
        return stored.withUnsafeBytes { stored in
            guard let left = stored.baseAddress, let right = bytes.baseAddress else { return bytes.isEmpty }
            return memcmp(left, right, bytes.count) == 0
        }
    }

    mutating func store(_ value: Value, for bytes: UnsafeRawBufferPointer) {
        if size >= capacity {
            entries.removeAll(keepingCapacity: true)
            recent.removeAll(keepingCapacity: true)
            size = 0
        }
        entries[Self.hash(bytes), default: []].append(([UInt8](bytes), value))
        size += 1
        if recent.count < 8 { recent.append(([UInt8](bytes), value)) }
    }

    /// FNV-1a, 64-bit: fast on short keys, and collisions are resolved by comparing the bytes.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
