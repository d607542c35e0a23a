/// What the callbacks collect during one transfer; passed to libcurl as unretained userdata while
/// `send` keeps it alive.
final class CurlResponseSink {
    let limit: Int
    var body: [UInt8] = []
    var headers = HTTPHeaders()
    var exceededLimit = false

    init(limit: Int) { self.limit = limit }

    func appendBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard body.count + bytes.count <= limit else {
            exceededLimit = true
            return 0
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    /// A status line starts a new header block (after a `100 Continue` or a proxy's CONNECT
    /// answer), so only the final response's headers are kept.
    func appendHeaderLine(_ line: String) {
        if line.hasPrefix("HTTP/") {
            headers = HTTPHeaders()
        } else if let field = HTTPHeaders.parseLine(line) {
            headers.append(name: field.name, value: field.value)
        }
    }
}
