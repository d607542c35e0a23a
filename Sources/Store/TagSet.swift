import DistillCore

/// Metadata as a canonical JSON object: keys sorted, so equal sets always produce equal text.
package enum TagSet {
    package static func canonicalJSON(_ tags: [String: String]) -> String {
        JSONText.sortedStringObject(tags)
    }
}
