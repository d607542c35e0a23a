/// The Analytics stage; see ../shared/DESIGN.md. Filled in by its own issue.
public enum AnalyticsStage {}
