import Testing
import Tokenizer

@Suite struct EpochHeuristicTests {
    /// Worked by hand from the notebook's rule (target 3; passes = examples × 3; below 100 passes
    /// use min(25, 100 // n); above 25,000 passes use max(1, 25,000 // n)):
    /// - 1:      3 passes < 100    → min(25, 100 // 1 = 100) = 25
    /// - 4:     12 passes < 100    → min(25, 100 // 4 = 25)  = 25
    /// - 5:     15 passes < 100    → min(25, 100 // 5 = 20)  = 20
    /// - 33:    99 passes < 100    → min(25, 100 // 33 = 3)  = 3
    /// - 34:   102 passes in range → 3
    /// - 8333: 24,999 passes in range → 3
    /// - 8334: 25,002 passes > 25,000 → max(1, 25,000 // 8,334 = 2)  = 2
    /// - 12500: 37,500 passes         → max(1, 25,000 // 12,500 = 2) = 2
    /// - 12501: 37,503 passes         → max(1, 25,000 // 12,501 = 1) = 1
    /// - 25001: 75,003 passes         → max(1, 25,000 // 25,001 = 0) = 1
    @Test(arguments: [
        (1, 25), (4, 25), (5, 20), (33, 3), (34, 3), (8333, 3), (8334, 2), (12500, 2), (12501, 1), (25001, 1),
    ])
    func defaultEpochsFollowTheCookbook(examples: Int, epochs: Int) {
        #expect(EpochHeuristic.epochs(forExampleCount: examples) == epochs)
    }

    @Test func noExamplesTrainNoEpochs() {
        #expect(EpochHeuristic.epochs(forExampleCount: 0) == 0)
    }
}
