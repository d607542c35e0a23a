/// A user's own name for a catalog model, from a top-level `aliases:` list in a pricing file:
/// an Azure deployment, a gateway route or a vLLM served-model name (`support-student-v3`) that
/// the catalog cannot know. It resolves as `model` would, so `model` may itself be an `ft:` name
/// or carry a provider prefix.
public struct NameAlias: Hashable, Sendable {
    public let name: String
    public let model: String
    /// When set, the alias only resolves to an entry of this provider (`openai`), so a typo in
    /// `model` that happens to name another provider's model is caught.
    public let provider: String?
    public let location: SourceLocation
}
