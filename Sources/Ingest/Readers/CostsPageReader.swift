import DistillCore
import Store

/// Reads a page of the organization costs API (`/v1/organization/costs`) into billed cost records.
///
/// The amount is kept as the exact decimal text of the JSON source, never parsed through `Double`:
/// billed costs are shown beside computed costs as a reconciliation, to the cent. Negative amounts
/// (credits) are kept as billed.
package struct CostsPageReader {
    package init() {}

    package func read(_ bytes: UnsafeRawBufferPointer) throws -> CostsPage {
        try read(JSONValue.parseForIngest(bytes))
    }

    package func read(_ bytes: [UInt8]) throws -> CostsPage {
        try bytes.withUnsafeBytes { try read($0) }
    }

    func read(_ value: JSONValue) throws -> CostsPage {
        let page = try JSONFields(value, path: "")
        var records: [BilledCostRecord] = []
        for bucket in try page.objects("data") {
            let start = try bucket.time("start_time")
            let end = try bucket.int64("end_time")
            guard end > start else { throw IngestError.field(bucket.name("end_time"), "must be after start_time") }
            for result in try bucket.objects("results") {
                if let kind = try result.optionalString("object"), kind != "organization.costs.result" {
                    throw IngestError.field(
                        result.name("object"), "must be \"organization.costs.result\", found \"\(kind)\"")
                }
                let amount = try result.object("amount")
                let value = try amount.numberText("value")
                records.append(
                    BilledCostRecord(
                        startTime: start, endTime: end, lineItem: try result.optionalString("line_item") ?? "",
                        project: try result.optionalString("project_id") ?? "", amount: value,
                        currency: try amount.optionalString("currency") ?? "usd"))
            }
        }
        return CostsPage(
            records: records, hasMore: try page.optionalBool("has_more") ?? false,
            nextPage: try page.optionalString("next_page"))
    }
}

/// One costs page's lines, and the cursor for the next page (`page=`).
package struct CostsPage: Sendable, Equatable {
    package var records: [BilledCostRecord]
    package var hasMore: Bool
    package var nextPage: String?
}
