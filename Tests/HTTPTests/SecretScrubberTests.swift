import HTTP
import Ingest
import Testing

@Suite struct SecretScrubberTests {
    @Test func removesExactSecretsAndKeyShapedWords() {
        let scrubber = SecretScrubber(secrets: ["sk-proj-abcdef123456", "custom-token-xyz"])
        #expect(scrubber.scrub("bad key sk-proj-abcdef123456.") == "bad key [redacted].")
        #expect(scrubber.scrub("Incorrect API key provided: sk-pro************3456. See docs.")
            == "Incorrect API key provided: sk-[redacted] See docs.")
        #expect(scrubber.scrub("token custom-token-xyz leaked") == "token [redacted] leaked")
        #expect(scrubber.scrub("task-12 and disk-3 stay") == "task-12 and disk-3 stay")
    }

    @Test func requestSecretsComeFromCredentialHeadersOnly() {
        let request = HTTPRequest(
            url: "https://user:pw@api.example.com/v1/x?a=1",
            headers: [("Authorization", "Bearer sk-test-1234"), ("OpenAI-Project", "proj_1")])
        #expect(request.secrets == ["Bearer sk-test-1234", "sk-test-1234"])
        #expect(request.displayURL == "https://api.example.com/v1/x")
    }
}
