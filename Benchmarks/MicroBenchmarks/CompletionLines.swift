import Store

/// chat.completion JSON Lines shaped like `distill-roi demo --emit`'s (same fields and order, the
/// demo's models and metadata sets in about its proportions), generated in memory from a seed so
/// every run and machine parses the same bytes.
struct CompletionLines {
    /// What parsing every line must add up to; the benchmark checks it after each run.
    struct Totals: Equatable {
        var records = 0
        var input: Int64 = 0
        var cachedInput: Int64 = 0
        var output: Int64 = 0

        mutating func add(_ record: RequestRecord) {
            records += 1
            input += record.tokens?.input ?? 0
            cachedInput += record.tokens?.cachedInput ?? 0
            output += record.tokens?.output ?? 0
        }
    }

    /// Every line, each followed by a newline, as a file would hold them.
    var bytes: [UInt8] = []
    /// Each line's bytes in `bytes`, without its newline.
    var lines: [Range<Int>] = []
    var expected = Totals()

    private static let models: [(String, weight: Int64)] = [
        ("gpt-4o-2024-08-06", 7_356), ("ft:gpt-4o-mini-2024-07-18:acme:support:AbC123", 2_126),
        ("gpt-4o-mini-2024-07-18", 20),
    ]
    /// Each set's `use_case` (for the message text) and its JSON.
    private static let metadataSets: [((useCase: String, json: String), weight: Int64)] = [
        (("support", #"{"use_case":"support"}"#), 4_550), (("summarize", #"{"use_case":"summarize"}"#), 3_001),
        (("extract", #"{"use_case":"extract"}"#), 1_488),
        (("support", #"{"purpose":"distillation","use_case":"support"}"#), 404),
        (("support", #"{"purpose":"evaluation","use_case":"support"}"#), 60),
    ]
    private static let idAlphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")

    init(count: Int, seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var created: Int64 = 1_791_158_435
        for _ in 0..<count {
            let id = String((0..<13).map { _ in Self.idAlphabet[Int(random.next() % 36)] })
            created += random.next(in: 1...120)
            let model = random.pick(Self.models)
            let metadata = random.pick(Self.metadataSets)
            let prompt = random.next(in: 200...4_000)
            let completion = random.next(in: 20...800)
            let cached = random.next(in: 1...4) == 1 ? 128 * random.next(in: 0...prompt / 128) : 0
            let line =
                #"{"id":"chatcmpl-demo\#(id)","object":"chat.completion","created":\#(created),"model":"\#(model)","#
                + #""choices":[{"index":0,"message":{"role":"assistant","content":"Synthetic \#(metadata.useCase) answer.","#
                + #""refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],"#
                + #""usage":{"prompt_tokens":\#(prompt),"completion_tokens":\#(completion),"total_tokens":\#(prompt + completion),"#
                + #""prompt_tokens_details":{"cached_tokens":\#(cached),"audio_tokens":0},"#
                + #""completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"#
                + #""rejected_prediction_tokens":0}},"service_tier":"default","system_fingerprint":"fp_demo","#
                + #""metadata":\#(metadata.json)}"#
            let start = bytes.count
            bytes.append(contentsOf: line.utf8)
            lines.append(start..<bytes.count)
            bytes.append(UInt8(ascii: "\n"))
            expected.records += 1
            expected.input += prompt
            expected.cachedInput += cached
            expected.output += completion
        }
    }
}
