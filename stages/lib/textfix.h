/* See LICENSE file for copyright and license details. */
/*
 * textfix.h - glean-normalize's text repairs: decoding raw bytes,
 * HTML entities, mojibake, NFC, newlines, control and zero-width
 * characters, each change recorded as a repair.
 */
#ifndef GLEAN_TEXTFIX_H
#define GLEAN_TEXTFIX_H

#include <stddef.h>
#include <stdint.h>

#include "glean.h"
#include "mojibake.h"

/*
 * One change: text[start..end) of the new text (code points) was before
 * in the old.  label is a codec ("gbk", "cp1252+cp1252") or a rule
 * ("html-entity", "nfc", "newline", "control", "zero-width", "bom",
 * "invalid-utf8", "c1-control"), or both joined by '+'.  count > 1
 * marks a summary of count changes of one rule; before and after are
 * then those of the first.
 */
struct glean_repair {
	size_t start, end;
	char *before, *after, *label;
	size_t before_len;	/* before may hold a NUL */
	long count;
};

struct glean_repairs {
	struct glean_repair *r;
	size_t n, cap;
};

void glean_repairs_clear(struct glean_repairs *rp);	/* keeps storage */
void glean_repairs_free(struct glean_repairs *rp);

struct glean_textfix;

/* Load codecs.tsv, html-entities.tsv and invisible.tsv from lexdir. */
struct glean_textfix *glean_textfix_load(const char *lexdir);
void glean_textfix_free(struct glean_textfix *tf);
const struct glean_mojibake *glean_textfix_codecs(
    const struct glean_textfix *tf);

/*
 * Normalise the valid UTF-8 text s[0..n).  Returns 0 when nothing needs
 * to change (rp empty, out to be ignored: clean text takes a fast path),
 * 1 when out holds the new text (replacing its contents) and rp the
 * repairs.
 */
int glean_textfix(const struct glean_textfix *tf, const char *s, size_t n,
    struct glean_buf *out, struct glean_repairs *rp);

/*
 * Normalise the raw bytes of an article file: a UTF-8 or UTF-16 byte
 * order mark says the encoding, else UTF-8 with bytes that are not UTF-8
 * read as cp1252.  Always fills out and rp.
 */
void glean_textfix_raw(const struct glean_textfix *tf, const char *s,
    size_t n, struct glean_buf *out, struct glean_repairs *rp);

/* Does this label name codecs only, rules only, or both? */
int glean_label_is_codec(const struct glean_textfix *tf, const char *part,
    size_t n);

#endif
