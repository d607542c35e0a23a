import Ingest
import Store

// Splits the cost of ingesting chat.completion JSON Lines: parsing alone (no store), then the
// whole FileIngester into a fresh SQLite file. Run by Benchmarks/scripts/bench-ingest.sh; not a test.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CPU seconds this process has used on all its threads (the ingest parses on one and writes on
/// another), whatever else the machine runs.
func cpuSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// Parses every line with `CompletionObjectReader`, reading the file in 4 MiB blocks.
func parseOnly(_ path: String) throws -> (records: Int, bytes: Int) {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw IngestError.unreadable(path: path, reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var reader = CompletionObjectReader()
    var buffer = [UInt8](repeating: 0, count: 4 << 20)
    var carried = 0
    var records = 0
    var bytes = 0
    while true {
        let count = buffer.withUnsafeMutableBytes { all in
            all.baseAddress.map { read(descriptor, $0 + carried, all.count - carried) } ?? 0
        }
        guard count > 0 else { break }
        bytes += count
        let end = carried + count
        var start = 0
        try buffer.withUnsafeBytes { all in
            for index in 0..<end where all[index] == 0x0A {
                _ = try reader.record(from: UnsafeRawBufferPointer(rebasing: all[start..<index]))
                records += 1
                start = index + 1
            }
        }
        carried = end - start
        buffer.withUnsafeMutableBytes { all in
            if carried > 0, let base = all.baseAddress { memmove(base, base + start, carried) }
        }
    }
    return (records, bytes)
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    print("usage: ingest-benchmark COMPLETIONS.jsonl SCRATCH.sqlite")
    exit(2)
}
let parseStart = cpuSeconds()
let parsed = try parseOnly(arguments[1])
let parseSeconds = cpuSeconds() - parseStart
print(
    "parse only     \(parsed.records) records in \((parseSeconds * 100).rounded() / 100) s CPU -> "
        + "\(Int(Double(parsed.records) / parseSeconds)) records/s, \(Int(Double(parsed.bytes) / parseSeconds / 1e6)) MB/s"
)

let database = try Database(path: arguments[2])
let ingestStart = cpuSeconds()
let summary = try FileIngester(database: database, options: FileIngestOptions(kind: .completions)).ingest(
    path: arguments[1])
let ingestSeconds = cpuSeconds() - ingestStart
let records = summary.totals.inserted + summary.totals.updated + summary.totals.unchanged
print(
    "into SQLite    \(records) records in \((ingestSeconds * 100).rounded() / 100) s CPU -> "
        + "\(Int(Double(records) / ingestSeconds)) records/s")
