/* See LICENSE file for copyright and license details. */
/*
 * glean-quotes: main() and the per-document function.  See quotes.h for
 * the modules and quotes.1 for the layer written.
 */
#include "quotes.h"

/* Forget the last document (its quotations' speakers freed), keeping the
 * storage for the next. */
static void
doc_reset(struct qdoc *d)
{
	size_t i;

	for (i = 0; i < d->nq; i++)
		free(d->q[i].at.speaker);
	d->nw = d->ncapital = d->nq = d->nsegs = d->nm = d->np = d->nmk = 0;
	d->foldlen = 0;
	glean_buf_reset(&d->sbuf);
	d->namelen = 0;
	d->doc = NULL;
	d->have_mentions = 0;
	d->insp = -1;
	glean_arena_reset(&d->layer);
}

/* A document state for the word lists lx, with no document yet. */
void
qdoc_init(struct qdoc *d, const struct quotes_lex *lx)
{
	memset(d, 0, sizeof(*d));
	d->lx = lx;
}

/* Free the storage of d (its document reset first). */
void
qdoc_free(struct qdoc *d)
{
	doc_reset(d);
	free(d->w);
	free(d->capital);
	free(d->q);
	free(d->segs);
	free(d->m);
	free(d->p);
	free(d->mk);
	free(d->cand);
	free(d->fold);
	glean_buf_free(&d->sbuf);
	free(d->names);
	glean_arena_free(&d->layer);
	free(d->midcap);
	free(d->om.cp);
	pcre2_match_data_free(d->md);
}

/*
 * The per-document function (glean_tail_fn): doc has a string "text",
 * ctx is the struct qdoc.  Appends the "quotes" member to tail and
 * returns 0; it cannot fail (a text without marks gets an empty layer).
 */
int
quotes_process(json_t *doc, void *ctx, struct glean_buf *tail, char **err)
{
	struct qdoc *d = ctx;
	json_t *jt = json_object_get(doc, "text");

	(void)err;
	d->s = json_string_value(jt);
	d->n = json_string_length(jt);
	doc_reset(d);
	if (!scan_text(d) || d->ncand == 0) {
		PUT_LIT(tail, "\"quotes\":[]");
		return 0;
	}
	split_paras(d);
	find_quotes(d);
	if (d->nq == 0) {
		PUT_LIT(tail, "\"quotes\":[]");
		return 0;
	}
	om_init(&d->om, d->s, d->n);
	if (d->foldcap < 4 * d->n + 64) {
		d->foldcap = 4 * d->n + 64;
		free(d->fold);
		d->fold = glean_malloc(d->foldcap);
	}
	if (!d->use_tokens || layer_words(d, glean_field(doc, "tokens"), &d->om) < 0)
		scan_words(d);
	mark_words(d);
	d->doc = doc;
	attribute(d);
	quotes_text(d, tail, &d->om);
	doc_reset(d);
	return 0;
}

/* Print the usage (to stderr and exit with status when it is not 0). */
static void
usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fprintf(fp, "usage: %s [OPTION]... [FILE]...\n", glean_prog);
	if (status) {
		fprintf(fp, "Try '%s --help' for more information.\n",
		    glean_prog);
		exit(status);
	}
	fputs("Add \"quotes\": direct quotations, their speakers and "
	    "kinds.\n\n", fp);
	fputs("      --tokens        take stems from the \"tokens\" layer\n",
	    fp);
	fputs(GLEAN_COMMON_HELP, fp);
	exit(0);
}

/*
 * glean-quotes [OPTION]... [FILE]...: see quotes.1.  Exits as glean_run
 * says (0 all read, 1 a record rejected, 2 usage or lexicon error).
 */
int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		GLEAN_LONGOPTS,
		{ "tokens", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	struct glean_opts o = GLEAN_OPTS_INIT;
	static const char *const reads[] = { "entities", NULL };
	static const char *const reads_tok[] = { "tokens", "entities", NULL };
	static const char *const writes[] = { "quotes", NULL };
	struct glean_stage st = { "quotes", NULL, NULL, reads, quotes_process,
	    writes, 1, 1 };
	static struct quotes_lex lx;	/* the word lists live as long as the program */
	struct qdoc doc;
	int c, status;

	glean_setprog(argv[0]);
	qdoc_init(&doc, &lx);
	while ((c = getopt_long(argc, argv, GLEAN_SHORTOPTS "", longopts,
	    NULL)) != -1) {
		if (glean_common_option(c, optarg, &o, usage))
			continue;
		switch (c) {
		case 't':
			doc.use_tokens = 1;
			break;
		default:
			usage(GLEAN_EXIT_FATAL);
		}
	}
	if (doc.use_tokens)
		st.reads = reads_tok;
	load_lexicons(&lx, glean_lexdir(&o));
	st.ctx = &doc;
	status = glean_run(&st, &o, argc - optind, argv + optind);
	qdoc_free(&doc);
	return status;
}
