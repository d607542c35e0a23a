/// The Pricing stage; see ../shared/DESIGN.md. Filled in by its own issue.
public enum PricingStage {}
