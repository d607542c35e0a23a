import DistillCore

extension TokenUsage {
    /// Throws when the counts contradict the API's nesting (negative counts, more cached than
    /// input, more reasoning than output): such a row would otherwise price to a wrong amount.
    public func validate() throws(CostModelError) {
        guard input >= 0, cachedInput >= 0, cacheWrite >= 0, output >= 0, reasoning >= 0 else {
            throw .invalidUsage("token counts must not be negative (input \(input), cached \(cachedInput), cache write \(cacheWrite), output \(output), reasoning \(reasoning))")
        }
        guard cachedInput <= input, cacheWrite <= input - cachedInput else {
            throw .invalidUsage("cached (\(cachedInput)) plus cache-write (\(cacheWrite)) tokens exceed the \(input) input tokens that include them")
        }
        guard reasoning <= output else {
            throw .invalidUsage("reasoning tokens (\(reasoning)) exceed the \(output) output tokens that include them")
        }
    }
}
