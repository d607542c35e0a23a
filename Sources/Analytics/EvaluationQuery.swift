import DistillCore
import Store

/// One model's answer to one evaluation item: the mean over graders, passed only if all passed.
package struct EvalItemScore: Sendable, Equatable {
    package var runID: String
    package var itemID: String
    package var model: String
    package var score: Double?
    package var passed: Bool?
}

/// An evaluation run and the tokens it spent per model (its own cost).
package struct EvalRunSummary: Sendable, Equatable {
    package var id: String
    package var evalName: String
    package var model: String
    package var createdAt: Int64
    package var items: Int
    package var usage: [EvalRunUsageRecord]
}

/// Reads evaluation runs and per-item scores. Eval sets are hundreds or thousands of items, so
/// the items are returned as values for the statistics to pair.
package struct EvaluationQuery {
    package let database: Database

    package init(database: Database) {
        self.database = database
    }

    package func runs() throws -> [EvalRunSummary] {
        let usage = try database.query(
            """
            SELECT run_id, model, invocation_count, input_tokens, cached_input_tokens, output_tokens
            FROM eval_run_usage ORDER BY run_id, model
            """
        ) {
            EvalRunUsageRecord(
                runID: $0.string(0), model: $0.string(1), invocationCount: $0.int64(2), inputTokens: $0.int64(3),
                cachedInputTokens: $0.int64(4), outputTokens: $0.int64(5))
        }
        let usageByRun = Dictionary(grouping: usage, by: \.runID)
        return try database.query(
            """
            SELECT r.id, r.eval_name, r.model, r.created_at, (SELECT count(DISTINCT item_id) FROM eval_scores s WHERE s.run_id = r.id)
            FROM eval_runs r ORDER BY r.created_at, r.id
            """
        ) {
            EvalRunSummary(
                id: $0.string(0), evalName: $0.string(1), model: $0.string(2), createdAt: $0.int64(3),
                items: $0.int(4), usage: usageByRun[$0.string(0)] ?? [])
        }
    }

    /// Every item score of every run (graders averaged per item).
    package func itemScores() throws -> [EvalItemScore] {
        try database.query(
            """
            SELECT run_id, item_id, min(model), avg(score), CASE WHEN count(passed) = 0 THEN NULL ELSE min(passed) END
            FROM eval_scores GROUP BY run_id, item_id ORDER BY run_id, item_id
            """
        ) {
            EvalItemScore(
                runID: $0.string(0), itemID: $0.string(1), model: $0.string(2), score: $0.optionalDouble(3),
                passed: $0.optionalInt64(4).map { $0 != 0 })
        }
    }
}
