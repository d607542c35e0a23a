#include <zlib.h>

/// inflateInit2 is a macro over inflateInit2_ with the library's version and stream size.
static inline int distill_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 32);
}
