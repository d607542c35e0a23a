/// The `input_band` of a `request_daily` row (schema version 7): how long-context requests are
/// kept apart in the roll-up so a per-request price rule can be applied to sums exactly.
package enum InputBand {
    /// Requests with at most this many input tokens share band 0. No price rule known starts
    /// lower (OpenAI 272K, Gemini 200K); a catalog threshold below it cannot be priced from
    /// roll-ups.
    package static let floor: Int64 = 128_000
    /// An aggregate row above `floor`: its requests' sizes are unknown.
    package static let unknown: Int64 = -1

    /// The band of a request row with `inputTokens` summed over `requestCount` requests.
    package static func of(inputTokens: Int64, requestCount: Int64) -> Int64 {
        if inputTokens <= floor { return 0 }
        return requestCount == 1 ? inputTokens : unknown
    }

    /// The same rule in SQL over `requests` columns prefixed with `alias.`.
    package static func sql(_ alias: String) -> String {
        "CASE WHEN \(alias).input_tokens <= \(floor) THEN 0 WHEN \(alias).request_count = 1 THEN \(alias).input_tokens ELSE \(unknown) END"
    }
}
