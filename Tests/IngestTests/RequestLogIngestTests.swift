import DistillCore
import Ingest
import Store
import Testing

@Suite struct RequestLogIngestTests {
    @Test func aLogRowCompletesAStoredCompletionInEitherOrder() throws {
        for order in [["completions.jsonl", "requests.csv"], ["requests.csv", "completions.jsonl"]] {
            let harness = try IngestHarness()
            for fixture in order { try harness.ingestFixture(fixture) }
            let request = try #require(try harness.request("chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG"))
            #expect(request.latencyMs == 812.5 && request.timeToFirstTokenMs == 120)
            #expect(request.tokens == TokenUsage(input: 1117, output: 46))
            #expect(request.createdAt == 1_741_570_283 && request.model == "gpt-4o-2024-08-06")
            #expect(request.serviceTier == "default" && request.status == "ok")
            #expect(try harness.count("requests") == 4)
            // Either file again changes nothing.
            for fixture in order { #expect(try harness.ingestFixture(fixture).totals.updated == 0) }
        }
    }

    @Test func failedRequestsAppearWithZeroTokens() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture("requests.csv")
        #expect(summary.kind == .requests)
        #expect(
            summary.format == "CSV with 10 columns: request_id → request_id, timestamp → timestamp, model → model, "
                + "input_tokens → input_tokens, cached_tokens → cached_tokens, output_tokens → output_tokens, "
                + "latency_ms → latency_ms, ttft_ms → ttft_ms, status → status, use_case → tag use_case")
        let failed = try #require(try harness.request("req-failed-0001"))
        #expect(failed.status == "failed" && failed.failedCount == 1 && failed.tokens == .zero)
        #expect(failed.latencyMs == 30000 && failed.timeToFirstTokenMs == nil)
        #expect(failed.tags == #"{"use_case":"support"}"#)
    }

    @Test func readsCSVQuirks() throws {
        // BOM, CRLF, a quoted comma, doubled quotes, a quoted line break, an empty line, empty
        // fields, a Unix time, fractional seconds, and a header in mixed case.
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture("quirks.csv")
        #expect(summary.totals == WriteCounts(inserted: 3) && summary.skipped == 0)
        let rows = try harness.values(
            """
            SELECT r.created_at, r.latency_ms, t.canonical FROM requests r LEFT JOIN tag_sets t ON t.id = r.tag_set_id
            ORDER BY r.created_at
            """)
        #expect(
            rows == [
                [.integer(1_791_201_600), .real(350.5), .text(#"{"note":"said \"hi\"","team":"search, ranking"}"#)],
                [.integer(1_791_201_601), .null, .text(#"{"note":"two\r\nlines"}"#)],
                [.integer(1_791_201_602), .null, .text(#"{"team":"search"}"#)],
            ])
        #expect(try harness.ingestFixture("quirks.csv").totals == WriteCounts(unchanged: 3))
    }

    @Test func readsJSONLinesLogsWithMetadataObjectsAndMillisecondTimes() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture("requests-log.jsonl")
        #expect(summary.kind == .requests)
        #expect(summary.firstTime == 1_791_201_600 && summary.lastTime == 1_791_201_660)
        let rows = try harness.values("SELECT request_key, latency_ms, input_tokens FROM requests ORDER BY created_at")
        #expect(rows.count == 2)
        #expect(rows[0][1] == .real(900) && rows[0][2] == .integer(1000))
        #expect(rows.allSatisfy { $0[0].string?.hasPrefix("log-") == true })
        #expect(
            try harness.values("SELECT DISTINCT t.canonical FROM requests r JOIN tag_sets t ON t.id = r.tag_set_id")
                == [[.text(#"{"team":"cx","use_case":"support"}"#)]])
    }

    @Test func identicalRowsWithoutIdsStayDistinctAndLoadOnce() throws {
        let harness = try IngestHarness()
        let line = "2026-10-05T12:00:00Z,gpt-4o,10,5\n"
        let path = try harness.file("same.csv", "timestamp,model,input_tokens,output_tokens\n" + line + line)
        #expect(try harness.ingest(path).totals == WriteCounts(inserted: 2))
        #expect(try harness.ingest(path).totals == WriteCounts(unchanged: 2))
    }

    @Test func loadsWarehouseAggregatesAndUpdatesThemWhenCorrected() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture("aggregates.csv")
        #expect(summary.totals == WriteCounts(inserted: 2))
        let rows = try harness.values(
            "SELECT request_count, failed_count, input_tokens, cached_input_tokens, output_tokens, status, project FROM requests ORDER BY id"
        )
        #expect(
            rows[0] == [
                .integer(1200), .integer(3), .integer(1_500_000), .integer(400_000), .integer(250_000), .text("ok"),
                .text("proj_a"),
            ])
        let corrected = try harness.file(
            "aggregates.csv",
            "day,model,project,request_count,failed_count,input_tokens,cached_input_tokens,output_tokens\n"
                + "2026-10-05,gpt-4o-2024-08-06,proj_a,1201,3,1500100,400000,250020\n")
        #expect(try harness.ingest(corrected).totals == WriteCounts(updated: 1))
        #expect(try harness.count("requests") == 2)
    }

    @Test func mapsColumnsTheAliasesMiss() throws {
        let harness = try IngestHarness()
        let path = try harness.file(
            "custom.csv",
            "when,engine,tok_in,tok_out,secs,squad,secret\n2026-10-05T12:00:00Z,gpt-4o,10,5,1.5,cx,hunter2\n")
        try harness.ingest(
            path,
            FileIngestOptions(
                kind: .requests,
                columnMap: [
                    "when": "timestamp", "engine": "model", "tok_in": "input_tokens", "tok_out": "output_tokens",
                    "secs": "latency_s", "squad": "tag:team", "secret": "-",
                ]))
        let rows = try harness.values(
            "SELECT r.input_tokens, r.output_tokens, r.latency_ms, t.canonical FROM requests r JOIN tag_sets t ON t.id = r.tag_set_id"
        )
        #expect(rows == [[.integer(10), .integer(5), .real(1500), .text(#"{"team":"cx"}"#)]])
    }

    @Test func rejectsAMapToAnUnknownField() throws {
        let harness = try IngestHarness()
        #expect(
            throws: IngestError.invalidOption(
                "--map a=wibble: \"wibble\" is not a field of this kind of file; map to a field name, tag:NAME, or - to drop the column."
            )
        ) {
            try harness.ingestFixture("requests.csv", FileIngestOptions(columnMap: ["a": "wibble"]))
        }
    }

    @Test func neverTagsContentOrSecretsUnlessMapped() throws {
        let harness = try IngestHarness()
        let path = try harness.file(
            "log.csv",
            "timestamp,model,input_tokens,output_tokens,prompt,Response,api_key,team\n"
                + "2026-10-05T12:00:00Z,gpt-4o,10,5,my card number is 4111,sure,sk-abc,cx\n")
        let summary = try harness.ingest(path)
        #expect(summary.format.contains("prompt → dropped, Response → dropped, api_key → dropped, team → tag team"))
        #expect(try harness.values("SELECT key FROM tags") == [[.text("team")]])
        try harness.ingest(path, FileIngestOptions(columnMap: ["prompt": "tag:prompt"]))
        #expect(try harness.values("SELECT key FROM tags ORDER BY key").count == 3)
    }
}
