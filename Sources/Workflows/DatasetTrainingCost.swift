import CostModel
import DistillCore
import Pricing
import Reports

/// What training a candidate student on the built file costs at its catalog rate: the file's
/// billable tokens per epoch × the default epochs × the per-1M training price in force on `day`
/// (`estimate` computes the same figure, with its options for epochs and hours). An hourly price
/// or a model without a training price is said, never priced as 0.
package struct DatasetTrainingCost: Sendable {
    package var student: String
    package var outcome: Outcome

    package enum Outcome: Sendable, Equatable {
        case priced(cost: Money, tokens: Int64, rate: ExactDecimal, location: String)
        case hourly(rate: ExactDecimal)
        case unpriced(reason: String)
    }

    package static func costs(
        students: [String], billableTokensPerEpoch: Int, epochs: Int, catalog: PriceCatalog, day: UTCDate
    ) throws -> [DatasetTrainingCost] {
        try students.map { student in
            guard let price = catalog.trainingPrice(forBaseModel: student, at: day.unixSeconds) else {
                return DatasetTrainingCost(
                    student: student, outcome: .unpriced(reason: "the catalog has no training price for `\(student)` in force on \(day)"))
            }
            switch price.price {
            case .perHour(let rate):
                return DatasetTrainingCost(student: student, outcome: .hourly(rate: rate))
            case .perMillionTokens(let rate):
                let tokens = try TrainingQuantity.estimatedTokens(fileTokens: Int64(billableTokensPerEpoch), epochs: Int64(epochs))
                let cost = try price.price.cost(of: .tokens(tokens))
                return DatasetTrainingCost(
                    student: student, outcome: .priced(cost: cost, tokens: tokens, rate: rate, location: price.location.description))
            }
        }
    }

    /// `gpt-4o-mini-2024-07-18: 1,300 tokens × 3 per 1M = $0.0039 (pricing/openai.yaml:12)`: the
    /// amount as the reports show it, rounded once here.
    package var text: String {
        switch outcome {
        case .priced(let cost, let tokens, let rate, let location):
            return "\(student): \(DecimalFormatting.grouped(tokens)) tokens × \(rate) per 1M = \(DisplayFormat.precise(cost)) (\(location))"
        case .hourly(let rate):
            return "\(student): billed by the hour (\(rate) per hour); `estimate --training-hours` prices it"
        case .unpriced(let reason):
            return "\(student): unpriced: \(reason)"
        }
    }
}
