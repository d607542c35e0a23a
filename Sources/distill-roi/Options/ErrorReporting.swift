import ArgumentParser
import DistillCore
import Reports
import Workflows

/// Runs a command body, turning any error into one line on stderr and the right exit code.
///
/// The library's errors say what is wrong in the data; this is where they learn which flag fixes
/// it. `ApplicationError` carries its own code (2 for "not built yet", 3 for unpriced); a report
/// period without requests exits `emptyPeriodExitCode` (4), so a cron job can tell "nothing to
/// report" from a failure; a missing input is a usage error (64); every other error exits 1. Messages never include secrets: errors
/// are built without them.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ApplicationError {
        StandardError.write("error: \(shown(error))\n")
        throw ExitCode(error.exitCode)
    } catch let error as ReportError {
        StandardError.write("error: \(message(for: error))\n")
        throw ExitCode(exitCode(for: error))
    } catch let error as EstimateTrafficError {
        StandardError.write("error: \(message(for: error))\n")
        throw ExitCode(exitCode(for: error))
    } catch let error as ExitCode {
        throw error
    } catch {
        StandardError.write("error: \(shown(error))\n")
        throw ExitCode(1)
    }
}

/// An error from a library as the terminal may show it: each line an excerpt (`String.excerpt`), so
/// no path through the code can echo a whole input line or raw binary.
func shown(_ error: Error) -> String {
    "\(error)".split(separator: "\n", omittingEmptySubsequences: false)
        .map { String($0).excerpt(limit: 5 * String.excerptLimit) }.joined(separator: "\n")
}

/// What the user can do about a report that cannot be built.
func message(for error: ReportError) -> String {
    switch error {
    case .noUsage:
        "the database holds no usage yet: ingest files or run `distill-roi demo` first."
    case .emptyPeriod:
        "\(error.description). Pick a period with --week or --from/--to, or pass --allow-empty to write the empty report."
    case .tagsMatchNothing:
        "\(error.description): check the --tag key and value (they match exactly)."
    case .unknownModel(let role, _, _):
        "\(error.description). Check --\(role)."
    case .teacherUnknown:
        "cannot tell which model is the teacher: pass --teacher MODEL."
    case .noDailyVolume:
        "the estimate needs a daily volume of at least one request (--daily-requests or --volume-from-db)."
    case .noCandidates:
        "give at least one candidate with --student MODEL[,MODEL...]."
    case .noTrainingFigures:
        "the estimate needs the training file's figures."
    case .teacherUnpriced(let reason):
        "the teacher cannot be priced, so nothing can be compared: \(reason)."
    case .oneTimeCostUnusable(let label, let reason):
        "the one-time cost \"\(label)\" cannot be counted in USD: \(reason) (currency rates live in the --pricing folder)."
    }
}

func exitCode(for error: ReportError) -> Int32 {
    switch error {
    case .noCandidates: 64
    case .emptyPeriod: emptyPeriodExitCode
    case .unknownModel, .tagsMatchNothing: 64
    case .noUsage, .teacherUnknown, .noDailyVolume, .noTrainingFigures, .teacherUnpriced,
        .oneTimeCostUnusable:
        1
    }
}

/// The exit code of a report whose period holds no requests: distinct, and named in `--help`.
let emptyPeriodExitCode: Int32 = 4

/// Which options describe the traffic an estimate is for.
func message(for error: EstimateTrafficError) -> String {
    switch error {
    case .missing:
        "say how much traffic the student would take: --daily-requests N --input-tokens N --output-tokens N, or --volume-from-db."
    case .givenTwice:
        "give either --volume-from-db or --daily-requests with --input-tokens and --output-tokens, not both."
    case .invalid:
        "--daily-requests must be positive, token counts not negative, and --cached-input-tokens at most --input-tokens."
    case .noDatabase(let path):
        "--volume-from-db needs a database, and there is none at \(path); ingest usage first or pass --db."
    case .nothingMeasured(let path, let teacher, let days, let filters):
        "the database at \(path) has no traffic of \(teacher) in its last \(days) days"
            + (filters.isEmpty ? "" : " tagged \(filters.map(\.description).joined(separator: ", ")); check --tag")
            + "; pass --daily-requests, --input-tokens and --output-tokens instead."
    }
}

func exitCode(for error: EstimateTrafficError) -> Int32 {
    switch error {
    case .missing, .givenTwice, .invalid: 64
    case .noDatabase, .nothingMeasured: 1
    }
}
