/// The fields of a request log, with the column names each is recognised by.
enum RequestField: String, CaseIterable, Hashable {
    case requestID = "request_id"
    case timestamp
    case endTime = "end_time"
    case firstTokenTime = "first_token_time"
    case model
    case project
    case inputTokens = "input_tokens"
    case cachedTokens = "cached_tokens"
    case cacheWriteTokens = "cache_write_tokens"
    case outputTokens = "output_tokens"
    case reasoningTokens = "reasoning_tokens"
    case latencyMs = "latency_ms"
    case latencySeconds = "latency_s"
    case ttftMs = "ttft_ms"
    case ttftSeconds = "ttft_s"
    case status
    case requestCount = "request_count"
    case failedCount = "failed_count"
    case serviceTier = "service_tier"
    case isBatch = "is_batch"
    /// Recognised so it does not become a tag; the store derives totals itself.
    case totalTokens = "total_tokens"
    /// What the source says the request cost in USD (LiteLLM `spend`, `response_cost`): an amount,
    /// never a tag.
    case reportedCost = "reported_cost"

    /// Normalised column names (see `ColumnResolver.normalise`) for each field; the field's own
    /// name is always one of them.
    static let aliases: [String: RequestField] = {
        var table: [String: RequestField] = [:]
        let extra: [RequestField: [String]] = [
            .requestID: ["id", "requestid", "responseid", "completionid", "callid"],
            .timestamp: [
                "timestamp", "createdat", "created", "time", "starttime", "startedat", "date", "ts", "day", "hour",
                "period",
                "periodstart", "bucketstart",
            ],
            .endTime: ["endtime", "endedat", "completedat"],
            .firstTokenTime: ["completionstarttime", "firsttokentime"],
            .model: ["model", "modelname", "modelid"],
            .project: ["project", "projectid"],
            .inputTokens: ["prompttokens", "inputtokens", "usageprompttokens", "usageinputtokens"],
            .cachedTokens: ["cachedtokens", "cachedinputtokens", "cachereadinputtokens", "cachereadtokens"],
            .cacheWriteTokens: ["cachewritetokens", "cachecreationinputtokens", "cachewriteinputtokens"],
            .outputTokens: ["completiontokens", "outputtokens", "usagecompletiontokens", "usageoutputtokens"],
            .reasoningTokens: ["reasoningtokens"],
            .latencyMs: ["latencyms", "durationms"],
            .latencySeconds: ["latencys", "latencyseconds", "durationseconds"],
            .ttftMs: ["ttftms", "timetofirsttokenms"],
            .ttftSeconds: ["ttfts", "timetofirsttokens", "timetofirsttokenseconds"],
            .status: ["status", "statuscode"],
            .requestCount: ["requestcount", "requests", "numrequests", "nummodelrequests"],
            .failedCount: ["failedcount", "failedrequests", "failures"],
            .serviceTier: ["servicetier"],
            .isBatch: ["isbatch", "batch"],
            .totalTokens: ["totaltokens"],
            .reportedCost: ["spend", "responsecost", "hiddenparamsresponsecost"],
        ]
        for field in allCases {
            table[ColumnResolver<RequestField>.normalise(field.rawValue)] = field
            for alias in extra[field] ?? [] { table[alias] = field }
        }
        return table
    }()
}
