import CostModel
import DistillCore
import Reports

/// The program section as display strings: its totals and one row per student, oldest go-live first.
extension WeeklyReport.Program {
    func templateContext(students: [WeeklyReport.StudentFigures], format: TextFormat, currency: String) -> [String: Any] {
        let money = { (amount: Money?) in DisplayFormat.money(amount, currency: currency) }
        let dates = format.keepingDatesTogether
        return [
            "spend": money(spend), "teacherOnlyCost": money(teacherOnlyCost), "savings": money(savings),
            "studentRequests": DisplayFormat.count(studentRequests), "savingsSinceGoLive": money(savingsSinceGoLive),
            "oneTimeCost": money(oneTimeCost), "sharedOneTimeCost": money(shared.total),
            "sharedItems": format.escapeData(
                shared.items.filter { !$0.amount.isZero }.map { "\($0.label) \(money($0.amount))" }.joined(separator: "; ")),
            "returnToDate": DisplayFormat.signedPercent(returnToDate),
            "breakEvenShort": dates(breakEven.short), "breakEven": dates(breakEven.summary),
            "breakEvenReached": breakEven.isReached,
            "hasShared": !shared.total.isZero, "studentCount": "\(students.count)",
            "students": students.map { $0.templateRow(format: format, currency: currency) },
            // The detailed student's retirement has its own section; the others' are said here.
            "retiring": students.filter { !$0.isDetailed }.compactMap { student in
                student.retirement.map {
                    [
                        "model": format.modelName(student.model), "text": dates(student.retirementText($0, currency: currency)),
                        "command": "distill-roi report weekly --student \(student.model)",
                    ]
                }
            },
        ]
    }
}

extension WeeklyReport.StudentFigures {
    /// "live", "replaced by … on …" or "shuts down …": where the student stands.
    var status: String {
        if let replacedBy, let replacedOn { return "replaced by \(replacedBy) on \(replacedOn)" }
        if let shutdown = roles.studentShutdown { return "live, shuts down \(shutdown)" }
        return "live"
    }

    /// The quality gate's verdict with its interval, or why there is none.
    var qualityText: String {
        guard let comparison else { return "no eval runs of student and teacher" }
        let difference = DisplayFormat.interval(comparison.difference, scale: 1, unit: " pts")
        return "\(comparison.verdict.rawValue): \(difference)"
    }

    /// "retires on 2027-01-14, 38 days after this period: $24.24 a month of savings stop; …" (its
    /// ways forward are in the retirement section of a report run for it).
    func retirementText(_ retirement: WeeklyReport.StudentRetirement, currency: String) -> String {
        let money = { (amount: Money) in DisplayFormat.money(amount, currency: currency) }
        var text = "retires on \(retirement.shutdown), \(Estimate.days(retirement.daysLeft)) after this period"
        if let lost = retirement.cost.monthlySavingsLost { text += ": \(money(lost)) a month of savings stop" }
        if retirement.cost.unrecoveredAtShutdown > .zero {
            text += "; \(money(retirement.cost.unrecoveredAtShutdown)) of its one-time cost is never recovered"
        }
        return text + "."
    }

    func templateRow(format: TextFormat, currency: String) -> [String: Any] {
        let money = { (amount: Money?) in DisplayFormat.money(amount, currency: currency) }
        return [
            "model": format.modelName(model), "teacher": format.modelName(roles.teacher),
            "useCases": format.escapeData(useCases.isEmpty ? "–" : useCases.joined(separator: ", ")),
            "goLive": roles.goLive?.description ?? "–",
            "requests": DisplayFormat.count(headline.studentRequests), "savings": money(headline.savings),
            "savingsSinceGoLive": money(headline.savingsSinceGoLive), "oneTimeCost": money(headline.oneTimeCost.total),
            "breakEven": format.keepingDatesTogether(headline.breakEven.short),
            "quality": format.escapeData(qualityText), "status": format.keepingDatesTogether(status),
            "detailed": isDetailed,
        ]
    }
}
