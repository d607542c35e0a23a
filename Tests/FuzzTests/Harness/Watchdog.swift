import Foundation

/// Aborts the process when one input runs past the limit, after saying which: the only way to turn
/// an infinite loop into a failure that names its input.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var current: (label: String, started: Date)?
    private var stopped = false

    init(limit: Double) {
        Thread.detachNewThread {
            while !self.isStopped {
                if let (label, started) = self.running, Date().timeIntervalSince(started) > limit {
                    FileHandle.standardError.write(Data("FUZZ HANG: \(label) ran over \(limit) s\n".utf8))
                    abort()
                }
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
    }

    private var isStopped: Bool { lock.withLock { stopped } }
    private var running: (String, Date)? { lock.withLock { current } }

    func begin(_ label: String) { lock.withLock { current = (label, Date()) } }
    func end() { lock.withLock { current = nil } }
    func stop() { lock.withLock { stopped = true } }
}
