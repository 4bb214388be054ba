/* See LICENSE file for copyright and license details. */
/*
 * emit.c - writing the layer: each candidate as
 * {"start","end","text","value","relative","type"} and "mod",
 * "interval" and "parts" where they apply.  The layer is written as JSON
 * text, as jansson would write it (compact, keys in this order):
 * building it as jansson values cost more than finding the dates.
 */
#include <stdio.h>
#include <string.h>

#include "dates.h"

/* The literal JSON text lit, in one copy. */
#define ADD_LIT(b, lit) glean_buf_add((b), (lit), sizeof(lit) - 1)

/* ,"key":"v" with v escaped; key a plain literal. */
#define ADD_STR(b, key, v) add_str((b), ",\"" key "\":\"", \
	sizeof(",\"" key "\":\"") - 1, (v))

/*
 * head[0..nhead), then s[0..n) escaped as glean_buf_addjesc escapes it,
 * then a closing '"'.  A value or a date's text seldom holds a byte that
 * JSON escapes (a control byte, '"' or '\\'): then all three go in one
 * copy each, without the escaper's calls, which cost more than a short
 * value's bytes.
 */
static void
add_quoted(struct glean_buf *b, const char *head, size_t nhead,
    const char *s, size_t n)
{
	size_t i;
	char *p;

	/* eight bytes a step, then the rest one by one: the same first
	 * byte to escape, if any */
	for (i = 0; i + 8 <= n && !glean_needs_escape8(s + i); i += 8)
		;
	for (; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch < 0x20 || ch == '"' || ch == '\\')
			break;
	}
	if (i < n) {
		glean_buf_add(b, head, nhead);
		glean_buf_addjesc(b, s, n);
		glean_buf_addc(b, '"');
		return;
	}
	p = glean_buf_reserve(b, nhead + n + 1);
	memcpy(p, head, nhead);
	memcpy(p + nhead, s, n);
	p[nhead + n] = '"';
	b->len += nhead + n + 1;
	b->s[b->len] = '\0';
}

static void
add_str(struct glean_buf *b, const char *head, size_t nhead, const char *v)
{
	add_quoted(b, head, nhead, v, strlen(v));
}

/* s into v (cap > 0 bytes), cut to fit, as snprintf(v, cap, "%s", s)
 * writes it but without its cost. */
static void
copy_str(char *v, const char *s, size_t cap)
{
	size_t n = strlen(s);

	if (n >= cap)
		n = cap - 1;
	memcpy(v, s, n);
	v[n] = '\0';
}

/* s[0..n) at p; returns the byte after it. */
static char *
put(char *p, const char *s, size_t n)
{
	memcpy(p, s, n);
	return p + n;
}

/* {"start","end","text"} of t[s..e), without the closing brace: the
 * numbers and keys in one copy, the text escaped. */
static void
add_span(struct glean_buf *b, struct glean_cp_cursor *cur, const char *t,
    size_t s, size_t e)
{
	static const char *const key[2] = { "{\"start\":", ",\"end\":" };
	const size_t at[2] = { s, e };
	char head[96], *p = head;
	int k;

	for (k = 0; k < 2; k++) {
		p = put(p, key[k], strlen(key[k]));
		p = glean_put_dec(p, glean_cp_at(cur, at[k]));
	}
	p = put(p, ",\"text\":\"", 9);
	add_quoted(b, head, (size_t)(p - head), t + s, e - s);
}

/* The value of point k, a holiday or a day of the next month among
 * them; notes the latest calendar date in *last, the anchor of "two
 * months later". */
static void
value_point(struct cand *k, const struct anchor *an, struct anchor *last,
    char *v, size_t cap, int *rel)
{
	if (k->deic >= 1000 && k->deic < 2000) {
		/* Easter: needs the year */
		int y = resolve_year(&k->a, an, rel), m, dd;
		long z;

		if (!y) {
			snprintf(v, cap, "XXXX-03");
			return;
		}
		easter(y, &m, &dd);
		z = days_from(y, m, dd) + (k->deic - 1000);
		civil_from(z, &y, &m, &dd);
		snprintf(v, cap, "%04d-%02d-%02d", y, m, dd);
		return;
	}
	if (k->deic == 2000) {
		/* "the 20th of next month" */
		int y = an->y, m = an->m, dd = 0;

		*rel = 1;
		if (!an->m) {
			snprintf(v, cap, "XXXX-XX-%02d", k->a.d);
			return;
		}
		shift(&y, &m, &dd, 'M', (long)k->n);
		snprintf(v, cap, "%04d-%02d-%02d", y, m, k->a.d);
		return;
	}
	if (k->a.wd && k->a.d && !k->a.m) {
		/* "Friday the 15th": the anchor's month */
		*rel = 1;
		if (an->m)
			snprintf(v, cap, "%04d-%02d-%02d", an->y, an->m, k->a.d);
		else
			snprintf(v, cap, "XXXX-XX-%02d", k->a.d);
		return;
	}
	fmt_point(v, cap, &k->a, an, rel);
	/* the latest calendar date mentioned anchors "two months later" */
	if (!k->a.q && !k->a.season && !k->a.decade &&
	    !(k->a.wd && !k->a.m)) {
		int r0 = 0, y = resolve_year(&k->a, an, &r0);

		if (y && (k->a.m || !k->a.d)) {
			last->y = y;
			last->m = k->a.m;
			last->d = k->a.m ? k->a.d : 0;
		}
	}
}

/* The value of range k, "A/B". */
static void
value_range(struct cand *k, const struct anchor *an, char *v, size_t cap,
    int *rel)
{
	char v2[48];
	int r2 = 0;

	if (k->a.fiscal) {
		snprintf(v, cap, "%04d/%04d", k->a.y, k->b.y);
		return;
	}
	if (!k->a.y && !k->a.hasyrel && !k->b.y && !k->b.hasyrel &&
	    k->a.m && k->b.m) {
		/* "July and September": one year for both, the end's, so
		 * the range runs forwards */
		int yb = resolve_year(&k->b, an, &r2);

		if (yb) {
			k->b.y = yb;
			k->a.y = yb - (k->a.m > k->b.m);
			*rel = r2 = 1;
		}
	}
	fmt_point(v, cap, &k->a, an, rel);
	fmt_point(v2, sizeof v2, &k->b, an, &r2);
	*rel |= r2;
	if (strlen(v) + strlen(v2) + 2 < cap) {
		strcat(v, "/");
		strcat(v, v2);
	}
}

/* The value of relative date k, from the anchor or from the date
 * before (*last). */
static void
value_rel(const struct cand *k, const struct anchor *an,
    const struct anchor *last, char *v, size_t cap)
{
	const struct anchor *b = k->base_prev && last->y ? last : an;
	int y = b->y, m = b->m, dd = b->d, pr = prec(b);

	if (!pr) {
		/* as snprintf "%s" would, without its cost */
		copy_str(v, k->n < 0 ? "PAST_REF" : k->n > 0 ?
		    "FUTURE_REF" : "PRESENT_REF", cap);
		return;
	}
	if (k->deic && pr == 3)
		shift(&y, &m, &dd, 'D', k->deic);
	if (!k->gran_unit) {
		if (k->unit != 'D' || pr == 3)
			shift(&y, &m, &dd, k->unit, (long)k->n);
	} else if (k->unit == 'Y') {
		shift(&y, &m, &dd, 'Y', (long)k->n);
		pr = 1;
	} else if (k->unit == 'M') {
		if (pr < 2) {
			snprintf(v, cap, "%04d", y);
			return;
		}
		shift(&y, &m, &dd, 'M', (long)k->n);
		pr = 2;
	} else if ((k->unit == 'W' || k->unit == 'E') && pr == 3) {
		int wy, wn;

		shift(&y, &m, &dd, 'W', (long)k->n);
		iso_week(days_from(y, m, dd), &wy, &wn);
		snprintf(v, cap, k->unit == 'E' ? "%04d-W%02d-WE" :
		    "%04d-W%02d", wy, wn);
		return;
	} else if (k->unit == 'D' && pr == 3) {
		shift(&y, &m, &dd, 'D', (long)k->n);
	}
	fmt_at(v, cap, y, m, dd, pr);
}

/* The value of duration k ("P3M") and, when it runs from the anchor
 * ("the last three months"), its interval into iv. */
static void
value_dur(const struct cand *k, const struct anchor *an, char *v,
    size_t cap, char *iv, size_t ivcap, int *rel)
{
	int u = k->unit, y = an->y, m = an->m, dd = an->d, pr = prec(an);
	double n = k->n;
	char a1[16], a2[16];

	dur_value(v, cap, n, u);
	if (!k->rel)
		return;
	*rel = 1;
	if (!pr)
		return;
	if (u == 'Y')
		pr = 1;
	else if (u == 'M' && pr > 2)
		pr = 2;
	fmt_at(a2, sizeof a2, y, m, dd, pr);
	shift(&y, &m, &dd, u, (long)(k->rel * n));
	fmt_at(a1, sizeof a1, y, m, dd, pr);
	if (k->rel < 0)
		snprintf(iv, ivcap, "%s/%s", a1, a2);
	else
		snprintf(iv, ivcap, "%s/%s", a2, a1);
}

/* The "parts" of a range joined by "and": each end's span and value. */
static void
add_parts(struct glean_buf *b, struct glean_cp_cursor *cur,
    const struct doc *d, const struct cand *k, const struct anchor *an)
{
	char v2[48];
	int rr = 0;

	ADD_LIT(b, ",\"parts\":[");
	add_span(b, cur, d->t, k->as, k->ae);
	fmt_point(v2, sizeof v2, &k->a, an, &rr);
	ADD_STR(b, "value", v2);
	ADD_LIT(b, "},");
	add_span(b, cur, d->t, k->bs, k->be);
	fmt_point(v2, sizeof v2, &k->b, an, &rr);
	ADD_STR(b, "value", v2);
	ADD_LIT(b, "}]");
}

/*
 * Write candidate k of d to b as one member of the layer, its value
 * resolved against an (and *last, the latest calendar date before it,
 * which it may move); cur turns byte offsets into code points.
 */
void
emit_cand(struct ctx *c, struct doc *d, struct cand *k,
    const struct anchor *an, struct anchor *last, struct glean_cp_cursor *cur,
    struct glean_buf *b)
{
	static const char *const type[] = { [K_POINT] = "date",
	    [K_RANGE] = "daterange", [K_REL] = "date", [K_DUR] = "duration",
	    [K_SET] = "set", [K_VAGUE] = "daterange" };
	char v[96], iv[96];
	int rel = 0;

	iv[0] = '\0';
	switch (k->kind) {
	case K_POINT:
		value_point(k, an, last, v, sizeof v, &rel);
		break;
	case K_RANGE:
		value_range(k, an, v, sizeof v, &rel);
		break;
	case K_REL:
		rel = 1;
		value_rel(k, an, last, v, sizeof v);
		break;
	case K_DUR:
		value_dur(k, an, v, sizeof v, iv, sizeof iv, &rel);
		break;
	case K_SET:
		if (k->fixed)
			copy_str(v, k->fixed, sizeof v);
		else if (k->every_wd)
			snprintf(v, sizeof v, "XXXX-WXX-%d", k->a.wd);
		else
			dur_value(v, sizeof v, k->n, k->unit);
		break;
	case K_VAGUE:
		rel = 1;
		copy_str(v, k->fixed, sizeof v);
		break;
	}
	set_mod(c, d, k);
	add_span(b, cur, d->t, k->s, k->e);
	ADD_STR(b, "value", v);
	if (rel)
		ADD_LIT(b, ",\"relative\":true");
	else
		ADD_LIT(b, ",\"relative\":false");
	ADD_STR(b, "type", k->kind == K_POINT && k->a.decade ? "daterange" :
	    type[k->kind]);
	if (k->mod)
		ADD_STR(b, "mod", k->mod);
	if (iv[0])
		ADD_STR(b, "interval", iv);
	if (k->coord)
		add_parts(b, cur, d, k, an);
	glean_buf_addc(b, '}');
}
