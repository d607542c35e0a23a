import Analytics
import DistillCore
import Pricing
import Store

extension WeeklyReportBuilder {
    /// Teacher and student from the options, else from the data: the student is the model of the
    /// newest succeeded fine-tuning job that has traffic; the teacher is named in that job's
    /// metadata (`teacher`), else is the model whose outputs were stored for distillation, else
    /// the most used other model. Without a student the report is a baseline: the teacher is then
    /// the most used model, the one a student would replace. A named model that the store has
    /// never seen is an error listing the closest names (a typo should not give a report of zeros).
    /// `history` is the data up to the period's end; `span` all of it (a name is known from any day).
    func chooseRoles(jobs: [FineTuningJobRecord], history: DayRange, span: DayRange) throws -> WeeklyReport.Roles {
        let usage = UsageQuery(database: database)
        let traffic = try usage.usage(in: history, filters: options.filters, excluding: options.oneTimeTags)
        let requestsByModel = Dictionary(grouping: traffic, by: \.model).mapValues { $0.reduce(0) { $0 + $1.requests } }
        var reasons: [String] = []

        let known = try knownModels(history: span, jobs: jobs)
        for (role, name) in [("student", options.student), ("teacher", options.teacher)] + options.otherStudents.map({ ("student", $0) }) {
            guard let name, !known.contains(name) else { continue }
            throw ReportError.unknownModel(role: role, name: name, closest: ModelNameSuggestions.closest(to: name, among: known))
        }
        let job = jobs.first { $0.status == "succeeded" && $0.fineTunedModel.map { requestsByModel[$0] != nil } == true }
        let student: String?
        if let chosen = options.student {
            student = chosen
            reasons.append("Student \(chosen) given with --student")
        } else if let job, let model = job.fineTunedModel {
            student = model
            reasons.append("Student \(model) is the fine-tuned model of job \(job.id)")
        } else {
            student = nil
            reasons.append("No succeeded fine-tuning job has traffic and no student was named")
        }
        let studentJob = student.flatMap { student in jobs.first { $0.fineTunedModel == student } }

        let teacher: String
        if let chosen = options.teacher {
            teacher = chosen
            reasons.append("Teacher \(chosen) given with --teacher")
        } else if let named = studentJob.flatMap({ Self.metadataValue("teacher", in: $0.metadata) }) {
            teacher = named
            reasons.append("Teacher \(named) is named in the job's metadata")
        } else if let generator = Self.busiest(try usage.usage(in: history, filters: [options.distillationTag])) {
            teacher = generator
            reasons.append("Teacher \(generator) produced the requests tagged \(options.distillationTag)")
        } else if let busiest = Self.busiest(traffic.filter { $0.model != student }) {
            teacher = busiest
            reasons.append(
                student == nil
                    ? "Teacher \(busiest) is the most used model" : "Teacher \(busiest) is the most used model other than the student")
        } else {
            throw ReportError.teacherUnknown
        }

        let goLive = student.flatMap { student in traffic.filter { $0.model == student }.map(\.day).min() }
        return WeeklyReport.Roles(
            teacher: teacher, student: student,
            baseStudent: studentJob?.baseModel ?? student.flatMap(PriceCatalog.fineTunedBase(of:)),
            reason: reasons.joined(separator: ". "),
            goLive: goLive, studentShutdown: student.flatMap { catalog.shutdownDate(model: $0) })
    }

    /// Every model with traffic in the store (any tag) or a fine-tuning job.
    private func knownModels(history: DayRange, jobs: [FineTuningJobRecord]) throws -> Set<String> {
        let traffic = try UsageQuery(database: database).usage(in: history)
        return Set(traffic.map(\.model)).union(jobs.compactMap(\.fineTunedModel)).union(jobs.map(\.baseModel))
    }

    /// The model with the most requests in `rows` (the first name on a tie), nil without rows.
    static func busiest(_ rows: [UsageRow]) -> String? {
        rows.reduce(into: [String: Int64]()) { $0[$1.model, default: 0] += $1.requests }
            .max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// A top-level string value of the job's metadata object (stored as JSON text).
    static func metadataValue(_ key: String, in json: String?) -> String? {
        guard let json, case .object(let object)? = try? JSONValue.parse(json) else { return nil }
        return object[key]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    }
}
