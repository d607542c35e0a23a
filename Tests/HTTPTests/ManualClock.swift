import HTTP
import Ingest

/// A clock that records each wait instead of sleeping, and moves its time forward by it.
final class ManualClock: RetryClock {
    var current: Double
    private(set) var sleeps: [Double] = []

    init(now: Double = 1_793_577_600) { current = now }

    func now() -> Double { current }

    func sleep(seconds: Double) {
        sleeps.append(seconds)
        current += seconds
    }
}
