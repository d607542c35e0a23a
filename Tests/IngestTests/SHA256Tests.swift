import Testing

@testable import Ingest

@Suite struct SHA256Tests {
    @Test func hashesWithSHA256() {
        var hash = SHA256()
        hash.update("abc".utf8)
        #expect(hash.finalizeHex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var long = SHA256()
        long.update(Array(repeating: UInt8(ascii: "a"), count: 1000))
        #expect(long.finalizeHex() == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
