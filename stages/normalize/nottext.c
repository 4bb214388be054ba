/* See LICENSE file for copyright and license details. */
/*
 * Raw files that are not the text of an article.  glean-normalize makes a
 * document of any file it is given, so without this a PDF, an image or 20
 * kB of random bytes became an "article" with amounts and quotations.
 * Three tests, cheapest first: a known file signature at the start
 * (lexicons/file-signatures.tsv), a JSON value (a record or a document
 * given as an article), and the share of bytes no text has: control
 * characters and bytes that are not UTF-8.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "glean.h"
#include "normalize.h"
#include "swar.h"

/*
 * The shares, in per cent of the bytes, above which a file is not text.
 * Measured (tests/nottext.test): the 2,225 BBC articles have no control
 * byte and no non-UTF-8 byte (../shared/corpus-ext/bbc-raw at most
 * 0.04%), an English article in cp1252 a few per cent of non-UTF-8
 * bytes; 20 kB of random bytes 11% control and 43% non-UTF-8 bytes,
 * random 7-bit bytes 22% control bytes, random high bytes 65% non-UTF-8.
 * A whole article in a single-byte code page of another script (cp1251
 * Russian) would be refused too: glean reads English news.
 */
enum {
	CONTROL_PCT = 2,	/* control bytes (not tab, newline, CR, FF) */
	BAD_PCT = 30,		/* control + non-UTF-8 bytes */
	MIN_BYTES = 16		/* shorter files: too few bytes to judge */
};

struct signature {
	unsigned char *magic;
	size_t len;
	char *what;
};
/* What a signature owns, for glean_free_table. */
static const size_t signature_owned[] = { offsetof(struct signature, magic),
    offsetof(struct signature, what) };

struct signatures {
	struct signature *v;
	size_t n;
};

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

struct signatures *
signatures_load(const char *lexdir)
{
	struct glean_lexicon *lx = glean_lexicon_load(lexdir,
	    "file-signatures.tsv", 2);
	struct signatures *sig = glean_calloc(1, sizeof *sig);
	size_t i, j, hl;

	sig->v = glean_calloc(lx->nrows ? lx->nrows : 1, sizeof *sig->v);
	for (i = 0; i < lx->nrows; i++) {
		const char *hex = lx->rows[i].f[0];
		struct signature *s = &sig->v[sig->n];

		hl = strlen(hex);
		if (hl == 0 || hl % 2)
			glean_die(GLEAN_EXIT_FATAL, "%s:%ld: '%s' is not hex "
			    "bytes", lx->path, lx->rows[i].line, hex);
		s->len = hl / 2;
		s->magic = glean_malloc(s->len);
		for (j = 0; j < s->len; j++) {
			int hi = hexval(hex[2 * j]), lo = hexval(hex[2 * j + 1]);

			if (hi < 0 || lo < 0)
				glean_die(GLEAN_EXIT_FATAL, "%s:%ld: '%s' is "
				    "not hex bytes", lx->path,
				    lx->rows[i].line, hex);
			s->magic[j] = (unsigned char)(hi << 4 | lo);
		}
		s->what = glean_strdup(lx->rows[i].f[1]);
		sig->n++;
	}
	glean_lexicon_free(lx);
	return sig;
}

void
signatures_free(struct signatures *sig)
{
	if (sig)
		glean_free_table(sig, sig->v, sig->n, sizeof *sig->v,
		    signature_owned, 2);
}

/* A JSON object or array at the start (after blanks), as jansson reads it. */
static int
is_json(const char *data, size_t len)
{
	json_t *v;
	size_t i = 0;
	int yes;

	while (i < len && (data[i] == ' ' || data[i] == '\t' ||
	    data[i] == '\n' || data[i] == '\r'))
		i++;
	if (i == len || (data[i] != '{' && data[i] != '['))
		return 0;
	v = json_loadb(data + i, len - i, JSON_DISABLE_EOF_CHECK |
	    JSON_ALLOW_NUL, NULL);
	yes = v != NULL;
	json_decref(v);
	return yes;
}

/* UTF-16 with a byte order mark: its NULs and odd bytes are text. */
static int
is_utf16(const unsigned char *p, size_t len)
{
	return len >= 2 && ((p[0] == 0xff && p[1] == 0xfe) ||
	    (p[0] == 0xfe && p[1] == 0xff));
}

/*
 * Bit 7 set in (at least) the bytes of w that are not printable ASCII:
 * below 0x20, 0x7f, 0x80 and above.  A borrow may flag a byte after a
 * flagged one too; the caller looks at such words byte by byte anyway.
 */
static inline uint64_t
unusual(uint64_t w)
{
	uint64_t del = w ^ (GLEAN_ONES * 0x7f);

	return ((w - GLEAN_ONES * 0x20) | (del - GLEAN_ONES) | w) & GLEAN_HIGHS;
}

/* Count the control bytes and the bytes that are not UTF-8 in p[0..len). */
static void
count_bad(const unsigned char *p, size_t len, size_t *control,
    size_t *invalid)
{
	size_t i = 0, n;
	uint64_t w;
	int32_t cp;

	while (i < len) {
		if (i + 8 <= len) {
			memcpy(&w, p + i, 8);
			if (!unusual(w)) {	/* printable ASCII: most text */
				i += 8;
				continue;
			}
		}
		if (p[i] < 0x80) {
			if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
			    p[i] != '\r' && p[i] != '\f') || p[i] == 0x7f)
				(*control)++;
			i++;
			continue;
		}
		n = glean_utf8_next((const char *)p + i, len - i, &cp);
		if (cp < 0)
			(*invalid)++;
		i += n;
	}
}

const char *
not_text(const struct signatures *sig, const char *data, size_t len,
    char *why, size_t whysize)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t i, control = 0, invalid = 0;

	for (i = 0; sig && i < sig->n; i++)
		if (len >= sig->v[i].len &&
		    memcmp(p, sig->v[i].magic, sig->v[i].len) == 0) {
			snprintf(why, whysize, "not text: %s",
			    sig->v[i].what);
			return why;
		}
	if (is_json(data, len)) {
		snprintf(why, whysize, "not text: a JSON value (give JSON "
		    "Lines documents as .jsonl files or with --jsonl)");
		return why;
	}
	if (len < MIN_BYTES || is_utf16(p, len))
		return NULL;
	count_bad(p, len, &control, &invalid);
	if (control * 100 > len * CONTROL_PCT ||
	    (control + invalid) * 100 > len * BAD_PCT) {
		snprintf(why, whysize, "not text: %zu%% control and %zu%% "
		    "non-UTF-8 bytes (binary data?)", control * 100 / len,
		    invalid * 100 / len);
		return why;
	}
	return NULL;
}
