import Foundation

/// LibreOffice headless as the spreadsheet engine that checks our workbooks: it opens the .xlsx,
/// recalculates every formula (the profile below sets "recalculate on load: always" for OOXML,
/// which is otherwise "never"), and exports each sheet to CSV.
package enum LibreOffice {
    /// Sheet name → rows of cells as LibreOffice displays them after recalculation.
    package static func recalculatedSheets(of xlsx: String, workFolder: String) throws -> [String: [[String]]] {
        let profile = workFolder + "/lo-profile"
        let settings = profile + "/user"
        try FileManager.default.createDirectory(atPath: settings, withIntermediateDirectories: true)
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            </oor:items>
            """.write(toFile: settings + "/registrymodifications.xcu", atomically: true, encoding: .utf8)
        let output = workFolder + "/csv"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        // Filter options: comma, double quote, UTF-8, from line 1, ..., sheet -1 = every sheet
        // into <name>-<Sheet>.csv (LibreOffice 7.2 and later).
        let result = try ExternalProgram.run(
            try ExternalProgram.locate("soffice"),
            [
                "-env:UserInstallation=file://\(profile)", "--headless", "--norestore", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", output, xlsx,
            ])
        let stem = URL(fileURLWithPath: xlsx).deletingPathExtension().lastPathComponent
        var sheets: [String: [[String]]] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: output) where file.hasPrefix(stem + "-") && file.hasSuffix(".csv") {
            let sheet = String(file.dropFirst(stem.count + 1).dropLast(4))
            let text = try String(contentsOfFile: output + "/" + file, encoding: .utf8)
            sheets[sheet] = CSVText.rows(text)
        }
        guard !sheets.isEmpty else {
            throw ExternalProgram.Failure(description: "LibreOffice produced no CSV for \(xlsx): \(result.standardError)")
        }
        return sheets
    }
}

/// A small RFC 4180 reader for checking exported CSV in tests.
package enum CSVText {
    package static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { field.append(character) }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\n", "\r\n":
                row.append(field); rows.append(row); row = []; field = ""
            case "\r": break
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
