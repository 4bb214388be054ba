/* See LICENSE file for copyright and license details. */
/*
 * token-arrays - rewrite the compact "tokens" layer of each JSON Lines
 * document on standard input into the arrays form (toklayer.h), leaving
 * every other byte alone, to standard output.  A line that is not a
 * document, or whose "tokens" is not a string, is copied as it is.  So
 * the output of a stage fed the compact layer can be compared byte for
 * byte with the old arrays form's (tests/house/same.sh --expand).
 * Exit 0, or 1 when a compact layer was malformed (that line copied and
 * named on standard error).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "glean.h"
#include "jscan.h"
#include "toklayer.h"

/* The "tokens" field of the scanned line when it holds a string, else
 * NULL. */
static const struct glean_jfield *
tokens_string(const struct glean_jfields *jf)
{
	size_t i;

	for (i = 0; i < jf->n; i++)
		if (jf->f[i].keylen == 6 && !jf->f[i].key_escaped &&
		    memcmp(jf->f[i].key, "tokens", 6) == 0)
			return jf->f[i].val[0] == '"' ? &jf->f[i] : NULL;
	return NULL;
}

/* Line[0..n) with its compact layer expanded, onto out; -1 when the
 * layer is malformed (out then holds nothing). */
static int
expand(const char *line, size_t n, struct glean_jfields *jf,
    struct glean_buf *out)
{
	const struct glean_jfield *f;
	json_t *s;
	int rc;

	glean_buf_reset(out);
	if (glean_jscan_object(line, n, jf) < 0 || !(f = tokens_string(jf))) {
		glean_buf_add(out, line, n);
		return 0;
	}
	s = glean_jstring_decode(f->val + 1, f->vallen - 2);
	glean_buf_add(out, line, (size_t)(f->val - line));
	rc = s ? glean_toklayer_arrays(json_string_value(s),
	    json_string_length(s), out) : -1;
	json_decref(s);
	if (rc < 0) {
		glean_buf_reset(out);
		glean_buf_add(out, line, n);
		return -1;
	}
	glean_buf_add(out, f->val + f->vallen,
	    n - (size_t)(f->val + f->vallen - line));
	return 0;
}

int
main(void)
{
	struct glean_jfields jf = { 0 };
	struct glean_buf out = { 0 };
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long lineno = 0;
	int st = 0;

	while ((len = getline(&line, &cap, stdin)) > 0) {
		size_t n = (size_t)len - (line[len - 1] == '\n');

		lineno++;
		if (expand(line, n, &jf, &out) < 0) {
			fprintf(stderr, "token-arrays: <stdin>:%ld: malformed "
			    "\"tokens\" layer, line copied\n", lineno);
			st = 1;
		}
		if (n < (size_t)len)
			glean_buf_addc(&out, '\n');
		if (out.len)
			fwrite(out.s, 1, out.len, stdout);
	}
	free(line);
	free(jf.f);
	glean_buf_free(&out);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "token-arrays: write error\n");
		return 2;
	}
	return st;
}
