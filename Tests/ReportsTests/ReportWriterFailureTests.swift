import Foundation
import Testing
import TestSupport

@testable import Render
@testable import Reports

/// A format that cannot be written names its file and why, and the files written before it; the
/// lines libxlsxwriter prints itself never reach stderr raw.
@Suite struct ReportWriterFailureTests {
    @Test func aFailedFormatNamesTheFilesAlreadyWritten() throws {
        let folder = try TemporaryDirectory()
        let report = try HandWorkedScenario.weeklyReport(HandWorkedScenario.database(in: folder))
        let out = folder.path("out")
        // A folder where the workbook must go: the rename into place fails, as a full disk would.
        let blocked = (out as NSString).appendingPathComponent(AtomicFile.safeName(report.fileStem) + ".xlsx")
        try FileManager.default.createDirectory(atPath: blocked + "/in-the-way", withIntermediateDirectories: true)
        let writer = ReportWriter(
            outputDirectory: out, templates: TemplateSet(defaultDirectory: PackageRoot.path + "/templates"))
        let error = try #require(throws: RenderError.self) { try writer.write(report, formats: [.json, .xlsx]) }
        #expect(error.description.hasPrefix("cannot write \(blocked): "))
        #expect(error.description.contains("Written before it: \(out)/\(AtomicFile.safeName(report.fileStem)).json."))
        #expect(!error.description.contains("NSCocoaErrorDomain"))
    }

    @Test func anUnwritableOutputFolderSaysWhy() throws {
        let folder = try TemporaryDirectory()
        let report = try HandWorkedScenario.weeklyReport(HandWorkedScenario.database(in: folder))
        let file = try folder.write("a-file", "")
        let writer = ReportWriter(
            outputDirectory: file + "/reports", templates: TemplateSet(defaultDirectory: PackageRoot.path + "/templates"))
        let error = try #require(throws: RenderError.self) { try writer.write(report, formats: [.json]) }
        #expect(error.description == "cannot create the report folder \(file)/reports (at \(file)/reports): Not a directory; pass another --out.")
    }

    /// libxlsxwriter prints `[ERROR] workbook_close(): ...` itself when it cannot create the file;
    /// the capture takes it, and its text joins the error instead.
    @Test func libxlsxwriterMessagesAreCapturedIntoTheError() throws {
        let folder = try TemporaryDirectory()
        var sheet = Spreadsheet.Sheet(name: "S")
        sheet.set(0, 0, .text("x"))
        let error = try #require(throws: RenderError.self) {
            try XLSXWriter.write(Spreadsheet(sheets: [sheet]), to: folder.path("missing-folder/book.xlsx"))
        }
        #expect(error.description.contains("(libxlsxwriter: workbook_close()"), "\(error)")
        #expect(!error.description.contains("[ERROR]"))
    }

    /// What is written to descriptor 2 inside the capture is handed back, not printed.
    @Test func theCaptureTakesWhatIsWrittenToStandardError() throws {
        let (result, printed) = StandardErrorCapture.capturing { write(2, "[ERROR] boom\n", 13) }
        #expect(try result.get() == 13)
        #expect(printed == "[ERROR] boom\n")
    }
}
