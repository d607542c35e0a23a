extension Schema {
    /// Marks for re-aggregation every day whose requests are missing from its roll-up or disagree
    /// with it.
    ///
    /// Version 2 created `request_daily` empty and marked only the days written after it: requests
    /// stored by version 1 were in neither the roll-up nor a dirty day, so reports left them out.
    /// Worse, since version 3 a writer adding to such a day adds only its own rows to the roll-up.
    /// Marking a day dirty makes readers aggregate it from its requests until the next writer's
    /// refresh re-aggregates it for good. Days whose requests `prune` deleted keep their roll-up:
    /// they have no requests, so they are never marked.
    static let version5 = """
        INSERT OR IGNORE INTO request_daily_dirty (day)
        SELECT DISTINCT day FROM (
            SELECT created_at / 86400 - (created_at < 0 AND created_at % 86400 != 0) AS day, model_id,
                coalesce(project, ''), is_batch, coalesce(service_tier, ''), coalesce(tag_set_id, 0),
                sum(request_count), sum(failed_count), sum(input_tokens), sum(cached_input_tokens),
                sum(cache_write_tokens), sum(output_tokens), sum(reasoning_tokens), count(latency_ms)
            FROM requests GROUP BY 1, 2, 3, 4, 5, 6
            EXCEPT
            SELECT day, model_id, project, is_batch, service_tier, tag_set_id, request_count, failed_count,
                input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, latency_count
            FROM request_daily
        );
        """
}
