import HTTP
import Store

/// Pulls OpenAI endpoints into the store, each incrementally from its cursor, and records every
/// run in the ingest log.
///
/// Keys for all requested endpoints are checked before the first request, so `all` never stops
/// halfway for a missing variable. Endpoints run in the order given and the first failure stops
/// the run: what earlier pages and endpoints stored stays stored, and the failed endpoint's log
/// entry says `failed` with the reason.
package final class OpenAIIngester {
    package let database: Database
    package let requester: OpenAIRequester
    package let clock: any RetryClock
    /// Progress lines (pages, rows, waits); the command line shows them only on a terminal.
    package let progress: ((String) -> Void)?

    package init(
        database: Database, requester: OpenAIRequester, clock: any RetryClock = SystemRetryClock(),
        progress: ((String) -> Void)? = nil
    ) {
        self.database = database
        self.requester = requester
        self.clock = clock
        self.progress = progress
    }

    /// The order `all` runs in: request rows first, then the aggregates that reconcile them.
    package static let allEndpoints: [OpenAIEndpoint] = [.completions, .usage, .costs, .fineTuning]

    package func pull(_ endpoints: [OpenAIEndpoint], options: OpenAIPullOptions) throws -> [OpenAIPullResult] {
        try requester.environment.checkBaseURL()
        for endpoint in endpoints { try requester.environment.requireKey(for: endpoint) }
        if let since = options.since, let until = options.until, since >= until {
            throw OpenAIIngestError.invalidOption("--since must be before --until.")
        }
        if let progress {
            let base = requester.environment.baseURL
            requester.http.onRetry = { event in
                let path = event.url.hasPrefix(base) ? String(event.url.dropFirst(base.count)) : event.url
                let origin = event.serverRequested ? ", as the server asked" : ""
                progress(
                    "waiting \(Self.seconds(event.delaySeconds)) before retry \(event.retry) of \(event.maxRetries) "
                        + "(\(event.reason) from \(path)\(origin))")
            }
        }
        var results: [OpenAIPullResult] = []
        for endpoint in endpoints {
            results.append(try pull(endpoint, options: options))
        }
        return results
    }

    private func pull(_ endpoint: OpenAIEndpoint, options: OpenAIPullOptions) throws -> OpenAIPullResult {
        let started = Int64(clock.now())
        let context = OpenAIPullContext(
            database: database, requester: requester, options: options, now: started, progress: progress)
        var result = OpenAIPullResult(endpoint: endpoint)
        let log = IngestLog(database: database)
        do {
            switch endpoint {
            case .completions: try StoredCompletionsPull(context: context).run(into: &result)
            case .usage: try Self.usage(context).run(into: &result)
            case .costs: try Self.costs(context).run(into: &result)
            case .fineTuning: try FineTuningJobsPull(context: context).run(into: &result)
            }
        } catch {
            try? log.append(entry(result, started: started, status: "failed", message: "\(error)"))
            throw error
        }
        try log.append(entry(result, started: started, status: "ok", message: nil))
        return result
    }

    private func entry(_ result: OpenAIPullResult, started: Int64, status: String, message: String?) -> IngestLog.Entry {
        IngestLog.Entry(
            source: result.endpoint.sourceName, kind: "openai-api", cursor: result.cursor, counts: result.counts,
            startedAt: started, finishedAt: Int64(clock.now()), status: status,
            message: message ?? "\(result.pages) pages")
    }

    /// Grouped by every dimension a usage bucket row keeps, so no two results share a row.
    static func usage(_ context: OpenAIPullContext) -> BucketedPull<UsageBucketRecord> {
        let width = context.options.bucketWidth
        return BucketedPull(
            context: context, endpoint: .usage, width: width,
            cursorKey: "\(OpenAIEndpoint.usage.sourceName)?bucket_width=\(width.rawValue)",
            query: [("bucket_width", width.rawValue)]
                + ["model", "project_id", "batch", "service_tier"].map { (name: "group_by[]", value: $0) },
            maximumPageSize: width.maximumPageSize, read: OpenAIPageReader.usage, write: { try $0.write($1) })
    }

    /// Daily buckets only (the endpoint allows no other width), at most 180 per page.
    static func costs(_ context: OpenAIPullContext) -> BucketedPull<BilledCostRecord> {
        BucketedPull(
            context: context, endpoint: .costs, width: .day, cursorKey: OpenAIEndpoint.costs.sourceName,
            query: [("bucket_width", "1d"), ("group_by[]", "line_item"), ("group_by[]", "project_id")],
            maximumPageSize: 180, read: OpenAIPageReader.costs, write: { try $0.write($1) })
    }

    static func seconds(_ value: Double) -> String {
        if value < 10 { return "\((value * 10).rounded() / 10) s" }
        let whole = Int(value.rounded())
        return whole < 120 ? "\(whole) s" : "\(whole / 60) min \(whole % 60) s"
    }
}
