import ArgumentParser
import CostModel

extension ExactDecimal: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension ServiceTier: ExpressibleByArgument {
    /// The API's strings too: `auto` and `scale` are the default tier, `fast` is priority.
    public init?(argument: String) { self.init(apiValue: argument) }
}
