import ArgumentParser
import Workflows
import Foundation

/// Runs a command body, turning any error into one line on stderr and the right exit code.
///
/// `ApplicationError` carries its own code (2 for "not built yet", 3 for unpriced); every other
/// error exits 1. Messages never include secrets: errors are built without them.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ApplicationError {
        StandardError.write("error: \(error.description)\n")
        throw ExitCode(error.exitCode)
    } catch let error as ExitCode {
        throw error
    } catch {
        StandardError.write("error: \(error)\n")
        throw ExitCode(1)
    }
}
