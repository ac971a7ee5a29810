/* ss-printf.h: a fast vsnprintf() for the formats of labels and the Info column */
#pragma once

#include <stdarg.h>

#include <glib.h>

G_BEGIN_DECLS

/* vsnprintf() for the formats labels and the Info column use, several times faster than
 * glibc's: text, %s (with a width, "-" and a precision, ".*" too), %c, %d %i %u %x %X (with a
 * width, "-" and "0", and the l, ll and z sizes) and %%. Writes at most @size - 1 bytes and a
 * NUL, and returns the length of the whole text; or returns -1 when the format holds anything
 * else, having read some of @args: pass a copy, and on -1 call g_vsnprintf() with the
 * original. */
int         ss_format_vsnprintf    (char           *buf,
                                    gsize           size,
                                    const char     *format,
                                    va_list         args);
/* g_vsnprintf() with ss_format_vsnprintf() tried first: any format, the fast way when it can
 * be. Reads @args as g_vsnprintf() does. */
int         ss_vsnprintf           (char           *buf,
                                    gsize           size,
                                    const char     *format,
                                    va_list         args);

G_END_DECLS
