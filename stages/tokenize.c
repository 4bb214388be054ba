/* See LICENSE file for copyright and license details. */
/*
 * glean-tokenize - split each document's "text" into sentences and tokens.
 * Reads JSON Lines documents with a string "text"; adds (or replaces)
 *   "sentences": [[start, end], ...]
 *   "tokens":    [[start, end, "word", "stem"], [start, end, "punct"], ...]
 * in code points.  Every other field passes through unchanged, unparsed.
 * The two layers are written as JSON text (glean_tail_fn): the token
 * layer is the bulk of the stream.
 */
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "glean.h"
#include "tok.h"

struct ctx {
	struct glean_abbrevs *ab;
	struct glean_toks tk;
};

static void
usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fprintf(fp, "usage: %s [OPTION]... [FILE]...\n"
	    "Add \"sentences\" and \"tokens\" to each JSON Lines document.\n\n"
	    GLEAN_COMMON_HELP, glean_prog);
	if (status)
		fprintf(fp, "Try '%s --help' for more information.\n",
		    glean_prog);
	exit(status);
}

static int
process(json_t *doc, void *vctx, struct glean_buf *tail, char **err)
{
	struct ctx *c = vctx;
	json_t *text = json_object_get(doc, "text");

	(void)err;
	glean_tokenize(json_string_value(text), json_string_length(text),
	    c->ab, &c->tk);
	glean_toks_json(json_string_value(text), &c->tk, tail);
	/* a huge document must not pin its arrays for the rest of the run */
	if (c->tk.cap > (1u << 20))
		glean_toks_free(&c->tk);
	return 0;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		GLEAN_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct glean_opts o = GLEAN_OPTS_INIT;
	struct ctx c = { NULL, { 0 } };
	static const char *const reads[] = { NULL };
	static const char *const writes[] = { "sentences", "tokens", NULL };
	struct glean_stage st = { "tokenize", NULL, &c, reads, process,
	    writes };
	int ch, status;

	glean_setprog(argv[0]);
	while ((ch = getopt_long(argc, argv, GLEAN_SHORTOPTS, longopts,
	    NULL)) != -1) {
		if (!glean_common_option(ch, optarg, &o, usage))
			usage(GLEAN_EXIT_FATAL);
	}
	c.ab = glean_abbrevs_load(glean_lexdir(&o));
	status = glean_run(&st, &o, argc - optind, argv + optind);
	glean_toks_free(&c.tk);
	glean_abbrevs_free(c.ab);
	if (fclose(stdout) != 0)
		glean_die(GLEAN_EXIT_FATAL, "write error:");
	return status;
}
