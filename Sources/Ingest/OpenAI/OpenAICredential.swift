/// Which key an endpoint needs, named by the environment variable that holds it.
package enum OpenAICredential: Sendable, Equatable {
    /// `OPENAI_API_KEY`: project endpoints (stored completions, fine-tuning jobs).
    case projectKey
    /// `OPENAI_ADMIN_KEY`: organization endpoints (usage, costs), as the OpenAI SDKs read it.
    case adminKey

    package var environmentVariable: String {
        switch self {
        case .projectKey: "OPENAI_API_KEY"
        case .adminKey: "OPENAI_ADMIN_KEY"
        }
    }
}
