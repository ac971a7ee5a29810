/* ss-dissect-json.c: JavaScript Object Notation (RFC 8259), the media dissector for JSON bodies
 *
 * As tshark 4.0's packet-json.c: objects and arrays at the top level, one after the other, each
 * shown as a tree of members and values with the "extended path based filtering" fields
 * (json.path, json.member_with_value...) on by default. What does not parse is handed to the
 * line-based text dissector. Strings are unescaped as tshark's json_string_unescape does,
 * including its quirks (a \u escape at the very end of a string is dropped).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"

/* TODO(issue 4): declare these in ss-dissectors.h. */
void  ss_json_dissect_media       (SsPacket     *pkt,
                                   SsReader     *r,
                                   const char   *media_type);
void  ss_text_lines_dissect_media (SsPacket     *pkt,
                                   SsReader     *r,
                                   const char   *media_type);

enum
{
  JSON_F_ARRAY,
  JSON_F_OBJECT,
  JSON_F_MEMBER,
  JSON_F_KEY,
  JSON_F_PATH,
  JSON_F_PATH_WITH_VALUE,
  JSON_F_MEMBER_WITH_VALUE,
  JSON_F_VALUE_STRING,
  JSON_F_VALUE_NUMBER,
  JSON_F_VALUE_FALSE,
  JSON_F_VALUE_NULL,
  JSON_F_VALUE_TRUE,
  JSON_F_VALUE_NAN,
  JSON_F_COUNT
};

static const SsFieldDef json_fields[] = {
  [JSON_F_ARRAY] = { "json.array", N_("Array"), SS_FT_NONE, SS_BASE_NONE, NULL, 0, NULL,
                     N_("JSON array") },
  [JSON_F_OBJECT] = { "json.object", N_("Object"), SS_FT_NONE, SS_BASE_NONE, NULL, 0, NULL,
                      N_("JSON object") },
  [JSON_F_MEMBER] = { "json.member", N_("Member"), SS_FT_STRING, SS_BASE_NONE, NULL, 0, NULL,
                      N_("JSON object member") },
  [JSON_F_KEY] = { "json.key", N_("Key"), SS_FT_STRING },
  [JSON_F_PATH] = { "json.path", N_("Path"), SS_FT_STRING },
  [JSON_F_PATH_WITH_VALUE] = { "json.path_with_value", N_("Path with value"), SS_FT_STRING },
  [JSON_F_MEMBER_WITH_VALUE] = { "json.member_with_value", N_("Member with value"),
                                 SS_FT_STRING },
  [JSON_F_VALUE_STRING] = { "json.value.string", N_("String value"), SS_FT_STRING, SS_BASE_NONE,
                            NULL, 0, NULL, N_("JSON string value") },
  [JSON_F_VALUE_NUMBER] = { "json.value.number", N_("Number value"), SS_FT_STRING, SS_BASE_NONE,
                            NULL, 0, NULL, N_("JSON number value") },
  [JSON_F_VALUE_FALSE] = { "json.value.false", N_("False value"), SS_FT_NONE, SS_BASE_NONE,
                           NULL, 0, NULL, N_("JSON false value") },
  [JSON_F_VALUE_NULL] = { "json.value.null", N_("Null value"), SS_FT_NONE, SS_BASE_NONE, NULL,
                          0, NULL, N_("JSON null value") },
  [JSON_F_VALUE_TRUE] = { "json.value.true", N_("True value"), SS_FT_NONE, SS_BASE_NONE, NULL,
                          0, NULL, N_("JSON true value") },
  [JSON_F_VALUE_NAN] = { "json.value.nan", N_("NaN value"), SS_FT_NONE, SS_BASE_NONE, NULL, 0,
                         NULL, N_("JSON NaN value") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (json_fields) == JSON_F_COUNT);

/* epan's format_text, in ss-dissect-http.c. */
char *ss_http_format_text         (SsArena      *arena,
                                   const guint8 *p,
                                   gsize         n);

/* Deeper nesting is not parsed (tshark's parser would recurse without bound). */
#define JSON_MAX_DEPTH 256

typedef struct
{
  SsLayer      *l;
  const guint8 *buf;
  guint32       len;
  gboolean      emit;     /* FALSE: only check that it parses */
  guint         depth;
} JsonParser;

static guint32
skip_ws (const JsonParser *p,
         guint32           pos)
{
  while (pos < p->len && (p->buf[pos] == ' ' || p->buf[pos] == '\t' || p->buf[pos] == '\r'
                          || p->buf[pos] == '\n'))
    pos++;
  return pos;
}

/* ws_utf8_char_len */
static gint
utf8_char_len (guint8 ch)
{
  if (ch >= 0xfe)
    return -1;
  if (ch >= 0xfc)
    return 6;
  if (ch >= 0xf8)
    return 5;
  if (ch >= 0xf0)
    return 4;
  if (ch >= 0xe0)
    return 3;
  if (ch >= 0xc0)
    return 2;
  if (ch >= 0x80)
    return -1;
  return 1;
}

static gint
hex4 (const guint8 *s,
      guint32       i,
      guint32       n,
      guint32      *v)
{
  *v = 0;
  for (guint k = 0; k < 4; k++)
    {
      gint d;

      if (i + k >= n)
        return -1;
      d = g_ascii_xdigit_value (s[i + k]);
      if (d < 0)
        return -1;
      *v = *v << 4 | (guint32) d;
    }
  return 0;
}

/* json_string_unescape over @n bytes (without the quotes). */
static char *
unescape (SsArena      *arena,
          const guint8 *s,
          guint32       n)
{
  g_autoptr(GString) out = g_string_sized_new (n + 1);
  guint32 i = 0;

  while (i < n)
    {
      guint8 ch = s[i];

      if (ch != '\\')
        {
          gint cl = utf8_char_len (ch);

          if (cl <= 0)
            break;
          for (gint k = 0; k < cl && i < n; k++)
            g_string_append_c (out, (char) s[i++]);
          continue;
        }
      i++;
      if (i >= n)
        break;
      ch = s[i];
      switch (ch)
        {
        case '"': case '\\': case '/': g_string_append_c (out, (char) ch); i++; break;
        case 'b': g_string_append_c (out, '\b'); i++; break;
        case 'f': g_string_append_c (out, '\f'); i++; break;
        case 'n': g_string_append_c (out, '\n'); i++; break;
        case 'r': g_string_append_c (out, '\r'); i++; break;
        case 't': g_string_append_c (out, '\t'); i++; break;
        case 'u':
          {
            guint32 cp, trail;
            gboolean valid = TRUE;

            i++;
            if (hex4 (s, i, n, &cp) < 0)
              {
                /* tshark stops at the first byte that is not hex */
                while (i < n && g_ascii_isxdigit (s[i]))
                  i++;
                if (i < n)
                  i++;
                valid = FALSE;
              }
            else
              i += 4;
            if (valid && cp >= 0xd800 && cp <= 0xdbff)
              {
                if (i >= n)
                  break;
                if (s[i] == '\\')
                  {
                    i++;
                    if (i >= n)
                      break;
                    if (s[i] == 'u')
                      {
                        i++;
                        if (hex4 (s, i, n, &trail) < 0)
                          {
                            while (i < n && g_ascii_isxdigit (s[i]))
                              i++;
                            if (i < n)
                              i++;
                            valid = FALSE;
                          }
                        else
                          {
                            i += 4;
                            if (trail >= 0xdc00 && trail <= 0xdfff)
                              cp = 0x10000 + ((cp - 0xd800) << 10) + (trail - 0xdc00);
                            else
                              valid = FALSE;
                          }
                      }
                    else
                      {
                        i++;
                        valid = FALSE;
                      }
                  }
                else
                  {
                    i++;
                    valid = FALSE;
                  }
              }
            else if (valid && cp >= 0xdc00 && cp <= 0xdfff)
              valid = FALSE;
            if (!valid)
              g_string_append (out, "\xef\xbf\xbd");
            else if (g_unichar_validate (cp) && g_unichar_isprint (cp) && i < n)
              /* tshark appends only while bytes of the string remain after the escape */
              g_string_append_unichar (out, cp);
          }
          break;
        default:
          /* the grammar does not allow it */
          i++;
          break;
        }
    }
  return ss_arena_strndup (arena, out->str, out->len);
}

static gint64 parse_value (JsonParser *p,
                           guint32     pos,
                           SsItem     *parent,
                           const char *path,
                           const char *key);

/* A string token at @pos: returns the position after its closing quote, or -1. */
static gint64
parse_string (const JsonParser *p,
              guint32           pos)
{
  if (pos >= p->len || p->buf[pos] != '"')
    return -1;
  pos++;
  while (pos < p->len)
    {
      guint8 ch = p->buf[pos];

      if (ch == '"')
        return pos + 1;
      if (ch == '\\')
        {
          if (pos + 1 >= p->len)
            return -1;
          ch = p->buf[pos + 1];
          if (ch == 'u')
            {
              for (guint k = 2; k < 6; k++)
                if (pos + k >= p->len || !g_ascii_isxdigit (p->buf[pos + k]))
                  return -1;
              pos += 6;
            }
          else if (strchr ("\"\\/bfnrt", ch) && ch)
            pos += 2;
          else
            return -1;
          continue;
        }
      pos++;
    }
  return -1;
}

/* number = [ minus ] int [ frac ] [ exp ] */
static gint64
parse_number (const JsonParser *p,
              guint32           pos)
{
  const guint8 *b = p->buf;
  guint32 n = p->len;

  if (pos < n && b[pos] == '-')
    pos++;
  if (pos >= n || !g_ascii_isdigit (b[pos]))
    return -1;
  if (b[pos] == '0')
    pos++;
  else
    while (pos < n && g_ascii_isdigit (b[pos]))
      pos++;
  if (pos + 1 < n && b[pos] == '.' && g_ascii_isdigit (b[pos + 1]))
    {
      pos++;
      while (pos < n && g_ascii_isdigit (b[pos]))
        pos++;
    }
  if (pos < n && (b[pos] == 'e' || b[pos] == 'E'))
    {
      guint32 q = pos + 1;

      if (q < n && (b[q] == '+' || b[q] == '-'))
        q++;
      if (q < n && g_ascii_isdigit (b[q]))
        {
          while (q < n && g_ascii_isdigit (b[q]))
            q++;
          pos = q;
        }
    }
  return pos;
}

/* A string item whose tree label shows control characters escaped and invalid UTF-8 replaced,
 * as tshark's labels do. */
static SsItem *
add_string (SsLayer    *l,
            SsItem     *parent,
            guint       field,
            guint32     off,
            guint32     len,
            const char *value)
{
  SsItem *it = ss_layer_add_string (l, parent, field, off, len, value, -1);

  if (it && l->pkt->full)
    for (const guchar *c = (const guchar *) value; *c; c++)
      if (*c < 0x20 || *c >= 0x7f)
        {
          ss_item_set_text (l->pkt, it, "%s: %s", _(json_fields[field].name),
                            ss_http_format_text (l->pkt->arena, (const guint8 *) value,
                                                 strlen (value)));
          break;
        }
  return it;
}

/* A value that is not an object or array: the path and member fields, then the value. */
static void
emit_primitive (JsonParser *p,
                SsItem     *parent,
                guint       field,
                guint32     start,
                guint32     end,
                const char *path,
                const char *key)
{
  SsLayer *l = p->l;
  SsArena *arena = l->pkt->arena;
  const char *value;

  if (field == JSON_F_VALUE_STRING)
    value = unescape (arena, p->buf + start + 1, end - start - 2);
  else
    value = unescape (arena, p->buf + start, end - start);

  ss_item_set_flags (add_string (l, parent, JSON_F_PATH_WITH_VALUE, start, end - start,
                                 ss_arena_printf (arena, "%s:%s", path, value)),
                     SS_ITEM_GENERATED);
  ss_item_set_flags (add_string (l, parent, JSON_F_MEMBER_WITH_VALUE, start, end - start,
                                 ss_arena_printf (arena, "%s:%s", key, value)),
                     SS_ITEM_GENERATED);
  if (field == JSON_F_VALUE_STRING || field == JSON_F_VALUE_NUMBER)
    add_string (l, parent, field, start, end - start, value);
  else
    ss_layer_add_uint (l, parent, field, start, end - start, 0);
}

static gint64
parse_object (JsonParser *p,
              guint32     pos,
              SsItem     *parent,
              const char *path)
{
  SsLayer *l = p->l;
  SsItem *obj = NULL;
  guint32 ostart = pos;
  gint64 end;

  if (p->emit)
    obj = ss_layer_add_uint (l, parent, JSON_F_OBJECT, pos, 0, 0);
  pos = skip_ws (p, pos + 1);
  if (pos < p->len && p->buf[pos] == '}')
    {
      ss_item_set_length (obj, pos + 1 - ostart);
      return pos + 1;
    }
  for (;;)
    {
      guint32 kstart = pos, mstart = pos;
      gint64 kend = parse_string (p, pos);
      SsItem *member = NULL;
      char *key = NULL, *mpath = NULL;

      if (kend < 0)
        return -1;
      pos = skip_ws (p, (guint32) kend);
      if (pos >= p->len || p->buf[pos] != ':')
        return -1;
      pos = skip_ws (p, pos + 1);
      if (p->emit)
        {
          key = unescape (l->pkt->arena, p->buf + kstart + 1, (guint32) kend - kstart - 2);
          mpath = ss_arena_printf (l->pkt->arena, "%s/%s", path, key);
          member = add_string (l, obj, JSON_F_MEMBER, mstart, 0, key);
        }
      end = parse_value (p, pos, member, mpath, key);
      if (end < 0)
        return -1;
      if (p->emit)
        {
          ss_item_set_length (member, (guint32) end - mstart);
          add_string (l, member, JSON_F_KEY, kstart, (guint32) kend - kstart, key);
          ss_item_set_flags (add_string (l, member, JSON_F_PATH, mstart, (guint32) end - mstart,
                                         mpath), SS_ITEM_GENERATED);
        }
      pos = skip_ws (p, (guint32) end);
      if (pos < p->len && p->buf[pos] == ',')
        {
          pos = skip_ws (p, pos + 1);
          continue;
        }
      if (pos < p->len && p->buf[pos] == '}')
        {
          ss_item_set_length (obj, pos + 1 - ostart);
          return pos + 1;
        }
      return -1;
    }
}

static gint64
parse_array (JsonParser *p,
             guint32     pos,
             SsItem     *parent,
             const char *path)
{
  SsLayer *l = p->l;
  SsItem *arr = NULL;
  const char *apath = NULL;
  gint64 end;

  if (p->emit)
    {
      arr = ss_layer_add_uint (l, parent, JSON_F_ARRAY, pos, 0, 0);
      apath = ss_arena_printf (l->pkt->arena, "%s/[]", path);
    }
  pos = skip_ws (p, pos + 1);
  if (pos < p->len && p->buf[pos] == ']')
    return pos + 1;
  for (;;)
    {
      end = parse_value (p, pos, arr, apath, "[]");
      if (end < 0)
        return -1;
      pos = skip_ws (p, (guint32) end);
      if (pos < p->len && p->buf[pos] == ',')
        {
          pos = skip_ws (p, pos + 1);
          continue;
        }
      if (pos < p->len && p->buf[pos] == ']')
        return pos + 1;
      return -1;
    }
}

/* value = false / null / true / NaN / object / array / number / string, in the order tshark's
 * parser tries them. Returns the position after the value or -1. */
static gint64
parse_value (JsonParser *p,
             guint32     pos,
             SsItem     *parent,
             const char *path,
             const char *key)
{
  static const struct
  {
    const char *word;
    guint       field;
  } words[] = {
    { "false", JSON_F_VALUE_FALSE }, { "null", JSON_F_VALUE_NULL },
    { "true", JSON_F_VALUE_TRUE }, { "NaN", JSON_F_VALUE_NAN },
  };
  gint64 end;

  if (pos >= p->len)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize n = strlen (words[i].word);

      if (p->len - pos >= n && memcmp (p->buf + pos, words[i].word, n) == 0)
        {
          if (p->emit)
            emit_primitive (p, parent, words[i].field, pos, pos + (guint32) n, path, key);
          return pos + (guint32) n;
        }
    }
  if (p->buf[pos] == '{' || p->buf[pos] == '[')
    {
      if (p->depth >= JSON_MAX_DEPTH)
        return -1;
      p->depth++;
      end = p->buf[pos] == '{' ? parse_object (p, pos, parent, path)
                               : parse_array (p, pos, parent, path);
      p->depth--;
      return end;
    }
  end = parse_number (p, pos);
  if (end >= 0)
    {
      if (p->emit)
        emit_primitive (p, parent, JSON_F_VALUE_NUMBER, pos, (guint32) end, path, key);
      return end;
    }
  end = parse_string (p, pos);
  if (end >= 0 && p->emit)
    emit_primitive (p, parent, JSON_F_VALUE_STRING, pos, (guint32) end, path, key);
  return end;
}

void
ss_json_dissect_media (SsPacket   *pkt,
                       SsReader   *r,
                       const char *media_type)
{
  const char *col = pkt->col_protocol;
  JsonParser p = { NULL };
  SsLayer l;
  guint32 pos = 0;

  if (media_type && !media_type[0])
    media_type = NULL;

  l = ss_packet_begin_layer (pkt, SS_PROTO_JSON, r, 0, -1);
  ss_packet_set_protocol (pkt, col && col[0] ? ss_arena_printf (pkt->arena, "%s/JSON", col)
                                             : "JSON");
  ss_packet_append_info_sep (pkt, ", ", "%s", _("JavaScript Object Notation"));
  if (l.top && media_type)
    ss_item_set_text (pkt, l.top, "%s: %s", _("JavaScript Object Notation"), media_type);

  p.l = &l;
  p.buf = ss_reader_peek (r, 0, r->captured);
  p.len = p.buf ? r->captured : 0;
  for (;;)
    {
      guint32 start = skip_ws (&p, pos);
      gint64 end;

      if (start >= p.len || (p.buf[start] != '{' && p.buf[start] != '['))
        break;
      p.emit = FALSE;
      p.depth = 0;
      if (parse_value (&p, start, NULL, "", "") < 0)
        break;
      p.emit = TRUE;
      p.depth = 0;
      end = parse_value (&p, start, NULL, "", "");
      /* tshark's parser also takes the blanks after a value */
      pos = skip_ws (&p, (guint32) end);
    }
  ss_item_set_length (l.top, pos);

  if (pos < r->reported)
    {
      SsReader rest;

      ss_reader_sub (r, pos, -1, &rest);
      ss_text_lines_dissect_media (pkt, &rest, media_type);
    }
  else if (media_type)
    ss_packet_append_info_sep (pkt, " ", "(%s)", media_type);
}

static void
dissect_json (SsPacket *pkt,
              SsReader *r)
{
  ss_json_dissect_media (pkt, r, NULL);
}

const SsProtocol ss_proto_json = {
  .id = SS_PROTO_JSON,
  .application = TRUE,
  .abbrev = "json",
  .short_name = "JSON",
  .name = N_("JavaScript Object Notation"),
  .fields = json_fields,
  .n_fields = JSON_F_COUNT,
  .dissect = dissect_json,
};
