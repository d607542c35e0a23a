#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension UTCDate {
    /// The current day in UTC, from the system clock: what "last week" and the default report
    /// period count from.
    public static var today: UTCDate { UTCDate(unixSeconds: Int64(time(nil))) }
}
