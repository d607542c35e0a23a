/// How a fine-tuning job is billed: per 1M trained tokens (supervised fine-tuning) or per hour of
/// training time (OpenAI reinforcement fine-tuning, or GPUs rented by the hour).
public enum TrainingPrice: Hashable, Sendable, CustomStringConvertible {
    case perMillionTokens(ExactDecimal)
    case perHour(ExactDecimal)

    /// The cost of `quantity`; throws when the quantity is of the other kind (hours for a
    /// per-token price), since converting one into the other would be a guess.
    public func cost(of quantity: TrainingQuantity) throws(CostModelError) -> Money {
        switch (self, quantity) {
        case (.perMillionTokens(let rate), .tokens(let tokens)):
            guard tokens >= 0 else { throw .invalidInput("trained tokens must not be negative (\(tokens))") }
            return Money(quantity: tokens, price: rate)
        case (.perHour(let rate), .hours(let hours)):
            guard !hours.isNegative else { throw .invalidInput("training hours must not be negative (\(hours))") }
            return Money(decimalQuantity: hours, price: rate)
        case (.perHour(let rate), .seconds(let seconds)):
            guard seconds >= 0 else { throw .invalidInput("training seconds must not be negative (\(seconds))") }
            // OpenAI prorates RFT to the second: rate × seconds / 3600, rounded at 10⁻¹⁵.
            return Money(quantity: seconds, price: rate, per: 3600)
        case (.perMillionTokens, _):
            throw .mismatchedTrainingQuantity("a per-token training price needs a token count, not \(quantity)")
        case (.perHour, .tokens):
            throw .mismatchedTrainingQuantity("an hourly training price needs hours or seconds, not \(quantity)")
        }
    }

    public var description: String {
        switch self {
        case .perMillionTokens(let rate): return "\(rate) per 1M training tokens"
        case .perHour(let rate): return "\(rate) per hour"
        }
    }
}

/// What a training job consumed, or is estimated to consume.
public enum TrainingQuantity: Hashable, Sendable, CustomStringConvertible {
    /// Billed trained tokens: the job's `trained_tokens`.
    case tokens(Int64)
    /// Billed or estimated hours.
    case hours(ExactDecimal)
    /// Billed wall-clock seconds, for prices prorated to the second.
    case seconds(Int64)

    /// The pre-run estimate for a per-token price: training-file tokens × epochs. Secondary sources
    /// state it; the job's `trained_tokens` is what is actually billed.
    public static func estimated(fileTokens: Int64, epochs: Int64) throws(CostModelError) -> TrainingQuantity {
        .tokens(try estimatedTokens(fileTokens: fileTokens, epochs: epochs))
    }

    /// The billed tokens of `epochs` passes over a file of `fileTokens` tokens.
    public static func estimatedTokens(fileTokens: Int64, epochs: Int64) throws(CostModelError) -> Int64 {
        try estimatedTokens(fileTokens: fileTokens, epochs: epochs, validationTokens: 0, evaluations: 0)
    }

    /// The billed tokens of a job that also evaluates a validation file: epochs × training-file
    /// tokens + evaluations × validation-file tokens. Together documents this formula; a provider
    /// that bills training tokens only is the case `evaluations: 0`.
    public static func estimatedTokens(
        fileTokens: Int64, epochs: Int64, validationTokens: Int64, evaluations: Int64
    ) throws(CostModelError) -> Int64 {
        guard fileTokens >= 0, epochs >= 0, validationTokens >= 0, evaluations >= 0 else {
            throw .invalidInput(
                "training-file tokens (\(fileTokens)), epochs (\(epochs)), validation tokens (\(validationTokens)) and evaluations (\(evaluations)) must not be negative")
        }
        let (training, trainingOverflow) = fileTokens.multipliedReportingOverflow(by: epochs)
        guard !trainingOverflow else { throw .overflow("\(fileTokens) tokens × \(epochs) epochs") }
        let (evaluation, evaluationOverflow) = validationTokens.multipliedReportingOverflow(by: evaluations)
        guard !evaluationOverflow else { throw .overflow("\(validationTokens) validation tokens × \(evaluations) evaluations") }
        let (total, totalOverflow) = training.addingReportingOverflow(evaluation)
        guard !totalOverflow else { throw .overflow("\(training) training + \(evaluation) evaluation tokens") }
        return total
    }

    public var description: String {
        switch self {
        case .tokens(let tokens): return "\(tokens) tokens"
        case .hours(let hours): return "\(hours) hours"
        case .seconds(let seconds): return "\(seconds) seconds"
        }
    }
}
