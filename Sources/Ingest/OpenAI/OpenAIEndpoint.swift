/// The four OpenAI list endpoints distill-roi pulls, with what each needs to be called and where
/// its rows are recorded.
package enum OpenAIEndpoint: String, Sendable, CaseIterable, CustomStringConvertible {
    case completions
    case usage
    case costs
    case fineTuning = "fine-tuning"

    /// Path below the base URL (which ends in `/v1`).
    package var path: String {
        switch self {
        case .completions: "/chat/completions"
        case .usage: "/organization/usage/completions"
        case .costs: "/organization/costs"
        case .fineTuning: "/fine_tuning/jobs"
        }
    }

    /// Organization endpoints (usage, costs) need an admin key; the others a project key.
    package var credential: OpenAICredential {
        switch self {
        case .completions, .fineTuning: .projectKey
        case .usage, .costs: .adminKey
        }
    }

    /// The name rows are recorded under in `sources`, the ingest log and the cursor table.
    package var sourceName: String { "openai:" + path.dropFirst() }

    package var description: String { "GET \(path)" }
}
