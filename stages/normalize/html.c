/* See LICENSE file for copyright and license details. */
/*
 * HTML pages in: gzip, telling HTML from text, the page's charset, a
 * pre-pass that takes scripts, styles, SVG and comments out before the
 * parser sees them (they are most of a served page's bytes; the JSON-LD
 * scripts are kept aside for meta.c), libxml2's HTML parser (recovering
 * from any markup), then extract.c and meta.c, and the document fields.
 */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <zlib.h>

#include "glean.h"
#include "normalize.h"

/*
 * PARSE_MAX: markup beyond it (after the pre-pass) is not parsed; a tree
 * takes about ten times its page, and no article is 16 MB of text.
 */
enum { GUNZIP_MAX = 256 << 20, SNIFF_BYTES = 1024, CHARSET_BYTES = 4096,
	PARSE_MAX = 16 << 20 };

struct html {
	struct boilerplate *bp;
	struct metasources *ms;
};

struct html_page {
	struct glean_buf text;
	struct page_meta pm;
	struct dropped d;
	char charset[48];
	const char *charset_from;	/* "bom", "xml", "meta", "default"... */
	const char *empty;		/* why the body is empty, or NULL */
	size_t bytes;
};

struct html *
html_load(const char *lexdir)
{
	struct html *h = glean_calloc(1, sizeof *h);

	xmlInitParser();
	h->bp = boilerplate_load(lexdir);
	h->ms = metasources_load(lexdir);
	return h;
}

void
html_free(struct html *h)
{
	if (!h)
		return;
	boilerplate_free(h->bp);
	metasources_free(h->ms);
	free(h);
	xmlCleanupParser();
}

static int
has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n >= m && strcasecmp(s + n - m, suf) == 0;
}

int
html_name(const char *path)
{
	return has_suffix(path, ".html") || has_suffix(path, ".htm") ||
	    has_suffix(path, ".html.gz") || has_suffix(path, ".htm.gz");
}

/* Case-insensitive: does s[0..n) start with the lower-case word w? */
static int
starts(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; w[i]; i++)
		if (i >= n || tolower((unsigned char)s[i]) != w[i])
			return 0;
	return 1;
}

/*
 * An HTML page starts, after a BOM, blanks and comments, with a doctype or
 * one of the tags that only open a page.  Text that merely mentions a tag
 * does not: plain articles are never read as HTML.
 */
int
html_sniff(const char *data, size_t len)
{
	static const char *const opens[] = { "<!doctype html", "<html",
	    "<head", "<body", "<meta ", "<meta>", "<title>", "<?xml", NULL };
	size_t i = 0, lim = len < SNIFF_BYTES ? len : SNIFF_BYTES, k;
	const char *end;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (;;) {
		while (i < lim && isspace((unsigned char)data[i]))
			i++;
		if (!starts(data + i, lim - i, "<!--"))
			break;
		end = memmem(data + i, len - i, "-->", 3);
		if (!end)
			return 0;
		i = (size_t)(end - data) + 3;
	}
	for (k = 0; opens[k]; k++)
		if (starts(data + i, len - i, opens[k]))
			return k != 7 || memmem(data, lim, "<html", 5) ||
			    memmem(data, lim, "<HTML", 5);
	return 0;
}

int
html_gunzip(const char *data, size_t len, char **out, size_t *outlen,
    char *why, size_t whysize)
{
	z_stream z = { 0 };
	size_t cap = len * 4 + 4096;
	char *buf;
	int rc;

	if (inflateInit2(&z, 15 + 32) != Z_OK) {
		snprintf(why, whysize, "cannot inflate: out of memory");
		return -1;
	}
	buf = glean_malloc(cap);
	z.next_in = (Bytef *)data;
	z.avail_in = (uInt)(len > 0xffffffffu ? 0xffffffffu : len);
	do {
		if (z.total_out == cap) {
			if (cap >= GUNZIP_MAX) {
				snprintf(why, whysize, "gzip: the page is "
				    "over %d MB inflated", GUNZIP_MAX >> 20);
				rc = Z_MEM_ERROR;
				break;
			}
			cap = cap * 2 > GUNZIP_MAX ? GUNZIP_MAX : cap * 2;
			buf = glean_realloc(buf, cap);
		}
		z.next_out = (Bytef *)buf + z.total_out;
		z.avail_out = (uInt)(cap - z.total_out);
		rc = inflate(&z, Z_NO_FLUSH);
	} while (rc == Z_OK);
	if (rc != Z_STREAM_END) {
		if (rc != Z_MEM_ERROR)
			snprintf(why, whysize, "gzip: %s", z.msg ? z.msg :
			    "the stream is truncated");
		inflateEnd(&z);
		free(buf);
		return -1;
	}
	*out = buf;
	*outlen = z.total_out;
	inflateEnd(&z);
	return 0;
}

int
html_bytes(const char *path, char **data, size_t *len, char *why,
    size_t whysize)
{
	char *big;
	size_t n;

	/* only pages: a .txt.gz stays what it was, a file that is not text */
	if (has_suffix(path, ".gz") && html_name(path) && *len >= 2 &&
	    memcmp(*data, "\x1f\x8b", 2) == 0) {
		if (html_gunzip(*data, *len, &big, &n, why, whysize) < 0)
			return -1;
		free(*data);
		*data = big;
		*len = n;
	}
	return html_name(path) || html_sniff(*data, *len);
}

/* ---- charset ------------------------------------------------------------- */

/* The charset name after "charset=" or "encoding=" at s. */
static void
name_at(const char *s, const char *end, char *name, size_t size)
{
	size_t n = 0;

	while (s < end && (isspace((unsigned char)*s) || *s == '=' ||
	    *s == '"' || *s == '\''))
		s++;
	while (s < end && n + 1 < size && (isalnum((unsigned char)*s) ||
	    *s == '-' || *s == '_' || *s == ':' || *s == '.'))
		name[n++] = (char)tolower((unsigned char)*s++);
	name[n] = '\0';
}

/* Case-insensitive memmem for a lower-case needle. */
static const char *
find_ci(const char *s, const char *end, const char *w)
{
	size_t n = strlen(w);

	for (; s + n <= end; s++)
		if (tolower((unsigned char)*s) == w[0] &&
		    starts(s, (size_t)(end - s), w))
			return s;
	return NULL;
}

/*
 * The page's charset, as HTML5 finds it before parsing: a byte order
 * mark, an XML declaration, or a <meta charset> or http-equiv
 * Content-Type in the first 4 KB.  Sets name ("" when none) and says
 * where it came from.
 */
static const char *
find_charset(const char *data, size_t len, char *name, size_t size)
{
	const char *end = data + (len < CHARSET_BYTES ? len : CHARSET_BYTES);
	const char *p, *q, *tagend;

	name[0] = '\0';
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		snprintf(name, size, "utf-8");
		return "bom";
	}
	if (len >= 2 && (memcmp(data, "\xff\xfe", 2) == 0 ||
	    memcmp(data, "\xfe\xff", 2) == 0)) {
		snprintf(name, size, data[0] == '\xff' ? "utf-16le" :
		    "utf-16be");
		return "bom";
	}
	if (starts(data, len, "<?xml") &&
	    (tagend = memchr(data, '>', (size_t)(end - data))) &&
	    (q = find_ci(data, tagend, "encoding"))) {
		name_at(q + 8, tagend, name, size);
		if (name[0])
			return "xml";
	}
	for (p = data; (p = find_ci(p, end, "<meta")); p += 5) {
		tagend = memchr(p, '>', (size_t)(end - p));
		if (!tagend)
			break;
		if ((q = find_ci(p, tagend, "charset"))) {
			name_at(q + 7, tagend, name, size);
			if (name[0])
				return "meta";
		}
	}
	return NULL;
}

/* Bytes that are not UTF-8 read as cp1252 (as for text files). */
static void
utf8_or_cp1252(const char *s, size_t n, struct glean_buf *out)
{
	static const uint16_t c1[32] = { 0x20ac, 0x81, 0x201a, 0x192, 0x201e,
	    0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
	    0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
	    0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d,
	    0x17e, 0x178 };
	size_t i = 0, k;
	int32_t cp;

	if (!memchr(s, '\0', n) && glean_utf8_valid(s, n)) {
		glean_buf_add(out, s, n);
		return;
	}
	while (i < n) {
		k = glean_utf8_next(s + i, n - i, &cp);
		if (cp >= 0 && cp != 0) {
			glean_buf_add(out, s + i, k);
			i += k;
			continue;
		}
		cp = (unsigned char)s[i];
		if (cp == 0)
			cp = 0xfffd;	/* a NUL would end the parser's text */
		else if (cp >= 0x80 && cp < 0xa0)
			cp = c1[cp - 0x80];
		glean_buf_addcp(out, cp);
		i++;
	}
}

/*
 * data[0..len) as UTF-8 in out, read in the charset name.  Returns 0, or
 * -1 when iconv does not know the charset (the caller reads UTF-8).
 * Bytes the charset cannot decode become U+FFFD.
 */
static int
decode(const char *name, const char *data, size_t len, struct glean_buf *out)
{
	char chunk[16384], *in = (char *)data, *o;
	size_t inleft = len, oleft, done;
	iconv_t cd;

	/* browsers read Latin-1 and ASCII labels as windows-1252 */
	if (strcmp(name, "iso-8859-1") == 0 || strcmp(name, "latin1") == 0 ||
	    strcmp(name, "us-ascii") == 0 || strcmp(name, "ascii") == 0)
		name = "windows-1252";
	cd = iconv_open("UTF-8", name);
	if (cd == (iconv_t)-1)
		return -1;
	while (inleft > 0) {
		o = chunk;
		oleft = sizeof chunk;
		done = iconv(cd, &in, &inleft, &o, &oleft);
		glean_buf_add(out, chunk, (size_t)(o - chunk));
		if (done == (size_t)-1 && errno != E2BIG) {
			/* a byte the charset does not have, or a cut end */
			glean_buf_add(out, "\xef\xbf\xbd", 3);
			in++;
			inleft--;
		}
	}
	iconv_close(cd);
	return 0;
}

/*
 * The page in its declared charset, decoded to UTF-8 in out.  Returns 0
 * when the page is UTF-8 (or says nothing, or names a charset iconv does
 * not know): out is untouched, and the caller cleans the bytes with
 * utf8_or_cp1252 after the pre-pass has made them fewer.
 */
static int
to_utf8(struct html_page *pg, const char *data, size_t len,
    struct glean_buf *out)
{
	char name[48];
	const char *from = find_charset(data, len, name, sizeof name);

	if (from && strcmp(name, "utf-8") != 0 && strcmp(name, "utf8") != 0) {
		if (strncmp(name, "utf-16", 6) == 0 && strcmp(from, "bom") != 0)
			name[0] = '\0';	/* the bytes were read as ASCII */
		else if (name[0] && decode(name, data, len, out) == 0) {
			snprintf(pg->charset, sizeof pg->charset, "%s", name);
			pg->charset_from = from;
			return 1;
		}
	}
	snprintf(pg->charset, sizeof pg->charset, "utf-8");
	pg->charset_from = from && name[0] ? from : "default";
	return 0;
}

/* ---- the pre-pass -------------------------------------------------------- */

struct prepass {
	struct glean_buf out;
	char **jsonld;
	size_t njsonld;
	struct dropped *d;
};

/* The end of the element opened at s (after "</name"), or NULL. */
static const char *
close_tag(const char *s, const char *end, const char *name)
{
	const char *p = s;
	size_t n = strlen(name);

	while ((p = memchr(p, '<', (size_t)(end - p)))) {
		if (p + 2 + n <= end && p[1] == '/' &&
		    starts(p + 2, (size_t)(end - p - 2), name) &&
		    (p + 2 + n == end ||
		    !isalnum((unsigned char)p[2 + n]))) {
			const char *gt = memchr(p, '>', (size_t)(end - p));

			return gt ? gt + 1 : end;
		}
		p++;
	}
	return NULL;
}

/* Is the attribute name[0..n) one the reader looks at (of tag "link")? */
static int
wanted_attr(const char *name, size_t n, int link)
{
	static const char *const keep[] = { "class", "id", "style", "role",
	    "aria-hidden", "hidden", "content", "property", "name",
	    "itemprop", "rel", "datetime", NULL };
	size_t k;

	for (k = 0; keep[k]; k++)
		if (strlen(keep[k]) == n && starts(name, n, keep[k]))
			return 1;
	return link && n == 4 && starts(name, n, "href");
}

/*
 * Copy the start tag at lt to out with only the attributes the reader
 * looks at: the others (links, sources, data-*, event handlers) are a
 * third of what is left of a page and cost the parser most of its
 * allocations.  Returns the end of the tag; a tag cut by the end of the
 * page is copied as it is.
 */
static const char *
copy_tag(const char *lt, const char *end, struct glean_buf *out)
{
	const char *p = lt + 1, *name, *v;
	size_t n, mark = out->len;
	int link;

	while (p < end && !isspace((unsigned char)*p) && *p != '>' &&
	    *p != '/')
		p++;
	link = p - lt == 5 && starts(lt + 1, 4, "link");
	glean_buf_add(out, lt, (size_t)(p - lt));
	for (;;) {
		while (p < end && (isspace((unsigned char)*p) || *p == '/'))
			p++;
		if (p >= end)
			break;
		if (*p == '>') {
			glean_buf_addc(out, '>');
			return p + 1;
		}
		for (name = p; p < end && !isspace((unsigned char)*p) &&
		    *p != '=' && *p != '>' && *p != '/'; p++)
			;
		n = (size_t)(p - name);
		while (p < end && isspace((unsigned char)*p))
			p++;
		v = p;
		if (p < end && *p == '=') {
			for (p++; p < end && isspace((unsigned char)*p); p++)
				;
			if (p < end && (*p == '"' || *p == '\'')) {
				const char *q = memchr(p + 1, *p,
				    (size_t)(end - p - 1));

				if (!q)
					break;
				p = q + 1;
			} else
				while (p < end && !isspace((unsigned char)*p) &&
				    *p != '>')
					p++;
		}
		if (n && wanted_attr(name, n, link)) {
			glean_buf_addc(out, ' ');
			glean_buf_add(out, name, n);
			glean_buf_add(out, v, (size_t)(p - v));
		}
		if (!n)
			p++;
	}
	/* cut: as it came */
	out->len = mark;
	glean_buf_add(out, lt, (size_t)(end - lt));
	return end;
}

/*
 * Copy the page to pp->out without its comments and the contents of
 * script, style and svg elements (raw text to the parser, never article
 * text); JSON-LD scripts are kept in pp->jsonld.  An element left open
 * runs to the end of the page, as in a browser.
 */
static void
prepass(const char *s, size_t len, struct prepass *pp)
{
	static const char *const raw[] = { "script", "style", "svg", NULL };
	const char *end = s + len, *p = s, *lt, *gt, *stop;
	size_t k, n;

	while ((lt = memchr(p, '<', (size_t)(end - p)))) {
		if (starts(lt, (size_t)(end - lt), "<!--")) {
			glean_buf_add(&pp->out, p, (size_t)(lt - p));
			stop = memmem(lt + 4, (size_t)(end - lt - 4), "-->",
			    3);
			p = stop ? stop + 3 : end;
			dropped_add(pp->d, "comment", 1);
			continue;
		}
		for (k = 0; raw[k]; k++) {
			n = strlen(raw[k]);
			if (starts(lt + 1, (size_t)(end - lt - 1), raw[k]) &&
			    lt + 1 + n < end &&
			    !isalnum((unsigned char)lt[1 + n]))
				break;
		}
		if (!raw[k]) {
			glean_buf_add(&pp->out, p, (size_t)(lt - p));
			p = lt + 1 < end && isalpha((unsigned char)lt[1]) ?
			    copy_tag(lt, end, &pp->out) : lt + 1;
			if (p == lt + 1)
				glean_buf_addc(&pp->out, '<');
			continue;
		}
		glean_buf_add(&pp->out, p, (size_t)(lt - p));
		gt = memchr(lt, '>', (size_t)(end - lt));
		gt = gt ? gt + 1 : end;
		stop = close_tag(gt, end, raw[k]);
		if (k == 0 && find_ci(lt, gt, "ld+json") && stop) {
			const char *body_end = stop;

			while (body_end > gt && *--body_end != '<')
				;
			pp->jsonld = glean_realloc(pp->jsonld,
			    (pp->njsonld + 1) * sizeof *pp->jsonld);
			pp->jsonld[pp->njsonld++] = glean_strndup(gt,
			    (size_t)(body_end - gt));
		}
		dropped_add(pp->d, raw[k], 1);
		p = stop ? stop : end;
	}
	glean_buf_add(&pp->out, p, (size_t)(end - p));
}

/* ---- the page ------------------------------------------------------------ */

static void
silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
read_parsed(const struct html *h, struct html_page *pg, struct prepass *pp)
{
	htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(pp->out.s,
	    (int)pp->out.len);
	xmlDoc *doc;

	if (!ctxt) {
		pg->empty = "the parser could not start (out of memory?)";
		return;
	}
	xmlSetGenericErrorFunc(NULL, silent);
	/* HUGE: no limit of 256 on nesting (extract.c walks any depth) */
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT |
	    HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE | HTML_PARSE_NODEFDTD);
	xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
	htmlParseDocument(ctxt);
	doc = ctxt->myDoc;
	ctxt->myDoc = NULL;
	htmlFreeParserCtxt(ctxt);
	if (!doc) {
		pg->empty = "no HTML elements could be read";
		return;
	}
	meta_read(h->ms, doc, pp->jsonld, pp->njsonld, &pg->pm);
	extract_body(h->bp, doc, &pg->text, &pg->d);
	xmlFreeDoc(doc);
	/* a page built by script: the JSON-LD may carry the article */
	if (pg->pm.body && strlen(pg->pm.body) > 2 * pg->text.len) {
		glean_buf_reset(&pg->text);
		glean_buf_add(&pg->text, pg->pm.body, strlen(pg->pm.body));
		dropped_add(&pg->d, "body-from-json-ld", 1);
	}
}

struct html_page *
html_read(const struct html *h, const char *data, size_t len, int unicode)
{
	struct html_page *pg = glean_calloc(1, sizeof *pg);
	struct glean_buf u = { 0 };
	struct prepass pp = { 0 };
	size_t i;

	pg->bytes = len;
	pp.d = &pg->d;
	if (unicode) {
		snprintf(pg->charset, sizeof pg->charset, "utf-8");
		pg->charset_from = "document";
	} else if (to_utf8(pg, data, len, &u)) {
		data = u.s ? u.s : "";
		len = u.len;
	}
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	/* UTF-8 from here on; the pre-pass only looks for ASCII */
	prepass(data, len, &pp);
	glean_buf_reset(&u);
	utf8_or_cp1252(pp.out.s ? pp.out.s : "", pp.out.len, &u);
	glean_buf_free(&pp.out);
	pp.out = u;
	if (pp.out.len > PARSE_MAX) {
		dropped_add(&pg->d, "bytes-over-16MB", pp.out.len - PARSE_MAX);
		pp.out.len = PARSE_MAX;
		/* not in the middle of a character */
		while (pp.out.len > 0 &&
		    (pp.out.s[pp.out.len] & 0xc0) == 0x80)
			pp.out.len--;
	}
	read_parsed(h, pg, &pp);
	if (!pg->empty && pg->text.len == 0)
		pg->empty = pp.out.len == 0 || pg->d.kinds == 0 ?
		    "no text in the page" :
		    "no article text: all of the page's text was boilerplate "
		    "or script";
	glean_buf_addc(&pg->text, '\0');
	pg->text.len--;
	for (i = 0; i < pp.njsonld; i++)
		free(pp.jsonld[i]);
	free(pp.jsonld);
	glean_buf_free(&pp.out);
	return pg;
}

const char *
html_text(const struct html_page *pg, size_t *len)
{
	*len = pg->text.len;
	return pg->text.s ? pg->text.s : "";
}

static void
set_if_absent(json_t *doc, const char *key, const char *value)
{
	json_t *old = glean_field(doc, key);

	if (value && (!old || json_is_null(old) ||
	    (json_is_string(old) && !*json_string_value(old))))
		json_object_set_new(doc, key, json_string(value));
}

void
html_doc(const struct html_page *pg, json_t *doc, int explain,
    const char *what)
{
	const struct page_meta *pm = &pg->pm;
	json_t *dropped = json_object(), *authors;
	size_t i;

	set_if_absent(doc, "title", pm->title);
	set_if_absent(doc, "published", pm->published);
	set_if_absent(doc, "outlet", pm->outlet);
	set_if_absent(doc, "url", pm->url);
	if (pm->nauthors && !glean_field(doc, "authors")) {
		authors = json_array();
		for (i = 0; i < pm->nauthors; i++)
			json_array_append_new(authors,
			    json_string(pm->authors[i]));
		json_object_set_new(doc, "authors", authors);
	}
	json_object_set_new(doc, "html", json_true());
	for (i = 0; i < pg->d.kinds; i++)
		json_object_set_new(dropped, pg->d.what[i],
		    json_integer((json_int_t)pg->d.n[i]));
	json_object_set_new(doc, "html_dropped", dropped);
	if (pg->empty)
		json_object_set_new(doc, "html_empty", json_string(pg->empty));
	if (!explain)
		return;
	fprintf(stderr, "%s: %s: html: %zu bytes, charset %s (%s), body %zu "
	    "bytes", glean_prog, what, pg->bytes, pg->charset,
	    pg->charset_from ? pg->charset_from : "default", pg->text.len);
	for (i = 0; i < pg->d.kinds; i++)
		fprintf(stderr, "%s %s %zu", i ? "," : "; dropped",
		    pg->d.what[i], pg->d.n[i]);
	if (pg->empty)
		fprintf(stderr, "; empty: %s", pg->empty);
	fputc('\n', stderr);
}

void
html_page_free(struct html_page *pg)
{
	if (!pg)
		return;
	glean_buf_free(&pg->text);
	page_meta_free(&pg->pm);
	free(pg);
}
