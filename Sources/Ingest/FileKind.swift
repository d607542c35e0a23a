/// What a file holds; `--kind` names it, or auto-detection recognises it from the content.
package enum FileKind: String, CaseIterable, Sendable {
    /// Chat Completion objects, one per line, or a stored-completions list page.
    case completions
    /// Responses API objects (`"object": "response"`), one per line, or a list page.
    case responses
    /// Batch API output (and error) files.
    case batchOutput = "batch-output"
    /// A request log (CSV or JSON Lines) with timestamps, models, tokens and optionally latency.
    case requests
    /// Evaluation results: run, item, model, score and/or pass/fail, grader.
    case scores
    /// OTLP/JSON trace exports with GenAI attributes.
    case otel
    /// Fine-tuning job objects.
    case fineTuneJobs = "fine-tune-jobs"
    /// Exported eval runs and output items.
    case evalRuns = "eval-runs"
    /// Organization usage API (completions) pages.
    case usageBuckets = "usage-buckets"
    /// Organization costs API pages.
    case billedCosts = "billed-costs"
    /// Anthropic Messages API responses as logged, and Message Batches result files.
    case anthropic
    /// Gemini `generateContent` responses as logged, and Gemini Batch API result files.
    case gemini
    /// A one-time costs file: date, kind, amount, currency, note.
    case oneTimeCosts = "one-time-costs"

    /// Langfuse observation exports (JSON Lines, CSV) and trace downloads with their scores.
    case langfuse

    /// Kinds that may be CSV; every kind may be JSON.
    var acceptsCSV: Bool { self == .requests || self == .scores || self == .oneTimeCosts || self == .langfuse }
}
