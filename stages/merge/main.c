/* See LICENSE file for copyright and license details. */
/*
 * main.c - glean-merge: options, inputs, the record.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "merge.h"

enum { OPT_PRETTY = GLEAN_OPT_FIRST_FREE, OPT_TABLES };

static void
usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fprintf(fp, "usage: %s [OPTION]... [FILE]...\n"
	    "Merge annotated documents and knowledge records into one "
	    "knowledge record.\n\n"
	    "      --pretty        indent the record\n"
	    "  -t, --tables DIR    also write inspections.tsv, money.tsv,\n"
	    "                      people.tsv and quotes.tsv into DIR\n"
	    GLEAN_COMMON_HELP, glean_prog);
	exit(status);
}

/* The options into m; returns the index of the first operand. */
static int
parse_options(struct merge *mg, int argc, char *argv[])
{
	static const struct option longopts[] = {
		GLEAN_LONGOPTS,
		{ "pretty", no_argument, NULL, OPT_PRETTY },
		{ "tables", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	while ((ch = getopt_long(argc, argv, GLEAN_SHORTOPTS "t:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case OPT_PRETTY:
			mg->pretty = 1;
			break;
		case 't':
			mg->tables.dir = optarg;
			break;
		default:
			if (!glean_common_option(ch, optarg, &mg->opts, usage))
				usage(GLEAN_EXIT_FATAL);
		}
	}
	return optind;
}

/*
 * Read the operands argv[first..argc) (standard input when there are
 * none, or for "-") into m.  Returns 0, or non-zero when a file could not
 * be opened or a line was rejected.
 */
static int
read_inputs(struct merge *mg, int first, int argc, char *argv[])
{
	/* big reads: the input is large and read once */
	static char stdin_buf[READ_BUF], file_buf[READ_BUF];
	int i, status = 0;
	FILE *fp;

	setvbuf(stdin, stdin_buf, _IOFBF, READ_BUF);
	if (first == argc)
		status |= read_stream(mg, stdin, "<stdin>");
	for (i = first; i < argc; i++) {
		if (!strcmp(argv[i], "-")) {
			status |= read_stream(mg, stdin, "<stdin>");
			continue;
		}
		if (!(fp = fopen(argv[i], "r"))) {
			glean_warn("%s:", argv[i]);
			status = 1;
			continue;
		}
		setvbuf(fp, file_buf, _IOFBF, READ_BUF);
		status |= read_stream(mg, fp, argv[i]);
		fclose(fp);
		if (status && mg->opts.strict)
			break;
	}
	return status;
}

/* Give back what is left of m's memory once the record is written. */
static void
merge_free(struct merge *mg)
{
	int i;

	glean_arena_free(&mg->scratch);
	glean_arena_free(&mg->item);
	intern_free(&mg->docrefs);
	for (i = 0; i < NGROUP; i++)
		intern_free(&mg->attr_sets[i]);
	glean_arena_free(&mg->keys);
	glean_buf_free(&mg->rest);
	free(mg->fields.f);
}

/* glean-merge [OPTION]... [FILE]...: see glean-merge(1). */
int
main(int argc, char *argv[])
{
	struct merge mg = { .opts = GLEAN_OPTS_INIT };
	int status;

	glean_setprog(argv[0]);
	status = read_inputs(&mg, parse_options(&mg, argc, argv), argc, argv);
	record_write(&mg);
	merge_free(&mg);
	if (fflush(stdout) || ferror(stdout))
		glean_die(GLEAN_EXIT_FATAL, "write error:");
	return status ? GLEAN_EXIT_REJECT : GLEAN_EXIT_OK;
}
