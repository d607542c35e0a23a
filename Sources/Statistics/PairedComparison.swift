#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A candidate model against a reference on the same evaluation items: the paired difference in
/// mean score (in points, 0...100), McNemar's test on pass/fail, and a non-inferiority verdict.
package struct PairedComparison: Sendable, Equatable {
    package enum Verdict: String, Sendable, Equatable {
        case nonInferior = "non-inferior"
        case inferior = "inferior"
        case inconclusive = "inconclusive: too few items"
    }

    package var candidate: String
    package var reference: String
    /// Items both models answered with a score.
    package var pairedItems: Int
    /// Items only one of them answered: reported, not silently dropped.
    package var unpairedItems: Int
    /// Candidate minus reference, in points, with its 95% t interval.
    package var difference: MeanInterval?
    /// Items the candidate passed and the reference failed, and the reverse.
    package var candidateOnlyPassed: Int
    package var referenceOnlyPassed: Int
    /// Exact two-sided McNemar p-value; nil without pass/fail data or discordant pairs.
    package var mcNemarPValue: Double?
    package var marginPoints: Double
    package var verdict: Verdict

    /// The non-inferiority margin when none is given: 2 points on a 0-100 scale, a difference
    /// small enough that users of a support or extraction task do not notice it.
    package static let defaultMarginPoints = 2.0

    /// Pairs `candidate` and `reference` scores by item id (scores on 0...1).
    package static func compare(
        candidate: (name: String, scores: [String: (score: Double?, passed: Bool?)]),
        reference: (name: String, scores: [String: (score: Double?, passed: Bool?)]),
        marginPoints: Double
    ) -> PairedComparison {
        var differences: [Double] = []
        var candidateOnly = 0
        var referenceOnly = 0
        var unpaired = 0
        for item in Set(candidate.scores.keys).union(reference.scores.keys).sorted() {
            guard let mine = candidate.scores[item], let theirs = reference.scores[item],
                let myScore = mine.score, let theirScore = theirs.score
            else {
                unpaired += 1
                continue
            }
            differences.append((myScore - theirScore) * 100)
            if let myPass = mine.passed, let theirPass = theirs.passed, myPass != theirPass {
                if myPass { candidateOnly += 1 } else { referenceOnly += 1 }
            }
        }
        let difference = MeanInterval.of(differences)
        return PairedComparison(
            candidate: candidate.name, reference: reference.name, pairedItems: differences.count,
            unpairedItems: unpaired, difference: difference, candidateOnlyPassed: candidateOnly,
            referenceOnlyPassed: referenceOnly,
            mcNemarPValue: McNemar.exactPValue(candidateOnly, referenceOnly), marginPoints: marginPoints,
            verdict: verdict(difference, marginPoints: marginPoints))
    }

    /// Non-inferior when the whole interval lies above −margin; inferior when it lies below;
    /// otherwise the data cannot tell, which with more items it usually could.
    static func verdict(_ difference: MeanInterval?, marginPoints: Double) -> Verdict {
        guard let low = difference?.low, let high = difference?.high else { return .inconclusive }
        if low > -marginPoints { return .nonInferior }
        if high < -marginPoints { return .inferior }
        return .inconclusive
    }
}

/// McNemar's exact test: under the null hypothesis each discordant pair is a fair coin flip.
enum McNemar {
    /// Two-sided p = min(1, 2 × P(X ≤ min(b, c))) for X ~ Binomial(b + c, ½).
    static func exactPValue(_ b: Int, _ c: Int) -> Double? {
        let n = b + c
        guard n > 0 else { return nil }
        var logChoose = 0.0  // log C(n, 0)
        var cumulative = 0.0
        let logHalfToN = Double(n) * -0.6931471805599453
        for k in 0...min(b, c) {
            if k > 0 { logChoose += log(Double(n - k + 1)) - log(Double(k)) }
            cumulative += exp(logChoose + logHalfToN)
        }
        return min(1, 2 * cumulative)
    }
}
