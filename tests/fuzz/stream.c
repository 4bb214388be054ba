/* See LICENSE file for copyright and license details. */
/*
 * stream.c - libFuzzer harness for the document stream reader
 * (glean_run_stream over an fmemopen'd input).  The same input goes
 * through three trivial stages that each set "fz": true: one that gets the
 * whole parsed document, one that reads only "x" (the lazy path: the
 * other fields are scanned by jscan and copied through), and one that
 * writes its field as a tail.  Each output must be one JSON object per
 * non-blank input line, and the three outputs must hold the same
 * documents.  Build and run: tests/fuzz/build.sh, tests/fuzz/run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glean.h"
#include "common.h"

static int
fz_process(json_t *doc, void *ctx, char **err)
{
	const char *t = json_string_value(json_object_get(doc, "text"));

	(void)ctx;
	/* exercise the error path too */
	if (t && strncmp(t, "fail", 4) == 0) {
		*err = glean_strdup("asked to fail");
		return -1;
	}
	json_object_set_new(doc, "fz", json_true());
	return 0;
}

static int
fz_tail(json_t *doc, void *ctx, struct glean_buf *tail, char **err)
{
	const char *t = json_string_value(json_object_get(doc, "text"));

	(void)ctx;
	if (t && strncmp(t, "fail", 4) == 0) {
		*err = glean_strdup("asked to fail");
		return -1;
	}
	glean_buf_add(tail, "\"fz\":true", 9);
	return 0;
}

static const char *const reads_x[] = { "x", NULL };
static const char *const writes_fz[] = { "fz", NULL };
static const struct glean_stage stages[] = {
	{ "fz", fz_process, NULL, NULL, NULL, NULL },
	{ "fz", fz_process, NULL, reads_x, NULL, NULL },
	{ "fz", NULL, NULL, reads_x, fz_tail, writes_fz },
};
static const char *const names[] = { "full", "lazy", "tail" };
#define NSTAGES (sizeof stages / sizeof stages[0])

static int
one_input(const uint8_t *data, size_t size)
{
	struct glean_opts o = GLEAN_OPTS_INIT;
	json_t *docs[NSTAGES];
	size_t i, j, n, want = fuzz_nonblank_lines((const char *)data, size);
	char *out;
	FILE *fp;
	int status;

	for (i = 0; i < NSTAGES; i++) {
		status = 0;
		/* fmemopen of 0 bytes fails with EINVAL in old glibc */
		fp = size ? fmemopen((void *)data, size, "r") :
		    fopen("/dev/null", "r");
		if (!fp)
			abort();
		glean_run_stream(&stages[i], &o, fp, "<fuzz>", &status);
		fclose(fp);
		glean_flush();
		out = fuzz_take_stdout(&n);
		if (fuzz_check_output(out, n, &docs[i]) != want) {
			fprintf(stderr, "fuzz: stage %s: %zu lines out, %zu in\n",
			    names[i], json_array_size(docs[i]), want);
			abort();
		}
		if (status < 0 || status > 1)
			abort();
		free(out);
	}
	for (i = 1; i < NSTAGES; i++)
		for (j = 0; j < want; j++)
			if (!fuzz_same(json_array_get(docs[0], j),
			    json_array_get(docs[i], j))) {
				char *a = json_dumps(json_array_get(docs[0], j),
				    JSON_ENCODE_ANY), *b = json_dumps(
				    json_array_get(docs[i], j), JSON_ENCODE_ANY);

				fprintf(stderr, "fuzz: line %zu: full and %s "
				    "differ:\n  %s\n  %s\n", j + 1,
				    names[i], a, b);
				abort();
			}
	for (i = 0; i < NSTAGES; i++)
		json_decref(docs[i]);
	return 0;
}

int
main(int argc, char *argv[])
{
	glean_setprog("fuzz-stream");
	fuzz_capture_stdout();
	return LLVMFuzzerRunDriver(&argc, &argv, one_input);
}
