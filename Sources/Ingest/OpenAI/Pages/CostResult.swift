import Foundation
import Store

/// An `organization.costs.result`. Only `object` is required by the schema; a result without an
/// amount bills nothing and is skipped.
struct CostResult: Decodable {
    let object: String
    let amount: Amount?
    let lineItem: String?
    let projectID: String?

    struct Amount: Decodable {
        /// Decoded as `Decimal` from the JSON number's digits, never through a binary double,
        /// so `0.0375` stays exactly `0.0375`.
        let value: Decimal
        let currency: String?
    }

    enum CodingKeys: String, CodingKey {
        case object, amount, lineItem = "line_item", projectID = "project_id"
    }

    static let objectName = "organization.costs.result"

    func record(start: Int64, end: Int64) -> BilledCostRecord? {
        guard let amount else { return nil }
        return BilledCostRecord(
            startTime: start, endTime: end, lineItem: lineItem ?? "", project: projectID ?? "",
            amount: amount.value.description, currency: amount.currency ?? "usd")
    }
}
