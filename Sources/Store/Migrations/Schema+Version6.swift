extension Schema {
    /// Audio tokens, one-hour cache writes and the cost a source reported, per request and per
    /// roll-up row.
    ///
    /// Audio tokens are subsets of input and output, and one-hour cache writes of cache writes,
    /// as the APIs nest them: each is billed at its own rate. `reported_cost` is the source's exact
    /// decimal text in USD (NULL: not stated). The roll-up sums it with `distill_decimal_sum`, an
    /// exact digit-by-digit sum registered on every connection (`DecimalTextSum`): an integer column
    /// of pico-dollars would round a float printed with twenty digits and overflow past $9M a row.
    /// `reported_cost_requests` counts the requests whose cost was stated, so a report can say how
    /// much of the traffic the reported figure covers. Existing rows get zeros and NULL, which is
    /// what they held, so no day needs re-aggregating.
    static let version6 = """
        ALTER TABLE requests ADD COLUMN audio_input_tokens INTEGER NOT NULL DEFAULT 0
            CHECK (audio_input_tokens >= 0 AND audio_input_tokens <= input_tokens);
        ALTER TABLE requests ADD COLUMN audio_output_tokens INTEGER NOT NULL DEFAULT 0
            CHECK (audio_output_tokens >= 0 AND audio_output_tokens <= output_tokens);
        ALTER TABLE requests ADD COLUMN cache_write_1h_tokens INTEGER NOT NULL DEFAULT 0
            CHECK (cache_write_1h_tokens >= 0 AND cache_write_1h_tokens <= cache_write_tokens);
        ALTER TABLE requests ADD COLUMN reported_cost TEXT;

        ALTER TABLE request_daily ADD COLUMN audio_input_tokens INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE request_daily ADD COLUMN audio_output_tokens INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE request_daily ADD COLUMN cache_write_1h_tokens INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE request_daily ADD COLUMN reported_cost TEXT;
        ALTER TABLE request_daily ADD COLUMN reported_cost_requests INTEGER NOT NULL DEFAULT 0;
        """
}
