/// Where and as whom to call the API, read from the environment only: keys are never options, so
/// they never appear in a shell history, a process list or a log of the command line.
///
/// `OPENAI_BASE_URL` (or `--base-url`) includes `/v1`, as in the OpenAI SDKs, so a gateway or proxy
/// with its own prefix works unchanged. `OPENAI_ORG_ID` and `OPENAI_PROJECT_ID` become the
/// `OpenAI-Organization` and `OpenAI-Project` headers when set.
package struct OpenAIEnvironment: Sendable {
    package static let defaultBaseURL = "https://api.openai.com/v1"

    package let baseURL: String
    let projectKey: String?
    let adminKey: String?
    package let organization: String?
    package let project: String?

    package init(environment: [String: String], baseURL: String? = nil) {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingSpaces(), !text.isEmpty else { return nil }
            return text
        }
        var base = baseURL.flatMap { $0.isEmpty ? nil : $0 } ?? value("OPENAI_BASE_URL") ?? Self.defaultBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.projectKey = value(OpenAICredential.projectKey.environmentVariable)
        self.adminKey = value(OpenAICredential.adminKey.environmentVariable)
        self.organization = value("OPENAI_ORG_ID")
        self.project = value("OPENAI_PROJECT_ID")
    }

    /// Fails unless the base URL names its scheme: libcurl would guess `http://` for a bare host and
    /// send the key in clear text.
    package func checkBaseURL() throws {
        let lowered = baseURL.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else {
            throw OpenAIIngestError.invalidOption(
                "The base URL \(baseURL) must start with https:// (for example https://api.openai.com/v1).")
        }
    }

    /// Fails with the variable's name when the key an endpoint needs is not set.
    package func requireKey(for endpoint: OpenAIEndpoint) throws {
        _ = try key(for: endpoint)
    }

    /// The headers of every request to `endpoint`: the bearer key, then the optional organization
    /// and project.
    func headers(for endpoint: OpenAIEndpoint) throws -> [(name: String, value: String)] {
        var headers = [(name: "Authorization", value: "Bearer \(try key(for: endpoint))")]
        headers.append((name: "Accept", value: "application/json"))
        if let organization { headers.append((name: "OpenAI-Organization", value: organization)) }
        if let project { headers.append((name: "OpenAI-Project", value: project)) }
        return headers
    }

    private func key(for endpoint: OpenAIEndpoint) throws -> String {
        let key = endpoint.credential == .projectKey ? projectKey : adminKey
        guard let key else { throw OpenAIIngestError.missingKey(endpoint: endpoint) }
        return key
    }
}
