import DistillCore

/// Whose one-time costs a figure counts when a report covers several students, so that the
/// program adds each cost once. A cost made by a student's own model (its eval runs, a one-time
/// cost line tagged `student=`) is that student's. A cost tagged with a use case (distillation and
/// evaluation requests, a line tagged with the use case) belongs to the first student of that use
/// case to go live on or after the cost's day: a retrained version owns the data made for it.
/// Anything else (a cost made after the newest student of its use case went live, for a use case no
/// student serves, or with neither tag) is the program's, shared. With one student, nothing is split.
enum OneTimeCostShare: Sendable {
    case everything
    case student(String, owners: OneTimeCostOwners)
    /// What no student owns: counted once, in the program's total.
    case shared(OneTimeCostOwners)

    /// The key a one-time cost line names its student with.
    static let studentTag = "student"

    /// Whether a cost made by `model` (a request's or eval run's model, a line's `student` tag)
    /// for `useCase` (its use-case tag) on `day` belongs to this share.
    func includes(model: String?, useCase: String?, day: UTCDate) -> Bool {
        switch self {
        case .everything: return true
        case .student(let student, let owners): return owners.owner(model: model, useCase: useCase, day: day) == student
        case .shared(let owners): return owners.owner(model: model, useCase: useCase, day: day) == nil
        }
    }

    var isEverything: Bool {
        if case .everything = self { return true }
        return false
    }
}

/// The program's students with their use cases and go-live days: what `OneTimeCostShare` assigns by.
struct OneTimeCostOwners: Sendable {
    struct Student: Sendable {
        var model: String
        var useCases: Set<String>
        var goLive: UTCDate?
    }

    var students: [Student]

    /// The student owning a cost, nil when it is shared.
    func owner(model: String?, useCase: String?, day: UTCDate) -> String? {
        if let model, students.contains(where: { $0.model == model }) { return model }
        guard let useCase else { return nil }
        return students.filter { $0.useCases.contains(useCase) && ($0.goLive.map { $0 >= day } ?? false) }
            .min { ($0.goLive!, $0.model) < ($1.goLive!, $1.model) }?.model
    }
}
