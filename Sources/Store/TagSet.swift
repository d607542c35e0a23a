import DistillCore

/// Metadata as a canonical JSON object: keys sorted, so equal sets always produce equal text.
public enum TagSet {
    public static func canonicalJSON(_ tags: [String: String]) -> String {
        JSONText.sortedStringObject(tags)
    }
}
