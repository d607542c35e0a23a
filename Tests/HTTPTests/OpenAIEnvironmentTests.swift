import Ingest
import Testing

@Suite struct OpenAIEnvironmentTests {
    @Test func readsTheBaseURLAndOptionalHeadersFromTheEnvironment() throws {
        let environment = OpenAIEnvironment(environment: [
            "OPENAI_BASE_URL": "https://gateway.example/openai/v1/", "OPENAI_ORG_ID": "org-1", "OPENAI_PROJECT_ID": " ",
        ])
        #expect(environment.baseURL == "https://gateway.example/openai/v1")
        #expect(environment.organization == "org-1")
        #expect(environment.project == nil)
        #expect(OpenAIEnvironment(environment: [:]).baseURL == "https://api.openai.com/v1")
        #expect(OpenAIEnvironment(environment: ["OPENAI_BASE_URL": "http://a/v1"], baseURL: "http://b/v1").baseURL == "http://b/v1")
    }

    @Test(arguments: [(OpenAIEndpoint.completions, "OPENAI_API_KEY"), (.fineTuning, "OPENAI_API_KEY"), (.usage, "OPENAI_ADMIN_KEY"), (.costs, "OPENAI_ADMIN_KEY")])
    func eachEndpointNeedsItsOwnKey(endpoint: OpenAIEndpoint, variable: String) throws {
        let error = try #require(throws: OpenAIIngestError.self) {
            try OpenAIEnvironment(environment: [:]).requireKey(for: endpoint)
        }
        #expect(error.description.hasPrefix("\(variable) is not set: \(endpoint) needs"))
        try OpenAIEnvironment(environment: [variable: "sk-x"]).requireKey(for: endpoint)
    }

    @Test func aBaseURLWithoutSchemeIsRefused() {
        #expect(throws: OpenAIIngestError.self) { try OpenAIEnvironment(environment: [:], baseURL: "api.openai.com/v1").checkBaseURL() }
    }
}
