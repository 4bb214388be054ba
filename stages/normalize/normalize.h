/* See LICENSE file for copyright and license details. */
/*
 * glean-normalize's modules: main.c (documents, repairs, the command
 * line), metadata.c (the -m TSV, checked line by line), nottext.c
 * (raw files that are not text: binary data, PDFs, images, JSON), and the
 * HTML reader: html.c (gzip, sniffing, charset, parsing with libxml2, the
 * document fields), extract.c (the article body) and meta.c (title,
 * date, outlet, canonical URL, authors).
 */
#ifndef NORMALIZE_H
#define NORMALIZE_H

#include <stddef.h>

#include <jansson.h>

#include "glean.h"

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

/* ---- html.c -------------------------------------------------------------- */

struct html;			/* lexicons of the HTML reader, loaded once */
struct html_page;		/* what one page gave; see html.c */

struct html *html_load(const char *lexdir);
void html_free(struct html *h);

/* Is the file name one of an HTML page (.html, .htm, either + .gz)? */
int html_name(const char *path);

/* Do the bytes look like an HTML page (a doctype, <html>, <head>...)? */
int html_sniff(const char *data, size_t len);

/*
 * Is the raw file at path (its bytes *data[0..*len)) an HTML page?  By
 * its name or its first bytes; a gzip file named .html.gz or .htm.gz is
 * inflated first, replacing *data.  Returns 1 (HTML), 0 (not), -1 (a
 * broken .gz, the reason in why).
 */
int html_bytes(const char *path, char **data, size_t *len, char *why,
    size_t whysize);

/*
 * data[0..len) with a gzip signature inflated into a fresh *out, at most
 * 256 MB.  Returns 0, or -1 with the reason in why (a broken or too big
 * stream).
 */
int html_gunzip(const char *data, size_t len, char **out, size_t *outlen,
    char *why, size_t whysize);

/*
 * Read one HTML page: bytes of a file (unicode 0: the charset comes from
 * a BOM, the XML declaration or a <meta>, else UTF-8 with stray bytes
 * read as cp1252) or the UTF-8 text of a document (unicode 1).  Returns
 * a page to hand to html_doc and html_page_free; never NULL.
 */
struct html_page *html_read(const struct html *h, const char *data,
    size_t len, int unicode);

/* The page's article body (UTF-8, paragraphs split by blank lines). */
const char *html_text(const struct html_page *pg, size_t *len);

/*
 * Set the page's fields in doc: "title", "published", "outlet", "url",
 * "authors", "html": true and "html_dropped" {what: count}, and, when
 * the body is empty, "html_empty" with the reason.  A field doc has
 * already (from -m or the input document) is kept.  With explain, one
 * line on stderr says what was read and dropped, named by what.
 */
void html_doc(const struct html_page *pg, json_t *doc, int explain,
    const char *what);

void html_page_free(struct html_page *pg);

/* ---- extract.c ----------------------------------------------------------- */

#include <libxml/tree.h>

struct boilerplate;		/* lexicons/html-boilerplate.tsv */

struct boilerplate *boilerplate_load(const char *lexdir);
void boilerplate_free(struct boilerplate *bp);

enum { DROP_KINDS = 48 };

/* What the reader left out, by kind ("script", "nav", "share"...). */
struct dropped {
	const char *what[DROP_KINDS];	/* static or lexicon strings */
	size_t n[DROP_KINDS], kinds;
};

void dropped_add(struct dropped *d, const char *what, size_t n);

/*
 * Append the article body of the parsed page to out: headings and
 * paragraphs as paragraphs split by a blank line, list items and table
 * rows as lines.  Boilerplate is marked, counted in d and left out;
 * blocks are scored by text and link density (Readability's way), the
 * best container and its good siblings kept.  Never fails; out may stay
 * empty.  Walks without recursion, so nesting depth costs nothing.
 */
void extract_body(const struct boilerplate *bp, xmlDoc *doc,
    struct glean_buf *out, struct dropped *d);

/*
 * The text of node and its descendants, whitespace collapsed, appended
 * to out (for titles and other short fields).
 */
void node_text(const xmlNode *node, struct glean_buf *out);

/* The value of n's attribute name (any case), or NULL. */
const char *node_attr(const xmlNode *n, const char *name);

/* fn(element, ctx) for every element under root (root too), in document
 * order, without recursion. */
void each_element(xmlNode *root, void (*fn)(const xmlNode *, void *),
    void *ctx);

/* ---- meta.c -------------------------------------------------------------- */

struct metasources;		/* lexicons/html-meta.tsv */

struct metasources *metasources_load(const char *lexdir);
void metasources_free(struct metasources *ms);

struct page_meta {
	char *title, *published, *outlet, *url;
	char *body;			/* JSON-LD articleBody, a fallback */
	char **authors;
	size_t nauthors;
};

/*
 * Fill pm from the page: <meta> tags, <link rel>, <title>, the first
 * <h1> and <time datetime>, and the JSON-LD scripts jsonld[0..n) (the
 * text of each), each field from the first source html-meta.tsv lists
 * that has it.  published is cut to YYYY-MM-DD (or YYYY-MM, YYYY) and
 * left out when it is not a date.
 */
void meta_read(const struct metasources *ms, xmlDoc *doc,
    char *const *jsonld, size_t n, struct page_meta *pm);
void page_meta_free(struct page_meta *pm);

#endif
