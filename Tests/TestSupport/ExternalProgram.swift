import Foundation

/// Runs a real program the tests check against (LibreOffice, Chromium, sqlite3, python3) and
/// returns its output. A missing program is a test failure with the install hint, never a skip:
/// `make test` installs them.
package enum ExternalProgram {
    package struct Result: Sendable {
        package let status: Int32
        package let standardOutput: String
        package let standardError: String
    }

    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    package static func locate(_ name: String) throws -> String {
        for folder in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
            return "\(folder)/\(name)"
        }
        throw Failure(description: "\(name) is not installed: run `make test`, which installs the programs the tests use.")
    }

    private final class DataBox: @unchecked Sendable {
        var data = Data()
    }

    @discardableResult
    package static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, currentDirectory: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : try locate(executable))
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Drain stderr on another thread while reading stdout, so a chatty program cannot fill
        // one pipe and stall.
        let errorBox = DataBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorBox.data = error.fileHandleForReading.readDataToEndOfFile() }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errorText = String(decoding: errorBox.data, as: UTF8.self)
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: errorText)
    }
}
