// BSD libedit from Debian's libedit-dev: line editing and history for the shell.
#include <stdio.h>
#include <histedit.h>
