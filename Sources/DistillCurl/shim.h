#include <curl/curl.h>

/// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: one typed wrapper
/// per argument kind, as swift-corelibs-foundation does.
static inline CURLcode distill_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode distill_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode distill_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode distill_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}
typedef size_t (*distill_curl_data_callback)(char *, size_t, size_t, void *);
static inline CURLcode distill_curl_setopt_callback(CURL *handle, CURLoption option, distill_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode distill_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// CURL_GLOBAL_DEFAULT is a macro of macros that Swift does not import; libcurl's docs ask for
/// exactly one curl_global_init before any other call, so the caller keeps its result in a static let.
static inline CURLcode distill_curl_global_init(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}
