/* See LICENSE file for copyright and license details. */
/*
 * emit.c - writing the layers as JSON text, as jansson would write
 * them: "entities", "topics" and "boilerplate".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"
#include "spans.h"

/* qsort order of entities: by first token. */
int
cmp_ent(const void *a, const void *b)
{
	const struct ent *x = a, *y = b;

	return x->t0 < y->t0 ? -1 : x->t0 > y->t0;
}

/* The decimal digits of v. */
static void
put_uint(struct glean_buf *b, uint32_t v)
{
	char digits[10], *p = digits + sizeof digits;

	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	glean_buf_add(b, p, (size_t)(digits + sizeof digits - p));
}

/* ,"key":"s" for a NUL-terminated s. */
static void
put_field(struct glean_buf *b, const char *key, const char *s)
{
	glean_buf_add(b, key, strlen(key));
	glean_buf_addjstr(b, s, strlen(s));
}

/* Bytes put_jstr() may write for a string of n bytes: each may become
 * \u00XX, and the quotes. */
#define JSTR_ROOM(n) (6 * (n) + 2)

/* s[0..n) as a JSON string, as glean_buf_addjstr() writes it, at o
 * (room for JSTR_ROOM(n)); returns the end.  Entity strings are short:
 * eight bytes at a step while none needs escaping, else a byte at a
 * time, with no call. */
static char *
put_jstr(char *o, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF", named[] = "btn\0fr";
	unsigned char ch;
	size_t i;

	*o++ = '"';
	for (i = 0; i < n; i++) {
		/* room for 6 * n: eight bytes copied as they are fit */
		for (; i + 8 <= n && !glean_needs_escape8(s + i); i += 8, o += 8)
			memcpy(o, s + i, 8);
		if (i >= n)
			break;
		/* fewer than 8 left: the last eight bytes at once when none
		 * needs escaping (the ones before i were copied as they are) */
		if (i + 8 > n && n >= 8 && !glean_needs_escape8(s + n - 8)) {
			memcpy(o - (i + 8 - n), s + n - 8, 8);
			o += n - i;
			break;
		}
		ch = (unsigned char)s[i];
		if (ch >= 0x20 && ch != '"' && ch != '\\') {
			*o++ = (char)ch;
			continue;
		}
		*o++ = '\\';
		if (ch == '"' || ch == '\\')
			*o++ = (char)ch;
		else if (ch >= '\b' && ch <= '\r' && ch != '\v')
			*o++ = named[ch - '\b'];
		else {
			memcpy(o, "u00", 3);
			o[3] = hex[ch >> 4];
			o[4] = hex[ch & 15];
			o += 5;
		}
	}
	*o++ = '"';
	return o;
}

/* The literal key (a string constant) at o; returns the end. */
#define PUT_KEY(o, key) (memcpy((o), (key), sizeof(key) - 1), \
	(o) + sizeof(key) - 1)

/* ,"key":"s" for a NUL-terminated s at o (room for it, escaped); returns
 * the end. */
#define PUT_FIELD(o, key, s) put_jstr(PUT_KEY(o, key), (s), strlen(s))

/* ,"kind":"k" for a literal k, and its length. */
struct kind_field {
	const char *json;
	size_t len;
};
#define KIND_FIELD(k) { ",\"kind\":\"" k "\"", \
	sizeof(",\"kind\":\"" k "\"") - 1 }

/* Room put_ent() needs for the strings of e besides its text. */
static size_t
ent_room(const struct ent *e)
{
	return JSTR_ROOM(strlen(e->canonical)) +
	    (e->role ? JSTR_ROOM(strlen(e->role)) : 0) +
	    (e->org ? JSTR_ROOM(strlen(e->org)) : 0) +
	    (e->title ? JSTR_ROOM(strlen(e->title)) : 0);
}

/*
 * One entity as a JSON object, keys in a fixed order, written in room
 * reserved once: it is written for every entity of every document.
 */
void
put_ent(const struct doc *d, const struct ent *e, struct glean_buf *b)
{
	/* the kind fields as written: constants, so neither measured
	 * nor escaped for every entity */
	static const struct kind_field kinds[] = { KIND_FIELD("person"),
	    KIND_FIELD("organisation"), KIND_FIELD("authority") };
	const struct glean_tok *a = &d->tk->t[e->t0], *z = &d->tk->t[e->t1 - 1];
	const char *code = e->auth >= 0 ? d->c->auth[e->auth].code : NULL;
	char *o;

	/* keys, numbers, kind and code: 200 bytes cover them */
	o = glean_buf_reserve(b, 200 + JSTR_ROOM(z->be - a->bs) +
	    ent_room(e) + (code ? JSTR_ROOM(strlen(code)) : 0));
	o = glean_put_dec(PUT_KEY(o, "{\"start\":"), a->s);
	o = glean_put_dec(PUT_KEY(o, ",\"end\":"), z->e);
	o = put_jstr(PUT_KEY(o, ",\"text\":"), d->s + a->bs, z->be - a->bs);
	memcpy(o, kinds[e->kind].json, kinds[e->kind].len);
	o += kinds[e->kind].len;
	o = PUT_FIELD(o, ",\"canonical\":", e->canonical);
	o = code ? PUT_FIELD(o, ",\"code\":", code) :
	    PUT_KEY(o, ",\"code\":null");
	if (e->kind == K_PERSON && e->role)
		o = PUT_FIELD(o, ",\"role\":", e->role);
	if (e->kind == K_PERSON && e->org)
		o = PUT_FIELD(o, ",\"organisation\":", e->org);
	if (e->kind == K_PERSON && e->title)
		o = PUT_FIELD(o, ",\"title\":", e->title);
	*o++ = '}';
	*o = '\0';
	b->len = (size_t)(o - b->s);
}

/*
 * ,"topics":{TOPIC:{"score","cues":[[start,end]...]}...}: the topics the
 * article is about, each with its weight and its first cues; the council
 * topic also names the article's council ("subject") when one is clear.
 */
void
put_topics(const struct doc *d, struct glean_buf *b)
{
	static const char *const names[NTOPIC] = { "council",
	    "children_services", "inspection", "inspectorate" };
	const struct glean_tok *a, *z;
	size_t h, shown;
	int t, first = 1, score;

	glean_tail_member(b, b->len + 1);
	glean_buf_add(b, ",\"topics\":{", 11);
	for (t = 0; t < NTOPIC; t++) {
		if (!topic_present(d, t))
			continue;
		if (!first)
			glean_buf_addc(b, ',');
		first = 0;
		score = d->score[t][0] + d->score[t][1] +
		    (t == TOP_INSPECTION ? d->score[TOP_INSPECTORATE][0] : 0);
		glean_buf_addjstr(b, names[t], strlen(names[t]));
		glean_buf_add(b, ":{\"score\":", 10);
		put_uint(b, (uint32_t)score);
		glean_buf_add(b, ",\"cues\":[", 9);
		for (h = shown = 0; h < d->nhit && shown < 8; h++) {
			int ht = d->c->cues[d->hit[h].cue].topic;

			if (ht != t && !(t == TOP_INSPECTION &&
			    ht == TOP_INSPECTORATE))
				continue;
			a = &d->tk->t[d->hit[h].t0];
			z = &d->tk->t[d->hit[h].t1 - 1];
			glean_buf_add(b, shown ? ",[" : "[", shown ? 2 : 1);
			shown++;
			put_uint(b, a->s);
			glean_buf_addc(b, ',');
			put_uint(b, z->e);
			glean_buf_addc(b, ']');
		}
		glean_buf_addc(b, ']');
		if (t == TOP_COUNCIL && d->main_auth >= 0) {
			put_field(b, ",\"subject\":{\"name\":",
			    d->c->auth[d->main_auth].name);
			put_field(b, ",\"code\":",
			    d->c->auth[d->main_auth].code);
			glean_buf_addc(b, '}');
		}
		glean_buf_addc(b, '}');
	}
	glean_buf_addc(b, '}');
}

/* ,"boilerplate":[{"start","end","kind"}...], nothing when there is none:
 * every later stage pays for each field of every document. */
void
put_boilerplate(const struct doc *d, struct glean_buf *b)
{
	size_t k;

	if (!d->nbp)
		return;
	glean_tail_member(b, b->len + 1);
	glean_buf_add(b, ",\"boilerplate\":[", 16);
	for (k = 0; k < d->nbp; k++) {
		glean_buf_add(b, k ? ",{\"start\":" : "{\"start\":",
		    k ? 10 : 9);
		put_uint(b, d->bp[k].s);
		glean_buf_add(b, ",\"end\":", 7);
		put_uint(b, d->bp[k].e);
		put_field(b, ",\"kind\":", d->bp[k].kind);
		glean_buf_addc(b, '}');
	}
	glean_buf_addc(b, ']');
}
