import Testing

@testable import Render
@testable import Reports

/// File names built from data (a cost-centre key, a model name, a label) cannot leave `--out`.
@Suite struct FileNameSafetyTests {
    @Test(arguments: [
        ("finance-2026-11-by-../../etc/passwd", "finance-2026-11-by-.._.._etc_passwd"),
        ("../escape", "_escape"),
        ("/absolute", "_absolute"),
        ("nul\u{0}byte", "nul_byte"),
        ("ft:gpt-4o-mini-2024-07-18:acme:support:AbC123", "ft_gpt-4o-mini-2024-07-18_acme_support_AbC123"),
        ("...", "report"),
    ])
    func namesStayInTheOutputFolder(raw: String, safe: String) {
        let name = AtomicFile.safeName(raw)
        #expect(name == safe)
        #expect(!name.contains("/") && !name.hasPrefix(".") && !name.contains("\u{0}"))
    }
}
