import Testing
import Workflows

@Suite struct DatabaseLocationTests {
    @Test func optionWinsThenEnvironmentThenDefault() {
        #expect(DatabaseLocation.resolve(option: "a.sqlite", environment: ["DISTILL_ROI_DB": "b.sqlite"]) == "a.sqlite")
        #expect(DatabaseLocation.resolve(option: nil, environment: ["DISTILL_ROI_DB": "b.sqlite"]) == "b.sqlite")
        #expect(DatabaseLocation.resolve(option: nil, environment: [:]) == "distill-roi.sqlite")
    }
}
