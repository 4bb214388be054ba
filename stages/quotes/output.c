/* See LICENSE file for copyright and license details. */
/*
 * glean-quotes: the "quotes" layer as JSON text.
 */
#include "quotes.h"
#include "spans.h"

const char *const quote_kind_name[] = { "speech", "report", "scare" };
const char *const speaker_kind_name[] = {
	"", "person", "organisation", "role", "inspectorate"
};

/* ---- output ------------------------------------------------------ */

/*
 * The speaker's phrase is the source as written, its appositive role
 * included ("Kaine, a former party chairman", "X, who ran against Y"),
 * but not a circumstance after a comma (", in a statement", ", hoping
 * to"), nor the verb and adverbs after the subject ("Clinton has
 * increasingly").
 */
static void
trim_phrase(struct qdoc *d, int64_t *pb, int64_t *pe)
{
	size_t a, z, i;
	int c, appos;

	if (*pb < 0 || *pe <= *pb || d->nw == 0)
		return;
	a = word_at(d, (size_t)*pb);
	for (z = a; z < d->nw && d->w[z].e <= (size_t)*pe; z++)
		;
	if (z <= a + 1)
		return;
	/* "When Trump ...", "which President Obama ..." */
	while (a + 1 < z && !is_pronoun(d, a) &&
	    ((wclass(d, a) & (C_CONJ | C_PREP | C_REL)) ||
	    ((wclass(d, a) & C_FUNCTION) && !(wclass(d, a) & C_DET) &&
	    d->w[a + 1].cap && !d->w[a].sstart)))
		a++;
	for (i = a + 1, c = 0; i < z; i++)
		c |= d->w[i].cap;
	if (is_pronoun(d, a) && !c)
		z = a + 1;	/* "he then adopted" */
	for (i = a + 1, appos = 0; i < z; i++) {
		c = wclass(d, i);
		if (gap_has(d, d->w[i - 1].e, d->w[i].b, G_COMMA)) {
			if (participle(d, i) || (c & (C_CONJ | C_AUX)) ||
			    ((c & C_PREP) && !(age(d, i - 1) &&
			    (c & C_CONNECTOR))))
				break;
			appos = 1;	/* the role or a relative clause */
			continue;
		}
		if (!appos && !d->w[i].cap && (d->w[i - 1].cap ||
		    is_pronoun(d, i - 1)) && ((c & C_AUX) || ((c & C_PREP) &&
		    i + 1 < z && (wclass(d, i + 1) & C_TIME))))
			break;	/* "Clinton has increasingly", "on Friday" */
	}
	z = i;
	*pb = (int64_t)d->w[a].b;
	*pe = (int64_t)d->w[z - 1].e;
}

/* s[0..n) as a JSON string: the shared writer, jansson's escapes. */
static void
put_str(struct glean_buf *b, const char *s, size_t n)
{
	glean_buf_addjstr(b, s, n);
}

/* Append v in decimal to b. */
static void
put_num(struct glean_buf *b, size_t v)
{
	char *p = glean_buf_reserve(b, 20);

	b->len = (size_t)(glean_put_dec(p, v) - b->s);
	b->s[b->len] = '\0';
}

/* [b, e] in code points, or null */
static void
put_span(struct glean_buf *out, const struct offmap *om, int64_t b,
    int64_t e)
{
	char *p;

	if (b < 0 || e < b) {
		PUT_LIT(out, "null");
		return;
	}
	p = glean_buf_reserve(out, 43);	/* [, two numbers, the comma, ] */
	*p++ = '[';
	p = glean_put_dec(p, om_cp(om, (size_t)b));
	*p++ = ',';
	p = glean_put_dec(p, om_cp(om, (size_t)e));
	*p++ = ']';
	out->len = (size_t)(p - out->s);
	out->s[out->len] = '\0';
}

/* What q's speaker is (SK_): as its attribution found it, else a person
 * or an organisation by what its pronouns would be. */
static int
speaker_kind(const struct quote *q)
{
	if (!q->at.speaker)
		return SK_NONE;
	if (q->at.skind != SK_NONE)
		return q->at.skind;
	return q->at.person ? SK_PERSON : SK_ORG;
}

/* Name s, one of the kinds' names (nothing in it to escape), as a JSON
 * string: copied as it is, not through the escaping writer. */
static void
put_name(struct glean_buf *out, const char *s)
{
	size_t n = strlen(s);
	char *p = glean_buf_reserve(out, n + 2);

	p[0] = '"';
	memcpy(p + 1, s, n);
	p[n + 1] = '"';
	out->len += n + 2;
	out->s[out->len] = '\0';
}

/* s (NULL: null) as a JSON string. */
static void
put_str_or_null(struct glean_buf *out, const char *s)
{
	if (s)
		put_str(out, s, strlen(s));
	else
		PUT_LIT(out, "null");
}

/*
 * The segments of a quotation carried over paragraphs, q->nseg > 1 of
 * them: each paragraph's text, trimmed (a whole character at a time:
 * U+00A0 is two bytes), as an object with its start, end and text.
 */
static void
put_segments(struct qdoc *d, struct glean_buf *out, const struct offmap *om,
    const struct quote *q)
{
	size_t k, l;
	uint32_t b, e;

	PUT_LIT(out, ",\"segments\":[");
	for (k = q->seg0; k < q->seg0 + q->nseg; k++) {
		b = d->segs[k].b;
		e = d->segs[k].e;
		while (b < e && space_at(d, b, &l))
			b += (uint32_t)l;
		while (e > b && (d->s[e - 1] == ' ' || d->s[e - 1] == '\t'))
			e--;
		if (k > q->seg0)
			glean_buf_addc(out, ',');
		PUT_LIT(out, "{\"start\":");
		put_num(out, om_cp(om, b));
		PUT_LIT(out, ",\"end\":");
		put_num(out, om_cp(om, e));
		PUT_LIT(out, ",\"text\":");
		put_str(out, d->s + b, e - b);
		glean_buf_addc(out, '}');
	}
	glean_buf_addc(out, ']');
}

/* Quotation q as a JSON object (its speaker phrase trimmed first). */
static void
put_quote(struct qdoc *d, struct glean_buf *out, const struct offmap *om,
    struct quote *q)
{
	int k = speaker_kind(q);

	PUT_LIT(out, "{\"start\":");
	put_num(out, om_cp(om, q->tb));
	PUT_LIT(out, ",\"end\":");
	put_num(out, om_cp(om, q->te));
	PUT_LIT(out, ",\"text\":");
	put_str(out, d->s + q->tb, q->te - q->tb);
	PUT_LIT(out, ",\"speaker\":");
	put_str_or_null(out, q->at.speaker);
	PUT_LIT(out, ",\"speaker_kind\":");
	if (k != SK_NONE)
		put_name(out, speaker_kind_name[k]);
	else
		PUT_LIT(out, "null");
	PUT_LIT(out, ",\"speaker_span\":");
	put_span(out, om, q->at.sb, q->at.se);
	trim_phrase(d, &q->at.pb, &q->at.pe);
	PUT_LIT(out, ",\"speaker_phrase\":");
	put_span(out, om, q->at.pb, q->at.pe);
	PUT_LIT(out, ",\"kind\":");
	put_name(out, quote_kind_name[q->at.kind]);
	PUT_LIT(out, ",\"cue\":");
	if (q->at.cb >= 0)
		put_str(out, d->s + q->at.cb, (size_t)(q->at.ce - q->at.cb));
	else
		PUT_LIT(out, "null");
	if (!q->closed)
		PUT_LIT(out, ",\"closed\":false");
	if (q->nseg > 1)
		put_segments(d, out, om, q);
	glean_buf_addc(out, '}');
}

/* The "quotes" member, as JSON text. */
void
quotes_text(struct qdoc *d, struct glean_buf *out, const struct offmap *om)
{
	size_t i;

	PUT_LIT(out, "\"quotes\":[");
	for (i = 0; i < d->nq; i++) {
		if (i > 0)
			glean_buf_addc(out, ',');
		put_quote(d, out, om, &d->q[i]);
	}
	glean_buf_addc(out, ']');
}
