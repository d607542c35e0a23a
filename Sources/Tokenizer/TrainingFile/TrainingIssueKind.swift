import DistillCore

/// What is wrong with a malformed example in a training file; its raw value is the `code` of the
/// example's `Diagnostic` (`file:line: what is wrong [code]`).
///
/// The kinds are the checks of the cookbook's data-preparation notebook, widened to the current
/// chat format (tools, tool calls, `developer` and `tool` roles, `weight`), plus the JSON that
/// does not parse, which the notebook cannot report because it stops there.
package enum TrainingIssueKind: String, CaseIterable, Sendable {
    /// The line is not JSON.
    case invalidJSON = "invalid_json"
    /// The line is JSON but not an object (`data_type` in the notebook).
    case notAnObject = "data_type"
    /// No `messages`, or not a non-empty array (`missing_messages_list`).
    case missingMessages = "missing_messages_list"
    /// A message that is not an object or has no `role` (`message_missing_key`).
    case messageMissingKey = "message_missing_key"
    /// A message key the format does not define (`message_unrecognized_key`).
    case unrecognizedKey = "message_unrecognized_key"
    /// A role other than system, developer, user, assistant, tool or function (`unrecognized_role`).
    case unknownRole = "unrecognized_role"
    /// No text content and no tool or function call (`missing_content`).
    case missingContent = "missing_content"
    /// No assistant message to learn from (`example_missing_assistant_message`).
    case noAssistantMessage = "example_missing_assistant_message"
    /// `weight` other than 0 or 1, or on a message that is not the assistant's.
    case invalidWeight = "invalid_weight"
}

extension Diagnostic {
    /// A malformed example: `file:line: message [kind]`.
    package init(_ kind: TrainingIssueKind, file: String, line: Int, message: String) {
        self.init(file: file, line: line, message: message, code: kind.rawValue)
    }

    /// The kind of a training-file diagnostic.
    package var trainingIssueKind: TrainingIssueKind? { code.flatMap(TrainingIssueKind.init(rawValue:)) }
}
