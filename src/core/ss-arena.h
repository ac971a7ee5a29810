/* ss-arena.h: bump allocator for per-frame and per-capture allocations
 *
 * Dissection allocates its tree items and strings from a frame arena that is reset after each
 * frame, so dissecting a packet costs no malloc in the steady state. State kept across frames
 * lives in a capture arena and never points into a frame arena.
 */
#pragma once

#include <stdarg.h>

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SsArena SsArena;

SsArena *ss_arena_new      (gsize        chunk_size);
void     ss_arena_free     (SsArena     *arena);
/* Forgets every allocation but keeps the first chunk for reuse. */
void     ss_arena_reset    (SsArena     *arena);
/* Zero-filled, aligned to 16 bytes. */
gpointer ss_arena_alloc    (SsArena     *arena,
                            gsize        size);
/* The same, not filled. */
gpointer ss_arena_alloc_uninit (SsArena *arena,
                            gsize        size);
char    *ss_arena_strdup   (SsArena     *arena,
                            const char  *str);
char    *ss_arena_strndup  (SsArena     *arena,
                            const char  *str,
                            gsize        len);
char    *ss_arena_printf   (SsArena     *arena,
                            const char  *format,
                            ...) G_GNUC_PRINTF (2, 3);
char    *ss_arena_vprintf  (SsArena     *arena,
                            const char  *format,
                            va_list      args) G_GNUC_PRINTF (2, 0);

#define ss_arena_new0(arena, Type) ((Type *) ss_arena_alloc ((arena), sizeof (Type)))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsArena, ss_arena_free)

G_END_DECLS
