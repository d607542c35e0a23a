import DistillCore
import Foundation
import Ingest
import Pricing
import Store
import Testing
import TestSupport
import Tokenizer

/// The values no real export holds, each rejected or handled by the rule docs/reliability.md
/// states under "Bad input: fuzzing and extreme values". InvalidRecordTests (IngestTests) already
/// covers CSV negative counts, NaN latency and the 2000/2100 bounds; these extend the rules to every format.
@Suite struct ExtremeValueTests {
    /// A database and a folder of one test's own.
    struct Scratch {
        let folder: TemporaryDirectory
        let database: Database

        init() throws {
            folder = try TemporaryDirectory("extreme")
            database = try Database(path: folder.path("distill-roi.sqlite"))
        }

        func file(_ name: String, _ bytes: [UInt8]) throws -> String {
            let path = folder.path(name)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }

        @discardableResult
        func ingest(_ name: String, _ text: String, kind: FileKind? = nil) throws -> FileIngestSummary {
            try ingest(name, Array(text.utf8), kind: kind)
        }

        @discardableResult
        func ingest(_ name: String, _ bytes: [UInt8], kind: FileKind? = nil) throws -> FileIngestSummary {
            try FileIngester(database: database, options: FileIngestOptions(kind: kind)).ingest(path: try file(name, bytes))
        }

        /// The problems a strict ingest of the file quotes, as `line: field: problem` (nil when it loads).
        func problems(_ name: String, _ text: String, kind: FileKind? = nil) throws -> [String]? {
            try problems(name, Array(text.utf8), kind: kind)
        }

        func problems(_ name: String, _ bytes: [UInt8], kind: FileKind? = nil) throws -> [String]? {
            let before = try StoreFingerprint.of(database.path)
            do {
                try ingest(name, bytes, kind: kind)
                return nil
            } catch IngestError.fileRejected(let path, let problems, _) {
                #expect(path == folder.path(name))
                #expect(try StoreFingerprint.of(database.path) == before, "a rejected file changed the store")
                return problems.map { problem in
                    #expect(problem.file == path)
                    return "\(problem.line.map(String.init) ?? "-"): \(problem.field.map { $0 + ": " } ?? "")\(problem.message)"
                }
            }
        }

        func strings(_ sql: String) throws -> [String] {
            try database.query(sql) { row in (0..<row.columnCount).map { row.string($0) }.joined(separator: " ") }
        }
    }

    static func completion(created: String = "1791201600", model: String = "gpt-4o", usage: String) -> String {
        #"{"id":"chatcmpl-1","object":"chat.completion","created":\#(created),"model":"\#(model)","usage":\#(usage)}"#
    }

    // MARK: Token counts

    /// Ten trillion is the most one record may hold; above it, in every format, the record is
    /// rejected naming the field. Int64's maximum is the case that matters: summed, it overflows.
    @Test(arguments: [
        ("c.jsonl", Self.completion(usage: #"{"prompt_tokens":9223372036854775807,"completion_tokens":1}"#), FileKind.completions,
         "1: usage.prompt_tokens: must be at most 10000000000000 (ten trillion per record), found 9223372036854775807"),
        ("c.jsonl", Self.completion(usage: #"{"prompt_tokens":10000000000001,"completion_tokens":1}"#), .completions,
         "1: usage.prompt_tokens: must be at most 10000000000000 (ten trillion per record), found 10000000000001"),
        ("c.jsonl", Self.completion(usage: #"{"prompt_tokens":9223372036854775808,"completion_tokens":1}"#), .completions,
         "1: usage.prompt_tokens: must be an integer, found 9223372036854775808"),
        ("r.csv", "timestamp,model,prompt_tokens,completion_tokens\n2026-10-05T12:00:00Z,gpt-4o,1,9223372036854775807\n", .requests,
         "2: completion_tokens: must be at most 10000000000000 (ten trillion per record), found 9223372036854775807"),
        ("r.csv", "timestamp,model,prompt_tokens,completion_tokens,request_count\n2026-10-05T12:00:00Z,gpt-4o,1,1,9223372036854775807\n", .requests,
         "2: request_count: must be at most 10000000000000 (ten trillion per record), found 9223372036854775807"),
        ("o.json", #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"a","spanId":"b","startTimeUnixNano":"1791201600000000000","attributes":[{"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o"}},{"key":"gen_ai.usage.input_tokens","value":{"intValue":"9223372036854775807"}}]}]}]}]}"#,
         .otel, "1: resourceSpans[0].scopeSpans[0].spans[0].attributes.gen_ai.usage.input_tokens: must be at most 10000000000000 (ten trillion per record), found 9223372036854775807"),
        ("u.json", #"{"object":"page","data":[{"object":"bucket","start_time":1791201600,"end_time":1791288000,"results":[{"object":"organization.usage.completions.result","input_tokens":9223372036854775807,"output_tokens":1,"num_model_requests":1}]}]}"#,
         .usageBuckets, "1: data[0].results[0].input_tokens: must be at most 10000000000000 (ten trillion per record), found 9223372036854775807"),
        ("f.jsonl", #"{"object":"fine_tuning.job","id":"ftjob-1","model":"gpt-4o-mini","status":"succeeded","created_at":1791201600,"trained_tokens":9223372036854775807}"#,
         .fineTuneJobs, "1: trained_tokens: must be at most 10000000000000 (ten trillion per record), found 9223372036854775807"),
    ])
    func countsAboveTenTrillionAreRejected(name: String, text: String, kind: FileKind, problem: String) throws {
        let scratch = try Scratch()
        let problems = try scratch.problems(name, text, kind: kind)
        #expect(problems == [problem])
    }

    /// At the bound, counts load and sum exactly: two records of ten trillion make twenty.
    @Test func countsAtTheBoundSumExactly() throws {
        let scratch = try Scratch()
        let usage = #"{"prompt_tokens":10000000000000,"completion_tokens":10000000000000}"#
        try scratch.ingest("c.jsonl", Self.completion(usage: usage) + "\n" + Self.completion(usage: usage).replacingOccurrences(of: "chatcmpl-1", with: "chatcmpl-2") + "\n")
        let rows = try scratch.strings("SELECT sum(input_tokens), sum(output_tokens) FROM request_daily")
        #expect(rows == ["20000000000000 20000000000000"])
    }

    /// What the bound guards against: SQLite's `sum()` of integers is checked, so a total past
    /// Int64 would stop the ingest's daily roll-up (and the file with it), never wrap around.
    @Test func theStoreNeverWrapsASumAround() throws {
        let scratch = try Scratch()
        #expect(throws: StoreError.self) {
            try scratch.database.scalar("SELECT sum(v) FROM (SELECT 9223372036854775807 AS v UNION ALL SELECT 1)")
        }
    }

    /// Negative counts: rejected in the tree readers too (CSV and completions: InvalidRecordTests).
    @Test(arguments: [
        ("o.json", #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"a","spanId":"b","startTimeUnixNano":"1791201600000000000","attributes":[{"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o"}},{"key":"gen_ai.usage.output_tokens","value":{"intValue":"-1"}}]}]}]}]}"#,
         FileKind.otel, "1: resourceSpans[0].scopeSpans[0].spans[0].attributes.gen_ai.usage.output_tokens: must not be negative, found -1"),
        ("u.json", #"{"object":"page","data":[{"object":"bucket","start_time":1791201600,"end_time":1791288000,"results":[{"object":"organization.usage.completions.result","input_tokens":-1,"output_tokens":1,"num_model_requests":1}]}]}"#,
         .usageBuckets, "1: data[0].results[0].input_tokens: must not be negative, found -1"),
        ("r.jsonl", #"{"timestamp":"2026-10-05T12:00:00Z","model":"gpt-4o","prompt_tokens":1,"completion_tokens":-9223372036854775808}"#,
         .requests, "1: completion_tokens: must be a whole number, found \"-9223372036854775808\""),
    ])
    func negativeCountsAreRejectedInEveryFormat(name: String, text: String, kind: FileKind, problem: String) throws {
        let scratch = try Scratch()
        let problems = try scratch.problems(name, text, kind: kind)
        #expect(problems == [problem])
    }

    // MARK: Times

    /// Unix times in API objects are seconds: before 2000 (1969 included), from 2100 on (the year
    /// 3000), and milliseconds or nanoseconds where seconds belong are all rejected.
    @Test(arguments: [
        ("-86400", "-86400 is not a plausible time (Unix seconds from 2000-01-01 to 2100-01-01 are accepted)"),
        ("0", "0 is not a plausible time (Unix seconds from 2000-01-01 to 2100-01-01 are accepted)"),
        ("32503680000", "32503680000 is not a plausible time (Unix seconds from 2000-01-01 to 2100-01-01 are accepted)"),
        ("1791201600000", "1791201600000 is not a plausible time (Unix seconds from 2000-01-01 to 2100-01-01 are accepted)"),
        ("1791201600000000000", "1791201600000000000 is not a plausible time (Unix seconds from 2000-01-01 to 2100-01-01 are accepted)"),
    ])
    func apiTimesOutsideTheCenturyAreRejected(created: String, problem: String) throws {
        let scratch = try Scratch()
        let text = Self.completion(created: created, usage: #"{"prompt_tokens":1,"completion_tokens":1}"#)
        let problems = try scratch.problems("c.jsonl", text)
        #expect(problems == ["1: created: " + problem])
    }

    /// In logs the magnitude gives the unit (InvalidRecordTests reads every unit); what no unit
    /// makes plausible is rejected: 1969, a negative number, the year 3000 as text or in seconds,
    /// and numbers past nanoseconds.
    @Test(arguments: [
        ("1969-12-31T23:59:59Z", "-1 is not a plausible time (Unix seconds from 2000-01-01 to 2100-01-01 are accepted)"),
        ("-1", "-1 is not a plausible time"),
        ("3000-01-01T00:00:00Z", "32503680000 is not a plausible time (Unix seconds from 2000-01-01 to 2100-01-01 are accepted)"),
        ("32503680000", "32503680000 is not a plausible time (Unix seconds from 2000-01-01 to 2100-01-01 are accepted)"),
        ("1e20", "1e20 is not a plausible time"),
    ])
    func logTimesNoUnitMakesPlausibleAreRejected(time: String, problem: String) throws {
        let scratch = try Scratch()
        let text = "timestamp,model,prompt_tokens,completion_tokens\n\(time),gpt-4o,1,1\n"
        let problems = try scratch.problems("r.csv", text)
        #expect(problems == ["2: timestamp: " + problem])
    }

    // MARK: NaN and infinities

    /// Scores and durations must be finite: NaN and infinities are rejected wherever they can be
    /// written, including a finite number of seconds whose milliseconds are not.
    @Test(arguments: [
        ("s.csv", "run,item_id,model,score\nr,i,gpt-4o,NaN\n", FileKind.scores, "2: score: must be a finite number, found NaN"),
        ("s.csv", "run,item_id,model,score\nr,i,gpt-4o,-Infinity\n", .scores, "2: score: must be a finite number, found -Infinity"),
        ("s.jsonl", #"{"run":"r","item_id":"i","model":"gpt-4o","score":1e999}"#, .scores, "1: score: must be a finite number, found 1e999"),
        ("r.csv", "timestamp,model,prompt_tokens,completion_tokens,latency_ms\n2026-10-05T12:00:00Z,gpt-4o,1,1,inf\n", .requests,
         "2: latency_ms: must be a finite number, found inf"),
        ("r.csv", "timestamp,model,prompt_tokens,completion_tokens,latency_s\n2026-10-05T12:00:00Z,gpt-4o,1,1,1e308\n", .requests,
         "2: latency_s: must be a finite number of seconds, found 1e308"),
        ("r.csv", "timestamp,model,prompt_tokens,completion_tokens,ttft_s\n2026-10-05T12:00:00Z,gpt-4o,1,1,1e308\n", .requests,
         "2: ttft_s: must be a finite number of seconds, found 1e308"),
        ("r.jsonl", #"{"timestamp":"2026-10-05T12:00:00Z","model":"gpt-4o","prompt_tokens":1,"completion_tokens":1,"latency_ms":NaN}"#, .requests,
         "1: not valid JSON at byte 107: expected a digit"),
        ("o.json", #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"a","spanId":"b","startTimeUnixNano":"1791201600000000000","attributes":[{"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o"}},{"key":"gen_ai.response.time_to_first_chunk","value":{"doubleValue":1e308}}]}]}]}]}"#,
         .otel, "1: resourceSpans[0].scopeSpans[0].spans[0].attributes.gen_ai.response.time_to_first_chunk: must be a finite number of seconds ≥ 0"),
    ])
    func nonFiniteScoresAndDurationsAreRejected(name: String, text: String, kind: FileKind, problem: String) throws {
        let scratch = try Scratch()
        let problems = try scratch.problems(name, text, kind: kind)
        #expect(problems == [problem])
    }

    // MARK: Long lines

    static let tenMegabytes = String(repeating: "x", count: 10 << 20)

    /// A 10 MB line is read whole, in time linear in its length: a completion with 10 MB of
    /// content loads (the content is not stored unless asked), and a broken 10 MB line is
    /// rejected naming its line while the lines around it are fine.
    @Test func tenMegabyteLinesAreReadWhole() throws {
        let scratch = try Scratch()
        let usage = #"{"prompt_tokens":1,"completion_tokens":1}"#
        let long = Self.completion(usage: usage).dropLast() + #","choices":[{"message":{"content":"\#(Self.tenMegabytes)"}}]}"#
        #expect(try scratch.ingest("long.jsonl", long + "\n").totals.inserted == 1)

        let broken = Self.completion(usage: usage).replacingOccurrences(of: "chatcmpl-1", with: "chatcmpl-2") + "\n"
            + #"{"id":"chatcmpl-3","model":""# + Self.tenMegabytes + "\n" + Self.completion(usage: usage) + "\n"
        let problems = try scratch.problems("broken.jsonl", broken, kind: .completions)
        #expect(problems == ["2: not valid JSON at byte 10485789: a string is not closed"])
    }

    /// The training-file analyzer reads a 10 MB example like any other (counted approximately
    /// here: the line reading is what is tested, not the tokenizer's speed).
    @Test func aTenMegabyteTrainingExampleIsMeasured() throws {
        let folder = try TemporaryDirectory("extreme")
        let example = #"{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"\#(Self.tenMegabytes)"}]}"#
        let path = try folder.write("train.jsonl", example + "\n" + example.prefix(40) + "\n")
        let analysis = try TrainingFileAnalyzer(counting: .approximate).analyze(fileAt: path)
        #expect(analysis.exampleCount == 1 && analysis.invalidExampleCount == 1)
        #expect(analysis.issues.map(\.line) == [2])
        #expect(analysis.exampleTokens.first.map { $0 > 10 << 18 } == true)
    }

    // MARK: Invalid UTF-8

    /// Invalid UTF-8 inside a JSON string or a CSV cell is replaced, each maximal invalid sequence
    /// by one U+FFFD (as the tokenizer does): the record loads, and a model name damaged so is
    /// simply a model the catalog does not price, listed as unpriced.
    @Test func invalidUTF8InLogsIsReplaced() throws {
        let scratch = try Scratch()
        let json = Array(Self.completion(model: "gpt-4o", usage: #"{"prompt_tokens":1,"completion_tokens":1}"#).utf8)
        let modelEnd = try #require(json.firstRange(of: Array(#"gpt-4o""#.utf8))).lowerBound + 6
        try scratch.ingest("c.jsonl", Array(json[..<modelEnd]) + [0xFF, 0xC0, 0x80] + Array(json[modelEnd...]) + [0x0A])
        try scratch.ingest("r.csv", Array("timestamp,model,prompt_tokens,completion_tokens,team\n2026-10-05T12:00:00Z,gpt-4o,1,1,a".utf8) + [0xED, 0xA0, 0x80, 0x0A])
        let models = try scratch.strings("SELECT name FROM models ORDER BY name")
        #expect(models == ["gpt-4o", "gpt-4o\u{FFFD}\u{FFFD}\u{FFFD}"])
        let tags = try scratch.strings("SELECT canonical FROM tag_sets")
        #expect(tags == [#"{"team":"a\#u{FFFD}\#u{FFFD}\#u{FFFD}"}"#])
    }

    /// In a training file too: an invalid byte counts exactly as the U+FFFD that replaces it
    /// (⌈6 bytes ÷ 4⌉ for `abc` + U+FFFD, not ⌈4 ÷ 4⌉ for the raw bytes).
    @Test func invalidUTF8InATrainingExampleCountsAsItsReplacement() throws {
        let folder = try TemporaryDirectory("extreme")
        func example(_ content: [UInt8]) -> [UInt8] {
            Array(#"{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":""#.utf8) + content + Array(#""}]}"#.utf8)
        }
        let broken = folder.path("broken.jsonl"), replaced = folder.path("replaced.jsonl")
        try Data(example(Array("abc".utf8) + [0xFF])).write(to: URL(fileURLWithPath: broken))
        try Data(example(Array("abc\u{FFFD}".utf8))).write(to: URL(fileURLWithPath: replaced))
        let analyzer = TrainingFileAnalyzer(counting: .approximate)
        let counted = try analyzer.analyze(fileAt: broken)
        #expect(counted.exampleCount == 1 && counted.issues.isEmpty)
        #expect(counted.exampleTokens == (try analyzer.analyze(fileAt: replaced)).exampleTokens)
    }

    /// A price catalog must be UTF-8: an invalid byte stops `pricing check` with the file's name,
    /// since a price is never read from text that may have lost characters.
    @Test func invalidUTF8InAPriceFileIsRefusedNamingTheFile() throws {
        let folder = try TemporaryDirectory("extreme")
        let path = folder.path("prices.yaml")
        try Data(Array("provider: openai\nmodels:\n  - id: m\u{0}".utf8) + [0xFF, 0x0A]).write(to: URL(fileURLWithPath: path))
        #expect {
            try PriceCatalog.check(directories: [folder.url.path])
        } throws: { error in
            guard case PricingError.unreadable(let unreadable, _) = error else { return false }
            return unreadable == path && "\(error)".contains(path)
        }
    }

    // MARK: Duplicate JSON keys

    /// A key given twice: the last value counts in every JSON reader, as Python's `json` and
    /// JavaScript's `JSON.parse` read it (the same scanner reads training files: `JSONScannerTests`).
    @Test func theLastOfDuplicateJSONKeysCounts() throws {
        let scratch = try Scratch()
        try scratch.ingest("c.jsonl", #"{"id":"c1","object":"chat.completion","created":1791201600,"model":"gpt-4o","model":"gpt-4o-mini","usage":{"prompt_tokens":1,"completion_tokens":1,"prompt_tokens":7}}"# + "\n")
        try scratch.ingest("r.jsonl", #"{"request_id":"r1","timestamp":"2026-10-05T12:00:00Z","model":"gpt-4o","model":"gpt-4.1","prompt_tokens":1,"completion_tokens":1,"completion_tokens":3}"# + "\n", kind: .requests)
        try scratch.ingest("u.json", #"{"object":"page","data":[{"object":"bucket","start_time":1791201600,"end_time":1791288000,"results":[{"object":"organization.usage.completions.result","model":"gpt-4o","model":"o3","input_tokens":1,"output_tokens":1,"num_model_requests":1,"num_model_requests":2}]}]}"#, kind: .usageBuckets)
        let requests = try scratch.strings("SELECT r.request_key, m.name, r.input_tokens, r.output_tokens FROM requests r JOIN models m ON m.id = r.model_id ORDER BY 1")
        #expect(requests == ["c1 gpt-4o-mini 7 1", "r1 gpt-4.1 1 3"])
        let buckets = try scratch.strings("SELECT m.name, u.request_count FROM usage_buckets u JOIN models m ON m.id = u.model_id")
        #expect(buckets == ["o3 2"])
    }

    /// A CSV header that names a field twice: the first such column is the field.
    @Test func theFirstOfDuplicateCSVColumnsIsTheField() throws {
        let scratch = try Scratch()
        try scratch.ingest("r.csv", "timestamp,model,model,prompt_tokens,completion_tokens\n2026-10-05T12:00:00Z,gpt-4o,gpt-4o-mini,1,1\n")
        let rows = try scratch.strings("SELECT name FROM models")
        #expect(rows == ["gpt-4o"])
    }

    // MARK: Regressions found by the fuzzer

    /// Broken quoting in a CSV header used to escape as a bare `1: column 2: …` with no file.
    @Test func aBrokenQuoteInACSVHeaderNamesTheFileAndLine() throws {
        let scratch = try Scratch()
        let problems = try scratch.problems("s.csv", "run,\"item\"x,model,score\nr,i,gpt-4o,1\n", kind: .scores)
        #expect(problems == ["1: column 2: a closing quote must be followed by a comma or the end of the line"])
    }

    /// An imported name holding a NUL, a line break, a NEL or a byte-order mark used to be written
    /// raw into the YAML, which then did not load (or, after a line break in a comment, read the
    /// rest of the name as YAML). It now round-trips exactly.
    @Test func anImportedNameCannotBreakOutOfItsString() throws {
        let name = "gpt-x\u{0}\n  - id: injected\u{85}\u{FEFF}\u{7F}"
        let entry = #"{"input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06, "litellm_provider": "openai", "mode": "chat"}"#
        let source = #"{"gpt-x\u0000\n  - id: injected\u0085\ufeff\u007f": "# + entry + "}"
        let imported = try LiteLLMImporter(effectiveFrom: UTCDate(year: 2026, month: 1, day: 1)!, asOf: "2026-11-29")
            .convert(source, file: "litellm.json")
        let (catalog, diagnostics) = PriceCatalog.parse(files: [("imported.yaml", imported.yaml)])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        #expect(catalog.models.map(\.id) == [name])
    }

    /// libyaml ends a stream on a line of its own: an error at the end of a file without a final
    /// line break used to name a line after the last one.
    @Test func aYAMLErrorAtTheEndOfAFileNamesItsLastLine() {
        let (_, diagnostics) = PriceCatalog.parse(files: [("prices.yaml", "provider: openai\nmodels: [{id: m")])
        #expect(diagnostics.map(\.line) == [2])
    }
}
