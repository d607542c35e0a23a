#include <sqlite3.h>

/// SQLITE_TRANSIENT is a cast of -1 to a function pointer, which Swift cannot import: bind through
/// these wrappers so SQLite copies the bytes before the Swift buffer goes away.
static inline int distill_sqlite3_bind_text_transient(sqlite3_stmt *statement, int index, const char *text, int length) {
    return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}

static inline void distill_sqlite3_result_text_transient(sqlite3_context *context, const char *text) {
    sqlite3_result_text(context, text, -1, SQLITE_TRANSIENT);
}

static inline int distill_sqlite3_bind_blob_transient(sqlite3_stmt *statement, int index, const void *bytes, int length) {
    return sqlite3_bind_blob(statement, index, bytes, length, SQLITE_TRANSIENT);
}

/// sqlite3_config is variadic, which Swift cannot call. Memory statistics are on by default and
/// take a global mutex around every allocation SQLite makes (several per inserted row); nothing
/// here reads them. Must run before SQLite initializes: returns SQLITE_MISUSE afterwards.
static inline int distill_sqlite3_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
