import Analytics
import ArgumentParser
import Workflows

struct Dataset: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn stored teacher completions into a chat fine-tuning file.",
        subcommands: [Build.self])

    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the stored requests matching the filters as chat fine-tuning JSONL.",
            discussion: """
                Reads the message content kept by `ingest ... --store-content` (a Chat Completion \
                logged with its request as {"request": {"messages": [...]}, ...}, a Response with \
                its input and output, OpenAI's stored completions, a Batch output with its \
                --batch-input file, LiteLLM logs, Langfuse generations) and writes each request's messages followed by the stored \
                answer as the final assistant message, tool calls included. Failed, refused and \
                truncated answers, requests without stored messages and exact duplicate prompts are \
                left out and counted. The summary gives the training file's exact token counts and \
                cookbook checks, the same as `estimate --training-file`.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var tags: TagFilterOptions

        @Option(help: ArgumentHelp("The training file to write (JSON Lines).", valueName: "path"))
        var out: String

        @Option(help: ArgumentHelp("Share of the examples (0 to 1) written to --holdout-out instead.", valueName: "fraction"))
        var holdout: Double?

        @Option(name: .customLong("holdout-out"), help: ArgumentHelp("The holdout file to write.", valueName: "path"))
        var holdoutOut: String?

        @Option(help: "The most examples to write, training and holdout together.")
        var max: Int?

        @Option(
            name: .customLong("balance-by"),
            help: ArgumentHelp("Cap each value of this metadata key at the smallest value's count.", valueName: "key"))
        var balanceBy: String?

        @Option(help: "Seed of the shuffle that picks the capped, --max and holdout examples.")
        var seed: UInt64 = 0

        @Option(help: "Only requests from this date or time on.")
        var since: Instant?

        @Option(help: "Only requests before this date or time (exclusive).")
        var until: Instant?

        @Option(help: "Only requests made with this model (the teacher); its tokenizer counts the file.")
        var model: String?

        @Flag(help: "Mask e-mail addresses, phone numbers and key-shaped strings in the written examples.")
        var redact = false

        @Option(help: "Candidate students whose training cost on the file to show, comma-separated (repeatable).")
        var student: [CommaSeparated<String>] = []

        @OptionGroup var pricing: PricingOptions

        func validate() throws {
            if let holdout, !(holdout > 0 && holdout < 1) {
                throw ValidationError("--holdout must be a fraction between 0 and 1 (exclusive), such as 0.1.")
            }
            if (holdout == nil) != (holdoutOut == nil) {
                throw ValidationError("--holdout and --holdout-out go together: give both or neither.")
            }
            if let max, max < 1 { throw ValidationError("--max must be 1 or more.") }
            if let since, let until, since.unixSeconds >= until.unixSeconds {
                throw ValidationError("--since must be before --until.")
            }
            if let holdoutOut, holdoutOut == out { throw ValidationError("--holdout-out must not be the --out file.") }
        }

        func run() throws {
            try reportingErrors {
                var options = DatasetBuildCommand.Options(databasePath: database.path, output: out)
                options.filter = StoredContentQuery.Filter(
                    tags: tags.filters, since: since?.unixSeconds, until: until?.unixSeconds, model: model, groupKey: balanceBy)
                options.holdoutFraction = holdout ?? 0
                options.holdoutOutput = holdoutOut
                options.maximum = max
                options.seed = seed
                options.redact = redact
                options.students = student.flatMap(\.elements)
                options.pricing = pricing.directories
                print(try DatasetBuildCommand.run(options).text, terminator: "")
            }
        }
    }
}
