import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tmpfs of a few megabytes, mounted for one test so that writes fill a disk for real.
///
/// `mount(2)` needs `CAP_SYS_ADMIN` (root, or root in a container that grants it); `mounted`
/// returns nil where it is not permitted. The test unmounts it when done (`defer`).
struct SmallFileSystem {
    let path: String

    static func mounted(at path: String, megabytes: Int) throws -> SmallFileSystem? {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let status = "size=\(megabytes)m,mode=0700".withCString { options in
            mount("tmpfs", path, "tmpfs", 0, options)
        }
        return status == 0 ? SmallFileSystem(path: path) : nil
    }

    /// Detaches the mount at once; the kernel frees it when the last open file on it closes.
    func unmount() {
        umount2(path, Int32(MNT_DETACH))
    }

    func path(_ name: String) -> String { path + "/" + name }
}
