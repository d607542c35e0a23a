import CostModel
import DistillCore
import Reports
import Statistics

extension WeeklyReport.StudentFigures {
    /// Headline members that describe the whole period, not one student: left out of a student's object.
    private static let programWideMembers: Set<String> = ["spend", "teacher_only_cost", "requests", "unpriced_requests", "unpriced_tokens"]

    /// The student, its roles and status, then its own headline figures (savings, one-time cost,
    /// break-even, ROI) at the top level, and its quality gate.
    func json() -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("model", .string(model)), ("teacher", .string(roles.teacher)),
            ("base_student", .optionalString(roles.baseStudent)),
            ("use_cases", .array(useCases.map { .string($0) })),
            ("go_live", .optionalString(roles.goLive?.description)),
            ("shutdown", .optionalString(roles.studentShutdown?.description)),
            ("catalog_shutdown", .optionalString(catalogShutdown?.description)),
            ("replaced_by", .optionalString(replacedBy)), ("replaced_on", .optionalString(replacedOn?.description)),
            ("detailed", .bool(isDetailed)), ("reason", .string(roles.reason)),
        ]
        if case .object(let figures) = headline.json(baseline: false) {
            members += figures.members.filter { !Self.programWideMembers.contains($0.key) }
        }
        members.append(("quality", comparison?.json ?? .null))
        members.append((
            "retirement",
            retirement.map { retirement in
                .object([
                    ("shutdown", .string(retirement.shutdown.description)), ("days_left", .integer(retirement.daysLeft)),
                    ("cost", retirement.cost.json()),
                ])
            } ?? .null
        ))
        return .object(JSONObject(members))
    }
}

extension WeeklyReport.Program {
    func json() -> JSONValue {
        .object([
            ("spend", .money(spend)), ("teacher_only_cost", .money(teacherOnlyCost)), ("savings", .money(savings)),
            ("student_requests", .integer(studentRequests)), ("savings_since_go_live", .money(savingsSinceGoLive)),
            ("one_time_cost", .object([
                ("students", .money(studentsOneTimeCost)), ("shared", shared.json()), ("total", .money(oneTimeCost)),
            ])),
            ("return_to_date", .decimal(returnToDate)), ("break_even", breakEven.json()),
        ])
    }
}

extension OneTimeCost {
    /// The three standard lines, each line of the one-time costs files (`other`, only when there
    /// are any), and the total.
    func json() -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("training", .money(training)), ("teacher_data_generation", .money(teacherDataGeneration)),
            ("evaluation", .money(evaluation)),
        ]
        if !other.isEmpty {
            members.append(("other", .array(other.map { .object([("label", .string($0.label)), ("amount", .money($0.amount))]) })))
        }
        members.append(("total", .money(total)))
        return .object(JSONObject(members))
    }
}

extension PairedComparison {
    var json: JSONValue {
        .object([
            ("candidate", .string(candidate)), ("reference", .string(reference)),
            ("paired_items", .integer(pairedItems)), ("unpaired_items", .integer(unpairedItems)),
            ("difference_points", difference.json),
            ("candidate_only_passed", .integer(candidateOnlyPassed)),
            ("reference_only_passed", .integer(referenceOnlyPassed)),
            ("mcnemar_p", .decimal(mcNemarPValue)), ("verdict", .string(verdict.rawValue)),
        ])
    }
}
