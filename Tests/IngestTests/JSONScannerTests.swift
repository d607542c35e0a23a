import Testing

@testable import Ingest

@Suite struct JSONScannerTests {
    private func value(_ text: String) throws -> JSONValue {
        try JSONValue.parse(Array(text.utf8))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        #expect(try value(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#) == .string("a\"b\\c/d\n\té😀"))
    }

    @Test func keepsTheExactTextOfNumbers() throws {
        #expect(
            try value("[12.345678901234567890, -0, 1e-7, 4944116822809979520]")
                == .array([
                    .number("12.345678901234567890"), .number("-0"), .number("1e-7"), .number("4944116822809979520"),
                ]))
    }

    @Test func readsMembersInOrderAndLooksThemUp() throws {
        let object = try #require(try value(#"{"b": 1, "a": {"c": [true, false, null]}}"#).objectValue)
        #expect(object.members.map(\.key) == ["b", "a"])
        #expect(object["a"]?.objectValue?["c"] == .array([.bool(true), .bool(false), .null]))
    }

    @Test(arguments: [
        (#"{"a": 1,}"#, "not valid JSON at byte 9: expected a member name in double quotes"),
        (#"{"a" 1}"#, "not valid JSON at byte 6: expected ':' after a member name"),
        (#"[1 2]"#, "not valid JSON at byte 4: expected ',' or ']' after an array element"),
        (#""open"#, "not valid JSON at byte 6: a string is not closed"),
        (#"{"a": 01x}"#, "not valid JSON at byte 9: expected ',' or '}' after an object member"),
        (#"{"a": 1} x"#, "not valid JSON at byte 10: unexpected text after the end of the JSON value"),
        (#"{"a": -}"#, "not valid JSON at byte 8: expected a digit"),
    ])
    func rejectsMalformedText(text: String, message: String) {
        #expect(throws: IngestError.invalidValue(IngestDiagnostic(field: nil, problem: message))) { try value(text) }
    }

    @Test func rejectsNestingDeeperThanTheLimit() {
        let text = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: IngestError.self) { try value(text) }
    }

    @Test func readsIntegersStrictly() throws {
        for (text, expected) in [("12", Int64(12)), ("-7", -7), ("12.000", 12), ("9223372036854775807", .max)] {
            var bytes = Array(text.utf8)
            #expect(bytes.withUnsafeMutableBytes { JSONScanner.integer(UnsafeRawBufferPointer($0)) } == expected)
        }
        for text in ["12.5", "1e3", "9223372036854775808", "", "-", "x"] {
            var bytes = Array(text.utf8)
            #expect(bytes.withUnsafeMutableBytes { JSONScanner.integer(UnsafeRawBufferPointer($0)) } == nil)
        }
    }

    @Test func hashesWithSHA256() {
        var hash = SHA256()
        hash.update("abc".utf8)
        #expect(hash.finalizeHex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var long = SHA256()
        long.update(Array(repeating: UInt8(ascii: "a"), count: 1000))
        #expect(long.finalizeHex() == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
