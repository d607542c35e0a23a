/// The Tokenizer stage; see ../shared/DESIGN.md. Filled in by its own issue.
public enum TokenizerStage {}
