/// Thrown by a reader for a record that is valid but describes no model call (an OTel or tracing
/// export's other spans): the ingest counts it as ignored instead of invalid.
struct NotAModelCall: Error {}
