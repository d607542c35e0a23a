import Foundation
import Testing
import TestSupport
import Tokenizer

@testable import Workflows

/// Where a binary finds what it reads: the working folder, then `PREFIX/share/distill-roi` beside
/// `PREFIX/bin/distill-roi`, then the source package it was built in.
@Suite struct PackageResourceTests {
    /// A fake install: PREFIX/bin/distill-roi (an empty file stands for the binary) and the share folder.
    static func installedLayout(in folder: TemporaryDirectory, with names: [String]) throws -> String {
        let executable = try folder.write("prefix/bin/distill-roi", "")
        for name in names {
            try FileManager.default.createDirectory(
                atPath: folder.path("prefix/share/distill-roi/\(name)"), withIntermediateDirectories: true)
        }
        return executable
    }

    @Test func anInstalledBinaryFindsItsShareFolder() throws {
        let folder = try TemporaryDirectory()
        let executable = try Self.installedLayout(in: folder, with: ["templates", "pricing"])
        let elsewhere = folder.path("elsewhere")
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        #expect(
            PackageResource.directory(named: "templates", workingDirectory: elsewhere, executablePath: executable)
                == folder.path("prefix/share/distill-roi/templates"))
        #expect(
            try PricingLocation.directories(extra: ["mine"], environment: [:], workingDirectory: elsewhere, executablePath: executable)
                == [folder.path("prefix/share/distill-roi/pricing"), "mine"])
    }

    /// A binary copied alone finds nothing and says where it looked and the one command to run.
    @Test func aBinaryCopiedAloneSaysWhatIsMissingAndHowToInstallIt() throws {
        let folder = try TemporaryDirectory()
        let executable = try folder.write("alone/bin/distill-roi", "")
        let error = #expect(throws: (any Error).self) {
            try PricingLocation.directories(extra: [], environment: [:], workingDirectory: folder.path("alone"), executablePath: executable)
        }
        let text = "\(error.map { "\($0)" } ?? "")"
        #expect(text.contains(folder.path("alone/share/distill-roi/pricing")), "\(text)")
        #expect(text.contains("`make install PREFIX=\(folder.path("alone"))`"), "\(text)")
        let templates = PackageResource.missingMessage("templates", option: "--templates", executablePath: executable)
        #expect(templates.contains(folder.path("alone/share/distill-roi/templates")))
        #expect(templates.contains("`make install PREFIX=\(folder.path("alone"))`"))
    }

    @Test func tokenizerDataComesFromTheUserCacheThenTheShippedFolders() throws {
        let folder = try TemporaryDirectory()
        let work = folder.path("work")
        let shipped = folder.path("share/tiktoken")
        for path in [work, shipped] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        // No user cache yet: the shipped folder.
        let environment = ["XDG_CACHE_HOME": folder.path("cache"), "HOME": folder.path("home")]
        #expect(
            TokenizerDataDirectory.resolve(environment: environment, currentDirectory: work, shippedDirectories: [shipped]).path
                == shipped)
        // The XDG cache, once it exists, wins over what is shipped.
        try FileManager.default.createDirectory(atPath: folder.path("cache/distill-roi/tiktoken"), withIntermediateDirectories: true)
        #expect(
            TokenizerDataDirectory.resolve(environment: environment, currentDirectory: work, shippedDirectories: [shipped]).path
                == folder.path("cache/distill-roi/tiktoken"))
        // Without XDG_CACHE_HOME the cache is ~/.cache; with nothing anywhere, that is where the error points.
        #expect(
            TokenizerDataDirectory.resolve(environment: ["HOME": folder.path("home")], currentDirectory: work).path
                == folder.path("home/.cache/distill-roi/tiktoken"))
    }
}
