/// Where the database lives: `--db PATH`, else `DISTILL_ROI_DB`, else `distill-roi.sqlite` in the
/// working folder.
package enum DatabaseLocation {
    package static let environmentVariable = "DISTILL_ROI_DB"
    package static let defaultFileName = "distill-roi.sqlite"

    package static func resolve(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let value = environment[environmentVariable], !value.isEmpty { return value }
        return defaultFileName
    }
}
