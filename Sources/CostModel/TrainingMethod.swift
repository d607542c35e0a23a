/// How a fine-tuning job trains, as hosted providers price it: the objective (supervised or
/// direct preference optimisation) crossed with what is trained (a LoRA adapter or every weight).
/// Together and Fireworks publish a different per-token rate for each combination and model size.
public enum TrainingMethod: String, CaseIterable, Hashable, Sendable, Comparable, CustomStringConvertible {
    case sftLoRA = "sft-lora"
    case sftFull = "sft-full"
    case dpoLoRA = "dpo-lora"
    case dpoFull = "dpo-full"

    public var description: String { rawValue }

    /// Declaration order, so listings read SFT before DPO and LoRA before full.
    public static func < (lhs: TrainingMethod, rhs: TrainingMethod) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
