import CostModel
import DistillCore
import Statistics

extension WeeklyReport {
    /// One student of the distillation program, measured against its own teacher on its own use
    /// cases: the figures the report's headline shows for its student in detail, for each of them.
    package struct StudentFigures: Sendable {
        package var model: String
        /// Its teacher, base, go-live and effective shutdown (the earlier of the catalog's date and
        /// the day a newer student took over its use cases), and why they were chosen.
        package var roles: Roles
        /// The use-case tag values of its traffic, sorted.
        package var useCases: [String]
        /// The catalog's shutdown date of the student (or its base), if any.
        package var catalogShutdown: UTCDate?
        /// The newer student (a retrained version) that took over every one of its use cases.
        package var replacedBy: String?
        package var replacedOn: UTCDate?
        package var headline: Headline
        /// The newest paired comparison of the student against its teacher, nil without eval runs of both.
        package var comparison: PairedComparison?
        /// The student the rest of the report (quality gate, retirement, workbook formulas) follows.
        package var isDetailed: Bool
        /// Set when the student (not replaced) shuts down within the retirement window.
        package var retirement: StudentRetirement?
    }

    /// What a student's shutdown costs; its ways forward are the retirement section of a report
    /// run with `--student` naming it.
    package struct StudentRetirement: Sendable {
        package var shutdown: UTCDate
        /// Days from the period's end to the shutdown; 0 when it has already happened.
        package var daysLeft: Int64
        package var cost: RetirementCost
    }

    /// The whole program in one place: what every student saved against what every student cost.
    /// Shared one-time costs (owned by no single student) count here only, never twice.
    package struct Program: Sendable {
        package var spend: Money
        /// The same traffic with every student request served by its teacher.
        package var teacherOnlyCost: Money
        package var savings: Money
        package var studentRequests: Int64
        package var savingsSinceGoLive: Money
        /// Every student's one-time cost, replaced versions included.
        package var studentsOneTimeCost: Money
        package var shared: OneTimeCost
        /// `studentsOneTimeCost` + `shared`.
        package var oneTimeCost: Money
        /// (Savings since go-live − one-time cost) ÷ one-time cost; nil without a one-time cost.
        package var returnToDate: Double?
        package var breakEven: BreakEvenStatus
    }
}
