import DistillCore
import Foundation
import Testing

@Suite struct JSONValueTextTests {
    static let sample: JSONValue = .object([
        ("title", .string("Weekly \"ROI\"\n\u{8}\u{C}\u{1}")), ("count", .integer(42)), ("share", .decimal(0.125)),
        ("missing", .decimal(.nan)), ("flag", .bool(true)), ("none", .null),
        ("rows", .array([.object([("z", .integer(1)), ("a", .optionalString(nil))]), .array([])])), ("empty", .object([])),
    ])

    /// The report layout, byte for byte: members in the order built, `[]` and `{}` when empty.
    @Test func rendersTheReportLayout() {
        #expect(
            Self.sample.rendered() == """
                {
                  "title": "Weekly \\"ROI\\"\\n\\u0008\\u000c\\u0001",
                  "count": 42,
                  "share": 0.125,
                  "missing": null,
                  "flag": true,
                  "none": null,
                  "rows": [
                    {
                      "z": 1,
                      "a": null
                    },
                    []
                  ],
                  "empty": {}
                }

                """)
    }

    @Test func keepsTheOrderMembersWereBuiltIn() throws {
        let built: JSONValue = .object([("b", .integer(1)), ("a", .integer(2)), ("c", .integer(3))])
        #expect(built.text(.report).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            == ["{", "\"b\": 1,", "\"a\": 2,", "\"c\": 3", "}"])
        #expect(try JSONValue.parse(built.rendered()) == built)
    }

    @Test func canonicalTextSortsMembersKeepingTheLastOfDuplicates() {
        let value: JSONValue = .object([("b", .integer(1)), ("a", .array([.null, .bool(false)])), ("b", .integer(2))])
        #expect(value.text(.canonical) == #"{"a":[null,false],"b":2}"#)
    }

    /// `pricing quote --json` and `db info --json` were written by Foundation's `JSONEncoder`; the
    /// command layout must give the same bytes, escapes and empty containers included.
    @Test func commandLayoutIsWhatJSONEncoderWrote() throws {
        struct Mirror: Encodable {
            let title: String
            let count: Int
            let nested: [String: [Int]]
            let empty: [String]
            let none: [String: Int]
            let flag: Bool
        }
        var control = ""
        for scalar in 0..<0x20 { control.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        let title = control + "\"\\/é\u{7F}\u{2028}😀"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = String(
            decoding: try encoder.encode(
                Mirror(title: title, count: -3, nested: ["b": [1, 2], "a": []], empty: [], none: [:], flag: false)),
            as: UTF8.self)
        let value: JSONValue = .object([
            ("title", .string(title)), ("count", .integer(-3)),
            ("nested", .object([("b", .array([.integer(1), .integer(2)])), ("a", .array([]))])), ("empty", .array([])),
            ("none", .object([])), ("flag", .bool(false)),
        ])
        #expect(value.text(.command) == expected)
    }
}
