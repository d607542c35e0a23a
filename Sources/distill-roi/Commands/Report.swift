import ArgumentParser
import Workflows

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the weekly ROI report or the finance month as HTML, Markdown, XLSX and JSON.",
        subcommands: [Weekly.self, Finance.self])

    struct Weekly: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The weekly ROI report: spend, savings, one-time costs, break-even, ROI, quality gate.",
            discussion: """
                Writes weekly-<WEEK>.{html,md,xlsx,json} into --out (Markdown charts as .svg beside it).
                Teacher and student default to what the data shows (the newest succeeded fine-tuning
                job with traffic, and the model whose outputs were stored for distillation); the report
                says which it chose. Savings compare each use case's student requests with the
                teacher's measured cost per request on the same use case (metadata key use_case).
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "ISO week, e.g. 2026-W48 (default: the latest week with data).")
        var week: String?

        @Option(help: "First day of a custom period (with --to), e.g. 2026-11-01.")
        var from: String?

        @Option(help: "Last day of a custom period, inclusive.")
        var to: String?

        @Option(help: "The teacher model (default: inferred from the data).")
        var teacher: String?

        @Option(help: "The student model (default: the newest fine-tuned model with traffic).")
        var student: String?

        @Option(name: .customLong("tag"), help: "Only requests with this metadata pair, key=value (repeatable).")
        var tags: [String] = []

        @Option(name: .customLong("by"), help: "Also break costs down by this metadata key (repeatable).")
        var breakdownKeys: [String] = []

        @Option(help: "Metadata pair marking teacher requests made to build the training set.")
        var distillationTag = "purpose=distillation"

        @Option(help: "Non-inferiority margin of the quality gate, in score points (0-100).")
        var margin = 2.0

        @OptionGroup var output: ReportOutputOptions

        func run() throws {
            try reportingErrors {
                var options = WeeklyReportCommand.Options(databasePath: database.path)
                options.week = week
                options.from = from
                options.to = to
                options.teacher = teacher
                options.student = student
                options.tags = tags
                options.breakdownKeys = breakdownKeys
                options.distillationTag = distillationTag
                options.marginPoints = margin
                options.output = output.settings
                for path in try WeeklyReportCommand.run(options) { print(path) }
            }
        }
    }

    struct Finance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The finance month: computed cost by project or cost-centre tag, beside billed cost.",
            discussion: """
                Writes finance-<MONTH>.{xlsx,html,md,json} into --out. Billed cost comes from the
                Costs API (ingest openai costs, or ingest file --kind billed-costs) and is shown beside
                the computed cost with the difference per line, never added to it. Billed cost is per
                project, so with --by TAG it appears as a total only.
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Calendar month, e.g. 2026-11 (default: the latest month with data).")
        var month: String?

        @Option(help: "Group by `project` or by a metadata key used as cost centre.")
        var by = "project"

        @Option(name: .customLong("tag"), help: "Only requests with this metadata pair, key=value (repeatable).")
        var tags: [String] = []

        @OptionGroup var output: ReportOutputOptions

        func run() throws {
            try reportingErrors {
                var options = FinanceReportCommand.Options(databasePath: database.path)
                options.month = month
                options.groupBy = by
                options.tags = tags
                options.output = output.settings
                for path in try FinanceReportCommand.run(options) { print(path) }
            }
        }
    }
}
