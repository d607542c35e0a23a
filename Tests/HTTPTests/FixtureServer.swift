import Foundation
import Ingest
import Testing
import TestSupport

/// The loopback OpenAI stand-in (`Server/openai_fixture_server.py`), one process per test.
///
/// The script binds a port the kernel picks and prints it; it exits when its stdin closes, so a
/// test that crashes never leaves a server behind.
final class FixtureServer {
    static let apiKey = "sk-proj-FIXTUREKEY0000distillroi"
    static let adminKey = "sk-admin-FIXTUREADMIN1111distillroi"
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Server/openai_fixture_server.py").path

    struct Fault: Encodable, Sendable, CustomTestStringConvertible {
        var path: String
        var after = 0
        var times = 1
        var kind: String
        var status: Int?
        var headers: [String: String]?
        var delay: Double?
        var drop: String?

        var testDescription: String { "\(kind) \(status.map(String.init) ?? "") \(headers ?? [:]) ×\(times)" }

        static func status(_ status: Int, on path: String, after: Int = 0, times: Int = 1, headers: [String: String]? = nil) -> Fault {
            Fault(path: path, after: after, times: times, kind: "status", status: status, headers: headers)
        }

        static func kind(_ kind: String, on path: String, after: Int = 0, times: Int = 1, delay: Double? = nil, drop: String? = nil) -> Fault {
            Fault(path: path, after: after, times: times, kind: kind, delay: delay, drop: drop)
        }
    }

    struct LoggedRequest: Decodable {
        let path: String
        let query: [[String]]
        let auth: String
        let organization: String?
        let project: String?

        func values(_ name: String) -> [String] { query.filter { $0.first == name }.map { $0.count > 1 ? $0[1] : "" } }
        func value(_ name: String) -> String? { values(name).first }
    }

    let port: Int
    let logPath: String
    private let process = Process()
    private let input = Pipe()

    let scheme: String

    init(
        in directory: TemporaryDirectory, faults: [Fault] = [], organization: String? = nil, project: String? = nil,
        tls: Bool = false
    ) throws {
        let folder = "server-\(UUID().uuidString)"
        try directory.write("\(folder)/faults.json", String(decoding: try JSONEncoder().encode(faults), as: UTF8.self))
        logPath = directory.path("\(folder)/requests.jsonl")
        let faultsPath = directory.path("\(folder)/faults.json")
        var arguments = [
            "python3", Self.script, "--api-key", Self.apiKey, "--admin-key", Self.adminKey, "--faults", faultsPath,
            "--log", logPath,
        ]
        if let organization { arguments += ["--organization", organization] }
        if let project { arguments += ["--project", project] }
        if tls { arguments.append("--tls") }
        scheme = tls ? "https" : "http"
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw FixtureServerError.noPort(String(decoding: line, as: UTF8.self))
        }
        self.port = port
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    var baseURL: String { "\(scheme)://127.0.0.1:\(port)/v1" }

    func url(_ path: String) -> String { baseURL + path }

    func requests() throws -> [LoggedRequest] {
        guard FileManager.default.fileExists(atPath: logPath) else { return [] }
        let text = try String(contentsOfFile: logPath, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(LoggedRequest.self, from: Data($0.utf8)) }
    }

    func requests(to path: String) throws -> [LoggedRequest] {
        try requests().filter { $0.path == "/v1" + path }
    }
}

enum FixtureServerError: Error {
    case noPort(String)
}
