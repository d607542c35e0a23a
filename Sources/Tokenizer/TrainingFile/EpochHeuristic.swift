/// The number of epochs OpenAI trains for when none is given, as the cookbook's data-preparation
/// notebook (`Chat_finetuning_data_prep.ipynb`) estimates it from the number of examples.
///
/// Target 3 epochs; raise the count so that small files still make at least 100 example passes,
/// lower it so that large files make at most 25,000, and keep it between 1 and 25. Integer
/// division throughout, as the notebook's `//`.
package enum EpochHeuristic {
    package static let targetEpochs = 3
    package static let minimumExamplePasses = 100
    package static let maximumExamplePasses = 25_000
    package static let minimumEpochs = 1
    package static let maximumEpochs = 25

    /// The default epoch count for a training file of `exampleCount` examples; 0 when there are
    /// none (the notebook would divide by zero; nothing is trained, so nothing is billed).
    package static func epochs(forExampleCount exampleCount: Int) -> Int {
        guard exampleCount > 0 else { return 0 }
        if exampleCount * targetEpochs < minimumExamplePasses {
            return min(maximumEpochs, minimumExamplePasses / exampleCount)
        }
        if exampleCount * targetEpochs > maximumExamplePasses {
            return max(minimumEpochs, maximumExamplePasses / exampleCount)
        }
        return targetEpochs
    }
}
