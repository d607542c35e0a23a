import DistillCore

/// The width of the usage API's time buckets (`bucket_width`): a day, the default, or an hour.
package enum BucketWidth: String, Sendable, CaseIterable {
    case day = "1d"
    case hour = "1h"

    package var seconds: Int64 { self == .day ? 86_400 : 3_600 }

    /// The API's maximum number of buckets per page for this width (31 days, 168 hours).
    var maximumPageSize: Int { self == .day ? 31 : 168 }

    /// The start of the bucket containing `time`: buckets are aligned to UTC midnight or the hour.
    func floor(_ time: Int64) -> Int64 { time.floorDivided(by: seconds) * seconds }
}
