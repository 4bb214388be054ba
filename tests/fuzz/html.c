/* See LICENSE file for copyright and license details. */
/*
 * html.c - libFuzzer harness for glean-normalize's HTML reader
 * (stages/normalize/html.c, extract.c, meta.c): each input is read as the
 * bytes of a page file and as the text of a document, and inflated as a
 * gzip stream.  Oracle: no crash or sanitizer report, a body that is
 * valid UTF-8 with no NUL, and document fields jansson accepts.  The
 * lexicons come from $GLEAN_LEXICONS.  Built by tests/fuzz/build.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glean.h"
#include "common.h"
#include "normalize.h"

static struct html *fuzz_html;

static void
check_page(const uint8_t *data, size_t size, int unicode)
{
	struct html_page *pg = html_read(fuzz_html, (const char *)data, size,
	    unicode);
	json_t *doc = json_object();
	const char *text;
	char *dump;
	size_t n;

	text = html_text(pg, &n);
	if (!glean_utf8_valid(text, n) || memchr(text, '\0', n)) {
		fprintf(stderr, "fuzz: the body is not UTF-8 text\n");
		abort();
	}
	html_doc(pg, doc, 0, "<fuzz>");
	if (!json_is_true(json_object_get(doc, "html")) ||
	    !(dump = json_dumps(doc, 0))) {
		fprintf(stderr, "fuzz: the document fields are broken\n");
		abort();
	}
	free(dump);
	json_decref(doc);
	html_page_free(pg);
}

static int
one_input(const uint8_t *data, size_t size)
{
	char why[160], *out;
	size_t n;

	(void)html_sniff((const char *)data, size);
	check_page(data, size, 0);
	check_page(data, size, 1);
	if (html_gunzip((const char *)data, size, &out, &n, why,
	    sizeof why) == 0)
		free(out);
	return 0;
}

int
main(int argc, char *argv[])
{
	const char *lex = getenv("GLEAN_LEXICONS");
	int rc;

	glean_setprog("fuzz-html");
	fuzz_html = html_load(lex ? lex : "lexicons");
	rc = LLVMFuzzerRunDriver(&argc, &argv, one_input);
	html_free(fuzz_html);
	return rc;
}
