/* See LICENSE file for copyright and license details. */
/*
 * stage.c - libFuzzer harness for one stage, with no change to the stage:
 * the stage's source is included here with its main() renamed, built by
 * tests/fuzz/build.sh as
 *
 *	-DSTAGE_SRC='"stages/NAME.c"'            capture mode, or
 *	-DSTAGE_SRC='"stages/NAME.c"' -DFUZZ_WHOLE_MAIN    whole-main mode.
 *
 * Capture mode (stages that hand their stream to glean_run or
 * glean_run_stream, or whose main() is one call of glean_main): the
 * stage's own main() parses no options, loads its lexicons and builds its
 * struct glean_stage as in production, then calls glean_run -- which is
 * renamed here to fuzz_glean_run (glean_main to fuzz_glean_main, which
 * does the same).  That function runs
 * the libFuzzer loop right there, while the stage's context is alive; each
 * input is fed to the real glean_run_stream through fmemopen, and main()
 * then frees everything as usual when the loop ends.
 *
 * Whole-main mode (normalize, which reads raw articles as well as
 * documents, and merge, a reduce): each input becomes stdin and the
 * stage's whole main() runs once per input (fclose(stdout) is made
 * harmless; an exit() is reported by libFuzzer as a crash).
 *
 * Oracle: every output line is a JSON object; a per-document stage answers
 * each non-blank input line with exactly one line; merge writes one line.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glean.h"
#include "common.h"

static int fuzz_fclose(FILE *fp);
static int fuzz_argc;
static char **fuzz_argv;

#ifdef FUZZ_WHOLE_MAIN

static int fuzz_whole_glean_main(const struct glean_program *p, int argc,
    char **argv);
static int fuzz_glean_finish(int status);

#define main glean_stage_main
#define fclose fuzz_fclose
#define glean_main fuzz_whole_glean_main
#define glean_finish fuzz_glean_finish
#include STAGE_SRC
#undef main
#undef fclose
#undef glean_main
#undef glean_finish

#else

static int fuzz_glean_run(const struct glean_stage *st,
    const struct glean_opts *o, int argc, char **argv);
static int fuzz_glean_run_stream(const struct glean_stage *st,
    const struct glean_opts *o, FILE *fp, const char *name, int *status);
static int fuzz_glean_main(const struct glean_program *p, int argc,
    char **argv);

#define main glean_stage_main
#define fclose fuzz_fclose
#define glean_run fuzz_glean_run
#define glean_run_stream fuzz_glean_run_stream
#define glean_main fuzz_glean_main
#include STAGE_SRC
#undef main
#undef fclose
#undef glean_run
#undef glean_run_stream
#undef glean_main

static const struct glean_stage *fuzz_st;
static const struct glean_opts *fuzz_o;

/*
 * An input starting with '{' is a JSON Lines stream (hostile layers,
 * broken lines); anything else is the text of one document.
 */
static int
fuzz_one_stream(const uint8_t *data, size_t size)
{
	size_t n, want;
	int status = 0;
	char *out, *wrapped = NULL;
	FILE *fp;

	if (size > 0 && data[0] != '{') {
		wrapped = fuzz_wrap_text(data, size, &size);
		data = (const uint8_t *)wrapped;
	}
	want = fuzz_nonblank_lines((const char *)data, size);
	fp = size ? fmemopen((void *)data, size, "r") :
	    fopen("/dev/null", "r");
	if (!fp)
		abort();
	glean_run_stream(fuzz_st, fuzz_o, fp, "<fuzz>", &status);
	fclose(fp);
	free(wrapped);
	glean_flush();
	out = fuzz_take_stdout(&n);
	if (fuzz_check_output(out, n, NULL) != want) {
		fprintf(stderr, "fuzz: %zu input lines, output:\n%s\n", want,
		    out);
		abort();
	}
	free(out);
	return 0;
}

/* The stage is ready: fuzz it. */
static int
fuzz_loop(const struct glean_stage *st, const struct glean_opts *o)
{
	struct glean_opts mine;

	if (fuzz_st) {
		fprintf(stderr, "fuzz: the stage ran its stream twice\n");
		abort();
	}
	mine = *o;
	mine.strict = 0;
	mine.unbuffered = 0;
	fuzz_st = st;
	fuzz_o = &mine;
	LLVMFuzzerRunDriver(&fuzz_argc, &fuzz_argv, fuzz_one_stream);
	fuzz_o = NULL;
	return 0;
}

static int
fuzz_glean_run(const struct glean_stage *st, const struct glean_opts *o,
    int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return fuzz_loop(st, o);
}

/*
 * glean_main for a stage whose main() is one call of it (see glean.h):
 * no options, the lexicons loaded as glean_main loads them, and the
 * stream handed to the fuzz loop; then the stage's fini.
 */
static int
fuzz_glean_main(const struct glean_program *p, int argc, char **argv)
{
	struct glean_opts o = GLEAN_OPTS_INIT;
	int status;

	(void)argc;
	glean_setprog(argv[0]);
	p->init(p->stage.ctx, glean_lexdir(&o));
	status = fuzz_glean_run(&p->stage, &o, 0, NULL);
	if (p->fini)
		p->fini(p->stage.ctx);
	return status;
}

static int
fuzz_glean_run_stream(const struct glean_stage *st,
    const struct glean_opts *o, FILE *fp, const char *name, int *status)
{
	(void)fp;
	(void)name;
	(void)status;
	return fuzz_loop(st, o);
}

#endif

/* The stage closes stdout at the end of main(); keep fd 1 for the next
 * input. */
static int
fuzz_fclose(FILE *fp)
{
	if (fp == stdout)
		return fflush(fp);
	return fclose(fp);
}

#ifdef FUZZ_WHOLE_MAIN
/* glean_finish without the close: fd 1 stays for the next input. */
static int
fuzz_glean_finish(int status)
{
	fflush(stdout);
	return status;
}

/* glean_main (stages/lib/program.c) but for its last step, which closes
 * stdout. */
static int
fuzz_whole_glean_main(const struct glean_program *p, int argc, char **argv)
{
	return fuzz_glean_finish(glean_program_run(p, argc, argv));
}

static int
fuzz_one_main(const uint8_t *data, size_t size)
{
	static char name[] = "glean-" STAGE_NAME;
	char *argv[] = { name, NULL };
	FILE *saved = stdin, *in;
	size_t n, lines;
	char *out;
	int rc;

	in = size ? fmemopen((void *)data, size, "r") :
	    fopen("/dev/null", "r");
	if (!in)
		abort();
	stdin = in;
	optind = 0;		/* glibc: start getopt afresh */
	rc = glean_stage_main(1, argv);
	stdin = saved;
	fclose(in);
	fflush(stdout);
	glean_flush();
	out = fuzz_take_stdout(&n);
	lines = fuzz_check_output(out, n, NULL);
	if (rc < 0 || rc > 2)
		abort();
	if (strcmp(STAGE_NAME, "merge") == 0 ? lines != 1 : lines < 1 &&
	    fuzz_nonblank_lines((const char *)data, size) > 0) {
		fprintf(stderr, "fuzz: %zu output lines\n", lines);
		abort();
	}
	free(out);
	return 0;
}
#endif

int
main(int argc, char *argv[])
{
	static char name[] = "glean-" STAGE_NAME;
	char *sargv[] = { name, NULL };

	fuzz_argc = argc;
	fuzz_argv = argv;
	fuzz_capture_stdout();
#ifdef FUZZ_WHOLE_MAIN
	(void)sargv;
	return LLVMFuzzerRunDriver(&argc, &argv, fuzz_one_main);
#else
	glean_stage_main(1, sargv);
	if (!fuzz_st) {
		fprintf(stderr, "fuzz: glean-%s never ran its stream\n",
		    STAGE_NAME);
		return 2;
	}
	return 0;
#endif
}
