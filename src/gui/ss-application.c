/* ss-application.c: application-wide actions, accelerators, menus and styles */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-application.h"
#include "ss-recent.h"
#include "ss-resources.h"
#include "ss-window.h"
#include "ss-ui-path.h"

struct _SsApplication
{
  GtkApplication       parent_instance;
  SsRegistry          *reg;
  SsRecent            *recent;
  GMenu               *recent_menu;
  SsScreenshotRequest *screenshot;
  char                *initial_filter;
  char                *bench_filter;
  gint64               start_us;
};

G_DEFINE_FINAL_TYPE (SsApplication, ss_application, GTK_TYPE_APPLICATION)

void
ss_screenshot_request_free (SsScreenshotRequest *request)
{
  if (!request)
    return;
  g_free (request->output);
  g_free (request->filter);
  g_free (request);
}

const SsRegistry *
ss_application_get_registry (SsApplication *self)
{
  g_return_val_if_fail (SS_IS_APPLICATION (self), NULL);
  if (!self->reg)
    self->reg = ss_registry_new ();
  return self->reg;
}

SsRecent *
ss_application_get_recent (SsApplication *self)
{
  g_return_val_if_fail (SS_IS_APPLICATION (self), NULL);
  if (!self->recent)
    {
      g_autofree char *path = g_build_filename (g_get_user_config_dir (), "stratoshark", "recent",
                                                NULL);

      self->recent = ss_recent_new (path);
    }
  return self->recent;
}

void
ss_application_set_screenshot (SsApplication       *self,
                               SsScreenshotRequest *request)
{
  g_clear_pointer (&self->screenshot, ss_screenshot_request_free);
  self->screenshot = request;
}

void
ss_application_set_initial_filter (SsApplication *self,
                                   const char    *filter)
{
  g_free (self->initial_filter);
  self->initial_filter = g_strdup (filter);
}

void
ss_application_set_bench_filter (SsApplication *self,
                                 const char    *filter,
                                 gint64         start_us)
{
  self->start_us = start_us;
  g_free (self->bench_filter);
  self->bench_filter = g_strdup (filter);
}

static void
refresh_recent_menu (SsApplication *self)
{
  const char * const *files = ss_recent_get_files (ss_application_get_recent (self));

  if (!self->recent_menu)
    return;
  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; files[i]; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (NULL, NULL);

      g_menu_item_set_attribute (item, "label", "s", files[i]);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (files[i]));
      g_menu_append_item (self->recent_menu, item);
    }
}

static void
refresh_recent_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       data)
{
  refresh_recent_menu (SS_APPLICATION (data));
}

static void
clear_recent_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       data)
{
  SsApplication *self = data;

  /* The files go; the filter history stays. */
  ss_recent_clear_files (ss_application_get_recent (self));
  refresh_recent_menu (self);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (SS_IS_WINDOW (l->data))
      ss_window_refresh_recent (l->data);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (data));

  /* Close every window (cancelling their workers), then the application ends by itself. */
  while (windows)
    {
      GtkWindow *window = windows->data;

      windows = windows->next;
      gtk_window_destroy (window);
    }
  g_application_quit (G_APPLICATION (data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       data)
{
  static const char *const authors[] = { "StratoShark developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (data));

  gtk_show_about_dialog (parent,
                         "program-name", "StratoShark",
                         "logo-icon-name", SS_APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("A network analyzer for SREs who run Kubernetes"),
                         "license-type", GTK_LICENSE_GPL_2_0,
                         "authors", authors,
                         "website", "https://github.com/stratoshark/stratoshark",
                         NULL);
}

static void
nothing_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
}

static const GActionEntry app_entries[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", nothing_action },
  { "clear-recent", clear_recent_action },
  { "refresh-recent", refresh_recent_action },
};

/* Wireshark's shortcuts (its Qt menus, View → Time Display Format, Go ...). The keys a text
 * entry also uses (Ctrl/Shift with arrows, Ctrl+Home/End) are not here: the window binds them
 * on its panes only, so they still edit the filter text (ss_window_init()). */
static const struct
{
  const char *action;
  const char *accels[3];
} accels[] = {
  { "win.open", { "<Control>o", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.reload", { "<Control>r", "F5", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "win.find-packet", { "<Control>f", NULL } },
  { "win.find-next", { "<Control>n", NULL } },
  { "win.find-previous", { "<Control>b", NULL } },
  { "app.preferences", { "<Control><Shift>p", NULL } },
  { "win.copy-description", { "<Control><Shift>d", NULL } },
  { "win.copy-field-name", { "<Control><Shift>f", NULL } },
  { "win.copy-value", { "<Control><Shift>v", NULL } },
  { "win.copy-as-filter", { "<Control><Shift>c", NULL } },
  { "win.apply-as-column", { "<Control><Shift>i", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>KP_Add", NULL } },
  { "win.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
  { "win.zoom-normal", { "<Control>equal", "<Control>0", NULL } },
  { "win.time-format::date", { "<Control><Alt>1", NULL } },
  { "win.time-format::time", { "<Control><Alt>2", NULL } },
  { "win.time-format::epoch", { "<Control><Alt>3", NULL } },
  { "win.time-format::relative", { "<Control><Alt>4", NULL } },
  { "win.time-format::delta", { "<Control><Alt>5", NULL } },
  { "win.time-format::delta-displayed", { "<Control><Alt>6", NULL } },
  { "win.time-format::utc", { "<Control><Alt>7", NULL } },
  { "win.go-to-packet", { "<Control>g", NULL } },
  { "win.go-next-conversation", { "<Control>period", NULL } },
  { "win.go-previous-conversation", { "<Control>comma", NULL } },
  { "win.capture-start", { "<Control>e", NULL } },
  { "win.capture-options", { "<Control>k", NULL } },
  { "win.follow-tcp", { "<Control><Alt><Shift>t", NULL } },
  { "win.follow-udp", { "<Control><Alt><Shift>u", NULL } },
  { "win.follow-tls", { "<Control><Alt><Shift>s", NULL } },
  { "win.follow-http", { "<Control><Alt><Shift>h", NULL } },
  { "win.capture-file-properties", { "<Control><Alt><Shift>c", NULL } },
  { "win.focus-filter", { "<Control>slash", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
};

static void
ss_application_startup (GApplication *app)
{
  SsApplication *self = SS_APPLICATION (app);
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (ss_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries),
                                   app);
  /* TODO(issue 6): a Preferences window (columns, name resolution, layouts). */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app),
                                                                            "preferences")),
                               FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);

  builder = gtk_builder_new_from_resource (SS_RESOURCE_UI "ss-menus.ui");
  gtk_application_set_menubar (GTK_APPLICATION (app),
                               G_MENU_MODEL (gtk_builder_get_object (builder, "menubar")));
  self->recent_menu = g_object_ref (G_MENU (gtk_builder_get_object (builder, "recent_files")));
  refresh_recent_menu (self);

  gtk_css_provider_load_from_resource (css, SS_RESOURCE_UI "ss-style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_icon_name (SS_APPLICATION_ID);
}

static SsWindow *
new_window (SsApplication *self)
{
  SsWindow *window = ss_window_new (self);

  if (self->initial_filter)
    {
      ss_window_apply_filter (window, self->initial_filter);
      g_clear_pointer (&self->initial_filter, g_free);
    }
  if (self->screenshot)
    ss_window_set_screenshot (window, g_steal_pointer (&self->screenshot));
  if (self->bench_filter)
    {
      ss_window_set_bench_filter (window, self->bench_filter, self->start_us);
      g_clear_pointer (&self->bench_filter, g_free);
    }
  return window;
}

static void
ss_application_activate (GApplication *app)
{
  SsApplication *self = SS_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (!window)
    {
      window = GTK_WINDOW (new_window (self));
      /* `--screenshot` without a file: the start page. */
      ss_window_take_pending_screenshot (SS_WINDOW (window));
    }
  gtk_window_present (window);
}

static void
ss_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  SsApplication *self = SS_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      SsWindow *window = NULL;

      if (!path)
        continue;
      /* Reuse a window that shows no file (the start page), as Wireshark does. */
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
        if (SS_IS_WINDOW (l->data) && !ss_window_get_document (l->data))
          {
            window = l->data;
            break;
          }
      if (!window)
        window = new_window (self);
      gtk_window_present (GTK_WINDOW (window));
      ss_window_open_file (window, path);
    }
}

static void
ss_application_finalize (GObject *object)
{
  SsApplication *self = SS_APPLICATION (object);

  g_clear_object (&self->recent_menu);
  g_clear_pointer (&self->recent, ss_recent_free);
  g_clear_pointer (&self->reg, ss_registry_free);
  g_clear_pointer (&self->screenshot, ss_screenshot_request_free);
  g_free (self->initial_filter);
  g_free (self->bench_filter);
  G_OBJECT_CLASS (ss_application_parent_class)->finalize (object);
}

static void
ss_application_class_init (SsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ss_application_finalize;
  /* The resource lives in a static library: naming it makes the linker keep it (and its
   * constructor registers it). */
  g_assert (ss_get_resource () != NULL);
  app_class->startup = ss_application_startup;
  app_class->activate = ss_application_activate;
  app_class->open = ss_application_open;
}

static void
ss_application_init (SsApplication *self)
{
}

SsApplication *
ss_application_new (GApplicationFlags extra_flags)
{
  return g_object_new (SS_TYPE_APPLICATION,
                       "application-id", SS_APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | extra_flags,
                       "resource-base-path", "/io/github/stratoshark/StratoShark",
                       NULL);
}
