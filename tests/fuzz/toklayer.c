/* See LICENSE file for copyright and license details. */
/*
 * toklayer.c - libFuzzer harness for the reader of the "tokens" layer
 * (stages/lib/toklayer.c) that glean-quotes --tokens uses.  The bytes
 * are read as the compact form's text, and, when they are JSON, as a
 * layer in either form: every token read must end at or after its start
 * and, in the compact form, start at or after the previous one's end;
 * the compact text written back in the arrays form must be JSON, an
 * array of as many tokens, when the text is UTF-8 (a layer decoded from
 * JSON is).  Built by tests/fuzz/build.sh as
 * fuzz-toklayer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glean.h"
#include "toklayer.h"
#include "common.h"

/* Read every token of it; the number read, or -1 when malformed. */
static long
read_all(struct glean_toklayer *it, int compact)
{
	struct glean_ltok t;
	uint32_t prev = 0;
	long n = 0;
	int rc;

	while ((rc = glean_toklayer_next(it, &t)) > 0) {
		if (t.e < t.s || (compact && t.s < prev) ||
		    (t.kind == GLEAN_TOK_WORD && compact && !t.stem) ||
		    (t.stem && memchr(t.stem, ' ', t.slen) && compact))
			abort();
		prev = t.e;
		n++;
	}
	return rc < 0 ? -1 : n;
}

/* Is s[0..n) valid UTF-8? */
static int
utf8_valid(const char *s, size_t n)
{
	int32_t cp;
	size_t i;

	for (i = 0; i < n; i += glean_utf8_next(s + i, n - i, &cp))
		if ((unsigned char)s[i] >= 0x80 &&
		    (glean_utf8_next(s + i, n - i, &cp), cp < 0))
			return 0;
	return 1;
}

static int
one_input(const uint8_t *data, size_t size)
{
	struct glean_toklayer it;
	struct glean_buf arrays = { 0 };
	json_t *j;
	long n;

	glean_toklayer_open_compact(&it, (const char *)data, size);
	n = read_all(&it, 1);
	if (glean_toklayer_arrays((const char *)data, size, &arrays) !=
	    (n < 0 ? -1 : 0))
		abort();
	if (n >= 0 && utf8_valid((const char *)data, size)) {
		j = json_loadb(arrays.s, arrays.len, JSON_ALLOW_NUL, NULL);
		if (!json_is_array(j) || json_array_size(j) != (size_t)n)
			abort();
		json_decref(j);
	}
	glean_buf_free(&arrays);
	j = json_loadb((const char *)data, size, JSON_DECODE_ANY |
	    JSON_ALLOW_NUL, NULL);
	if (j && glean_toklayer_open(&it, j) == 0)
		read_all(&it, json_is_string(j));
	json_decref(j);
	return 0;
}

int
main(int argc, char *argv[])
{
	return LLVMFuzzerRunDriver(&argc, &argv, one_input);
}
