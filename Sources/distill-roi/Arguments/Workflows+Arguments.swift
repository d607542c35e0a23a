import ArgumentParser
import Ingest
import Render
import Tokenizer
import Workflows

extension BucketWidth: ExpressibleByArgument {}
extension TokenEncoding: ExpressibleByArgument {}
extension IngestOpenAICommand.Source: ExpressibleByArgument {}

/// `html,md,xlsx,json`: the formats a report is written in, comma-separated.
struct ReportFormatList: ExpressibleByArgument {
    let formats: [ReportFormat]

    init?(argument: String) {
        guard let formats = try? ReportFormat.parseList(argument) else { return nil }
        self.formats = formats
    }

    init(_ formats: [ReportFormat]) { self.formats = formats }

    var defaultValueDescription: String { formats.map(\.rawValue).joined(separator: ",") }
}

/// `auto`, or a whole number of epochs from 1 to 100.
extension EstimateCommand.Epochs: ExpressibleByArgument {
    package init?(argument: String) {
        if argument.lowercased() == "auto" {
            self = .auto
        } else if let count = Int64(argument), (1...100).contains(count) {
            self = .fixed(count)
        } else {
            return nil
        }
    }

    package var defaultValueDescription: String {
        switch self {
        case .auto: "auto"
        case .fixed(let count): "\(count)"
        }
    }
}

/// `30d` or `8w`: a retention window in days.
struct RetentionWindow: ExpressibleByArgument {
    let days: Int

    init?(argument: String) {
        let unit = argument.last
        guard let number = Int(argument.dropLast()), number > 0, unit == "d" || unit == "w" else { return nil }
        days = unit == "w" ? number * 7 : number
    }
}

/// `--kind`: a file kind, or `auto` (the default) to recognise it from the content.
enum FileKindOption: ExpressibleByArgument {
    case auto
    case kind(FileKind)

    init?(argument: String) {
        if argument == "auto" {
            self = .auto
        } else if let kind = FileKind(rawValue: argument) {
            self = .kind(kind)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { ["auto"] + FileKind.allCases.map(\.rawValue) }

    var defaultValueDescription: String { "auto" }

    var fileKind: FileKind? {
        if case .kind(let kind) = self { return kind }
        return nil
    }
}
