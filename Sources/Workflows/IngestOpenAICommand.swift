import HTTP
import DistillCore
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

    /// The command line as given, before validation.
    package struct Options: Sendable {
        package var source: Source
        package var since: String?
        package var until: String?
        package var baseURL: String?
        package var maxRetries: Int
        package var metadata: [String]
        package var model: String?
        package var bucketWidth: String
        package var timeoutSeconds: Double
        package var databasePath: String

        package init(
            source: Source, since: String? = nil, until: String? = nil, baseURL: String? = nil, maxRetries: Int = 3,
            metadata: [String] = [], model: String? = nil, bucketWidth: String = "1d", timeoutSeconds: Double = 120,
            databasePath: String
        ) {
            self.source = source
            self.since = since
            self.until = until
            self.baseURL = baseURL
            self.maxRetries = maxRetries
            self.metadata = metadata
            self.model = model
            self.bucketWidth = bucketWidth
            self.timeoutSeconds = timeoutSeconds
            self.databasePath = databasePath
        }
    }

    /// Runs the pull and returns the summary for stdout; progress goes to stderr on a terminal.
    package static func run(_ options: Options, environment: [String: String]) throws -> String {
        let pullOptions = try pullOptions(options)
        let openAI = OpenAIEnvironment(environment: environment, baseURL: options.baseURL)
        try openAI.checkBaseURL()
        for endpoint in options.source.endpoints { try openAI.requireKey(for: endpoint) }
        let database = try Database(path: options.databasePath)
        let transport = try CurlTransport(timeouts: HTTPTimeouts(totalSeconds: options.timeoutSeconds))
        let http = HTTPClient(transport: transport, policy: RetryPolicy(maxRetries: options.maxRetries))
        let progress: ((String) -> Void)? = StandardError.isTerminal ? { StandardError.write($0 + "\n") } : nil
        let ingester = OpenAIIngester(
            database: database, requester: OpenAIRequester(environment: openAI, http: http), progress: progress)
        let results = try ingester.pull(options.source.endpoints, options: pullOptions)
        return summary(results)
    }

    /// Validates and converts the options: dates, `k=v` pairs, the bucket width, the retry count.
    package static func pullOptions(_ options: Options) throws -> OpenAIPullOptions {
        guard options.maxRetries >= 0 else {
            throw ApplicationError("--max-retries must be 0 or more, not \(options.maxRetries).")
        }
        guard options.timeoutSeconds > 0 else {
            throw ApplicationError("--timeout must be a positive number of seconds.")
        }
        guard let width = BucketWidth(rawValue: options.bucketWidth) else {
            throw ApplicationError("--bucket-width must be 1d or 1h, not \(options.bucketWidth).")
        }
        var metadata: [String: String] = [:]
        for pair in options.metadata {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw ApplicationError(
                    "--metadata takes key=value (for example --metadata feature=faq-bot), not \(pair).")
            }
            metadata[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        let since = try options.since.map { try date($0, option: "--since") }
        let until = try options.until.map { try date($0, option: "--until") }
        if let since, let until, since >= until {
            throw ApplicationError(
                "--since (\(Timestamp.iso8601(since))) must be before --until (\(Timestamp.iso8601(until))).")
        }
        return OpenAIPullOptions(
            since: since, until: until, model: options.model, metadata: metadata, bucketWidth: width)
    }

    private static func date(_ text: String, option: String) throws -> Int64 {
        guard let seconds = Timestamp.parse(text) else {
            throw ApplicationError(
                "\(option) takes a date (2026-11-01) or a UTC time (2026-11-01T12:00:00Z), not \(text).")
        }
        return seconds
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
