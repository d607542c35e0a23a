import DistillCore

/// Why prices could not be loaded, resolved, converted or imported. Each description is a full
/// sentence naming the file (and line, where there is one) and what to do.
public enum PricingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A file or directory that could not be read.
    case unreadable(path: String, reason: String)
    /// One or more errors in catalog files; each diagnostic names file:line.
    case invalidCatalog([Diagnostic])
    /// No catalog directory was found where one was expected; `installCommand` puts one there.
    case catalogNotFound(searched: [String], installCommand: String)
    /// No dated currency rate covers a conversion.
    case noCurrencyRate(from: String, to: String, date: String)
    /// An import source that could not be converted.
    case importFailed(location: SourceLocation?, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "Cannot read \(path): \(reason)."
        case .invalidCatalog(let diagnostics):
            let errors = diagnostics.filter { $0.severity == .error }
            let lines = errors.map { "  " + $0.descriptionWithSeverity }.joined(separator: "\n")
            return "The price catalog has \(errors.count) error\(errors.count == 1 ? "" : "s"); fix them (see `distill-roi pricing check`):\n\(lines)"
        case .catalogNotFound(let searched, let installCommand):
            return "No price catalog found (looked in \(searched.joined(separator: ", "))); install it with `\(installCommand)` "
                + "from the distill-roi source folder, or pass --pricing DIR or set DISTILL_ROI_PRICING."
        case .noCurrencyRate(let from, let to, let date):
            return "No \(from)→\(to) rate dated on or before \(date) in the currency-rate files; add one (rate, date, source)."
        case .importFailed(let location, let reason):
            return "Cannot import \(location.map { "\($0)" } ?? "the file"): \(reason)."
        }
    }
}
