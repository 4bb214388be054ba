/* See LICENSE file for copyright and license details. */
/* Command-line conventions shared by every stage. */
#include <errno.h>
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
	case GLEAN_OPT_LEXDIR:
		o->show_lexdir = 1;
		return 1;
	case '?':
	case ':':
		usage(GLEAN_EXIT_FATAL);
		return 1;
	}
	return 0;
}

/* Is dir a folder this process can read?  If not, errno says why. */
static int
readable_dir(const char *dir)
{
	struct stat sb;

	if (stat(dir, &sb) != 0)
		return 0;
	if (!S_ISDIR(sb.st_mode)) {
		errno = ENOTDIR;
		return 0;
	}
	return access(dir, R_OK | X_OK) == 0;
}

/*
 * The folder holding this program (from /proc/self/exe, so symbolic links
 * are resolved) in dir, of size PATH_MAX.  Returns 0, or -1 when unknown.
 */
static int
program_dir(char *dir)
{
	ssize_t n;
	char *slash;

	n = readlink("/proc/self/exe", dir, PATH_MAX - 1);
	if (n <= 0)
		return -1;
	dir[n] = '\0';
	if (!(slash = strrchr(dir, '/')))
		return -1;
	*slash = '\0';
	return 0;
}

/*
 * The lexicons of the source tree a program was built in: build/bin/X
 * looks in build/bin/../../lexicons (beside the tree's Makefile), so
 * programs run from a checkout need no installation and no environment.
 * NULL when the program does not run from a build folder.
 */
static const char *
tree_lexdir(const char *progdir)
{
	static char dir[PATH_MAX + 16];
	char top[PATH_MAX], mk[PATH_MAX + 16];
	char *slash;
	int i;

	snprintf(top, sizeof top, "%s", progdir);
	for (i = 0; i < 2; i++) {	/* strip "/bin", "/build" */
		if (!(slash = strrchr(top, '/')))
			return NULL;
		*slash = '\0';
	}
	snprintf(dir, sizeof dir, "%s/lexicons", top);
	snprintf(mk, sizeof mk, "%s/Makefile", top);
	if (!readable_dir(dir) || access(mk, F_OK) != 0)
		return NULL;
	return dir;
}

/*
 * The lexicons of an installed program.  DATADIR is the data folder
 * chosen at build time for programs in BINDIR; a program that runs from
 * another folder was installed under another PREFIX (make && make install
 * PREFIX=/opt/x) or copied with its share/glean, so the share/glean beside
 * it comes first and DATADIR is the last resort.
 */
static const char *
installed_lexdir(const char *progdir)
{
	static char dir[PATH_MAX + 16];
	char bindir[PATH_MAX];

	if (realpath(BINDIR, bindir) && strcmp(bindir, progdir) == 0)
		return DATADIR;
	snprintf(dir, sizeof dir, "%s/../share/glean", progdir);
	if (readable_dir(dir))
		return dir;
	return DATADIR;
}

/*
 * -L wins, then $GLEAN_LEXICONS, then the lexicons of the source tree the
 * program was built in, then the installed ones (installed_lexdir).  A
 * folder that is not there is a setup error: one line naming it and where
 * it came from, exit 2, before any input is read.
 */
const char *
glean_lexdir(const struct glean_opts *o)
{
	char progdir[PATH_MAX];
	const char *dir, *from, *env = getenv("GLEAN_LEXICONS");
	int known = program_dir(progdir) == 0;

	if (o && o->lexdir) {
		dir = o->lexdir;
		from = "-L";
	} else if (env && *env) {
		dir = env;
		from = "GLEAN_LEXICONS";
	} else if (known && (dir = tree_lexdir(progdir))) {
		from = "the source tree";
	} else {
		dir = known ? installed_lexdir(progdir) : DATADIR;
		from = "the installed data folder";
	}
	if (!readable_dir(dir))
		glean_die(GLEAN_EXIT_FATAL, "lexicon folder %s (from %s): %s; "
		    "give one with -L DIR or GLEAN_LEXICONS", dir, from,
		    strerror(errno));
	if (o && o->show_lexdir) {
		printf("%s\n", dir);
		exit(fflush(stdout) == 0 ? GLEAN_EXIT_OK : GLEAN_EXIT_FATAL);
	}
	return dir;
}
