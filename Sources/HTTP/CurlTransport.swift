import DistillCurl

/// The one owner of a libcurl easy handle, and the only Swift code that imports libcurl.
///
/// One handle serves every request of a run, so libcurl reuses the TCP/TLS connection and its DNS
/// cache between pages: `curl_easy_reset` clears the options before each request but, per its
/// documentation, keeps "live connections, the Session ID cache, the DNS cache". Not thread-safe,
/// like the handle itself ("never share the same handle in multiple threads", libcurl-thread(3)).
///
/// TLS peer and host verification stay on, against libcurl's default CA bundle. Proxies come from
/// the standard environment variables libcurl reads itself (`http_proxy`, `https_proxy`,
/// `all_proxy`, `no_proxy`; see CURLOPT_PROXY). Redirects are not followed, so a credential header
/// is never replayed to another host.
package final class CurlTransport: HTTPTransport {
    package let timeouts: HTTPTimeouts
    /// A body past this size aborts the transfer: a page is never allowed to exhaust memory.
    package let maximumBodyBytes: Int
    private let handle: UnsafeMutableRawPointer
    /// CURLOPT_ERRORBUFFER: libcurl writes a detailed message here ("Operation timed out after
    /// 1000 milliseconds with 0 bytes received"), more useful than `curl_easy_strerror`'s generic one.
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// `curl_global_init` must run once before any other libcurl call and is not thread-safe in
    /// older libcurl versions; a static let is initialised exactly once, atomically.
    private static let globalInitCode: UInt32 = distill_curl_global_init().rawValue

    package init(timeouts: HTTPTimeouts = HTTPTimeouts(), maximumBodyBytes: Int = 64 << 20) throws {
        guard Self.globalInitCode == CURLE_OK.rawValue else {
            throw HTTPError.transferFailed(
                url: "(none)", reason: "libcurl failed to initialise (curl error \(Self.globalInitCode))")
        }
        guard let handle = curl_easy_init() else {
            throw HTTPError.transferFailed(url: "(none)", reason: "libcurl could not create an easy handle")
        }
        self.handle = handle
        self.timeouts = timeouts
        self.maximumBodyBytes = maximumBodyBytes
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        self.errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    package func send(_ request: HTTPRequest) throws -> HTTPResponse {
        let url = request.displayURL
        for header in request.headers {
            let text = header.name + header.value
            guard !header.name.isEmpty, !text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else {
                throw HTTPError.invalidRequest(url: url, reason: "the header \(header.name) contains a line break")
            }
        }
        let sink = CurlResponseSink(limit: maximumBodyBytes)
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for header in request.headers {
            guard let appended = curl_slist_append(headerList, "\(header.name): \(header.value)") else {
                throw HTTPError.transferFailed(url: url, reason: "libcurl could not allocate the header list")
            }
            headerList = appended
        }

        curl_easy_reset(handle)
        errorBuffer[0] = 0
        let userdata = Unmanaged.passUnretained(sink).toOpaque()
        try withExtendedLifetime(sink) {
            try setOption(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer), url: url)
            try setOption(CURLOPT_URL, string: request.fullURL, url: url)
            try setOption(CURLOPT_HTTPGET, 1, url: url)
            try setOption(CURLOPT_HTTPHEADER, list: headerList, url: url)
            try setOption(CURLOPT_PROTOCOLS_STR, string: "http,https", url: url)
            try setOption(CURLOPT_FOLLOWLOCATION, 0, url: url)
            // Required wherever several threads use libcurl, and for timeouts to work without
            // SIGALRM in the synchronous resolver (CURLOPT_NOSIGNAL).
            try setOption(CURLOPT_NOSIGNAL, 1, url: url)
            try setOption(CURLOPT_CONNECTTIMEOUT_MS, Int(timeouts.connectSeconds * 1000), url: url)
            try setOption(CURLOPT_TIMEOUT_MS, Int(timeouts.totalSeconds * 1000), url: url)
            try setOption(CURLOPT_SSL_VERIFYPEER, 1, url: url)
            try setOption(CURLOPT_SSL_VERIFYHOST, 2, url: url)
            try setOption(CURLOPT_TCP_KEEPALIVE, 1, url: url)
            // An empty string offers every encoding this libcurl decodes (CURLOPT_ACCEPT_ENCODING).
            try setOption(CURLOPT_ACCEPT_ENCODING, string: "", url: url)
            try setOption(CURLOPT_USERAGENT, string: "distill-roi/0.1", url: url)
            try setOption(CURLOPT_WRITEFUNCTION, callback: Self.receiveBody, url: url)
            try setOption(CURLOPT_WRITEDATA, pointer: userdata, url: url)
            try setOption(CURLOPT_HEADERFUNCTION, callback: Self.receiveHeader, url: url)
            try setOption(CURLOPT_HEADERDATA, pointer: userdata, url: url)

            let code = curl_easy_perform(handle)
            guard code == CURLE_OK else { throw error(for: code, sink: sink, url: url) }
        }
        var status = 0
        let infoCode = distill_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        guard infoCode == CURLE_OK else { throw error(for: infoCode, sink: sink, url: url) }
        return HTTPResponse(status: status, headers: sink.headers, body: sink.body)
    }

    // MARK: Typed setopt wrappers

    private func setOption(_ option: CURLoption, _ value: Int, url: String) throws {
        try check(distill_curl_setopt_long(handle, option, value), url: url)
    }

    private func setOption(_ option: CURLoption, string value: String, url: String) throws {
        // libcurl copies string options (CURLOPT_URL and the rest, since 7.17.0).
        try check(distill_curl_setopt_string(handle, option, value), url: url)
    }

    private func setOption(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?, url: String) throws {
        try check(distill_curl_setopt_pointer(handle, option, value), url: url)
    }

    /// The list is not copied (CURLOPT_HTTPHEADER): it must outlive `curl_easy_perform`.
    private func setOption(_ option: CURLoption, list value: UnsafeMutablePointer<curl_slist>?, url: String) throws {
        try check(distill_curl_setopt_slist(handle, option, value), url: url)
    }

    private func setOption(_ option: CURLoption, callback value: distill_curl_data_callback, url: String) throws {
        try check(distill_curl_setopt_callback(handle, option, value), url: url)
    }

    private func check(_ code: CURLcode, url: String) throws {
        guard code == CURLE_OK else {
            throw HTTPError.invalidRequest(url: url, reason: "libcurl rejected an option: \(message(for: code))")
        }
    }

    // MARK: Errors

    /// Sorts libcurl's result codes (libcurl-errors(3)) into the cases a caller acts on.
    private func error(for code: CURLcode, sink: CurlResponseSink, url: String) -> HTTPError {
        let reason = message(for: code)
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut(url: url, reason: reason, attempts: 1)
        case CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_WEIRD_SERVER_REPLY,
            CURLE_HTTP2, CURLE_PARTIAL_FILE, CURLE_SSL_CONNECT_ERROR, CURLE_GOT_NOTHING, CURLE_SEND_ERROR,
            CURLE_RECV_ERROR, CURLE_HTTP2_STREAM:
            return .connectionFailed(url: url, reason: reason, attempts: 1)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return .invalidRequest(url: url, reason: reason)
        case CURLE_WRITE_ERROR where sink.exceededLimit:
            return .responseTooLarge(url: url, limit: maximumBodyBytes)
        default:
            return .transferFailed(url: url, reason: reason)
        }
    }

    private func message(for code: CURLcode) -> String {
        let detail = String(cString: errorBuffer).trimmingSpaces()
        let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        return "\(text) (curl error \(code.rawValue))"
    }

    // MARK: Callbacks

    /// CURLOPT_WRITEFUNCTION: returning fewer bytes than given makes libcurl abort with
    /// CURLE_WRITE_ERROR, which is how the body limit stops a transfer.
    private static let receiveBody: distill_curl_data_callback = { data, size, count, userdata in
        guard let data, let userdata else { return 0 }
        let sink = Unmanaged<CurlResponseSink>.fromOpaque(userdata).takeUnretainedValue()
        return sink.appendBody(UnsafeRawBufferPointer(start: data, count: size * count))
    }

    /// CURLOPT_HEADERFUNCTION: called once per complete header line, status line included.
    private static let receiveHeader: distill_curl_data_callback = { data, size, count, userdata in
        guard let data, let userdata else { return 0 }
        let sink = Unmanaged<CurlResponseSink>.fromOpaque(userdata).takeUnretainedValue()
        sink.appendHeaderLine(String(decoding: UnsafeRawBufferPointer(start: data, count: size * count), as: UTF8.self))
        return size * count
    }
}
