/* ss-helper-caps.c: saying which capability is missing, and dropping them once the sources are
 * open (as wireshark's dumpcap.c relinquish_all_capabilities and tcpdump's droproot do) */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/capability.h>

#include <glib/gi18n-lib.h>

#include "ss-helper.h"
#include "ss-capfile.h"

void
ss_helper_caps_explain (const char *what,
                        const char *caps)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self == NULL)
    self = g_strdup ("stratoshark-capture");
  g_printerr (_("stratoshark-capture: %s needs the %s capabilities, which this process does not "
                "have.\n"
                "Grant them once to the helper (as root):\n"
                "  setcap cap_net_raw,cap_net_admin,cap_bpf,cap_perfmon+ep %s\n"
                "or run the capture through polkit (policy "
                "io.github.stratoshark.StratoShark.capture):\n"
                "  pkexec %s ...\n"),
              what, caps, self, self);
}

gboolean
ss_helper_caps_drop (const char * const  *keep,
                     GError             **error)
{
  cap_t caps = cap_init ();
  gboolean ok = FALSE;

  if (caps == NULL)
    goto cleanup;
  for (guint i = 0; keep && keep[i]; i++)
    {
      cap_value_t v;

      if (cap_from_name (keep[i], &v) != 0)
        goto cleanup;
      if (cap_set_flag (caps, CAP_PERMITTED, 1, &v, CAP_SET) != 0
          || cap_set_flag (caps, CAP_EFFECTIVE, 1, &v, CAP_SET) != 0)
        goto cleanup;
    }
  if (cap_set_proc (caps) != 0)
    goto cleanup;
  /* Nothing the helper might run later can gain privileges again. */
  if (prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
    goto cleanup;
  ok = TRUE;

cleanup:
  if (!ok)
    g_set_error (error, SS_HELPER_ERROR, SS_HELPER_ERROR_FAILED,
                 "could not drop capabilities: %s", g_strerror (errno));
  if (caps)
    cap_free (caps);
  return ok;
}
