import DistillCore
import HTTP
import Ingest
import Store

/// `distill-roi ingest openai SOURCE`: turns the command line into a pull and a summary.
///
/// Keys come from the environment only (`OPENAI_API_KEY`, `OPENAI_ADMIN_KEY`); nothing here
/// prints them, and the errors it passes on never hold them.
package enum IngestOpenAICommand {
    package enum Source: String, Sendable, CaseIterable {
        case completions, usage, costs
        case fineTuning = "fine-tuning"
        case all

        package var endpoints: [OpenAIEndpoint] {
            switch self {
            case .completions: [.completions]
            case .usage: [.usage]
            case .costs: [.costs]
            case .fineTuning: [.fineTuning]
            case .all: OpenAIIngester.allEndpoints
            }
        }
    }

    /// How to reach the API: the base URL (nil: `$OPENAI_BASE_URL`, else OpenAI's), retries, timeout.
    package struct Connection: Sendable {
        package var baseURL: String?
        package var maxRetries: Int
        package var timeoutSeconds: Double

        package init(baseURL: String? = nil, maxRetries: Int = 3, timeoutSeconds: Double = 120) {
            self.baseURL = baseURL
            self.maxRetries = maxRetries
            self.timeoutSeconds = timeoutSeconds
        }
    }

    /// Runs the pull and returns the summary for stdout; progress goes to stderr on a terminal.
    package static func run(
        _ source: Source, options pullOptions: OpenAIPullOptions, connection: Connection, databasePath: String,
        environment: [String: String]
    ) throws -> String {
        let openAI = OpenAIEnvironment(environment: environment, baseURL: connection.baseURL)
        try openAI.checkBaseURL()
        for endpoint in source.endpoints { try openAI.requireKey(for: endpoint) }
        let database = try Database(path: databasePath)
        let transport = try CurlTransport(timeouts: HTTPTimeouts(totalSeconds: connection.timeoutSeconds))
        let http = HTTPClient(transport: transport, policy: RetryPolicy(maxRetries: connection.maxRetries))
        let progress: ((String) -> Void)? = StandardError.isTerminal ? { StandardError.write($0 + "\n") } : nil
        let ingester = OpenAIIngester(
            database: database, requester: OpenAIRequester(environment: openAI, http: http), progress: progress)
        let results = try ingester.pull(source.endpoints, options: pullOptions)
        return summary(results)
    }

    /// One line per endpoint: rows by outcome, pages, and where the cursor now stands.
    static func summary(_ results: [OpenAIPullResult]) -> String {
        let width = results.map(\.endpoint.rawValue.count).max() ?? 0
        var text = ""
        for result in results {
            let name = result.endpoint.rawValue
            text += name + String(repeating: " ", count: width - name.count + 2)
            text += "\(result.rows) \(result.rows == 1 ? "row" : "rows"): \(result.counts.inserted) new, "
                + "\(result.counts.updated) updated, \(result.counts.unchanged) unchanged (\(result.pages) \(result.pages == 1 ? "page" : "pages"))"
            text += result.cursor.map { "; cursor " + describe(cursor: $0, of: result.endpoint) } ?? ""
            if result.messagesFetched > 0 {
                text += "; request messages stored for \(result.messagesFetched)"
            }
            if result.messagesMissing > 0 {
                text += "; \(result.messagesMissing) without messages (deleted since listed: 404)"
            }
            text += "\n"
        }
        return text
    }

    /// Cursors are Unix seconds (or `created id` for completions): shown as UTC times.
    static func describe(cursor: String, of endpoint: OpenAIEndpoint) -> String {
        let parts = cursor.split(separator: " ", maxSplits: 1)
        guard let first = parts.first, let seconds = Int64(first) else { return cursor }
        let time = Timestamp.iso8601(seconds)
        return parts.count == 2 ? "\(parts[1]) (created \(time))" : time
    }
}
