/// Valid UTF-8 bytes with the scalar-level reads the pre-tokenizers need.
///
/// The text is always valid UTF-8 (it comes from a `String`'s storage), so decoding trusts the lead
/// byte and does no checks; positions are byte offsets, which is what the pieces are cut at.
struct UTF8Text {
    let bytes: UnsafeBufferPointer<UInt8>
    /// `ScalarClass.table`, borrowed for the duration of one encode so the hot loop does not go
    /// through the lazy global's initialisation check on every scalar.
    let classTable: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    @inline(__always)
    subscript(_ position: Int) -> UInt8 { bytes[position] }

    /// The scalar starting at `position` and its length in bytes.
    @inline(__always)
    func scalar(at position: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[position])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 {
            return ((lead & 0x1F) << 6 | UInt32(bytes[position + 1]) & 0x3F, 2)
        }
        if lead < 0xF0 {
            return (
                (lead & 0x0F) << 12 | (UInt32(bytes[position + 1]) & 0x3F) << 6
                    | UInt32(bytes[position + 2]) & 0x3F, 3
            )
        }
        return (
            (lead & 0x07) << 18 | (UInt32(bytes[position + 1]) & 0x3F) << 12
                | (UInt32(bytes[position + 2]) & 0x3F) << 6 | UInt32(bytes[position + 3]) & 0x3F, 4
        )
    }

    @inline(__always)
    func scalarClass(at position: Int) -> (scalarClass: ScalarClass, length: Int) {
        let lead = bytes[position]
        if lead < 0x80 { return (ScalarClass(rawValue: classTable[Int(lead)]), 1) }
        let (value, length) = scalar(at: position)
        if value < ScalarClass.tabulatedLimit { return (ScalarClass(rawValue: classTable[Int(value)]), length) }
        return (Unicode.Scalar(value).map(ScalarClass.computed(for:)) ?? [], length)
    }

    /// True when a scalar starts at `position` and its class meets `classes`.
    @inline(__always)
    func hasScalar(at position: Int, inAnyOf classes: ScalarClass) -> Bool {
        position < count && !scalarClass(at: position).scalarClass.isDisjoint(with: classes)
    }

    /// The end of the longest run from `position` of scalars in any of `classes`.
    @inline(__always)
    func endOfRun(from position: Int, inAnyOf classes: ScalarClass, maxScalars: Int = .max) -> Int {
        var position = position
        var taken = 0
        while position < count, taken < maxScalars {
            let (scalarClass, length) = scalarClass(at: position)
            if scalarClass.isDisjoint(with: classes) { break }
            position += length
            taken += 1
        }
        return position
    }

    /// The end of the longest run from `position` of scalars in none of `classes`.
    @inline(__always)
    func endOfRun(from position: Int, inNoneOf classes: ScalarClass) -> Int {
        var position = position
        while position < count {
            let (scalarClass, length) = scalarClass(at: position)
            if !scalarClass.isDisjoint(with: classes) { break }
            position += length
        }
        return position
    }

    /// The end of the longest run from `position` of the given ASCII bytes.
    @inline(__always)
    func endOfRun(from position: Int, ofBytes first: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
        var position = position
        while position < count, bytes[position] == first || bytes[position] == second || bytes[position] == third {
            position += 1
        }
        return position
    }
}
