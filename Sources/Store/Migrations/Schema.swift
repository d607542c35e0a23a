/// The schema, one SQL text per migration. Applied migrations are never edited: each is a literal
/// with nothing interpolated, so the SQL a version ran stays readable here, and
/// `MigrationTests.appliedMigrationsAreFrozen` pins it.
///
/// Conventions: times are Unix seconds in UTC (INTEGER); token counts are INTEGER and never
/// negative; money is never stored as REAL, only as exact decimal text; repeated strings (model
/// names, sources, metadata) live in small dictionary tables so a request row stays narrow.
enum Schema {
    static let version1 = """
        CREATE TABLE models (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );

        -- Where rows came from: a file kind and name, or an API endpoint.
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );

        -- A distinct set of metadata key/value pairs. Requests point at a set, so metadata repeated
        -- on millions of requests is stored once; `canonical` is the sorted JSON object.
        CREATE TABLE tag_sets (
            id INTEGER PRIMARY KEY,
            canonical TEXT NOT NULL UNIQUE
        );

        CREATE TABLE tags (
            tag_set_id INTEGER NOT NULL REFERENCES tag_sets(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (tag_set_id, key)
        ) WITHOUT ROWID;
        CREATE INDEX tags_by_key_value ON tags(key, value);

        -- One model request, or an aggregate of `request_count` requests (a warehouse roll-up).
        -- `request_key` is the natural key: the API's id, or a content hash when a log has none.
        -- Token semantics follow the API: input includes cached and cache-write tokens; output
        -- includes reasoning tokens.
        CREATE TABLE requests (
            id INTEGER PRIMARY KEY,
            request_key TEXT NOT NULL UNIQUE,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            model_id INTEGER NOT NULL REFERENCES models(id),
            created_at INTEGER NOT NULL,
            project TEXT,
            is_batch INTEGER NOT NULL DEFAULT 0 CHECK (is_batch IN (0, 1)),
            service_tier TEXT,
            request_count INTEGER NOT NULL DEFAULT 1 CHECK (request_count >= 1),
            failed_count INTEGER NOT NULL DEFAULT 0 CHECK (failed_count BETWEEN 0 AND request_count),
            input_tokens INTEGER NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
            cached_input_tokens INTEGER NOT NULL DEFAULT 0 CHECK (cached_input_tokens >= 0),
            cache_write_tokens INTEGER NOT NULL DEFAULT 0 CHECK (cache_write_tokens >= 0),
            output_tokens INTEGER NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
            reasoning_tokens INTEGER NOT NULL DEFAULT 0 CHECK (reasoning_tokens >= 0),
            latency_ms REAL CHECK (latency_ms IS NULL OR latency_ms >= 0),
            time_to_first_token_ms REAL CHECK (time_to_first_token_ms IS NULL OR time_to_first_token_ms >= 0),
            status TEXT NOT NULL DEFAULT 'ok',
            tag_set_id INTEGER REFERENCES tag_sets(id),
            CHECK (cached_input_tokens + cache_write_tokens <= input_tokens),
            CHECK (reasoning_tokens <= output_tokens)
        );
        CREATE INDEX requests_by_time ON requests(created_at, model_id);

        -- Message content, only with --store-content; kept apart so cost queries never read it.
        CREATE TABLE request_content (
            request_id INTEGER PRIMARY KEY REFERENCES requests(id) ON DELETE CASCADE,
            messages TEXT,
            response TEXT
        );

        -- The organization usage API's buckets: the same traffic as requests, aggregated. Reports
        -- use requests where they exist for a day and model, buckets otherwise (never both).
        CREATE TABLE usage_buckets (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            start_time INTEGER NOT NULL,
            end_time INTEGER NOT NULL CHECK (end_time > start_time),
            model_id INTEGER NOT NULL REFERENCES models(id),
            project TEXT NOT NULL DEFAULT '',
            is_batch INTEGER NOT NULL DEFAULT 0 CHECK (is_batch IN (0, 1)),
            service_tier TEXT NOT NULL DEFAULT '',
            request_count INTEGER NOT NULL CHECK (request_count >= 0),
            input_tokens INTEGER NOT NULL CHECK (input_tokens >= 0),
            cached_input_tokens INTEGER NOT NULL DEFAULT 0 CHECK (cached_input_tokens >= 0),
            output_tokens INTEGER NOT NULL CHECK (output_tokens >= 0),
            UNIQUE (start_time, end_time, model_id, project, is_batch, service_tier)
        );

        -- The Costs API's billed amounts: shown beside computed cost as a reconciliation, never
        -- added to it. The amount is the exact decimal text the API sent.
        CREATE TABLE billed_costs (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            start_time INTEGER NOT NULL,
            end_time INTEGER NOT NULL CHECK (end_time > start_time),
            line_item TEXT NOT NULL DEFAULT '',
            project TEXT NOT NULL DEFAULT '',
            amount TEXT NOT NULL,
            currency TEXT NOT NULL,
            UNIQUE (start_time, end_time, line_item, project)
        );

        CREATE TABLE fine_tuning_jobs (
            id TEXT PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            base_model TEXT NOT NULL,
            fine_tuned_model TEXT,
            status TEXT NOT NULL,
            method TEXT NOT NULL DEFAULT 'supervised',
            trained_tokens INTEGER CHECK (trained_tokens IS NULL OR trained_tokens >= 0),
            epochs INTEGER,
            training_file TEXT,
            created_at INTEGER NOT NULL,
            finished_at INTEGER,
            metadata TEXT
        );
        CREATE INDEX fine_tuning_jobs_by_model ON fine_tuning_jobs(fine_tuned_model);

        CREATE TABLE eval_runs (
            id TEXT PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            eval_name TEXT NOT NULL DEFAULT '',
            model TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'completed',
            created_at INTEGER NOT NULL
        );

        -- Tokens an evaluation run spent per model (its own cost, a one-time cost of distillation).
        CREATE TABLE eval_run_usage (
            run_id TEXT NOT NULL REFERENCES eval_runs(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            invocation_count INTEGER NOT NULL DEFAULT 0,
            input_tokens INTEGER NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
            cached_input_tokens INTEGER NOT NULL DEFAULT 0 CHECK (cached_input_tokens >= 0),
            output_tokens INTEGER NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
            PRIMARY KEY (run_id, model)
        ) WITHOUT ROWID;

        -- One grader's score for one item of one run, scaled to 0...1.
        CREATE TABLE eval_scores (
            run_id TEXT NOT NULL REFERENCES eval_runs(id) ON DELETE CASCADE,
            item_id TEXT NOT NULL,
            grader TEXT NOT NULL DEFAULT '',
            model TEXT NOT NULL,
            score REAL CHECK (score IS NULL OR (score >= 0 AND score <= 1)),
            passed INTEGER CHECK (passed IS NULL OR passed IN (0, 1)),
            PRIMARY KEY (run_id, item_id, grader)
        ) WITHOUT ROWID;
        CREATE INDEX eval_scores_by_item ON eval_scores(item_id);

        -- Where each incremental source stopped, updated in the same transaction as its rows.
        CREATE TABLE ingest_cursors (
            source TEXT PRIMARY KEY,
            cursor TEXT NOT NULL,
            updated_at INTEGER NOT NULL
        );

        -- One line per ingest of a file or API page run.
        CREATE TABLE ingest_log (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            kind TEXT NOT NULL,
            cursor TEXT,
            rows_inserted INTEGER NOT NULL DEFAULT 0,
            rows_updated INTEGER NOT NULL DEFAULT 0,
            rows_unchanged INTEGER NOT NULL DEFAULT 0,
            rows_rejected INTEGER NOT NULL DEFAULT 0,
            started_at INTEGER NOT NULL,
            finished_at INTEGER,
            status TEXT NOT NULL DEFAULT 'running',
            message TEXT
        );
        """
}
