import ArgumentParser
import Tokenizer
import Workflows

struct Tokens: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exact token counts, the same as tiktoken's, for checking our training-cost figures.",
        subcommands: [Count.self])

    struct Count: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the token count of a text as a bare number (or its ids with --ids).",
            discussion: """
                The text is read as raw UTF-8 bytes, with no special tokens and no normalisation; \
                invalid UTF-8 sequences count as U+FFFD, as Python's errors="replace" decodes them. \
                The rank files come from `make tokenizer-data` (.cache/tiktoken under the working \
                folder, or $DISTILL_ROI_TOKENIZER_DATA); nothing is downloaded at run time.
                """)

        @Option(help: "o200k_base (gpt-4o, gpt-4.1, o-series, gpt-5) or cl100k_base (gpt-4, gpt-3.5).")
        var encoding = TokenEncoding.o200kBase

        @Flag(help: "Print the token ids, space-separated on one line, instead of the count.")
        var ids = false

        @Argument(help: "The text file to read; - or nothing reads standard input.")
        var file: String?

        func run() throws {
            try reportingErrors {
                print(try TokensCountCommand.run(encoding: encoding, path: file, printIDs: ids), terminator: "")
            }
        }
    }
}
