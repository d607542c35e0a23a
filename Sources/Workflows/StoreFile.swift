import Foundation
import Store

/// Opens the database a reading command works on; a missing file is a one-line error that says
/// how to make one, instead of silently creating an empty database.
enum StoreFile {
    /// A database this process may not write (the file or its folder read-only) is opened read-only
    /// and immutable: reading it then leaves no `-shm` file behind, which SQLite would create with
    /// the file's read-only mode and so block every later ingest. Such a file is read as it is,
    /// without the migrations a writable one gets.
    static func openExisting(_ path: String) throws -> Database {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ApplicationError("no database at \(path); run `distill-roi demo` or `distill-roi ingest` first.")
        }
        let folder = (path as NSString).deletingLastPathComponent
        let writable = FileManager.default.isWritableFile(atPath: path)
            && FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder)
        guard !writable else { return try Database(path: path) }
        let database = try Database(path: path, migrate: false, readOnly: true)
        let version = try Migrator.standard.currentVersion(database)
        guard version == Migrator.standard.latestVersion else {
            throw ApplicationError(
                "\(path) is read-only and has schema version \(version), not \(Migrator.standard.latestVersion) as this "
                    + "distill-roi needs; make it and its folder writable once so it can be upgraded, or run the version that wrote it.")
        }
        return database
    }
}
