import DistillCore
import Store

/// Reads a one-time costs file: what a distillation program paid once, outside metered API calls
/// (data labelling, engineering time, evaluation runs elsewhere), one line per item.
///
/// Columns (matched like request-log columns, ignoring case, `_`, `-`, `.` and spaces): `date`
/// (`YYYY-MM-DD`, or an ISO time whose UTC day counts), `kind`, `amount` (plain decimal text, kept
/// exactly), `currency` (an ISO 4217 code; USD when the column or cell is empty), `note`, and `tags`
/// (`key=value` pairs separated by `;` or spaces). Every other column is a tag too, named after it,
/// except columns that hold content or secrets (`PrivateColumns`).
/// Non-USD amounts are converted when a report uses them, at the catalog's rate for the item's day.
struct OneTimeCostsReader {
    enum Field: String, CaseIterable, Hashable {
        case date, kind, amount, currency, note, tags

        static let aliases: [String: Field] = {
            var table: [String: Field] = [:]
            let extra: [Field: [String]] = [
                .date: ["date", "day", "spentat", "incurredon"],
                .kind: ["kind", "category", "type"],
                .amount: ["amount", "cost"],
                .currency: ["currency"],
                .note: ["note", "notes", "description", "memo"],
                .tags: ["tags", "labels"],
            ]
            for field in allCases {
                table[field.rawValue] = field
                for alias in extra[field] ?? [] { table[alias] = field }
            }
            return table
        }()
    }

    /// Whether a header names a one-time costs file: a date, a kind and an amount.
    static func matches(normalisedColumns names: Set<String>) -> Bool {
        let fields = Set(names.compactMap { Field.aliases[$0] })
        return fields.isSuperset(of: [.date, .kind, .amount])
    }

    /// How each column is read, for the ingest summary.
    static func describe(columns: [String]) -> String {
        columns.map { name in
            let normalised = ColumnResolver<Field>.normalise(name)
            if let field = Field.aliases[normalised] { return "\(name) → \(field.rawValue)" }
            return PrivateColumns.names.contains(normalised) ? "\(name) → dropped" : "\(name) → tag \(name)"
        }.joined(separator: ", ")
    }

    func read(_ row: TabularRow, emit: Emit) throws {
        var cells: [Field: String] = [:]
        var tags: [String: String] = [:]
        for (name, value) in zip(row.names, row.values) {
            guard let value, !value.trimmingSpaces().isEmpty else { continue }
            let normalised = ColumnResolver<Field>.normalise(name)
            if let field = Field.aliases[normalised] {
                cells[field] = value.trimmingSpaces()
            } else if !PrivateColumns.names.contains(normalised) {
                tags[name] = value
            }
        }
        guard let date = cells[.date] else { throw IngestError.field("date", "is missing") }
        let day = try TimeRule.milliseconds(date, field: "date").floorDividedBy1000
        guard let kind = cells[.kind] else { throw IngestError.field("kind", "is missing") }
        guard let amountText = cells[.amount] else { throw IngestError.field("amount", "is missing") }
        guard let amount = DecimalAmount.validated(amountText) else {
            throw IngestError.field(
                "amount", "must be a plain decimal number such as 1200.50 (no currency sign, grouping or minus), found \"\(amountText)\"")
        }
        let currency = (cells[.currency] ?? "USD").uppercased()
        guard currency.utf8.count == 3, currency.utf8.allSatisfy({ (65...90).contains($0) }) else {
            throw IngestError.field("currency", "must be a three-letter ISO 4217 code such as USD or EUR, found \"\(currency)\"")
        }
        if let text = cells[.tags] {
            for item in text.split(whereSeparator: { $0 == ";" || $0 == " " }) {
                guard let pair = KeyValuePair(item) else {
                    throw IngestError.field("tags", "\"\(item)\" is not key=value (e.g. use_case=support)")
                }
                tags[pair.key] = pair.value
            }
        }
        try emit(
            .oneTimeCost(
                OneTimeCostRecord(
                    day: day - day % 86_400, kind: kind, amount: amount, currency: currency,
                    note: cells[.note] ?? "", tags: tags.isEmpty ? "" : TagSet.canonicalJSON(tags))))
    }
}
