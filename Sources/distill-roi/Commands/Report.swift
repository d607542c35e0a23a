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
                teacher's measured cost per request on the same use case (metadata key use_case). \
                Without a student yet (no fine-tune with traffic) it is a baseline report: spend, \
                models, latency, failures and where a student would go. With several students (every \
                succeeded fine-tune with traffic, and --also-student) it adds the program: its totals \
                and each student against its own teacher, with its own one-time costs; a retrained \
                version replaces the older one from its go-live.

                The default period suits a weekly cron job: the latest week with data, except the \
                week still under way, so a Monday run reports the week that just ended. A period \
                without requests exits with code \(emptyPeriodExitCode) (naming the period and the \
                data's first and last day) unless --allow-empty is given; an unknown --teacher or \
                --student, or a --tag that matches nothing, exits 64.
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(
            help: ArgumentHelp(
                "ISO week, e.g. 2026-W48, or `last` for the last complete week (default: the latest complete week with data).",
                valueName: "week"))
        var week: WeekArgument?

        @Option(help: "First day of a custom period (with --to), e.g. 2026-11-01.")
        var from: UTCDate?

        @Option(help: "Last day of a custom period, inclusive.")
        var to: UTCDate?

        @Option(help: "The teacher model (default: inferred from the data).")
        var teacher: String?

        @Option(help: "The student shown in detail (default: the newest fine-tuned model with traffic).")
        var student: String?

        @Option(
            name: .customLong("also-student"),
            help: ArgumentHelp(
                "Further students without a fine-tuning job in the database (a provider's or a self-hosted model), comma-separated (repeatable); every succeeded fine-tune with traffic is one already.",
                valueName: "model"))
        var otherStudents: [CommaSeparated<String>] = []

        @OptionGroup var tags: TagFilterOptions

        @Option(name: .customLong("by"), help: "Also break costs down by this metadata key (repeatable).")
        var breakdownKeys: [String] = []

        @Option(
            help: ArgumentHelp(
                "Metadata pair marking teacher requests made to build the training set.", valueName: "key=value"))
        var distillationTag = WeeklyReportOptions.defaultDistillationTag

        @Flag(help: "Write the report even when the period holds no requests (otherwise exit \(emptyPeriodExitCode)).")
        var allowEmpty = false
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
            if week != nil, from != nil || to != nil {
                throw ValidationError("--week and --from/--to name two periods: give one of them.")
            }
            if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together.") }
            if let from, let to, from > to { throw ValidationError("--from must not be after --to.") }
        }

        var period: ReportPeriod {
            switch week {
            case .last: return .lastCompleteWeek
            case .week(let week): return .week(week)
            case nil: break
            }
            if let from, let to { return .days(first: from, last: to) }
            return .latestWeek
        }

        func run() throws {
            try reportingErrors {
                var options = WeeklyReportOptions(
                    period: period, teacher: teacher, student: student, filters: tags.filters,
                    distillationTag: distillationTag, breakdownKeys: breakdownKeys,
                    marginPoints: qualityGate.margin, allowEmpty: allowEmpty)
                options.retirementCandidates = retirementCandidates.flatMap(\.elements)
                options.otherStudents = otherStudents.flatMap(\.elements)
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
