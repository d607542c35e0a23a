import Foundation
import Store

/// Opens the database a reading command works on; a missing file is a one-line error that says
/// how to make one, instead of silently creating an empty database.
enum StoreFile {
    static func openExisting(_ path: String) throws -> Database {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ApplicationError("no database at \(path); run `distill-roi demo` or `distill-roi ingest` first.")
        }
        return try Database(path: path)
    }
}
