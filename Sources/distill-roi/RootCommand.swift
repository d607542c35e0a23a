import ArgumentParser

@main
struct RootCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distill-roi",
        abstract: "Does distilling a large model into a small fine-tuned one pay off, and when? In money.",
        discussion: """
            distill-roi ingests usage, latency and evaluation scores into a SQLite file, prices every \
            request from the dated tables in pricing/, and writes weekly ROI, finance and \
            before-fine-tuning reports as HTML, Markdown, XLSX and JSON.

            The database is --db PATH, else $DISTILL_ROI_DB, else ./distill-roi.sqlite. \
            Start with `distill-roi demo` to see every report on a synthetic history.
            """,
        version: "0.1.0",
        subcommands: [
            Demo.self, Ingest.self, Pricing.self, Estimate.self, Report.self, Dataset.self, Prune.self, DB.self, Tokens.self,
        ])
}
