import DistillCore

/// Whose one-time costs a figure counts when a report covers several students, so that the
/// program adds each cost once. A student owns its training, the costs made by its own model (its
/// eval runs) and the one-time cost lines tagged with its model (`student=`). A cost tagged with a
/// use case (distillation and evaluation requests, a line tagged with the use case) belongs to the
/// first student of that use case to go live on or after the cost's day: a retrained version owns
/// the data made for it. Everything else is the program's, shared: a cost made by or tagged for a
/// model that is not in the program (a fine-tune that never served, a candidate being evaluated),
/// one made after the newest student of its use case went live, for a use case no student serves,
/// or with neither tag. With a single student nothing is split.
enum OneTimeCostShare: Sendable {
    case everything
    case student(String, owners: OneTimeCostOwners)
    /// What no student owns: counted once, in the program's total.
    case shared(OneTimeCostOwners)

    /// The key a one-time cost line names its student with.
    static let studentTag = "student"

    /// Whether a cost made for `useCase` on `day` belongs to this share: made by `model` (a
    /// request's or eval run's model), or tagged for `student` (a line's `student=`).
    func includes(model: String? = nil, student: String? = nil, useCase: String?, day: UTCDate) -> Bool {
        switch self {
        case .everything: return true
        case .student(let owner, let owners): return owners.owner(model: model, student: student, useCase: useCase, day: day) == owner
        case .shared(let owners): return owners.owner(model: model, student: student, useCase: useCase, day: day) == nil
        }
    }

    /// The models whose distillation requests count as teacher data generation: the student's
    /// teacher, or for the shared part any teacher of the program.
    func generators(teacher: String) -> Set<String> {
        if case .shared(let owners) = self { return owners.teachers }
        return [teacher]
    }

    var isEverything: Bool {
        if case .everything = self { return true }
        return false
    }
}

/// The program's students with their use cases, go-live days and teachers, and the fine-tuned
/// models outside it: what `OneTimeCostShare` assigns by.
struct OneTimeCostOwners: Sendable {
    struct Student: Sendable {
        var model: String
        var useCases: Set<String>
        var goLive: UTCDate?
        var teacher: String
    }

    var students: [Student]
    /// Fine-tuned models of succeeded jobs that are not students of the program.
    var outsiders: Set<String>

    var teachers: Set<String> { Set(students.map(\.teacher)) }

    /// The student owning a cost, nil when it is shared.
    func owner(model: String?, student: String?, useCase: String?, day: UTCDate) -> String? {
        for named in [student, model].compactMap({ $0 }) where students.contains(where: { $0.model == named }) {
            return named
        }
        if student != nil || model.map(outsiders.contains) == true { return nil }
        guard let useCase else { return nil }
        return students.compactMap { candidate in
            candidate.goLive.flatMap { $0 >= day && candidate.useCases.contains(useCase) ? (goLive: $0, model: candidate.model) : nil }
        }.min { ($0.goLive, $0.model) < ($1.goLive, $1.model) }?.model
    }
}
