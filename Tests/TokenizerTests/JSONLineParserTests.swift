import Testing

@testable import Tokenizer

@Suite struct JSONLineParserTests {
    private func parse(_ text: String) -> JSONValue? {
        JSONLineParser.parse(Array(text.utf8))
    }

    @Test func parsesEveryKindOfValue() {
        let value = parse(#" {"s": "x", "i": -12, "d": 1.5e2, "t": true, "f": false, "n": null, "a": [1, [], {}]} "#)
        #expect(
            value
                == .object([
                    "s": .string("x"), "i": .integer(-12), "d": .double(150), "t": .bool(true), "f": .bool(false),
                    "n": .null, "a": .array([.integer(1), .array([]), .object([:])]),
                ]))
    }

    @Test(arguments: [
        (#""a\"b\\c\/d\b\f\n\r\t""#, "a\"b\\c/d\u{8}\u{C}\n\r\t"),
        (#""caf\u00e9 \ud83d\ude00""#, "café 😀"),
        (#""lone \ud800 surrogate""#, "lone \u{FFFD} surrogate"),
        ("\"\u{FEFF}starts with a BOM\"", "\u{FEFF}starts with a BOM"),
        (#""\"\#u{FEFF}after an escape""#, "\"\u{FEFF}after an escape"),
    ])
    func decodesStringsScalarForScalar(json: String, expected: String) {
        #expect(parse(json) == .string(expected))
    }

    @Test(arguments: [
        "", "{", #"{"a": }"#, #"{"a" 1}"#, #"{a: 1}"#, "[1, 2,]", "[1 2]", "01", "1.", "-", "1e", "tru", "nul",
        #""unterminated"#, "\"raw\ncontrol\"", #""bad \x escape""#, #""\u12G4""#, "{} {}", "[] x",
    ])
    func rejectsWhatIsNotOneJSONValue(json: String) {
        #expect(parse(json) == nil)
    }

    @Test func largeIntegersBecomeDoubles() {
        #expect(parse("1000000000000000000000000000000") == .double(1e30))
        #expect(parse("9007199254740993") == .integer(9_007_199_254_740_993))
    }

    @Test func deepNestingIsRejectedNotACrash() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(parse(deep) == nil)
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(parse(fine) != nil)
    }

    @Test func duplicateKeysKeepTheLastAsPythonDoes() {
        #expect(parse(#"{"a": 1, "a": 2}"#) == .object(["a": .integer(2)]))
    }

    @Test func compactTextSortsKeysAndEscapes() {
        let value = JSONValue.object(["b": .string("x\"\n\u{1}"), "a": .array([.integer(1), .null, .bool(true)])])
        #expect(value.compactText == #"{"a":[1,null,true],"b":"x\"\n\u0001"}"#)
    }
}
