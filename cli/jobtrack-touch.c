#include "jobtrack-commands.h"
int jt_cmd_touch (JtCli *cli, int argc, char **argv) { return 0; }
