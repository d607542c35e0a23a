import DistillCore
import Testing

@Suite struct JSONScannerTests {
    private func value(_ text: String) throws -> JSONValue {
        try JSONValue.parse(text)
    }

    private func error(_ text: String) -> JSONError? {
        do {
            _ = try value(text)
            return nil
        } catch {
            return error as? JSONError
        }
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        #expect(try value(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#) == .string("a\"b\\c/d\n\té😀"))
    }

    @Test(arguments: [
        (#""a\"b\\c\/d\b\f\n\r\t""#, "a\"b\\c/d\u{8}\u{C}\n\r\t"),
        (#""caf\u00e9 \ud83d\ude00""#, "café 😀"),
        (#""lone \ud800 surrogate""#, "lone \u{FFFD} surrogate"),
        ("\"\u{FEFF}starts with a BOM\"", "\u{FEFF}starts with a BOM"),
        (#""\"\#u{FEFF}after an escape""#, "\"\u{FEFF}after an escape"),
    ])
    func decodesStringsScalarForScalar(json: String, expected: String) throws {
        #expect(try value(json) == .string(expected))
    }

    @Test func keepsTheExactTextOfNumbers() throws {
        #expect(
            try value("[12.345678901234567890, -0, 1e-7, 4944116822809979520]")
                == .array([
                    .number("12.345678901234567890"), .number("-0"), .number("1e-7"), .number("4944116822809979520"),
                ]))
    }

    @Test func parsesEveryKindOfValue() throws {
        let parsed = try value(#" {"s": "x", "i": -12, "d": 1.5e2, "t": true, "f": false, "n": null, "a": [1, [], {}]} "#)
        #expect(
            parsed
                == .object([
                    ("s", .string("x")), ("i", .number("-12")), ("d", .number("1.5e2")), ("t", .bool(true)),
                    ("f", .bool(false)), ("n", .null), ("a", .array([.number("1"), .array([]), .object([])])),
                ]))
    }

    @Test func readsMembersInOrderAndLooksThemUp() throws {
        let object = try #require(try value(#"{"b": 1, "a": {"c": [true, false, null]}}"#).objectValue)
        #expect(object.members.map(\.key) == ["b", "a"])
        #expect(object["a"]?.objectValue?["c"] == .array([.bool(true), .bool(false), .null]))
    }

    @Test func duplicateKeysKeepTheLastAsPythonDoes() throws {
        let object = try #require(try value(#"{"a": 1, "a": 2}"#).objectValue)
        #expect(object["a"] == .number("2"))
        #expect(object.dictionary == ["a": .number("2")])
    }

    @Test(arguments: [
        (#"{"a": 1,}"#, "not valid JSON at byte 9: expected a member name in double quotes"),
        (#"{"a" 1}"#, "not valid JSON at byte 6: expected ':' after a member name"),
        (#"[1 2]"#, "not valid JSON at byte 4: expected ',' or ']' after an array element"),
        (#""open"#, "not valid JSON at byte 6: a string is not closed"),
        // `01` is not a JSON number; the ingest scanner used to read it as 1 and fail at the `x`.
        (#"{"a": 01x}"#, "not valid JSON at byte 8: a number cannot start with 0 followed by a digit"),
        (#"{"a": 1} x"#, "not valid JSON at byte 10: unexpected text after the end of the JSON value"),
        (#"{"a": -}"#, "not valid JSON at byte 8: expected a digit"),
    ])
    func rejectsMalformedText(text: String, message: String) {
        #expect(error(text)?.message == message)
    }

    @Test(arguments: [
        "", "{", #"{"a": }"#, #"{"a" 1}"#, #"{a: 1}"#, "[1, 2,]", "[1 2]", "01", "1.", "-", "1e", "tru", "nul",
        #""unterminated"#, "\"raw\ncontrol\"", #""bad \x escape""#, #""\u12G4""#, "{} {}", "[] x",
    ])
    func rejectsWhatIsNotOneJSONValue(json: String) {
        #expect(throws: JSONError.self) { try value(json) }
    }

    @Test(arguments: ["01", "-01", "00", "[007]", #"{"a": 0123}"#])
    func rejectsLeadingZeros(json: String) {
        #expect(error(json)?.problem == .syntax("a number cannot start with 0 followed by a digit"))
    }

    @Test(arguments: ["0", "-0", "0.5", "-0.0e-0", "10", "1e01"])
    func acceptsZeroWhereTheGrammarDoes(json: String) throws {
        #expect(try value(json) == .number(json))
    }

    @Test func rejectsNestingDeeperThanTheLimit() throws {
        let text = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(error(text)?.problem == .syntax("containers nest too deeply"))
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONError.self) { try value(deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        _ = try value(fine)
    }

    /// The offset locates an error in a line of JSON Lines; the line and column locate it in a
    /// document that spans lines.
    @Test func errorsSayTheirLineAndColumn() throws {
        let second = try #require(error("{\n  \"a\": 1,\n  \"b\" 2\n}"))
        #expect(second.offset == 18 && second.line == 3 && second.column == 7)
        #expect(second.message == "not valid JSON at byte 19: expected ':' after a member name")
        let first = try #require(error("[1, x]"))
        #expect(first.offset == 4 && first.line == 1 && first.column == 5)
    }

    @Test func typedReadsNameWhatTheyFound() throws {
        var bytes = Array(#"{"n": "12"}"#.utf8)
        try bytes.withUnsafeMutableBytes { raw in
            var scanner = JSONScanner(UnsafeRawBufferPointer(raw))
            var object = try scanner.beginObject()
            let key = try #require(try scanner.nextKey(&object))
            #expect(key.string == "n")
            #expect(throws: JSONError(offset: 6, line: 1, column: 7, problem: .type(expected: "an integer", found: "a string"))) {
                try scanner.readInt64()
            }
        }
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
}
