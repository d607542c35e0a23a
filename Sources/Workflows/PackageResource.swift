import Foundation

/// Finds a folder the package ships (`templates/`, `pricing/`): in the working folder first, else
/// in the package the executable was built in (walking up from the executable to a folder holding
/// `Package.swift`), so `.build/release/distill-roi` works from any folder.
package enum PackageResource {
    package static func directory(
        named name: String, workingDirectory: String = FileManager.default.currentDirectoryPath,
        executablePath: String? = Bundle.main.executablePath
    ) -> String? {
        let local = (workingDirectory as NSString).appendingPathComponent(name)
        if isDirectory(local) { return local }
        return packagedDirectory(named: name, executablePath: executablePath)
    }

    /// The folder in the package the executable was built in, whatever the working folder.
    package static func packagedDirectory(named name: String, executablePath: String? = Bundle.main.executablePath) -> String? {
        guard let executablePath else { return nil }
        var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
                isDirectory(candidate)
            {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
