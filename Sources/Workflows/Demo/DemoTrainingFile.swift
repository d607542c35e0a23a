import DistillCore

/// The demo's training file: about 300 chat examples for the `support` use case, in the
/// fine-tuning JSONL format (system, user, assistant), so the demo can render an estimate from
/// exact token counts. The text is synthetic but ordinary English (sentences drawn from word
/// lists), so it tokenizes like real support tickets; every draw comes from the seed, so a seed
/// fixes every byte.
struct DemoTrainingFile {
    static let exampleCount = 300
    static let fileName = "training.jsonl"

    let seed: UInt64

    /// Writes the file at `path` and returns the path.
    @discardableResult
    func write(to path: String) throws -> String {
        let file = try BufferedOutputFile(path: path)
        // A stream of its own, so adding the file changes none of the history's draws.
        var random = DemoRandom(seed: seed ^ 0x5452_4149_4E49_4E47)
        for index in 0..<Self.exampleCount {
            try file.write(example(&random, index: index) + "\n")
        }
        try file.close()
        return path
    }

    private func example(_ random: inout DemoRandom, index: Int) -> String {
        let product = Self.pick(Self.products, &random)
        let issue = Self.pick(Self.issues, &random)
        let sentences = 2 + Int(random.unit() * 6)
        var question = "Hello, this is about my \(product). \(issue)"
        for _ in 0..<sentences { question += " " + sentence(&random, product: product) }
        question += " Ticket \(10_000 + index)."
        let steps = 2 + Int(random.unit() * 4)
        var answer = "Thanks for reaching out about your \(product). I'm sorry about the trouble."
        for step in 1...steps { answer += " \(step). " + Self.pick(Self.fixes, &random).replacingOccurrences(of: "{product}", with: product) }
        answer += " " + Self.pick(Self.closings, &random)
        let messages = [
            Self.message("system", Self.systemPrompt),
            Self.message("user", question),
            Self.message("assistant", answer),
        ]
        return "{\"messages\":[" + messages.joined(separator: ",") + "]}"
    }

    private func sentence(_ random: inout DemoRandom, product: String) -> String {
        let subject = Self.pick(Self.subjects, &random)
        let verb = Self.pick(Self.verbs, &random)
        let detail = Self.pick(Self.details, &random)
        return "\(subject) \(verb) \(detail) on the \(product)."
    }

    private static func message(_ role: String, _ content: String) -> String {
        "{\"role\":\(JSONText.quoted(role)),\"content\":\(JSONText.quoted(content))}"
    }

    private static func pick(_ list: [String], _ random: inout DemoRandom) -> String {
        list[min(list.count - 1, Int(random.unit() * Double(list.count)))]
    }

    static let systemPrompt =
        "You are Acme's support assistant. Answer in numbered steps, be brief and friendly, never promise refunds, and escalate safety issues."
    static let products = ["router", "smart thermostat", "wireless earbuds", "laptop dock", "security camera", "e-reader", "coffee grinder"]
    static let issues = [
        "It keeps disconnecting every few minutes.", "The screen stays blank after the update.",
        "It will not charge past forty percent.", "The app says the device is offline.", "It makes a loud clicking noise.",
        "My order arrived with a missing cable.", "I was billed twice this month.",
    ]
    static let subjects = ["Yesterday it", "Since Monday it", "Every morning it", "My partner says it", "The status light", "The manual says it"]
    static let verbs = ["stopped working", "flashes orange", "restarts on its own", "shows error E42", "runs very slowly", "loses its settings"]
    static let details = [
        "after about ten minutes", "whenever the kitchen lights are on", "even after a factory reset",
        "when I use the second port", "only on weekdays", "although the firmware is current",
    ]
    static let fixes = [
        "Unplug the {product} for thirty seconds, then plug it back in.",
        "Open the Acme app, choose Devices, and select Check for updates.",
        "Hold the reset button for ten seconds until the light blinks white.",
        "Move the {product} closer to the router and away from metal shelves.",
        "Try a different cable and wall outlet to rule out a power fault.",
        "Sign out of the app, sign back in, and pair the {product} again.",
        "If the problem continues, reply with the serial number from the label underneath.",
    ]
    static let closings = [
        "Let me know how it goes!", "I'm here if you need anything else.", "Have a great day.",
        "If that does not help, I will escalate this to our hardware team.",
    ]
}
