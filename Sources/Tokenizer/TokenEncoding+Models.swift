extension TokenEncoding {
    /// The encoding a model family tokenizes with, for counting its training and request tokens.
    ///
    /// Follows tiktoken's `model.py` prefixes: gpt-4o, gpt-4.1, gpt-4.5, gpt-5, the o-series
    /// (o1, o3, o4-mini…) and chatgpt-4o use o200k_base; gpt-4, gpt-3.5 and text-embedding-3/ada-002
    /// use cl100k_base. Fine-tuned names (`ft:gpt-4o-mini-2024-07-18:org::id`) resolve through their
    /// base model. A name it does not know falls back to o200k_base, as the cookbook's
    /// `num_tokens_from_messages` does, because every model still offered for fine-tuning uses it.
    package static func forModel(_ model: String) -> TokenEncoding {
        var name = model.lowercased()
        if name.hasPrefix("ft:") {
            name = String(name.dropFirst(3).prefix { $0 != ":" })
        }
        let o200kPrefixes = ["gpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "chatgpt-4o", "gpt-oss", "o1", "o3", "o4"]
        if o200kPrefixes.contains(where: { name.hasPrefix($0) }) { return .o200kBase }
        let cl100kPrefixes = ["gpt-4", "gpt-3.5", "gpt-35", "text-embedding-3", "text-embedding-ada-002"]
        if cl100kPrefixes.contains(where: { name.hasPrefix($0) }) { return .cl100kBase }
        return .o200kBase
    }
}
