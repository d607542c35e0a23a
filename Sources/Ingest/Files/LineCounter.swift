/// Line numbers of positions in a document, counted forward once (positions arrive in order).
struct LineCounter {
    private let text: UnsafeRawBufferPointer?
    private var offset = 0
    private var line = 1

    init(text: UnsafeRawBufferPointer?) {
        self.text = text
    }

    mutating func line(at position: UnsafeRawPointer?) -> Int? {
        guard let text, let base = text.baseAddress, let position else { return nil }
        let target = base.distance(to: position)
        guard target >= offset, target <= text.count else { return nil }
        while offset < target {
            if text[offset] == 0x0A { line += 1 }
            offset += 1
        }
        return line
    }
}
