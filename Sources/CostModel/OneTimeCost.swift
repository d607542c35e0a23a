/// The costs paid once to get a student into production, each listed so a reader can see what the
/// savings must earn back: training, generating the teacher's training data, evaluation runs, and
/// anything else the team names.
public struct OneTimeCost: Hashable, Sendable {
    /// One named line of the one-time cost.
    public struct Item: Hashable, Sendable {
        public let label: String
        public let amount: Money
        public init(label: String, amount: Money) {
            self.label = label
            self.amount = amount
        }
    }

    public let training: Money
    public let teacherDataGeneration: Money
    public let evaluation: Money
    public let other: [Item]

    public init(training: Money, teacherDataGeneration: Money, evaluation: Money, other: [Item] = []) {
        self.training = training
        self.teacherDataGeneration = teacherDataGeneration
        self.evaluation = evaluation
        self.other = other
    }

    /// Every line, the three standard ones first.
    public var items: [Item] {
        [
            Item(label: "training", amount: training),
            Item(label: "teacher data generation", amount: teacherDataGeneration),
            Item(label: "evaluation", amount: evaluation),
        ] + other
    }

    /// The exact sum of every line.
    public var total: Money { items.map(\.amount).sum() }
}
