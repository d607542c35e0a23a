import Analytics
import DistillCore

/// What `distill-roi report weekly` was asked for.
package struct WeeklyReportOptions: Sendable {
    package var range: DayRange
    package var label: String
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

    package init(
        range: DayRange, label: String, teacher: String? = nil, student: String? = nil, filters: [TagFilter] = [],
        distillationTag: TagFilter = TagFilter(key: "purpose", value: "distillation"),
        evaluationTag: TagFilter = TagFilter(key: "purpose", value: "evaluation"), useCaseKey: String = "use_case",
        breakdownKeys: [String] = [], marginPoints: Double = 2, horizonMonths: [Int] = [3, 6, 12]
    ) {
        self.range = range
        self.label = label
        self.teacher = teacher
        self.student = student
        self.filters = filters
        self.distillationTag = distillationTag
        self.evaluationTag = evaluationTag
        self.useCaseKey = useCaseKey
        self.breakdownKeys = breakdownKeys
        self.marginPoints = marginPoints
        self.horizonMonths = horizonMonths
    }

    var oneTimeTags: [TagFilter] { [distillationTag, evaluationTag] }
}
