import ArgumentParser
import Foundation
import Ingest
import Render
import Tokenizer
import Workflows

extension BucketWidth: ExpressibleByArgument {}
extension TokenEncoding: ExpressibleByArgument {}
extension IngestOpenAICommand.Source: ExpressibleByArgument {}

/// `a,b,c`: one option value holding several elements, as `--format`, `--student` and
/// `--horizon-days` take them; blank elements are skipped, and one bad element rejects the value.
struct CommaSeparated<Element: ExpressibleByArgument>: ExpressibleByArgument {
    let elements: [Element]

    init?(argument: String) {
        var elements: [Element] = []
        for part in argument.split(separator: ",") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let element = Element(argument: trimmed) else { return nil }
            elements.append(element)
        }
        self.elements = elements
    }

    init(_ elements: [Element]) { self.elements = elements }

    var defaultValueDescription: String { elements.map { "\($0)" }.joined(separator: ",") }
}

extension ReportFormat: ExpressibleByArgument {
    package init?(argument: String) { self.init(name: argument) }
}

/// A horizon in days from go-live: 1 to 3650 (ten years).
struct HorizonDays: ExpressibleByArgument {
    let days: Int64

    init?(argument: String) {
        guard let days = Int64(argument), (1...3_650).contains(days) else { return nil }
        self.days = days
    }
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
