import DistillCore
import Testing

@testable import Tokenizer

/// The text counted for values that are not plain strings (tool definitions, tool calls).
@Suite struct TrainingTextTests {
    @Test func compactTextSortsKeysAndEscapes() {
        let value = JSONValue.object([("b", .string("x\"\n\u{1}")), ("a", .array([.number("1"), .null, .bool(true)]))])
        #expect(value.compactText == #"{"a":[1,null,true],"b":"x\"\n\u0001"}"#)
    }

    /// Numbers count as the training check has always read them: an integer that fits `Int` as
    /// itself, any other number as `Double` prints it.
    @Test func largeIntegersBecomeDoubles() throws {
        #expect(try JSONValue.parse("1000000000000000000000000000000").compactText == "1e+30")
        #expect(try JSONValue.parse("9007199254740993").compactText == "9007199254740993")
    }

    @Test(arguments: [("-0", "0"), ("1.50", "1.5"), ("1e2", "100.0"), ("1E+2", "100.0"), ("-12", "-12"), ("1e400", "inf")])
    func numbersAreWrittenAsRead(json: String, expected: String) throws {
        #expect(try JSONValue.parse(json).compactText == expected)
    }

    @Test func duplicateKeysKeepTheLastAsPythonDoes() throws {
        #expect(try JSONValue.parse(#"{"a": 1, "b": [2.0], "a": 2}"#).compactText == #"{"a":2,"b":[2.0]}"#)
    }
}
