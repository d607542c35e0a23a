import ArgumentParser
import DistillCore

/// The shared vocabulary, read straight from the command line: an unparsable value is a usage
/// error (exit 64) naming the option, before any command runs.
extension ISOWeek: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// `--week`: an ISO week, or `last` for the last complete ISO week before today.
enum WeekArgument: ExpressibleByArgument, Equatable {
    case last
    case week(ISOWeek)

    init?(argument: String) {
        if argument == "last" {
            self = .last
        } else if let week = ISOWeek(argument) {
            self = .week(week)
        } else {
            return nil
        }
    }
}

extension UTCDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

extension CalendarMonth: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension KeyValuePair: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// A date (midnight UTC) or an ISO 8601 time, as `--at`, `--since` and `--until` take it.
struct Instant: ExpressibleByArgument {
    let unixSeconds: Int64

    init?(argument: String) {
        guard let seconds = Timestamp.parse(argument) else { return nil }
        unixSeconds = seconds
    }
}
