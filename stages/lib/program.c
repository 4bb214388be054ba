/* See LICENSE file for copyright and license details. */
/*
 * program.c - the main() of a stage, once for all: options, help,
 * lexicons, the stream, the flush and close of stdout, the exit status.
 * A stage describes itself in a struct glean_program (the shape of
 * SQLite fts5's aBuiltin[] rows: a name, init, run and fini) and its
 * main() is one call of glean_main.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glean.h"

/* The program being run, for usage(), which glean_common_option calls
 * with no context: one per process, set once. */
static const struct glean_program *running;

static void
usage(int status)
{
	const struct glean_program *p = running;
	FILE *fp = status ? stderr : stdout;

	if (p->usage)
		p->usage(status);
	fprintf(fp, "usage: %s %s\n%s\n\n%s" GLEAN_COMMON_HELP, glean_prog,
	    p->synopsis, p->about, p->help ? p->help : "");
	if (status)
		fprintf(fp, "Try '%s --help' for more information.\n",
		    glean_prog);
	exit(status);
}

/* The common long options and then the stage's, into lo (room for
 * cap); the short options likewise into so. */
static void
option_tables(const struct glean_program *p, struct option *lo, size_t cap,
    char *so, size_t socap)
{
	static const struct option common[] = { GLEAN_LONGOPTS };
	size_t n = 0, i;

	for (i = 0; i < sizeof common / sizeof common[0]; i++)
		lo[n++] = common[i];
	for (i = 0; p->longopts && p->longopts[i].name; i++) {
		if (n + 1 >= cap)
			glean_die(GLEAN_EXIT_FATAL, "too many options");
		lo[n++] = p->longopts[i];
	}
	memset(&lo[n], 0, sizeof lo[n]);
	if ((size_t)snprintf(so, socap, "%s%s", GLEAN_SHORTOPTS,
	    p->shortopts ? p->shortopts : "") >= socap)
		glean_die(GLEAN_EXIT_FATAL, "too many options");
}

/*
 * Parse argv for program p: the common options into o (-h and -V print
 * and exit 0), p's own handed to p->option; an unknown one prints the
 * usage and exits 2.  Sets glean_prog.  Returns the index in argv of
 * the first operand.
 */
int
glean_options(const struct glean_program *p, struct glean_opts *o,
    int argc, char **argv)
{
	struct option lo[32];
	char so[64];
	int ch;

	running = p;
	glean_setprog(argv[0]);
	option_tables(p, lo, sizeof lo / sizeof lo[0], so, sizeof so);
	while ((ch = getopt_long(argc, argv, so, lo, NULL)) != -1)
		if (!(p->option && p->option(p->stage.ctx, ch, optarg)) &&
		    !glean_common_option(ch, optarg, o, usage))
			usage(GLEAN_EXIT_FATAL);
	return optind;
}

/*
 * The end of a program: close stdout and check it (a write error is
 * fatal, exit 2 with one line).  Returns status.
 */
int
glean_finish(int status)
{
	if (fclose(stdout) != 0)
		glean_die(GLEAN_EXIT_FATAL, "write error:");
	return status;
}

/*
 * Run stage program p but for closing stdout: parse argv (the common
 * options and p's own, handed to p->option), load its lexicons (p->init
 * with the lexicon folder; a bad folder or lexicon is fatal, exit 2),
 * run the stream (or p->run) over the file operands, then p->fini.
 * Returns the exit status: glean_run's (or p->run's).
 */
int
glean_program_run(const struct glean_program *p, int argc, char **argv)
{
	struct glean_opts o = GLEAN_OPTS_INIT;
	int first, status;

	first = glean_options(p, &o, argc, argv);
	if (p->init)
		p->init(p->stage.ctx, glean_lexdir(&o));
	if (p->run)
		status = p->run(p->stage.ctx, &o, argc - first, argv + first);
	else
		status = glean_run(&p->stage, &o, argc - first, argv + first);
	if (p->fini)
		p->fini(p->stage.ctx);
	return status;
}

/*
 * main() of stage program p: glean_program_run, then stdout flushed,
 * closed and checked.  Returns the exit status: glean_program_run's, or
 * 2 when stdout could not be written.
 */
int
glean_main(const struct glean_program *p, int argc, char **argv)
{
	return glean_finish(glean_program_run(p, argc, argv));
}
