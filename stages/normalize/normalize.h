/* See LICENSE file for copyright and license details. */
/*
 * glean-normalize's modules: main.c (documents, repairs, the command
 * line), metadata.c (the -m TSV, checked line by line) and nottext.c
 * (raw files that are not text: binary data, PDFs, images, JSON).
 */
#ifndef NORMALIZE_H
#define NORMALIZE_H

#include <stddef.h>

/* ---- metadata.c ---------------------------------------------------------- */

/* One good line of the -m TSV: id, published, source (NULL when empty). */
struct meta {
	char *id, *published, *source;
	long line;
};

struct metadata {
	struct meta *v;		/* sorted by id */
	size_t n;
};

/*
 * Read the TSV at path into md (id, published YYYY, YYYY-MM or
 * YYYY-MM-DD, source; '#' lines are comments).  A bad line (a header
 * row, extra columns, a date that is not one or does not exist, a
 * day-first date, an id given twice) is named on stderr as
 * "prog: PATH:LINE: what is wrong; line ignored" unless quiet, and left
 * out.  Returns the number of bad lines; an unreadable file exits 2.
 */
size_t metadata_load(struct metadata *md, const char *path, int quiet);

/* The line for id, or NULL. */
const struct meta *metadata_find(const struct metadata *md, const char *id);

void metadata_free(struct metadata *md);

/* ---- nottext.c ----------------------------------------------------------- */

struct signatures;

/* Load lexdir/file-signatures.tsv (hex magic bytes, what they are). */
struct signatures *signatures_load(const char *lexdir);
void signatures_free(struct signatures *sig);

/*
 * Is data[0..len) something other than the text of an article: a file
 * with a known signature (PDF, image, archive, program), a JSON value, or
 * bytes that are mostly control characters or not UTF-8?  Returns NULL
 * for text, else a reason for an error record ("not text: ...") in why.
 */
const char *not_text(const struct signatures *sig, const char *data,
    size_t len, char *why, size_t whysize);

#endif
