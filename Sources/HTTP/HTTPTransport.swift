/// The role of sending one request and returning the response as received: no retries, no
/// interpretation of the status. `CurlTransport` is the real one; tests may supply others.
package protocol HTTPTransport {
    /// Throws `HTTPError` for failures below HTTP (connection, timeout, TLS); any status, including
    /// 4xx and 5xx, is returned as a response.
    func send(_ request: HTTPRequest) throws -> HTTPResponse
}
