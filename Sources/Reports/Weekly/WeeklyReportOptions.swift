import Analytics
import DistillCore

/// What `distill-roi report weekly` was asked for.
public struct WeeklyReportOptions: Sendable {
    public var range: DayRange
    public var label: String
    public var teacher: String?
    public var student: String?
    public var filters: [TagFilter]
    /// Teacher requests made to build the training set: a one-time cost, not traffic.
    public var distillationTag: TagFilter
    /// Requests made by evaluation runs: a one-time cost, not traffic.
    public var evaluationTag: TagFilter
    /// The metadata key naming a use case: savings compare teacher and student per use case.
    public var useCaseKey: String
    /// Extra metadata keys to break costs down by (`--by`).
    public var breakdownKeys: [String]
    public var marginPoints: Double
    public var horizonMonths: [Int]

    public init(
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
