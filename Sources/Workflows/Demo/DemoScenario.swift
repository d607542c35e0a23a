import DistillCore

/// The story the demo tells, in a fixed present (Monday 2026-12-07): a current teacher (gpt-5.2)
/// serves three use cases; its outputs for `support` are stored with `purpose=distillation`, a
/// gpt-4o-mini student is fine-tuned on them, evaluated against the teacher and its base model on
/// the same 200 items, and takes over most `support` traffic from the go-live date. That student
/// dies with its base on 2027-01-14, and OpenAI takes no new fine-tuning jobs from 2027-01-06, so
/// in the last week the team evaluates an open-weight student on a provider on the same items and
/// sends it a canary share of `support`: the migration the weekly report's retirement section
/// prices. An older student, a gpt-4.1-mini fine-tune for `extract` live since the third week,
/// makes it a program of two students. Dates are fixed, so the committed demo reports never change.
struct DemoScenario: Sendable {
    static let teacher = "gpt-5.2-2025-12-11"
    static let baseStudent = "gpt-4o-mini-2024-07-18"
    static let student = "ft:gpt-4o-mini-2024-07-18:acme:support:AbC123"
    static let fineTuningJobID = "ftjob-DemoAbC123"
    /// The program's first student: `extract`, distilled from the same teacher (named in its job's
    /// metadata), live two weeks before the support student and shutting down with it.
    static let extractBase = "gpt-4.1-mini-2025-04-14"
    static let extractStudent = "ft:gpt-4.1-mini-2025-04-14:acme:extract:XyZ789"
    static let extractJobID = "ftjob-DemoXyZ789"
    /// The open-weight student the team migrates to: a LoRA of Together's Llama 3.1 8B, served
    /// serverless at the base's per-token price and logged under the base's id
    /// (`pricing/together.yaml`).
    static let openWeightStudent = "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"
    /// The folder beside the shipped catalog with the self-hosted example student, a further way
    /// forward the reports price when it is found.
    static let examplesCatalog = "examples"

    let requests: Int
    let seed: UInt64
    /// The first day of the history (a Monday); the history lasts `weeks` ISO weeks.
    let start: UTCDate
    let weeks: Int

    var days: Int { weeks * 7 }
    var end: UTCDate { start.adding(days: days) }
    /// The student takes traffic from the Monday halfway through.
    var goLive: UTCDate { start.adding(days: (weeks / 2) * 7) }
    /// Teacher outputs are collected for training during the first two weeks.
    var distillationEnds: UTCDate { start.adding(days: 14) }
    var fineTuningCreated: Int64 { start.adding(days: 14).unixSeconds + 10 * 3600 }
    var fineTuningFinished: Int64 { fineTuningCreated + 2 * 3600 + 15 * 60 }
    var evaluationTime: Int64 { start.adding(days: 21).unixSeconds + 12 * 3600 }
    static let evaluationItems = 200
    static let epochs: Int64 = 3

    /// The open-weight student is evaluated and takes a canary share in the last week.
    var canaryStart: UTCDate { end.adding(days: -7) }
    var canaryEvaluationTime: Int64 { canaryStart.unixSeconds + 12 * 3600 }

    /// The extract student goes live on the third Monday; its job ran the Friday before.
    var extractGoLive: UTCDate { start.adding(days: 14) }
    var extractFineTuningCreated: Int64 { extractGoLive.adding(days: -3).unixSeconds + 9 * 3600 }
    var extractFineTuningFinished: Int64 { extractFineTuningCreated + 1 * 3600 + 40 * 60 }

    /// The student serving `useCase`, its go-live day and the day its training data stopped being
    /// collected (its job's day); nil for a use case the teacher serves alone.
    func student(for useCase: UseCase) -> (model: String, goLive: UTCDate, distillationEnds: UTCDate)? {
        switch useCase.name {
        case "support": return (Self.student, goLive, distillationEnds)
        case "extract": return (Self.extractStudent, extractGoLive, extractGoLive.adding(days: -3))
        default: return nil
        }
    }

    /// Share of a use case's requests its student serves on a day: half in its first week, then most.
    func studentShare(of useCase: UseCase, on day: UTCDate) -> Double {
        guard let live = student(for: useCase)?.goLive, day >= live else { return 0 }
        return day < live.adding(days: 7) ? 0.5 : 0.85
    }

    /// Share of the student's `support` requests sent to the open-weight canary instead.
    func canaryShare(on day: UTCDate) -> Double { day < canaryStart ? 0 : 0.1 }

    struct UseCase: Sendable {
        let name: String
        let project: String
        let weight: Double
        /// Median prompt and completion tokens on the teacher; the student needs no long
        /// instructions, so its prompt is shorter.
        let teacherPrompt: Double
        let studentPrompt: Double
        let completion: Double
        /// Share of the teacher's requests sent through the Batch API.
        let batchShare: Double
    }

    static let useCases = [
        UseCase(name: "support", project: "proj_support", weight: 0.5, teacherPrompt: 1400, studentPrompt: 450,
                completion: 220, batchShare: 0),
        UseCase(name: "summarize", project: "proj_content", weight: 0.3, teacherPrompt: 2500, studentPrompt: 0,
                completion: 300, batchShare: 0),
        UseCase(name: "extract", project: "proj_content", weight: 0.2, teacherPrompt: 800, studentPrompt: 300,
                completion: 120, batchShare: 0.25),
    ]

    /// Requests per day: weekdays busier than weekends, traffic growing 1% a day. Counts are
    /// apportioned by largest remainder so they sum to `requests` exactly.
    func requestsPerDay() -> [Int] {
        let weights = (0..<days).map { offset -> Double in
            let weekday = start.adding(days: offset).isoWeekday
            return (weekday >= 6 ? 0.45 : 1.0) * (1 + 0.01 * Double(offset))
        }
        let total = weights.reduce(0, +)
        let exact = weights.map { $0 / total * Double(requests) }
        var counts = exact.map { Int($0) }
        let remainder = requests - counts.reduce(0, +)
        let order = exact.indices.sorted { (exact[$0] - Double(counts[$0]), $1) > (exact[$1] - Double(counts[$1]), $0) }
        for index in order.prefix(remainder) { counts[index] += 1 }
        return counts
    }
}
