import Analytics
import CostModel
import DistillCore
import Pricing
import Store

/// A student of the program before its figures are measured.
struct ProgramMember: Sendable {
    var roles: WeeklyReport.Roles
    var useCases: Set<String>
    var catalogShutdown: UTCDate?
    var replacedBy: String?
    var replacedOn: UTCDate?

    var model: String { roles.student ?? "" }
}

extension WeeklyReportBuilder {
    /// Every fine-tuned model of a succeeded job and each `--also-student` that went live before
    /// the period's end (`history` ends there: a later student belongs to later reports), and the
    /// report's student, oldest go-live first. The report's student keeps the roles chosen for it.
    ///
    /// A student is replaced by a newer one that went live later on every one of its use cases
    /// and served more of their requests in the period (a retrained version that took over, not a
    /// canary): from the newer one's go-live its return is no longer projected.
    func programMembers(primary: WeeklyReport.Roles, jobs: [FineTuningJobRecord], history: DayRange) throws -> [ProgramMember] {
        guard let primaryStudent = primary.student else { return [] }
        let usage = UsageQuery(database: database)
        let traffic = try usage.usage(
            in: history, filters: options.filters, excluding: options.oneTimeTags, groupByTag: options.useCaseKey)
        let distillation = try usage.usage(
            in: history, filters: options.filters + [options.distillationTag], groupByTag: options.useCaseKey)
        let fineTuned = Set(jobs.filter { $0.status == "succeeded" }.compactMap(\.fineTunedModel))
        let students = Set(traffic.map(\.model)).intersection(fineTuned.union(options.otherStudents)).union([primaryStudent])
        var members = students.map { student -> ProgramMember in
            let rows = traffic.filter { $0.model == student }
            let useCases = Set(rows.compactMap(\.tagValue).filter { !$0.isEmpty })
            let shutdown = catalog.shutdownDate(model: student)
            guard student != primaryStudent else {
                return ProgramMember(roles: primary, useCases: useCases, catalogShutdown: shutdown)
            }
            let job = jobs.first { $0.fineTunedModel == student && $0.status == "succeeded" }
            let (teacher, reason) = teacher(
                of: job, useCases: useCases, excluding: students, traffic: traffic, distillation: distillation,
                fallback: primary.teacher)
            return ProgramMember(
                roles: WeeklyReport.Roles(
                    teacher: teacher, student: student,
                    baseStudent: job?.baseModel ?? PriceCatalog.fineTunedBase(of: student),
                    reason: (job.map { "Student \(student) is the fine-tuned model of job \($0.id)" }
                        ?? "Student \(student) given with --also-student") + ". " + reason,
                    goLive: rows.map(\.day).min(), studentShutdown: shutdown),
                useCases: useCases, catalogShutdown: shutdown)
        }
        members.sort { ($0.roles.goLive ?? range.end, $0.model) < ($1.roles.goLive ?? range.end, $1.model) }
        let periodRequests = traffic.filter { range.contains($0.day) }
            .reduce(into: [String: Int64]()) { $0[$1.model, default: 0] += $1.requests }
        for index in members.indices {
            let older = members[index]
            guard !older.useCases.isEmpty, let goLive = older.roles.goLive,
                let newer = members.first(where: { newer in
                    (newer.roles.goLive ?? goLive) > goLive && older.useCases.isSubset(of: newer.useCases)
                        && periodRequests[newer.model, default: 0] > periodRequests[older.model, default: 0]
                }),
                let takeover = newer.roles.goLive
            else { continue }
            members[index].replacedBy = newer.model
            members[index].replacedOn = takeover
            members[index].roles.studentShutdown = min(older.catalogShutdown ?? takeover, takeover)
        }
        return members
    }

    /// A further student's teacher: given with --teacher, else named in its job's metadata, else
    /// the model that generated the distillation requests of its use cases, else the busiest
    /// model (not a student) on its use cases, else the report's teacher.
    private func teacher(
        of job: FineTuningJobRecord?, useCases: Set<String>, excluding students: Set<String>, traffic: [UsageRow],
        distillation: [UsageRow], fallback: String
    ) -> (String, String) {
        if let chosen = options.teacher { return (chosen, "Teacher \(chosen) given with --teacher") }
        if let named = job.flatMap({ Self.metadataValue("teacher", in: $0.metadata) }) {
            return (named, "Teacher \(named) is named in the job's metadata")
        }
        let onUseCases = { (row: UsageRow) in useCases.contains(row.tagValue ?? "") && !students.contains(row.model) }
        if let generator = Self.busiest(distillation.filter(onUseCases)) {
            return (generator, "Teacher \(generator) produced the requests tagged \(options.distillationTag) for its use cases")
        }
        if let model = Self.busiest(traffic.filter(onUseCases)) {
            return (model, "Teacher \(model) is the most used model on its use cases")
        }
        return (fallback, "Teacher \(fallback) is the report's teacher")
    }

    /// Whose one-time costs `member` owns: all of them when it is the program's only student.
    func share(of member: ProgramMember, in members: [ProgramMember], jobs: [FineTuningJobRecord]) -> OneTimeCostShare {
        members.count > 1 ? .student(member.model, owners: owners(members, jobs: jobs)) : .everything
    }

    private func owners(_ members: [ProgramMember], jobs: [FineTuningJobRecord]) -> OneTimeCostOwners {
        let students = Set(members.map(\.model))
        return OneTimeCostOwners(
            students: members.map { .init(model: $0.model, useCases: $0.useCases, goLive: $0.roles.goLive, teacher: $0.roles.teacher) },
            outsiders: Set(jobs.filter { $0.status == "succeeded" }.compactMap(\.fineTunedModel)).subtracting(students))
    }

    /// Each student measured against its own teacher and one-time costs, and the program's totals
    /// (nil with a single student, whose figures are the headline's). `detailed` is the report's
    /// student, already measured for the headline; `spend` the period's.
    func programFigures(
        members: [ProgramMember],
        detailed: (model: String?, headline: WeeklyReport.Headline, cumulative: [WeeklyReport.CumulativePoint]),
        quality: WeeklyReport.Quality, jobs: [FineTuningJobRecord], spend: Money
    ) throws -> (students: [WeeklyReport.StudentFigures], program: WeeklyReport.Program?, notes: [String]) {
        var students: [WeeklyReport.StudentFigures] = []
        var cumulativeByDay: [UTCDate: Money] = [:]
        var notes: [String] = []
        for member in members {
            let isDetailed = member.model == detailed.model
            let measured: (headline: WeeklyReport.Headline, cumulative: [WeeklyReport.CumulativePoint])
            let comparison: WeeklyReport.Quality
            if isDetailed {
                (measured, comparison) = ((detailed.headline, detailed.cumulative), quality)
            } else {
                let cumulative = try cumulativeSavings(roles: member.roles)
                let oneTime = try oneTimeCost(
                    roles: member.roles, jobs: jobs, until: range.end, share: share(of: member, in: members, jobs: jobs))
                notes += oneTime.notes
                measured = (
                    try headline(for: range, roles: member.roles, oneTime: oneTime.cost, cumulative: cumulative), cumulative
                )
                comparison = try qualityFigures(roles: member.roles)
            }
            for point in measured.cumulative where point.day < range.end {
                cumulativeByDay[point.day, default: .zero] += point.savings
            }
            var headline = measured.headline
            if let replacedBy = member.replacedBy, let replacedOn = member.replacedOn, !headline.breakEven.isReached {
                headline.breakEven = .never("replaced by \(replacedBy) on \(replacedOn) before its one-time cost was recovered")
            }
            students.append(WeeklyReport.StudentFigures(
                model: member.model, roles: member.roles, useCases: member.useCases.sorted(),
                catalogShutdown: member.catalogShutdown, replacedBy: member.replacedBy, replacedOn: member.replacedOn,
                headline: headline, comparison: comparison.comparisons.first { $0.candidate == member.model },
                isDetailed: isDetailed, retirement: retirement(of: member, headline: headline)))
        }
        guard members.count > 1, let detailedRoles = members.first(where: { $0.model == detailed.model })?.roles else {
            return (students, nil, notes)
        }
        let shared = try oneTimeCost(roles: detailedRoles, jobs: jobs, until: range.end, share: .shared(owners(members, jobs: jobs)))
        notes += shared.notes
        let heads = students.map(\.headline)
        let oneTime = heads.map(\.oneTimeCost.total).sum() + shared.cost.total
        let sinceGoLive = heads.map(\.savingsSinceGoLive).sum()
        let savings = heads.map(\.savings).sum()
        let program = WeeklyReport.Program(
            spend: spend, teacherOnlyCost: spend + savings, savings: savings,
            studentRequests: heads.reduce(0) { $0 + $1.studentRequests }, savingsSinceGoLive: sinceGoLive,
            studentsOneTimeCost: heads.map(\.oneTimeCost.total).sum(), shared: shared.cost, oneTimeCost: oneTime,
            returnToDate: oneTime.isZero ? nil : (sinceGoLive - oneTime).approximateDouble / oneTime.approximateDouble,
            breakEven: programBreakEven(
                cumulativeByDay: cumulativeByDay, oneTime: oneTime, savings: savings,
                lastShutdown: members.allSatisfy { $0.roles.studentShutdown != nil }
                    ? members.compactMap(\.roles.studentShutdown).max() : nil))
        return (students, program, notes)
    }

    /// A student that is not replaced and shuts down within the retirement window: what it costs.
    private func retirement(of member: ProgramMember, headline: WeeklyReport.Headline) -> WeeklyReport.StudentRetirement? {
        guard member.replacedBy == nil, let shutdown = member.catalogShutdown else { return nil }
        let daysLeft = max(0, Int64(shutdown.daysSinceEpoch - range.end.daysSinceEpoch))
        guard daysLeft <= options.retirementWindowDays else { return nil }
        return WeeklyReport.StudentRetirement(
            shutdown: shutdown, daysLeft: daysLeft, cost: retirementCost(headline: headline, daysLeft: daysLeft))
    }

    /// The day the students' running savings together covered every one-time cost; else projected
    /// from the period's end at the period's savings a day (`BreakEven.payback`).
    private func programBreakEven(
        cumulativeByDay: [UTCDate: Money], oneTime: Money, savings: Money, lastShutdown: UTCDate?
    ) -> WeeklyReport.BreakEvenStatus {
        var running = Money.zero
        for day in cumulativeByDay.keys.sorted() {
            running += cumulativeByDay[day] ?? .zero
            if running >= oneTime { return .reached(day) }
        }
        switch BreakEven.payback(
            remaining: oneTime - running, savings: savings, perDays: Int64(range.dayCount), from: range.end, shutdown: lastShutdown)
        {
        case .reached(let point):
            if let shutdown = point.shutdown, point.isAfterShutdown { return .afterShutdown(point.date, shutdown: shutdown) }
            return .projected(point.date)
        case .never(.noSavings): return .never("the students saved nothing this period")
        case .never(let reason): return .never(reason.rawValue)
        }
    }
}
