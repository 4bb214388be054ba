/* See LICENSE file for copyright and license details. */
/*
 * common.h - what the libFuzzer harnesses share: stdout captured in a
 * memory file, and the oracle that checks a stage's output (every line a
 * JSON object, one line per non-blank input line).  A failed check calls
 * abort(), which libFuzzer reports as a crash with the input saved.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <jansson.h>

#include "glean.h"

/* libFuzzer without its main() (libclang_rt.fuzzer_no_main). */
int LLVMFuzzerRunDriver(int *argc, char ***argv,
    int (*cb)(const uint8_t *data, size_t size));

static int fuzz_outfd = -1;

/* Send fd 1 to a memory file, so output can be read back and checked. */
static void
fuzz_capture_stdout(void)
{
	fuzz_outfd = memfd_create("fuzz-stdout", 0);
	if (fuzz_outfd < 0 || dup2(fuzz_outfd, STDOUT_FILENO) < 0) {
		perror("fuzz: memfd");
		exit(2);
	}
}

/* What was written to fd 1 since the last call; the file is emptied. */
static char *
fuzz_take_stdout(size_t *len)
{
	off_t n = lseek(STDOUT_FILENO, 0, SEEK_CUR);
	char *s;

	if (n < 0)
		n = 0;
	s = malloc((size_t)n + 1);
	if (!s)
		abort();
	if (n > 0 && pread(fuzz_outfd, s, (size_t)n, 0) != n) {
		perror("fuzz: pread");
		abort();
	}
	s[n] = '\0';
	*len = (size_t)n;
	if (ftruncate(fuzz_outfd, 0) < 0 || lseek(STDOUT_FILENO, 0,
	    SEEK_SET) < 0)
		abort();
	return s;
}

static void
fuzz_fail(const char *what, const char *line, size_t n)
{
	fprintf(stderr, "fuzz: %s: %.*s\n", what, (int)(n > 300 ? 300 : n),
	    line);
	abort();
}

/* Lines as glean_run_stream counts them: '\n'-separated, a last line
 * without a newline counts, lines of only ' ', '\t', '\r' do not (nor
 * a byte order mark before the first line). */
static size_t
fuzz_nonblank_lines(const char *s, size_t n)
{
	size_t i = 0, count = 0;
	int blank = 1;

	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (; i < n; i++) {
		if (s[i] == '\n') {
			count += !blank;
			blank = 1;
		} else if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			blank = 0;
	}
	return count + !blank;
}

/*
 * Check an output: each line a JSON object (jansson, NULs allowed), each
 * line ending in '\n'.  Returns the number of lines; parsed lines go to
 * *docs (a JSON array) when docs is not NULL.
 */
static size_t
fuzz_check_output(const char *s, size_t n, json_t **docs)
{
	json_error_t e;
	const char *p = s, *end = s + n, *nl;
	size_t count = 0;
	json_t *d;

	if (docs)
		*docs = json_array();
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			fuzz_fail("output line without a newline", p,
			    (size_t)(end - p));
		d = json_loadb(p, (size_t)(nl - p), JSON_ALLOW_NUL, &e);
		if (!d) {
			fprintf(stderr, "fuzz: %s\n", e.text);
			fuzz_fail("output line is not JSON", p, (size_t)(nl - p));
		}
		if (!json_is_object(d))
			fuzz_fail("output line is not an object", p,
			    (size_t)(nl - p));
		if (docs)
			json_array_append_new(*docs, d);
		else
			json_decref(d);
		count++;
		p = nl + 1;
	}
	return count;
}

/*
 * Text mode: any bytes become one document {"id":"fuzz","text":...}, so
 * the fuzzer reaches a stage's per-document function without having to
 * discover JSON.  Invalid UTF-8 becomes U+FFFD.  Caller frees.
 */
static char *
fuzz_wrap_text(const uint8_t *data, size_t size, size_t *len)
{
	struct glean_buf b = { 0 };
	const char *s = (const char *)data;
	size_t i = 0, n;
	int32_t cp;
	char esc[8];
	static const char head[] = "{\"id\":\"fuzz\",\"text\":\"";
	static const char tail[] = "\"}\n";

	glean_buf_add(&b, head, sizeof head - 1);
	while (i < size) {
		n = glean_utf8_next(s + i, size - i, &cp);
		if (cp < 0)
			glean_buf_add(&b, "\\ufffd", 6);
		else if (cp == '"' || cp == '\\') {
			glean_buf_addc(&b, '\\');
			glean_buf_addc(&b, cp);
		} else if (cp < 0x20) {
			snprintf(esc, sizeof esc, "\\u%04x", (unsigned)cp);
			glean_buf_add(&b, esc, 6);
		} else
			glean_buf_add(&b, s + i, n);
		i += n;
	}
	glean_buf_add(&b, tail, sizeof tail - 1);
	*len = b.len;
	return b.s;
}

/* json_equal, but reals compare to 14 significant digits (a stage that
 * re-serialises a number keeps 15). */
static int
fuzz_same(json_t *a, json_t *b)
{
	const char *k;
	json_t *v;
	size_t i;

	if (json_is_number(a) && json_is_number(b) &&
	    (json_is_real(a) || json_is_real(b))) {
		double x = json_number_value(a), y = json_number_value(b);

		return x == y || fabs(x - y) <= 1e-14 * fmax(fabs(x), fabs(y));
	}
	if (json_typeof(a) != json_typeof(b))
		return 0;
	switch (json_typeof(a)) {
	case JSON_OBJECT:
		if (json_object_size(a) != json_object_size(b))
			return 0;
		json_object_foreach(a, k, v)
			if (!json_object_get(b, k) ||
			    !fuzz_same(v, json_object_get(b, k)))
				return 0;
		return 1;
	case JSON_ARRAY:
		if (json_array_size(a) != json_array_size(b))
			return 0;
		for (i = 0; i < json_array_size(a); i++)
			if (!fuzz_same(json_array_get(a, i),
			    json_array_get(b, i)))
				return 0;
		return 1;
	default:
		return json_equal(a, b);
	}
}

#endif
