import ArgumentParser
import Workflows
import Foundation

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
                interrupted pull resumes without gaps or duplicates.
                """)

        @Argument(help: "completions, usage, costs, fine-tuning, or all (in that order).")
        var source: IngestOpenAICommand.Source

        @Option(help: "Start here instead of the stored cursor (a date, or a UTC time like 2026-11-01T12:00:00Z).")
        var since: String?

        @Option(help: "Stop before this date or time (exclusive).")
        var until: String?

        @Option(name: .customLong("base-url"), help: "The API base URL, including /v1 (default: $OPENAI_BASE_URL, else https://api.openai.com/v1).")
        var baseURL: String?

        @Option(name: .customLong("max-retries"), help: "Retries after a 408, 409, 429, 5xx, timeout or connection error.")
        var maxRetries = 3

        @Option(help: "Completions only: keep those whose metadata has key=value (repeatable).")
        var metadata: [String] = []

        @Option(help: "Completions only: keep those made with this model.")
        var model: String?

        @Option(name: .customLong("bucket-width"), help: "Usage bucket width: 1d or 1h.")
        var bucketWidth = "1d"

        @Option(help: "Seconds one request may take before it is retried.")
        var timeout = 120.0

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try reportingErrors {
                let options = IngestOpenAICommand.Options(
                    source: source, since: since, until: until, baseURL: baseURL, maxRetries: maxRetries,
                    metadata: metadata, model: model, bucketWidth: bucketWidth, timeoutSeconds: timeout,
                    databasePath: database.path)
                print(try IngestOpenAICommand.run(options, environment: ProcessInfo.processInfo.environment), terminator: "")
            }
        }
    }
}

extension IngestOpenAICommand.Source: ExpressibleByArgument {}
