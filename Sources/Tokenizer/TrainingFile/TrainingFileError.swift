/// Why a training file could not be analysed at all (a malformed example is a
/// `Diagnostic` of a `TrainingIssueKind` instead, and the analysis goes on).
package enum TrainingFileError: Error, CustomStringConvertible, Sendable, Equatable {
    case missing(path: String)
    case unreadable(path: String)

    package var description: String {
        switch self {
        case .missing(let path):
            "There is no training file at \(path); give the path of a chat fine-tuning JSONL file."
        case .unreadable(let path):
            "The training file \(path) could not be read; check that it is a readable file."
        }
    }
}
