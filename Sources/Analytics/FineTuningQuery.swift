import Store

/// Fine-tuning jobs, newest first: the training cost and which model distils which.
package struct FineTuningQuery {
    package let database: Database

    package init(database: Database) {
        self.database = database
    }

    package func jobs() throws -> [FineTuningJobRecord] {
        try database.query(
            """
            SELECT id, base_model, fine_tuned_model, status, method, trained_tokens, epochs, training_file,
                created_at, finished_at, metadata, charge
            FROM fine_tuning_jobs ORDER BY created_at DESC, id
            """
        ) {
            FineTuningJobRecord(
                id: $0.string(0), baseModel: $0.string(1), fineTunedModel: $0.optionalString(2), status: $0.string(3),
                method: $0.string(4), trainedTokens: $0.optionalInt64(5), epochs: $0.optionalInt64(6),
                trainingFile: $0.optionalString(7), createdAt: $0.int64(8), finishedAt: $0.optionalInt64(9),
                metadata: $0.optionalString(10), charge: $0.optionalString(11))
        }
    }
}
