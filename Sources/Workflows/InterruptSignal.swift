import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C during an ingest: the first SIGINT lets the current transaction (one file, or one API
/// page) finish and commit, then the command stops, says what was saved and exits 130. A second
/// Ctrl-C kills at once; SQLite then rolls the unfinished transaction back, so the database never
/// holds half a file either way.
package enum InterruptSignal {
    static let received = Atomic<Bool>(false)

    /// The exit status shells use for a command ended by SIGINT (128 + 2).
    package static let exitCode: Int32 = 130

    package static var wasReceived: Bool { received.load(ordering: .relaxed) }

    package static func install() {
        // A parent may start us with SIGINT blocked (some process launchers do); unblock it so
        // Ctrl-C reaches the handler.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        signal(SIGINT) { _ in
            InterruptSignal.received.store(true, ordering: .relaxed)
            // Only async-signal-safe calls here: write(2) and signal(2).
            let message = "\ninterrupted: finishing the current transaction, then stopping (Ctrl-C again to kill)\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
            signal(SIGINT, SIG_DFL)
        }
    }
}
