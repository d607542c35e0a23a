import Foundation
import TestSupport

/// The built `distill-roi` executable, run as a user would.
enum CLI {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    @discardableResult
    static func run(_ arguments: [String], environment: [String: String]? = nil, expectStatus: Int32 = 0) throws -> ExternalProgram.Result {
        let result = try ExternalProgram.run(PackageRoot.executable, arguments, environment: environment)
        guard result.status == expectStatus else {
            throw Failure(description: "distill-roi \(arguments.joined(separator: " ")) exited \(result.status): \(result.standardError)")
        }
        return result
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PackageRoot.executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
