import DistillCore
import Store

enum Fixtures {
    static func request(_ key: String, input: Int64 = 100, model: String = "gpt-4o-2024-08-06") -> RequestRecord {
        RequestRecord(
            key: key, model: model, createdAt: 1_795_442_709, project: "proj_1",
            tokens: TokenUsage(input: input, cachedInput: 20, output: 50, reasoning: 0),
            latencyMs: nil, status: "ok", tags: ["use_case": "support"])
    }
}
