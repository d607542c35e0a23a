import ArgumentParser
import DistillCore
import Foundation
import Ingest
import Workflows

extension Ingest {
    struct OpenAI: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "openai",
            abstract: "Pull stored completions, usage, billed costs and fine-tuning jobs from the OpenAI API.",
            discussion: """
                Keys come from the environment only: OPENAI_API_KEY for completions and fine-tuning, \
                OPENAI_ADMIN_KEY (an organization admin key) for usage and costs. OPENAI_BASE_URL or \
                --base-url (including /v1) points at a proxy or compatible gateway; OPENAI_ORG_ID and \
                OPENAI_PROJECT_ID are sent as OpenAI-Organization / OpenAI-Project when set. HTTP \
                proxies come from https_proxy / no_proxy.

                Each source resumes from its cursor, so a rerun fetches only what is new; --since \
                overrides the cursor. Every page is stored in one transaction with its cursor, so an \
                interrupted pull resumes without gaps or duplicates. With --store-content, completions \
                keep their answer and request messages, the material of `dataset build`.
                """)

        @Argument(help: "completions, usage, costs, fine-tuning, or all (in that order).")
        var source: IngestOpenAICommand.Source

        @Option(help: "Start here instead of the stored cursor (a date, or a UTC time like 2026-11-01T12:00:00Z).")
        var since: Instant?

        @Option(help: "Stop before this date or time (exclusive).")
        var until: Instant?

        @Option(name: .customLong("base-url"), help: "The API base URL, including /v1 (default: $OPENAI_BASE_URL, else https://api.openai.com/v1).")
        var baseURL: String?

        @Option(name: .customLong("max-retries"), help: "Retries after a 408, 409, 429, 5xx, timeout or connection error.")
        var maxRetries = 3

        @Option(help: ArgumentHelp("Completions only: keep those whose metadata has this pair (repeatable).", valueName: "key=value"))
        var metadata: [KeyValuePair] = []

        @Option(help: "Completions only: keep those made with this model.")
        var model: String?

        @Flag(
            help: ArgumentHelp(
                "Completions only: also store each completion's answer and its request messages (one more call per "
                    + "completion; off by default: prompts may hold personal data)."))
        var storeContent = false

        @Flag(help: "Completions only: mask e-mail addresses, phone numbers and API-key-shaped strings in stored metadata and content.")
        var redact = false

        @Option(name: .customLong("bucket-width"), help: "Usage bucket width: 1d or 1h.")
        var bucketWidth = BucketWidth.day

        @Option(help: "Seconds one request may take before it is retried.")
        var timeout = 120.0

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard maxRetries >= 0 else { throw ValidationError("--max-retries must be 0 or more.") }
            guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds.") }
            if let since, let until, since.unixSeconds >= until.unixSeconds {
                throw ValidationError("--since must be before --until.")
            }
        }

        func run() throws {
            try reportingErrors {
                let options = OpenAIPullOptions(
                    since: since?.unixSeconds, until: until?.unixSeconds, model: model,
                    metadata: Dictionary(metadata.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }),
                    bucketWidth: bucketWidth, storeContent: storeContent, redact: redact)
                let connection = IngestOpenAICommand.Connection(baseURL: baseURL, maxRetries: maxRetries, timeoutSeconds: timeout)
                let summary = try IngestOpenAICommand.run(
                    source, options: options, connection: connection, databasePath: database.path,
                    environment: ProcessInfo.processInfo.environment)
                print(summary, terminator: "")
            }
        }
    }
}
