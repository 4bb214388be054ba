/* See LICENSE file for copyright and license details. */
/* Command-line conventions shared by every stage. */
#include <stdio.h>
#include <stdlib.h>

#include "glean.h"

int
glean_common_option(int c, const char *arg, struct glean_opts *o,
    void (*usage)(int status))
{
	switch (c) {
	case 'h':
		usage(GLEAN_EXIT_OK);
		return 1;
	case 'V':
		printf("%s %s\n", glean_prog, VERSION);
		exit(GLEAN_EXIT_OK);
	case 'L':
		o->lexdir = arg;
		return 1;
	case GLEAN_OPT_STRICT:
		o->strict = 1;
		return 1;
	case GLEAN_OPT_UNBUFFERED:
		o->unbuffered = 1;
		glean_set_unbuffered(1);
		return 1;
	case '?':
	case ':':
		usage(GLEAN_EXIT_FATAL);
		return 1;
	}
	return 0;
}

/* -L wins, then the environment (tests point it at ./lexicons), then the
 * installed data directory. */
const char *
glean_lexdir(const struct glean_opts *o)
{
	const char *env;

	if (o && o->lexdir)
		return o->lexdir;
	env = getenv("GLEAN_LEXICONS");
	if (env && *env)
		return env;
	return DATADIR;
}
