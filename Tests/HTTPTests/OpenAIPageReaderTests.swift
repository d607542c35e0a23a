import Testing

@testable import Ingest

/// What an API page must carry beyond what the shared readers need from a file.
@Suite struct OpenAIPageReaderTests {
    static let bucket = #"{"object": "bucket", "start_time": 1793577600, "end_time": 1793664000, "results": []}"#

    @Test(arguments: [
        (#"{"object": "list", "data": [], "last_id": null, "has_more": false}"#, "first_id", "is missing"),
        (#"{"object": "list", "data": [], "first_id": null, "has_more": false}"#, "last_id", "is missing"),
        (#"{"object": "list", "data": [], "first_id": null, "last_id": null}"#, "has_more", "is missing"),
        (#"{"object": "list", "data": [], "first_id": null, "last_id": null, "has_more": "no"}"#, "has_more", "must be true or false, found a string"),
        (#"{"object": "page", "data": [], "first_id": null, "last_id": null, "has_more": false}"#, "object", #"must be "list", found "page""#),
        (#"{"object": "list", "data": {}, "first_id": null, "last_id": null, "has_more": false}"#, "data", "must be an array, found an object"),
        (#"{"object": "list", "data": [{"object": "chat.completion", "id": "c1", "created": 1793577600, "model": "m", "usage": {"prompt_tokens": -1, "completion_tokens": 1}}], "first_id": "c1", "last_id": "c1", "has_more": false}"#, "data[0].usage.prompt_tokens", nil),
    ])
    func completionsPagesNeedTheirEnvelope(body: String, field: String, problem: String?) throws {
        let error = try #require(throws: OpenAIIngestError.self) { try OpenAIPageReader.completions(Array(body.utf8)) }
        guard case .unexpectedResponse(.completions, let actualField, let actualProblem) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(actualField == field)
        if let problem { #expect(actualProblem == problem) }
    }

    @Test(arguments: [
        (#"{"object": "page", "data": [], "has_more": false}"#, "next_page", "is missing"),
        (#"{"object": "page", "data": [{"object": "bucket", "start_time": 1793577600, "end_time": 1793664000}], "has_more": false, "next_page": null}"#, "data[0].results", "must be an array"),
        (#"{"object": "page", "data": [{"object": "day", "start_time": 1793577600, "end_time": 1793664000, "results": []}], "has_more": false, "next_page": null}"#, "data[0].object", #"must be "bucket", found "day""#),
        (#"{"object": "page", "data": [{"object": "bucket", "start_time": 1793577600, "end_time": 1793664000, "results": [{"object": "organization.usage.completions.result", "input_tokens": 10, "num_model_requests": 1}]}], "has_more": false, "next_page": null}"#, "data[0].results[0].output_tokens", "is missing"),
        ("{\"object\": \"page\", \"data\": [", nil, nil),
    ])
    func usagePagesNeedTheirEnvelope(body: String, field: String?, problem: String?) throws {
        let error = try #require(throws: OpenAIIngestError.self) { try OpenAIPageReader.usage(Array(body.utf8)) }
        guard case .unexpectedResponse(.usage, let actualField, let actualProblem) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(actualField == field)
        if let problem { #expect(actualProblem == problem) }
    }

    @Test func emptyBucketsStillMoveTheCursor() throws {
        let body = #"{"object": "page", "data": [\#(Self.bucket)], "has_more": true, "next_page": "page_2"}"#
        let page = try OpenAIPageReader.costs(Array(body.utf8))
        #expect(page.records.isEmpty)
        #expect(page.bucketEnds == [1_793_664_000])
        #expect(page.hasMore && page.next == "page_2")
    }

    @Test func fineTuningPagesContinueAfterTheirLastJob() throws {
        let job = #"{"object": "fine_tuning.job", "id": "ftjob-1", "model": "gpt-4o-mini", "created_at": 1793577600, "status": "running"}"#
        let page = try OpenAIPageReader.fineTuningJobs(Array(#"{"object": "list", "data": [\#(job)], "has_more": true}"#.utf8))
        #expect(page.next == "ftjob-1")
        #expect(throws: OpenAIIngestError.self) { try OpenAIPageReader.fineTuningJobs(Array(#"{"object": "list", "data": []}"#.utf8)) }
    }
}
