import Foundation

/// Finds a folder the tool ships (`templates/`, `pricing/`, the tokenizer's rank files): in the
/// working folder first, then installed beside the executable (`PREFIX/share/distill-roi/NAME` for
/// `PREFIX/bin/distill-roi`, as `make install` lays it out), then in the package the executable was
/// built in (walking up from `.build/release/distill-roi` to a folder holding `Package.swift`), so
/// an installed binary and one run from the build folder both work from any folder.
package enum PackageResource {
    /// Where `make install` puts what the tool reads, relative to the install prefix.
    package static let installedSubpath = "share/distill-roi"

    package static func directory(
        named name: String, workingDirectory: String = FileManager.default.currentDirectoryPath,
        executablePath: String? = Bundle.main.executablePath
    ) -> String? {
        let local = (workingDirectory as NSString).appendingPathComponent(name)
        if isDirectory(local) { return local }
        return shippedDirectory(named: name, executablePath: executablePath)
    }

    /// The installed folder, else the package's, whatever the working folder.
    package static func shippedDirectory(named name: String, executablePath: String? = Bundle.main.executablePath) -> String? {
        installedDirectory(named: name, executablePath: executablePath)
            ?? packagedDirectory(named: name, executablePath: executablePath)
    }

    /// `PREFIX/share/distill-roi/NAME` when the executable is `PREFIX/bin/distill-roi` and that folder exists.
    package static func installedDirectory(named name: String, executablePath: String? = Bundle.main.executablePath) -> String? {
        guard let candidate = installedPath(of: name, executablePath: executablePath), isDirectory(candidate) else { return nil }
        return candidate
    }

    /// Where `make install` would have put `name` for this executable, whether or not it is there.
    package static func installedPath(of name: String, executablePath: String? = Bundle.main.executablePath) -> String? {
        guard let executablePath else { return nil }
        let prefix = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent()
        return prefix.appendingPathComponent(installedSubpath).appendingPathComponent(name).path
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

    /// The tokenizer rank files the tool ships: installed (`share/distill-roi/tiktoken`), then the
    /// source package's `.cache/tiktoken`, for `TokenizerDataDirectory.resolve`.
    package static func tokenizerDataDirectories(executablePath: String? = Bundle.main.executablePath) -> [String] {
        [
            installedDirectory(named: "tiktoken", executablePath: executablePath),
            packagedDirectory(named: ".cache/tiktoken", executablePath: executablePath),
        ].compactMap { $0 }
    }

    /// What to tell a user whose binary finds no `name` folder: every place looked in, and the one
    /// command that installs it.
    package static func missingMessage(_ name: String, option: String, executablePath: String? = Bundle.main.executablePath) -> String {
        let installed = installedPath(of: name, executablePath: executablePath) ?? "PREFIX/\(installedSubpath)/\(name)"
        return "no \(name)/ folder found: looked in ./\(name), \(installed) and the source package of the executable. "
            + "Install it with `make install PREFIX=\(installPrefix(executablePath: executablePath))` from the distill-roi "
            + "source folder, or pass \(option) DIR."
    }

    /// The prefix `make install` would use for this executable: the folder above its `bin/`.
    static func installPrefix(executablePath: String?) -> String {
        guard let executablePath else { return "/usr/local" }
        return URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
