/* See LICENSE file for copyright and license details. */
/* Command-line conventions shared by every stage. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/*
 * The lexicons of the source tree a program was built in: build/bin/X
 * looks in build/bin/../../lexicons, so programs run from a checkout
 * need no installation and no environment.  NULL when there is none.
 */
static const char *
tree_lexdir(void)
{
	static char dir[PATH_MAX + 16];
	struct stat sb;
	char exe[PATH_MAX];
	ssize_t n;
	char *slash;
	int i;

	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	for (i = 0; i < 3; i++) {	/* strip "/glean-X", "/bin", "/build" */
		if (!(slash = strrchr(exe, '/')))
			return NULL;
		*slash = '\0';
	}
	snprintf(dir, sizeof dir, "%s/lexicons", exe);
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode) ||
	    access(dir, R_OK) != 0)
		return NULL;
	return dir;
}

/* -L wins, then the environment, then the lexicons of the source tree
 * the program was built in, then the installed data directory. */
const char *
glean_lexdir(const struct glean_opts *o)
{
	const char *env, *tree;

	if (o && o->lexdir)
		return o->lexdir;
	env = getenv("GLEAN_LEXICONS");
	if (env && *env)
		return env;
	if ((tree = tree_lexdir()))
		return tree;
	return DATADIR;
}
