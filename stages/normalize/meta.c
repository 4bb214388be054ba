/* See LICENSE file for copyright and license details. */
/*
 * An HTML page's metadata: title, publication date, outlet, canonical URL
 * and authors.  Which tags say them, and in which order they are trusted,
 * is lexicons/html-meta.tsv: field, source, where a source is
 *
 *	meta:NAME	<meta property|name|itemprop="NAME" content="...">
 *	jsonld:KEY	KEY of a JSON-LD object (schema.org); for an object
 *			value (author, publisher) its "name"
 *	link:REL	<link rel="REL" href="...">
 *	tag:title	<title>;  tag:h1  the first <h1>;
 *	tag:time	the first <time datetime="...">
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "glean.h"
#include "normalize.h"

enum field { F_TITLE, F_PUBLISHED, F_OUTLET, F_URL, F_AUTHORS, F_BODY,
	F_COUNT };
static const char *const field_names[F_COUNT] = { "title", "published",
	"outlet", "url", "authors", "body" };

enum source_kind { S_META, S_JSONLD, S_LINK, S_TITLE, S_H1, S_TIME };

struct msource {
	unsigned char field, kind;
	char *key;		/* NAME, KEY or REL; NULL for tags */
};

struct metasources {
	struct msource *v;
	size_t n;
};

struct metasources *
metasources_load(const char *lexdir)
{
	struct glean_lexicon *lx = glean_lexicon_load(lexdir, "html-meta.tsv",
	    2);
	struct metasources *ms = glean_calloc(1, sizeof *ms);
	size_t i, f;

	ms->v = glean_calloc(lx->nrows + 1, sizeof *ms->v);
	for (i = 0; i < lx->nrows; i++) {
		const struct glean_row *r = &lx->rows[i];
		struct msource *m = &ms->v[ms->n];
		const char *src = r->f[1];

		for (f = 0; f < F_COUNT && strcmp(field_names[f], r->f[0]);
		    f++)
			;
		if (f == F_COUNT)
			glean_die(GLEAN_EXIT_FATAL, "%s:%ld: no field \"%s\"",
			    lx->path, r->line, r->f[0]);
		m->field = (unsigned char)f;
		if (strncmp(src, "meta:", 5) == 0)
			m->kind = S_META, m->key = glean_strdup(src + 5);
		else if (strncmp(src, "jsonld:", 7) == 0)
			m->kind = S_JSONLD, m->key = glean_strdup(src + 7);
		else if (strncmp(src, "link:", 5) == 0)
			m->kind = S_LINK, m->key = glean_strdup(src + 5);
		else if (strcmp(src, "tag:title") == 0)
			m->kind = S_TITLE;
		else if (strcmp(src, "tag:h1") == 0)
			m->kind = S_H1;
		else if (strcmp(src, "tag:time") == 0)
			m->kind = S_TIME;
		else
			glean_die(GLEAN_EXIT_FATAL, "%s:%ld: source \"%s\" is "
			    "not meta:, jsonld:, link:, tag:title, tag:h1 or "
			    "tag:time", lx->path, r->line, src);
		ms->n++;
	}
	glean_lexicon_free(lx);
	return ms;
}

void
metasources_free(struct metasources *ms)
{
	static const size_t owned[] = { offsetof(struct msource, key) };

	if (ms)
		glean_free_table(ms, ms->v, ms->n, sizeof *ms->v, owned, 1);
}

/* ---- what the page says -------------------------------------------------- */

struct pair {
	const char *key, *value;	/* into the tree */
};

struct said {
	struct pair *meta, *link;
	size_t nmeta, nlink, capmeta, caplink;
	const xmlNode *title, *h1;
	const char *time;
	json_t **ld;			/* parsed JSON-LD objects, in order */
	size_t nld, capld;
};

static void
add_pair(struct pair **v, size_t *n, size_t *cap, const char *k,
    const char *val)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 32;
		*v = glean_realloc(*v, *cap * sizeof **v);
	}
	(*v)[*n].key = k;
	(*v)[(*n)++].value = val;
}

/* each_element's callback: what element n says, noted in s. */
static void
note_element(const xmlNode *n, void *vs)
{
	struct said *s = vs;
	const char *name = (const char *)n->name, *k, *v;

	if (strcmp(name, "meta") == 0) {
		if (!(v = node_attr(n, "content")))
			return;
		if ((k = node_attr(n, "property")))
			add_pair(&s->meta, &s->nmeta, &s->capmeta, k, v);
		if ((k = node_attr(n, "name")))
			add_pair(&s->meta, &s->nmeta, &s->capmeta, k, v);
		if ((k = node_attr(n, "itemprop")))
			add_pair(&s->meta, &s->nmeta, &s->capmeta, k, v);
	} else if (strcmp(name, "link") == 0) {
		if ((k = node_attr(n, "rel")) && (v = node_attr(n, "href")))
			add_pair(&s->link, &s->nlink, &s->caplink, k, v);
	} else if (strcmp(name, "title") == 0 && !s->title &&
	    (!n->parent || strcmp((const char *)n->parent->name, "svg")))
		s->title = n;
	else if (strcmp(name, "h1") == 0 && !s->h1)
		s->h1 = n;
	else if (strcmp(name, "time") == 0 && !s->time)
		s->time = node_attr(n, "datetime");
}

/* The objects of a JSON-LD value: arrays and @graph opened, in order. */
static void
note_ld(json_t *v, struct said *s, int depth)
{
	size_t i;
	json_t *g;

	if (depth > 4)
		return;
	if (json_is_array(v)) {
		for (i = 0; i < json_array_size(v); i++)
			note_ld(json_array_get(v, i), s, depth + 1);
		return;
	}
	if (!json_is_object(v))
		return;
	if (s->nld == s->capld) {
		s->capld = s->capld ? 2 * s->capld : 8;
		s->ld = glean_realloc(s->ld, s->capld * sizeof *s->ld);
	}
	s->ld[s->nld++] = json_incref(v);
	if ((g = json_object_get(v, "@graph")))
		note_ld(g, s, depth + 1);
}

/* ---- values -------------------------------------------------------------- */

static char *
trimmed(const char *s)
{
	struct glean_buf b = { 0 };
	int space = 0;

	for (; s && *s; s++) {
		if (isspace((unsigned char)*s)) {
			space = b.len > 0;
			continue;
		}
		if (space)
			glean_buf_addc(&b, ' ');
		space = 0;
		glean_buf_addc(&b, *s);
	}
	if (!b.len) {
		glean_buf_free(&b);
		return NULL;
	}
	glean_buf_addc(&b, '\0');
	return b.s;
}

/* A JSON-LD value as text: a string, or an object's "name". */
static const char *
ld_text(const json_t *v)
{
	if (json_is_object(v))
		v = json_object_get(v, "name");
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* An author's name that is not a link to a profile page. */
static int
is_name(const char *s)
{
	return s && *s && strncmp(s, "http", 4) != 0 && !strchr(s, '/');
}

static void
add_author(struct page_meta *pm, const char *name)
{
	char *t = trimmed(name);
	size_t i;

	if (!t || !is_name(t)) {
		free(t);
		return;
	}
	for (i = 0; i < pm->nauthors; i++)
		if (strcmp(pm->authors[i], t) == 0) {
			free(t);
			return;
		}
	pm->authors = glean_realloc(pm->authors,
	    (pm->nauthors + 1) * sizeof *pm->authors);
	pm->authors[pm->nauthors++] = t;
}

/*
 * YYYY-MM-DD (or YYYY-MM, YYYY) at the start of s, with '-' or '/', as a
 * fresh string; NULL when s does not start with a date that exists.
 */
static char *
iso_date(const char *s)
{
	int y, m = 0, d = 0;
	size_t n;

	while (s && isspace((unsigned char)*s))
		s++;
	if (!s)
		return NULL;
	for (n = 0; n < 4 && isdigit((unsigned char)s[n]); n++)
		;
	if (n != 4 || isdigit((unsigned char)s[4]))
		return NULL;
	y = atoi(s);
	if (y < 1900 || y > 2100)
		return NULL;
	if ((s[4] == '-' || s[4] == '/') && isdigit((unsigned char)s[5]) &&
	    isdigit((unsigned char)s[6])) {
		m = (s[5] - '0') * 10 + (s[6] - '0');
		if ((s[7] == '-' || s[7] == '/') &&
		    isdigit((unsigned char)s[8]) &&
		    isdigit((unsigned char)s[9]) &&
		    !isdigit((unsigned char)s[10]))
			d = (s[8] - '0') * 10 + (s[9] - '0');
	}
	if (m < 0 || m > 12 || d < 0 || d > 31 || (d && !m))
		return NULL;
	if (d)
		return glean_asprintf("%04d-%02d-%02d", y, m, d);
	if (m)
		return glean_asprintf("%04d-%02d", y, m);
	return glean_asprintf("%04d", y);
}

/* The value of source m on the page, as a fresh string, or NULL. */
static char *
lookup(const struct msource *m, const struct said *s, struct page_meta *pm)
{
	struct glean_buf b = { 0 };
	const json_t *v;
	size_t i, j;

	switch (m->kind) {
	case S_META:
		for (i = 0; i < s->nmeta; i++)
			if (strcasecmp(s->meta[i].key, m->key) == 0 &&
			    *s->meta[i].value) {
				if (m->field == F_AUTHORS)
					add_author(pm, s->meta[i].value);
				else
					return trimmed(s->meta[i].value);
			}
		return NULL;
	case S_LINK:
		for (i = 0; i < s->nlink; i++)
			if (strcasecmp(s->link[i].key, m->key) == 0)
				return trimmed(s->link[i].value);
		return NULL;
	case S_JSONLD:
		for (i = 0; i < s->nld; i++) {
			if (!(v = json_object_get(s->ld[i], m->key)))
				continue;
			if (m->field == F_AUTHORS) {
				if (!json_is_array(v))
					add_author(pm, ld_text(v));
				for (j = 0; j < json_array_size(v); j++)
					add_author(pm,
					    ld_text(json_array_get(v, j)));
				if (pm->nauthors)
					return NULL;
				continue;
			}
			if (ld_text(v))
				return trimmed(ld_text(v));
		}
		return NULL;
	case S_TITLE:
	case S_H1:
		if (!(m->kind == S_TITLE ? s->title : s->h1))
			return NULL;
		node_text(m->kind == S_TITLE ? s->title : s->h1, &b);
		if (!b.len) {
			glean_buf_free(&b);
			return NULL;
		}
		return b.s;
	case S_TIME:
		return s->time ? trimmed(s->time) : NULL;
	}
	return NULL;
}

void
meta_read(const struct metasources *ms, xmlDoc *doc, char *const *jsonld,
    size_t n, struct page_meta *pm)
{
	struct said s = { 0 };
	char **slot[F_COUNT] = { &pm->title, &pm->published, &pm->outlet,
	    &pm->url, NULL, &pm->body };
	size_t i;
	char *v;

	memset(pm, 0, sizeof *pm);
	if (xmlDocGetRootElement(doc))
		each_element(xmlDocGetRootElement(doc), note_element, &s);
	for (i = 0; i < n; i++) {
		json_t *j = json_loads(jsonld[i], JSON_DECODE_ANY |
		    JSON_ALLOW_NUL, NULL);

		if (j)
			note_ld(j, &s, 0);
		json_decref(j);
	}
	for (i = 0; i < ms->n; i++) {
		const struct msource *m = &ms->v[i];

		if (m->field == F_AUTHORS ? pm->nauthors > 0 :
		    *slot[m->field] != NULL)
			continue;
		v = lookup(m, &s, pm);
		if (v && m->field == F_PUBLISHED) {
			char *d = iso_date(v);

			free(v);
			v = d;
		}
		if (v && m->field != F_AUTHORS)
			*slot[m->field] = v;
		else
			free(v);
	}
	for (i = 0; i < s.nld; i++)
		json_decref(s.ld[i]);
	free(s.ld);
	free(s.meta);
	free(s.link);
}

void
page_meta_free(struct page_meta *pm)
{
	size_t i;

	free(pm->title);
	free(pm->published);
	free(pm->outlet);
	free(pm->url);
	free(pm->body);
	for (i = 0; i < pm->nauthors; i++)
		free(pm->authors[i]);
	free(pm->authors);
	memset(pm, 0, sizeof *pm);
}
