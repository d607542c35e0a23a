import DistillCore
import Testing

@Suite struct DiagnosticTests {
    /// Each part appears only when known, in the order compilers use, so editors can jump to it.
    @Test(arguments: [
        (Diagnostic(file: "c.jsonl", line: 3, field: "usage.prompt_tokens", message: "is missing"), "c.jsonl:3: usage.prompt_tokens: is missing"),
        (Diagnostic(line: 2, field: "column 4", message: "a quoted field is not closed"), "2: column 4: a quoted field is not closed"),
        (Diagnostic(field: nil, message: "not valid JSON at byte 3: expected a digit"), "not valid JSON at byte 3: expected a digit"),
        (Diagnostic(file: "t.jsonl", line: 7, message: "the line is not valid JSON", code: "invalid_json"), "t.jsonl:7: the line is not valid JSON [invalid_json]"),
    ])
    func readsAsFileLineFieldMessage(diagnostic: Diagnostic, expected: String) {
        #expect(diagnostic.description == expected)
    }

    @Test func saysItsSeverityWhereListsMixThem() {
        let warning = Diagnostic(file: "pricing/openai.yaml", line: 42, severity: .warning, message: "model `m` replaces the entry")
        #expect(warning.descriptionWithSeverity == "pricing/openai.yaml:42: warning: model `m` replaces the entry")
        let error = Diagnostic(file: "a.yaml", line: 1, field: "models[0].id", message: "is missing")
        #expect(error.descriptionWithSeverity == "a.yaml:1: error: models[0].id: is missing")
    }
}
