/* See LICENSE file for copyright and license details. */
/*
 * glean-chain - the per-document stages in one process: tokenize,
 * entities, dates, money, quotes, ratings over each document in memory,
 * writing what the pipe
 *
 *	glean-tokenize | glean-entities | ... | glean-ratings
 *
 * writes, byte for byte.  Each stage is its own program's descriptor
 * (struct glean_program, the shape of SQLite fts5's aBuiltin[] rows) and
 * runs through the same stream code (glean_stage_line) as in its program,
 * so the checks, error records and diagnostics are the pipe's: a stage
 * after the first names its input "<stdin>" and counts its lines, as it
 * does reading a pipe.  What is saved is the pipes: no copies through the
 * kernel, no switching between processes, no reading of lines.
 *
 * The stage objects are linked with only their descriptor global (see
 * the Makefile), so their private names (ctx_init in dates and ratings,
 * load_lexicons in entities and quotes) do not meet.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glean.h"
#include "tok.h"

extern const struct glean_program glean_program_tokenize,
    glean_program_entities, glean_program_dates, glean_program_money,
    glean_program_quotes, glean_program_ratings;

/* The stages glean-chain knows, in the order of the default chain. */
static const struct glean_program *const builtin[] = {
	&glean_program_tokenize, &glean_program_entities,
	&glean_program_dates, &glean_program_money, &glean_program_quotes,
	&glean_program_ratings
};
#define NBUILTIN (sizeof builtin / sizeof builtin[0])
/* Stages in one chain at most (a stage may be named twice). */
#define MAX_CHAIN 32
/* A buffer between stages bigger than this is given back after the
 * document that needed it. */
#define KEEP_BUFFER (16u << 20)

enum { OPT_STAGES = GLEAN_OPT_FIRST_FREE + 100, OPT_KEEP };

/* One run: the stages in order, the lines between them. */
struct chain {
	const struct glean_program *stage[MAX_CHAIN];
	char *prog[MAX_CHAIN];	/* "glean-NAME", for the diagnostics */
	long lines[MAX_CHAIN];	/* lines the stage has read after the first */
	size_t n;
	struct glean_buf between[2];	/* a stage's line for the next */
	int jobs;		/* -j: worker processes */
};

static void
usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fprintf(fp, "usage: %s [-u] [-j N] [--stages LIST] [OPTION]... "
	    "[FILE]...\n"
	    "Run the per-document stages over each JSON Lines document in "
	    "memory, in one\nprocess (or N with -j); the output is that of "
	    "their pipe.\n\n"
	    "      --stages LIST   the stages, comma-separated (default:\n"
	    "                      tokenize,entities,dates,money,quotes,"
	    "ratings)\n"
	    "  -j, --jobs N        run the documents of one FILE in N "
	    "processes\n"
	    "      --keep LIST     write each document with only these "
	    "fields\n"
	    "                      (comma-separated; as: --keep \"$(glean-merge "
	    "--reads)\")\n"
	    "  -u, --us-dates      glean-dates: read 5/3/18 as May 3\n"
	    "      --tokens        glean-quotes: take stems from \"tokens\"\n"
	    "      --token-arrays  glean-tokenize: \"tokens\" as arrays\n"
	    "      --sentences-only\n"
	    "                      glean-tokenize: no \"tokens\" layer\n"
	    "                      (glean-entities takes them in memory)\n"
	    GLEAN_COMMON_HELP, glean_prog);
	if (status)
		fprintf(fp, "Try '%s --help' for more information.\n",
		    glean_prog);
	exit(status);
}

/* The stage named name[0..n), or NULL. */
static const struct glean_program *
find_stage(const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < NBUILTIN; i++)
		if (strlen(builtin[i]->stage.name) == n &&
		    memcmp(builtin[i]->stage.name, name, n) == 0)
			return builtin[i];
	return NULL;
}

/* Add stage p to the chain. */
static void
add_stage(struct chain *ch, const struct glean_program *p)
{
	if (ch->n == MAX_CHAIN)
		glean_die(GLEAN_EXIT_FATAL, "--stages: more than %d stages",
		    MAX_CHAIN);
	ch->stage[ch->n] = p;
	ch->prog[ch->n++] = glean_asprintf("glean-%s", p->stage.name);
}

/* The chain of --stages list ("tokenize,entities"); a name it does not
 * know is a usage error (exit 2). */
static void
parse_stages(struct chain *ch, const char *list)
{
	const char *p = list, *comma;
	const struct glean_program *st;
	size_t n;

	ch->n = 0;
	for (;;) {
		comma = strchr(p, ',');
		n = comma ? (size_t)(comma - p) : strlen(p);
		if (!(st = find_stage(p, n))) {
			glean_warn("--stages: no stage '%.*s' (known: tokenize, "
			    "entities, dates, money, quotes, ratings)", (int)n, p);
			usage(GLEAN_EXIT_FATAL);
		}
		add_stage(ch, st);
		if (!comma)
			break;
		p = comma + 1;
	}
}

/* The long options: the common ones, --stages, then every stage's own
 * (each once); the short ones likewise. */
static void
option_tables(struct option *lo, size_t cap, char *so, size_t socap)
{
	static const struct option common[] = { GLEAN_LONGOPTS,
	    { "stages", required_argument, NULL, OPT_STAGES },
	    { "keep", required_argument, NULL, OPT_KEEP },
	    { "jobs", required_argument, NULL, 'j' } };
	size_t n = 0, i, j;

	for (i = 0; i < sizeof common / sizeof common[0]; i++)
		lo[n++] = common[i];
	snprintf(so, socap, "%sj:", GLEAN_SHORTOPTS);
	for (i = 0; i < NBUILTIN; i++) {
		for (j = 0; builtin[i]->longopts &&
		    builtin[i]->longopts[j].name; j++) {
			if (n + 1 >= cap)
				glean_die(GLEAN_EXIT_FATAL, "too many options");
			lo[n++] = builtin[i]->longopts[j];
		}
		if (builtin[i]->shortopts && strlen(so) +
		    strlen(builtin[i]->shortopts) < socap)
			strcat(so, builtin[i]->shortopts);
	}
	memset(&lo[n], 0, sizeof lo[n]);
}

/* Hand a stage's own option to every stage that takes it; 0 if none. */
static int
stage_option(int c, const char *arg)
{
	size_t i;
	int taken = 0;

	for (i = 0; i < NBUILTIN; i++)
		if (builtin[i]->option &&
		    builtin[i]->option(builtin[i]->stage.ctx, c, arg))
			taken = 1;
	return taken;
}

/* The fields of --keep list ("id,text"), a NULL-terminated list kept
 * for the run; an empty name is a usage error (exit 2). */
static const char *const *
parse_keep(const char *list)
{
	static char **names;	/* the last --keep's, freed by the next */
	const char *p = list, *comma;
	size_t len, n;

	for (n = 0; names && names[n]; n++)
		free(names[n]);
	free(names);
	names = glean_calloc(strlen(list) + 2, sizeof *names);
	for (n = 0;; p = comma + 1) {
		comma = strchr(p, ',');
		len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == 0) {
			glean_warn("--keep: an empty field name in '%s'", list);
			usage(GLEAN_EXIT_FATAL);
		}
		names[n++] = glean_strndup(p, len);
		if (!comma)
			break;
	}
	return (const char *const *)names;
}

/* The number of -j N (1 to 64); a usage error (exit 2) otherwise. */
static int
parse_jobs(const char *arg)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(arg, &end, 10);
	if (errno || end == arg || *end || n < 1 || n > 64) {
		glean_warn("-j: '%s' is not a number of processes from 1 to 64",
		    arg);
		usage(GLEAN_EXIT_FATAL);
	}
	return (int)n;
}

/* The options into o and ch (the default chain when --stages is not
 * given); returns the index of the first operand. */
static int
parse_options(struct chain *ch, struct glean_opts *o, int argc, char **argv)
{
	struct option lo[32];
	char so[64];
	const char *list = NULL;
	size_t i;
	int c;

	option_tables(lo, sizeof lo / sizeof lo[0], so, sizeof so);
	while ((c = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		if (c == OPT_STAGES)
			list = optarg;
		else if (c == OPT_KEEP)
			glean_stream_keep(parse_keep(optarg));
		else if (c == 'j')
			ch->jobs = parse_jobs(optarg);
		else if (!stage_option(c, optarg) &&
		    !glean_common_option(c, optarg, o, usage))
			usage(GLEAN_EXIT_FATAL);
	}
	if (list) {
		parse_stages(ch, list);
	} else {
		for (i = 0; i < NBUILTIN; i++)
			add_stage(ch, builtin[i]);
	}
	return optind;
}

/*
 * glean_line_fn: one input line through every stage of the chain, each
 * stage's line handed to the next in memory, the last one's written out.
 * A stage after the first reads "<stdin>" and numbers its lines as it
 * would in a pipe; a stage that writes no line ends the line's way, as
 * in a pipe.  Returns 1 when any stage rejected the line, else 0.
 */
static int
chain_line(void *arg, const char *line, size_t len, const char *name,
    long lineno, int unended)
{
	struct chain *ch = arg;
	const char *prog = glean_prog;
	struct glean_buf *into;
	size_t k;
	int bad = 0;

	for (k = 0; k < ch->n; k++) {
		if (k > 0) {
			if (len == 0)
				break;
			name = "<stdin>";
			lineno = ++ch->lines[k];
			unended = 0;
		}
		into = k + 1 < ch->n ? &ch->between[k % 2] : NULL;
		glean_prog = ch->prog[k];
		bad |= glean_stage_line(&ch->stage[k]->stage, line, len, name,
		    lineno, unended, into);
		if (into) {
			line = into->s;
			len = into->len;
		}
	}
	glean_prog = prog;
	for (k = 0; k < 2; k++)
		if (ch->between[k].cap > KEEP_BUFFER)
			glean_buf_free(&ch->between[k]);
	return bad;
}

/* glean_part_fn: a part of the file starts in this worker; the stages
 * after the first number their lines on from what they would have read
 * of the parts before it. */
static void
chain_restart(void *arg, long nonblank_before)
{
	struct chain *ch = arg;
	size_t k;

	for (k = 1; k < ch->n; k++)
		ch->lines[k] = nonblank_before;
}

/* The chain over the operands: with -j N over one file, in N worker
 * processes (glean_run_parts), else in this one.  The exit status. */
static int
run_chain(struct chain *ch, const struct glean_opts *o, int argc,
    char **argv)
{
	int status = GLEAN_EXIT_OK;

	if (ch->jobs > 1 && !o->strict && argc == 1 &&
	    strcmp(argv[0], "-") != 0 &&
	    glean_run_parts(chain_line, ch, chain_restart, o, argv[0],
	    ch->jobs, &status) == 0)
		return status;
	return glean_run_lines(chain_line, ch, o, argc, argv);
}

/* Is the k-th stage of the chain also an earlier one (set up once)? */
static int
stage_before(const struct chain *ch, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++)
		if (ch->stage[i] == ch->stage[k])
			return 1;
	return 0;
}

/* Does a stage that tokenizes come before one that takes the tokens
 * from memory (tokshare.c)?  Then sharing pays for its copy of the text. */
static int
shares_tokens(const struct chain *ch)
{
	size_t k;
	int tokenized = 0;

	for (k = 0; k < ch->n; k++) {
		if (ch->stage[k] == &glean_program_tokenize)
			tokenized = 1;
		else if (ch->stage[k] == &glean_program_entities && tokenized)
			return 1;
	}
	return 0;
}

/*
 * glean-chain [-u] [--stages LIST] [OPTION]... [FILE]...: see
 * glean-chain(1).  Exits 0, 1 when some operand could not be read or
 * some stage rejected a line, 2 on a usage, lexicon or write error.
 */
int
main(int argc, char *argv[])
{
	struct glean_opts o = GLEAN_OPTS_INIT;
	static struct chain ch;
	const char *lexdir;
	int first, status;
	size_t k;

	glean_setprog(argv[0]);
	first = parse_options(&ch, &o, argc, argv);
	lexdir = glean_lexdir(&o);
	for (k = 0; k < ch.n; k++)
		if (!stage_before(&ch, k))
			ch.stage[k]->init(ch.stage[k]->stage.ctx, lexdir);
	if (shares_tokens(&ch))
		glean_tokshare_enable();
	status = run_chain(&ch, &o, argc - first, argv + first);
	for (k = 0; k < ch.n; k++) {
		if (ch.stage[k]->fini && !stage_before(&ch, k))
			ch.stage[k]->fini(ch.stage[k]->stage.ctx);
		free(ch.prog[k]);
	}
	glean_buf_free(&ch.between[0]);
	glean_buf_free(&ch.between[1]);
	glean_tokshare_free();
	if (fclose(stdout) != 0)
		glean_die(GLEAN_EXIT_FATAL, "write error:");
	return status;
}
