/* ss-ui-path.h: where the templates are in the GResource (ui/stratoshark.gresource.xml) */
#pragma once

#define SS_RESOURCE_UI "/io/github/stratoshark/StratoShark/ui/"
