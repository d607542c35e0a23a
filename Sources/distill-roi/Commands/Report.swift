import Analytics
import ArgumentParser
import DistillCore
import Reports
import Workflows

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the weekly ROI report or the finance month as HTML, Markdown, XLSX and JSON.",
        subcommands: [Weekly.self, Finance.self])

    struct Weekly: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The weekly ROI report: spend, savings, one-time costs, break-even, ROI, quality gate.",
            discussion: """
                Writes weekly-<WEEK>.{html,md,xlsx,json} into --out (Markdown charts as .svg beside it). \
                Teacher and student default to what the data shows (the newest succeeded fine-tuning \
                job with traffic, and the model whose outputs were stored for distillation); the report \
                says which it chose. Savings compare each use case's student requests with the \
                teacher's measured cost per request on the same use case (metadata key use_case).
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "ISO week, e.g. 2026-W48 (default: the latest week with data).")
        var week: ISOWeek?

        @Option(help: "First day of a custom period (with --to), e.g. 2026-11-01.")
        var from: UTCDate?

        @Option(help: "Last day of a custom period, inclusive.")
        var to: UTCDate?

        @Option(help: "The teacher model (default: inferred from the data).")
        var teacher: String?

        @Option(help: "The student model (default: the newest fine-tuned model with traffic).")
        var student: String?

        @OptionGroup var tags: TagFilterOptions

        @Option(name: .customLong("by"), help: "Also break costs down by this metadata key (repeatable).")
        var breakdownKeys: [String] = []

        @Option(
            help: ArgumentHelp(
                "Metadata pair marking teacher requests made to build the training set.", valueName: "key=value"))
        var distillationTag = WeeklyReportOptions.defaultDistillationTag

        @Option(
            name: .customLong("retirement-candidate"),
            help: ArgumentHelp(
                "When the student or teacher retires within 90 days: students to price re-distilling into, comma-separated (repeatable; default: every catalog entry with a training price).",
                valueName: "model"))
        var retirementCandidates: [CommaSeparated<String>] = []

        @OptionGroup var qualityGate: QualityGateOptions
        @OptionGroup var pricing: PricingOptions
        @OptionGroup var output: ReportOutputOptions

        func validate() throws {
            if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together.") }
            if let from, let to, from > to { throw ValidationError("--from must not be after --to.") }
        }

        var period: ReportPeriod {
            if let week { return .week(week) }
            if let from, let to { return .days(first: from, last: to) }
            return .latestWeek
        }

        func run() throws {
            try reportingErrors {
                var options = WeeklyReportOptions(
                    period: period, teacher: teacher, student: student, filters: tags.filters,
                    distillationTag: distillationTag, breakdownKeys: breakdownKeys,
                    marginPoints: qualityGate.margin)
                options.retirementCandidates = retirementCandidates.flatMap(\.elements)
                let paths = try WeeklyReportCommand.run(
                    databasePath: database.path, options: options, pricing: pricing.directories, output: output.settings)
                for path in paths { print(path) }
            }
        }
    }

    struct Finance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The finance month: computed cost by project or cost-centre tag, beside billed cost.",
            discussion: """
                Writes finance-<MONTH>.{xlsx,html,md,json} into --out. Billed cost comes from the \
                Costs API (ingest openai costs, or ingest file --kind billed-costs) and is shown beside \
                the computed cost with the difference per line, never added to it. Billed cost is per \
                project, so with --by TAG it appears as a total only.
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Calendar month, e.g. 2026-11 (default: the latest month with data).")
        var month: CalendarMonth?

        @Option(help: "Group by `project` or by a metadata key used as cost centre.")
        var by = "project"

        @OptionGroup var tags: TagFilterOptions
        @OptionGroup var pricing: PricingOptions
        @OptionGroup var output: ReportOutputOptions

        func run() throws {
            try reportingErrors {
                let options = FinanceReportOptions(month: month, groupBy: by, filters: tags.filters)
                let paths = try FinanceReportCommand.run(
                    databasePath: database.path, options: options, pricing: pricing.directories, output: output.settings)
                for path in paths { print(path) }
            }
        }
    }
}
