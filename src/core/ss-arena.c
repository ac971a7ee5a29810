/* ss-arena.c: bump allocator */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ss-arena.h"
#include "ss-printf.h"

typedef struct _SsArenaChunk SsArenaChunk;

struct _SsArenaChunk
{
  SsArenaChunk *next;
  gsize         size;
  gsize         used;
  /* data follows, 16-byte aligned */
};

struct _SsArena
{
  SsArenaChunk *first;     /* kept across resets */
  SsArenaChunk *current;
  SsArenaChunk *spare;     /* chunks of chunk_size kept by a reset for reuse */
  guint         n_spare;
  gsize         chunk_size;
};

/* What a reset keeps for reuse: a pass that keeps a batch of packets reuses the same memory for
 * the next batch instead of handing it back to malloc (which, on a thread's own heap, gives
 * it back to the system and takes page faults to get it again). */
#define SPARE_BYTES (32 * 1024 * 1024)

#define CHUNK_HEADER ((sizeof (SsArenaChunk) + 15) & ~(gsize) 15)

static SsArenaChunk *
ss_arena_chunk_new (gsize size)
{
  SsArenaChunk *chunk = g_malloc (CHUNK_HEADER + size);

  chunk->next = NULL;
  chunk->size = size;
  chunk->used = 0;
  return chunk;
}

SsArena *
ss_arena_new (gsize chunk_size)
{
  SsArena *arena = g_new0 (SsArena, 1);

  arena->chunk_size = MAX (chunk_size, 4096);
  arena->first = arena->current = ss_arena_chunk_new (arena->chunk_size);
  return arena;
}

static void
ss_arena_free_chain (SsArenaChunk *chunk)
{
  while (chunk)
    {
      SsArenaChunk *next = chunk->next;
      g_free (chunk);
      chunk = next;
    }
}

void
ss_arena_free (SsArena *arena)
{
  if (!arena)
    return;
  ss_arena_free_chain (arena->first);
  ss_arena_free_chain (arena->spare);
  g_free (arena);
}

void
ss_arena_reset (SsArena *arena)
{
  SsArenaChunk *chunk = arena->first->next;

  while (chunk)
    {
      SsArenaChunk *next = chunk->next;

      if (chunk->size == arena->chunk_size
          && (arena->n_spare + 1) * arena->chunk_size <= SPARE_BYTES)
        {
          chunk->next = arena->spare;
          arena->spare = chunk;
          arena->n_spare++;
        }
      else
        g_free (chunk);
      chunk = next;
    }
  arena->first->next = NULL;
  arena->first->used = 0;
  arena->current = arena->first;
}

gpointer
ss_arena_alloc (SsArena *arena,
                gsize    size)
{
  gpointer p = ss_arena_alloc_uninit (arena, size);

  memset (p, 0, size);
  return p;
}

gpointer
ss_arena_alloc_uninit (SsArena *arena,
                       gsize    size)
{
  SsArenaChunk *chunk = arena->current;
  guint8 *p;

  size = (size + 15) & ~(gsize) 15;
  if (G_UNLIKELY (size > chunk->size - chunk->used))
    {
      if (size <= arena->chunk_size && arena->spare)
        {
          chunk = arena->spare;
          arena->spare = chunk->next;
          arena->n_spare--;
          chunk->next = NULL;
          chunk->used = 0;
        }
      else
        chunk = ss_arena_chunk_new (MAX (arena->chunk_size, size));
      arena->current->next = chunk;
      arena->current = chunk;
    }
  p = (guint8 *) chunk + CHUNK_HEADER + chunk->used;
  chunk->used += size;
  return p;
}

char *
ss_arena_strndup (SsArena    *arena,
                  const char *str,
                  gsize       len)
{
  char *s = ss_arena_alloc (arena, len + 1);

  if (len)
    memcpy (s, str, len);
  s[len] = '\0';
  return s;
}

char *
ss_arena_strdup (SsArena    *arena,
                 const char *str)
{
  return str ? ss_arena_strndup (arena, str, strlen (str)) : NULL;
}

char *
ss_arena_vprintf (SsArena    *arena,
                  const char *format,
                  va_list     args)
{
  char buf[256];
  va_list copy;
  int n;
  char *s;

  va_copy (copy, args);
  n = ss_vsnprintf (buf, sizeof buf, format, copy);
  va_end (copy);
  if (n < 0)
    return ss_arena_strdup (arena, "");
  if ((gsize) n < sizeof buf)
    return ss_arena_strndup (arena, buf, n);
  s = ss_arena_alloc (arena, (gsize) n + 1);
  ss_vsnprintf (s, (gsize) n + 1, format, args);
  return s;
}

char *
ss_arena_printf (SsArena    *arena,
                 const char *format,
                 ...)
{
  va_list args;
  char *s;

  va_start (args, format);
  s = ss_arena_vprintf (arena, format, args);
  va_end (args);
  return s;
}
