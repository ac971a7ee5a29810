/* ss-helper-k8s.c: Kubernetes pod, namespace, container and node of a cgroup id, from what the
 * node itself holds (no cluster API)
 *
 * Sources, all on the node:
 * - The cgroup v2 hierarchy: a cgroup's id is the inode number of its directory. The helper
 *   walks the hierarchy once, keeps id → path, and walks again on a miss at most once a second.
 * - The kubelet's cgroup names. systemd driver:
 *     kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod<UID, - as _>.slice/
 *       cri-containerd-<64 hex>.scope   (docker-<id>.scope, crio-<id>.scope)
 *   cgroupfs driver: kubepods/burstable/pod<UID>/<container id> (guaranteed pods sit directly
 *   under kubepods.slice or kubepods).
 * - The kubelet's log layout: /var/log/pods/<namespace>_<pod>_<UID>/<container>/N.log, and the
 *   symlinks /var/log/containers/<pod>_<namespace>_<container>-<container id>.log (names are DNS
 *   labels, so "_" separates them unambiguously).
 * - The node's name: NODE_NAME (the DaemonSet sets it from spec.nodeName through the downward
 *   API), else the host name.
 */

#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ss-helper.h"

#define REWALK_INTERVAL_US G_USEC_PER_SEC
#define MAX_DEPTH          32
#define MAX_CGROUPS        200000

struct _SsHelperK8s
{
  char       *cgroup_root;
  char       *log_root;
  char       *node;
  GHashTable *paths;       /* guint64 cgroup id → path relative to cgroup_root */
  GHashTable *infos;       /* guint64 cgroup id → SsHelperK8sInfo (NULL: not a pod's) */
  gint64      last_walk_us;
  gboolean    walked;
};

static void
info_free (gpointer data)
{
  SsHelperK8sInfo *info = data;

  if (info == NULL)
    return;
  g_free (info->pod);
  g_free (info->namespace);
  g_free (info->container);
  g_free (info->pod_uid);
  g_free (info->container_id);
  g_free (info);
}

SsHelperK8s *
ss_helper_k8s_new (const char *cgroup_root,
                   const char *log_root,
                   const char *node)
{
  SsHelperK8s *k = g_new0 (SsHelperK8s, 1);

  k->cgroup_root = g_strdup (cgroup_root);
  k->log_root = g_strdup (log_root);
  k->node = g_strdup (node);
  k->paths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  k->infos = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, info_free);
  return k;
}

void
ss_helper_k8s_free (SsHelperK8s *k)
{
  if (k == NULL)
    return;
  g_free (k->cgroup_root);
  g_free (k->log_root);
  g_free (k->node);
  g_hash_table_unref (k->paths);
  g_hash_table_unref (k->infos);
  g_free (k);
}

const char *
ss_helper_k8s_get_node (const SsHelperK8s *k)
{
  return k->node;
}

/* The cgroup tree ----------------------------------------------------------------------------- */

static void
walk (SsHelperK8s *k,
      int          dirfd,
      const char  *rel,
      guint        depth)
{
  DIR *dir;
  struct dirent *de;

  if (depth > MAX_DEPTH || (dir = fdopendir (dirfd)) == NULL)
    {
      close (dirfd);
      return;
    }
  while ((de = readdir (dir)) != NULL && g_hash_table_size (k->paths) < MAX_CGROUPS)
    {
      struct stat st;
      g_autofree char *path = NULL;
      int fd;

      if (de->d_type != DT_DIR || strcmp (de->d_name, ".") == 0
          || strcmp (de->d_name, "..") == 0)
        continue;
      fd = openat (dirfd, de->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) != 0)
        {
          close (fd);
          continue;
        }
      path = *rel ? g_strconcat (rel, "/", de->d_name, NULL) : g_strdup (de->d_name);
      g_hash_table_replace (k->paths, g_memdup2 (&(guint64) { st.st_ino }, sizeof (guint64)),
                            g_strdup (path));
      walk (k, fd, path, depth + 1);
    }
  closedir (dir);
}

static void
rewalk (SsHelperK8s *k)
{
  struct stat st;
  int fd;

  k->last_walk_us = g_get_monotonic_time ();
  k->walked = TRUE;
  g_hash_table_remove_all (k->paths);
  fd = open (k->cgroup_root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return;
  /* The root is a cgroup too (processes that were never moved). */
  if (fstat (fd, &st) == 0)
    g_hash_table_replace (k->paths, g_memdup2 (&(guint64) { st.st_ino }, sizeof (guint64)),
                          g_strdup (""));
  walk (k, fd, "", 0);
}

/* Cgroup names -------------------------------------------------------------------------------- */

static gboolean
is_hex_id (const char *s,
           gsize       len)
{
  if (len < 12 || len > 64)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isxdigit (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_uid (const char *s)
{
  gsize len = strlen (s);

  if (len < 8 || len > 64)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isxdigit (s[i]) && s[i] != '-')
      return FALSE;
  return TRUE;
}

/* The pod's UID from one path component, or NULL: "kubepods-burstable-pod<uid_>.slice",
 * "kubepods-pod<uid_>.slice" (systemd) or "pod<uid>" (cgroupfs). */
static char *
pod_uid_of (const char *comp)
{
  const char *p;
  g_autofree char *uid = NULL;

  if (g_str_has_prefix (comp, "kubepods") && g_str_has_suffix (comp, ".slice")
      && (p = strstr (comp, "-pod")) != NULL)
    {
      uid = g_strndup (p + 4, strlen (p + 4) - strlen (".slice"));
      g_strdelimit (uid, "_", '-');
    }
  else if (g_str_has_prefix (comp, "pod"))
    uid = g_strdup (comp + 3);
  return uid && is_uid (uid) ? g_steal_pointer (&uid) : NULL;
}

/* The container's id from the component below the pod's: "cri-containerd-<id>.scope",
 * "docker-<id>.scope", "crio-<id>.scope" (systemd) or "<id>" (cgroupfs). */
static char *
container_id_of (const char *comp)
{
  static const char *const prefixes[] = { "cri-containerd-", "docker-", "crio-" };
  gsize len = strlen (comp);

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (comp, prefixes[i]) && g_str_has_suffix (comp, ".scope"))
      {
        const char *id = comp + strlen (prefixes[i]);
        gsize n = len - strlen (prefixes[i]) - strlen (".scope");

        return is_hex_id (id, n) ? g_ascii_strdown (id, (gssize) n) : NULL;
      }
  return is_hex_id (comp, len) ? g_ascii_strdown (comp, (gssize) len) : NULL;
}

gboolean
ss_helper_k8s_parse_cgroup_path (const char  *path,
                                 char       **pod_uid,
                                 char       **container_id)
{
  g_auto(GStrv) comps = g_strsplit (path, "/", -1);
  gboolean under_kubepods = FALSE;

  *pod_uid = *container_id = NULL;
  for (guint i = 0; comps[i]; i++)
    {
      /* Only below the kubelet's own "kubepods" cgroup (the systemd pod slice is one too). */
      if (g_str_has_prefix (comps[i], "kubepods"))
        under_kubepods = TRUE;
      if (!under_kubepods)
        continue;
      *pod_uid = pod_uid_of (comps[i]);
      if (*pod_uid)
        {
          if (comps[i + 1])
            *container_id = container_id_of (comps[i + 1]);
          return TRUE;
        }
    }
  return FALSE;
}

/* Names from the kubelet's log directories ---------------------------------------------------- */

static gboolean
is_label (const char *s)
{
  if (*s == '\0' || strlen (s) > 253)
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isalnum (*s) && *s != '-' && *s != '.')
      return FALSE;
  return TRUE;
}

static void
resolve_names (SsHelperK8s     *k,
               SsHelperK8sInfo *info)
{
  g_autofree char *pods = g_build_filename (k->log_root, "pods", NULL);
  g_autofree char *containers = g_build_filename (k->log_root, "containers", NULL);
  g_autofree char *suffix = g_strconcat ("_", info->pod_uid, NULL);
  GDir *dir;
  const char *name;

  /* /var/log/pods/<namespace>_<pod>_<uid> */
  dir = g_dir_open (pods, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_auto(GStrv) parts = NULL;

      if (!g_str_has_suffix (name, suffix))
        continue;
      parts = g_strsplit (name, "_", 3);
      if (g_strv_length (parts) == 3 && is_label (parts[0]) && is_label (parts[1]))
        {
          info->namespace = g_strdup (parts[0]);
          info->pod = g_strdup (parts[1]);
          break;
        }
    }
  g_clear_pointer (&dir, g_dir_close);
  if (info->container_id == NULL)
    return;

  /* /var/log/containers/<pod>_<namespace>_<container>-<container id>.log */
  g_free (suffix);
  suffix = g_strconcat ("-", info->container_id, ".log", NULL);
  dir = g_dir_open (containers, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_auto(GStrv) parts = NULL;
      g_autofree char *stem = NULL;

      if (!g_str_has_suffix (name, suffix))
        continue;
      stem = g_strndup (name, strlen (name) - strlen (suffix));
      parts = g_strsplit (stem, "_", 3);
      if (g_strv_length (parts) != 3 || !is_label (parts[0]) || !is_label (parts[1])
          || !is_label (parts[2]))
        continue;
      if (info->pod == NULL)
        {
          info->pod = g_strdup (parts[0]);
          info->namespace = g_strdup (parts[1]);
        }
      if (strcmp (info->pod, parts[0]) == 0 && strcmp (info->namespace, parts[1]) == 0)
        {
          info->container = g_strdup (parts[2]);
          break;
        }
    }
  g_clear_pointer (&dir, g_dir_close);
}

static gboolean
is_complete (const SsHelperK8sInfo *info)
{
  return info == NULL || (info->pod && (info->container || info->container_id == NULL));
}

const SsHelperK8sInfo *
ss_helper_k8s_lookup (SsHelperK8s *k,
                      guint64      cgroup_id,
                      gboolean    *settled)
{
  SsHelperK8sInfo *info;
  const char *path;
  gpointer value;
  g_autofree char *uid = NULL;
  g_autofree char *cid = NULL;

  *settled = TRUE;
  if (cgroup_id == 0)
    return NULL;
  if (g_hash_table_lookup_extended (k->infos, &cgroup_id, NULL, &value))
    {
      info = value;
      /* A pod's log files may appear after its first packets: look again now and then. */
      if (!is_complete (info) && g_get_monotonic_time () >= info->retry_us)
        {
          g_clear_pointer (&info->pod, g_free);
          g_clear_pointer (&info->namespace, g_free);
          g_clear_pointer (&info->container, g_free);
          resolve_names (k, info);
          info->retry_us = g_get_monotonic_time () + REWALK_INTERVAL_US;
        }
      *settled = is_complete (info);
      return info;
    }
  path = g_hash_table_lookup (k->paths, &cgroup_id);
  if (path == NULL)
    {
      /* A walk made after the packet was sent and that does not find its cgroup means the
       * cgroup is outside the root (or already gone): that answer is final. A more recent
       * cgroup than the last walk is asked about again once a second has passed. */
      if (k->walked && g_get_monotonic_time () - k->last_walk_us < REWALK_INTERVAL_US)
        {
          *settled = FALSE;
          return NULL;
        }
      rewalk (k);
      path = g_hash_table_lookup (k->paths, &cgroup_id);
      if (path == NULL)
        {
          g_hash_table_insert (k->infos, g_memdup2 (&cgroup_id, sizeof cgroup_id), NULL);
          return NULL;
        }
    }

  info = NULL;
  if (ss_helper_k8s_parse_cgroup_path (path, &uid, &cid))
    {
      info = g_new0 (SsHelperK8sInfo, 1);
      info->pod_uid = g_steal_pointer (&uid);
      info->container_id = g_steal_pointer (&cid);
      resolve_names (k, info);
      info->retry_us = g_get_monotonic_time () + REWALK_INTERVAL_US;
    }
  /* Cgroup ids are not reused, so the answer, a pod's or not, holds for the whole capture. */
  g_hash_table_insert (k->infos, g_memdup2 (&cgroup_id, sizeof cgroup_id), info);
  *settled = is_complete (info);
  return info;
}
