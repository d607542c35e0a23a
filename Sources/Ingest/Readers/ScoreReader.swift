import Store

/// Reads evaluation results (CSV or JSON Lines): one grader's score for one item of one run.
///
/// Needs a run or eval name, an item id, a model and a score or a pass/fail verdict. Scores are
/// stored on 0...1: a score outside that range is rejected unless `--scale MIN:MAX` says how to map
/// it. A run named by scores but not yet stored is created from the first of its rows (a fuller
/// eval run export, ingested before or after, takes precedence).
struct ScoreReader {
    enum Field: String, CaseIterable, Hashable {
        case run, eval
        case itemID = "item_id"
        case model, score, passed, grader
        case createdAt = "created_at"

        static let aliases: [String: Field] = {
            var table: [String: Field] = [:]
            let extra: [Field: [String]] = [
                .run: ["run", "runid", "runname", "evalrun", "evalrunid"],
                .eval: ["eval", "evalname", "evalid", "evaluation", "dataset"],
                .itemID: [
                    "itemid", "item", "example", "exampleid", "sampleid", "datasourceitemid", "testcase", "caseid",
                ],
                .model: ["model", "modelname"],
                .score: ["score", "value"],
                .passed: ["passed", "pass", "passfail", "verdict"],
                .grader: ["grader", "gradername", "criterion", "testingcriteria", "metric", "scorer"],
                .createdAt: ["createdat", "timestamp", "created", "time", "date"],
            ]
            for field in allCases {
                table[ColumnResolver<Field>.normalise(field.rawValue)] = field
                for alias in extra[field] ?? [] { table[alias] = field }
            }
            return table
        }()
    }

    private var columns: ColumnResolver<Field>
    private let scale: ScoreScale?
    /// The time given to runs whose scores carry none (the ingest time).
    private let fallbackTime: Int64

    init(columnMap: [String: String], scale: ScoreScale?, fallbackTime: Int64) throws {
        columns = try ColumnResolver(aliases: Field.aliases, columnMap: columnMap, unknownBecomesTag: false)
        self.scale = scale
        self.fallbackTime = fallbackTime
    }

    mutating func describe(columns: [String]) -> String { self.columns.describe(columns) }

    mutating func read(_ row: TabularRow, emit: Emit) throws {
        var cells: [Field: (name: String, value: String)] = [:]
        for (index, name) in row.names.enumerated() {
            guard let value = row.values[index], !value.isEmpty, case .field(let field) = columns.target(for: name),
                cells[field] == nil
            else { continue }
            cells[field] = (name, value)
        }
        guard let runName = (cells[.run] ?? cells[.eval])?.value.trimmingSpaces(), !runName.isEmpty else {
            throw IngestError.field("run", "is missing (no run or eval column, or it is empty)")
        }
        guard let item = cells[.itemID]?.value.trimmingSpaces(), !item.isEmpty else {
            throw IngestError.field("item_id", "is missing (no item id column, or it is empty)")
        }
        guard let model = cells[.model]?.value.trimmingSpaces(), !model.isEmpty else {
            throw IngestError.field("model", "is missing (no model column, or it is empty)")
        }
        let score = try cells[.score].map { cell -> Double in
            let raw = try Self.number(cell.value, field: cell.name)
            return try ScoreScale.normalise(raw, scale: scale, field: cell.name)
        }
        let passed = try cells[.passed].map { try CellParsing.flag($0.value, field: $0.name) }
        guard score != nil || passed != nil else {
            throw IngestError.field("score", "is missing (a row needs a score, a pass/fail verdict, or both)")
        }
        let created = try cells[.createdAt].map {
            try TimeRule.milliseconds($0.value, field: $0.name).floorDividedBy1000
        }
        let evalName = cells[.eval]?.value.trimmingSpaces() ?? runName
        try emit(
            .impliedEvalRun(
                EvalRunRecord(
                    id: runName, evalName: evalName, model: model, createdAt: created ?? fallbackTime)))
        try emit(
            .evalScore(
                EvalScoreRecord(
                    runID: runName, itemID: item, grader: cells[.grader]?.value.trimmingSpaces() ?? "", model: model,
                    score: score, passed: passed)))
    }

    static func number(_ text: String, field: String) throws -> Double {
        let trimmed = text.trimmingSpaces()
        guard let value = Double(trimmed) else {
            throw IngestError.field(field, "must be a number, found \"\(trimmed)\"")
        }
        guard value.isFinite else { throw IngestError.field(field, "must be a finite number, found \(trimmed)") }
        return value
    }
}
