#include "jobtrack-commands.h"
int jt_cmd_outcome (JtCli *cli, int argc, char **argv) { return 0; }
