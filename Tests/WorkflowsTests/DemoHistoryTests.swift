import DistillCore
import Foundation
import Testing
import TestSupport

@testable import Workflows

@Suite struct DemoHistoryTests {
    private func emit(seed: UInt64, requests: Int = 3_000, into folder: TemporaryDirectory, _ name: String) throws -> [String: Data] {
        let options = DemoCommand.Options(requests: requests, seed: seed)
        let paths = try DemoCommand.emit(options, to: folder.path(name))
        var contents: [String: Data] = [:]
        for path in paths { contents[URL(fileURLWithPath: path).lastPathComponent] = FileManager.default.contents(atPath: path) }
        return contents
    }

    @Test func sameSeedGivesIdenticalFiles() throws {
        let folder = try TemporaryDirectory()
        let first = try emit(seed: 7, into: folder, "a")
        let second = try emit(seed: 7, into: folder, "b")
        let other = try emit(seed: 8, into: folder, "c")
        #expect(first.count == 5)
        #expect(first == second)
        #expect(first["completions.jsonl"] != other["completions.jsonl"])
    }

    @Test func requestsPerDaySumToTheRequestedCountAndFollowTheWeek() {
        let scenario = DemoScenario(requests: 20_000, seed: 1, start: DemoCommand.Options.defaultStart, weeks: 8)
        let perDay = scenario.requestsPerDay()
        #expect(perDay.count == 56)
        #expect(perDay.reduce(0, +) == 20_000)
        // Day 0 is a Monday, day 5 a Saturday: weekends carry less than half a weekday's traffic.
        #expect(Double(perDay[5]) < 0.5 * Double(perDay[4]))
        #expect(perDay[7] > perDay[0])
    }

    @Test func historyTellsTheDistillationStory() throws {
        let folder = try TemporaryDirectory()
        let files = try emit(seed: 42, into: folder, "a")
        let completions = String(decoding: try #require(files["completions.jsonl"]), as: UTF8.self)
        let lines = completions.split(separator: "\n")
        let student = lines.filter { $0.contains(#""model":"ft:gpt-4o-mini-2024-07-18:acme:support:AbC123""#) }
        let goLive = DemoCommand.Options.defaultStart.adding(days: 28).unixSeconds
        // The student serves traffic only from go-live, except its evaluation calls.
        let early = student.filter { line in
            !line.contains(#""purpose":"evaluation""#) && createdAt(line) < goLive
        }
        #expect(!student.isEmpty)
        #expect(early.isEmpty)
        #expect(lines.contains { $0.contains(#""purpose":"distillation""#) })
        // Teacher, base, fine-tuned and open-weight students each answer the 200 items.
        #expect(lines.filter { $0.contains(#""purpose":"evaluation""#) }.count == 800)
        // The open-weight student serves a canary share of support only in the last week.
        let canary = lines.filter { $0.contains(#""model":"meta-llama/Meta-Llama-3.1-8B-Instruct-Reference""#) && !$0.contains(#""purpose":"evaluation""#) }
        let lastWeek = DemoCommand.Options.today.adding(days: -7).unixSeconds
        #expect(!canary.isEmpty && canary.allSatisfy { createdAt($0) >= lastWeek })
        let log = String(decoding: try #require(files["requests.csv"]), as: UTF8.self)
        #expect(log.split(separator: "\n").contains { $0.hasSuffix(",error,support") || $0.contains(",error,") })
        let scores = String(decoding: try #require(files["eval-scores.jsonl"]), as: UTF8.self)
        #expect(scores.split(separator: "\n").count == 800)
    }

    private func createdAt(_ line: Substring) -> Int64 {
        guard let range = line.range(of: #""created":"#) else { return 0 }
        return Int64(line[range.upperBound...].prefix { $0.isNumber }) ?? 0
    }

    @Test(arguments: [(0.83, "0.83"), (1.0, "1"), (0.705, "0.705"), (0.0, "0"), (0.0999, "0.1")])
    func formatsScoresWithoutLocale(value: Double, expected: String) {
        #expect(DemoHistoryWriter.decimal(value) == expected)
    }
}
