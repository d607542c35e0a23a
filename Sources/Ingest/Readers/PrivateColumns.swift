/// Columns that hold message content or secrets: never made tags by default, only when mapped
/// explicitly, because content is stored only with `--store-content` and tags appear in reports.
enum PrivateColumns {
    /// Normalised names (see `ColumnResolver.normalise`).
    static let names: Set<String> = [
        "input", "output", "messages", "message", "prompt", "prompts", "response", "responses", "completion",
        "content", "request", "requestbody", "responsebody", "proxyserverrequest", "systemprompt", "apikey",
        "apikeyhash", "authorization", "secret", "password", "accesstoken", "userapikey", "userapikeyhash",
        "instructions", "tools", "toolcalls", "functions", "systeminstructions",
    ]
}
