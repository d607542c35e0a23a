import Analytics
import DistillCore
import Statistics

/// What `distill-roi report weekly` was asked for.
package struct WeeklyReportOptions: Sendable {
    package var period: ReportPeriod
    package var teacher: String?
    package var student: String?
    package var filters: [TagFilter]
    /// Teacher requests made to build the training set: a one-time cost, not traffic.
    package var distillationTag: TagFilter
    /// Requests made by evaluation runs: a one-time cost, not traffic.
    package var evaluationTag: TagFilter
    /// The metadata key naming a use case: savings compare teacher and student per use case.
    package var useCaseKey: String
    /// Extra metadata keys to break costs down by (`--by`).
    package var breakdownKeys: [String]
    package var marginPoints: Double
    package var horizonMonths: [Int]
    /// A period without a single request is an error unless this is set (`--allow-empty`).
    package var allowEmpty: Bool
    /// The day `--week last` and the default period count from: the current UTC day, or a fixed
    /// day where output must not depend on when it runs (the demo, tests).
    package var today: UTCDate
    /// A student or teacher retiring within this many days of the period's end gets the retirement section.
    package var retirementWindowDays: Int64 = 90
    /// The students a retiring one could be re-distilled into; empty: every catalog entry with a training price.
    package var retirementCandidates: [String] = []
    /// Further students that have no fine-tuning job in the store (a provider's or a self-hosted
    /// model), reported in the program beside the fine-tuned ones (`--also-student`).
    package var otherStudents: [String] = []

    package init(
        period: ReportPeriod = .latestWeek, teacher: String? = nil, student: String? = nil, filters: [TagFilter] = [],
        distillationTag: TagFilter = Self.defaultDistillationTag,
        evaluationTag: TagFilter = TagFilter(key: "purpose", value: "evaluation"), useCaseKey: String = "use_case",
        breakdownKeys: [String] = [], marginPoints: Double = PairedComparison.defaultMarginPoints, horizonMonths: [Int] = [3, 6, 12],
        allowEmpty: Bool = false, today: UTCDate = .today
    ) {
        self.period = period
        self.teacher = teacher
        self.student = student
        self.filters = filters
        self.distillationTag = distillationTag
        self.evaluationTag = evaluationTag
        self.useCaseKey = useCaseKey
        self.breakdownKeys = breakdownKeys
        self.marginPoints = marginPoints
        self.horizonMonths = horizonMonths
        self.allowEmpty = allowEmpty
        self.today = today
    }

    /// The pair applications put on requests made to build a training set.
    package static let defaultDistillationTag = TagFilter(key: "purpose", value: "distillation")

    var oneTimeTags: [TagFilter] { [distillationTag, evaluationTag] }
}
