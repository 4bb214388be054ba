/* See LICENSE file for copyright and license details. */
/*
 * A subject's facts as tables, each fact linked to its evidence: one
 * numbered item per source (document, outlet, date, the sentence), listed
 * at the end of the subject's section.
 */
#include <string.h>

#include "report.h"

/* "outlet, date" of a document; "document ID" when it is not listed. */
static void
doc_label(struct glean_buf *b, const json_t *doc, const char *id)
{
	const char *outlet = glean_rec_str(doc, "outlet");
	const char *pub = glean_rec_str(doc, "published");

	if (!outlet)
		outlet = glean_rec_str(doc, "source");
	if (!doc || !outlet) {
		put(b, "document ");
		esc(b, id);
	} else
		esc(b, outlet);
	if (pub) {
		put(b, ", ");
		esc(b, pub);
	}
}

/* Where the document is listed on the page ("d3"), or -1. */
static long
doc_pos(const struct report *r, const char *id)
{
	const json_t *pos = id ? json_object_get(r->doc_pos, id) : NULL;

	return pos ? (long)json_integer_value(pos) : -1;
}

/*
 * One source as a numbered link in the page and an item of the evidence
 * list.  near is the best stand-in for the sentence when the source has no
 * "evidence" (the amount with the words after it, the quotation).
 */
static void
evidence(struct report *r, const json_t *src, const char *near,
    const char *near_tail)
{
	const char *id = glean_rec_str(src, "doc");
	const char *sentence = glean_rec_str(src, "evidence");
	const json_t *doc = glean_record_doc(r->rec, id);
	json_int_t start = json_integer_value(json_object_get(src, "start"));
	json_int_t end = json_integer_value(json_object_get(src, "end"));
	long pos = doc_pos(r, id);
	size_t n = ++r->nev;

	putf(&r->page, "<a class=\"ev\" href=\"#e%zu\" title=\"", n);
	doc_label(&r->page, doc, id);
	if (sentence) {
		put(&r->page, ": ");
		esc(&r->page, sentence);
	}
	putf(&r->page, "\">%zu</a> ", n);

	struct glean_buf *e = &r->ev;
	putf(e, "<li id=\"e%zu\" value=\"%zu\"><span class=\"where\">", n, n);
	if (pos >= 0)
		putf(e, "<a href=\"#d%ld\">", pos);
	doc_label(e, doc, id);
	if (pos >= 0)
		put(e, "</a>");
	put(e, " \xC2\xB7 <span class=\"docid\">");
	esc(e, id);
	putf(e, "</span> \xC2\xB7 characters %lld\xE2\x80\x93%lld</span>",
	    (long long)start, (long long)end);
	if (sentence) {
		put(e, "<q class=\"sentence\">");
		esc(e, sentence);
		put(e, "</q>");
	} else if (near && *near) {
		put(e, "<q class=\"near\">");
		esc(e, near);
		if (near_tail && *near_tail) {
			glean_buf_addc(e, ' ');
			esc(e, near_tail);
		}
		put(e, "</q>");
	}
	put(e, "</li>");
}

/* The evidence links of a fact, in a table cell or after a quotation. */
static void
evidence_all(struct report *r, const json_t *fact, const char *near_key,
    const char *tail_key)
{
	const json_t *src;
	size_t i;

	put(&r->page, "<span class=\"evs\">");
	json_array_foreach(json_object_get(fact, "sources"), i, src)
		evidence(r, src, near_key ? glean_rec_str(src, near_key) ?
		    glean_rec_str(src, near_key) : glean_rec_str(fact, near_key)
		    : NULL, tail_key ? glean_rec_str(src, tail_key) : NULL);
	put(&r->page, "</span>");
}

/* The distinct values of a source member, ", "-separated, escaped. */
static size_t
source_values(struct glean_buf *b, const json_t *fact, const char *key)
{
	const json_t *srcs = json_object_get(fact, "sources"), *src;
	size_t i, k, n = 0;

	json_array_foreach(srcs, i, src) {
		const char *v = glean_rec_str(src, key);
		int seen = 0;

		for (k = 0; v && k < i && !seen; k++) {
			const char *o = glean_rec_str(json_array_get(srcs, k),
			    key);
			seen = o && strcmp(o, v) == 0;
		}
		if (!v || seen)
			continue;
		if (n++)
			put(b, ", ");
		esc(b, v);
	}
	return n;
}

static void
grade_chip(struct report *r, const char *grade)
{
	const struct grade_look *gl = look_grade(r->look, grade);

	putf(&r->page, "<span class=\"grade\" style=\"background:%s;"
	    "color:%s\">", gl->fill, gl->ink);
	esc(&r->page, grade);
	put(&r->page, "</span>");
}

/* One judgement's row: when, area and inspectorate, grade (as written,
 * implied, in conflict), evidence. */
static void
judgement_row(struct report *r, const json_t *s, const json_t *j,
    const char *when, size_t idx)
{
	struct glean_buf *b = &r->page, w = { 0 };
	const char *area = glean_rec_str(j, "area");

	putf(b, "<tr class=\"f\" id=\"s%zu-j%zu\"><td>", r->subject, idx);
	esc(b, when ? when : "undated");
	put(b, "</td><td>");
	esc(b, area);
	if (source_values(&w, j, "inspectorate") ||
	    (glean_rec_str(j, "inspectorate") &&
	    (esc(&w, glean_rec_str(j, "inspectorate")), 1))) {
		put(b, " <span class=\"insp\">");
		glean_buf_add(b, w.s, w.len);
		put(b, "</span>");
	}
	put(b, "</td><td>");
	grade_chip(r, glean_rec_str(j, "grade"));
	glean_buf_reset(&w);
	if (source_values(&w, j, "grade_as_written")) {
		put(b, " <span class=\"written\">as written: ");
		glean_buf_add(b, w.s, w.len);
		put(b, "</span>");
	}
	glean_buf_free(&w);
	if (glean_record_implied(j))
		put(b, " <span class=\"badge\">implied</span>");
	if (judgement_conflict(r, s, when, area))
		put(b, " <span class=\"badge warn\">conflict</span>");
	put(b, "</td><td>");
	evidence_all(r, j, "grade_as_written", NULL);
	put(b, "</td></tr>");
}

static void
judgements(struct report *r, const json_t *s)
{
	const json_t *insp, *j;
	size_t i, k, idx = 0;

	if (!json_array_size(json_object_get(s, "inspections")))
		return;
	put(&r->page, "<div class=\"side\"><table class=\"judgements\">"
	    "<caption>Judgements</caption><thead><tr><th>When</th>"
	    "<th>Area, inspectorate</th><th>Grade</th><th>Evidence</th></tr>"
	    "</thead><tbody>");
	json_array_foreach(json_object_get(s, "inspections"), i, insp)
		json_array_foreach(json_object_get(insp, "judgements"), k, j)
			judgement_row(r, s, j, glean_rec_str(insp, "when"),
			    idx++);
	put(&r->page, "</tbody></table></div>");
}

/* Does conflict c concern subject s? */
static int
conflict_of(const json_t *c, const json_t *s)
{
	const char *cc = glean_rec_str(c, "code"), *code = glean_rec_str(s,
	    "code"), *cn = glean_rec_str(c, "subject"), *name =
	    glean_rec_str(s, "name");

	if (cc && code)
		return strcmp(cc, code) == 0 && (!cn || !name ||
		    strcmp(cn, name) == 0);
	return cn && name && strcmp(cn, name) == 0;
}

/* The name of the value a conflict's values differ in. */
static const char *
value_key(const json_t *v)
{
	static const char *const keys[] = { "grade", "when", "speaker",
		"source", "published", NULL };
	size_t i;

	for (i = 0; keys[i]; i++)
		if (json_object_get(v, keys[i]))
			return keys[i];
	return NULL;
}

static void
conflicts(struct report *r, const json_t *s)
{
	struct glean_buf *b = &r->page;
	const json_t *c, *v, *src;
	size_t i, k, m, n = 0;

	json_array_foreach(r->rec->conflicts, i, c) {
		if (!conflict_of(c, s))
			continue;
		if (!n++)
			put(b, "<div class=\"conflicts\"><h3>Articles disagree"
			    "</h3><ul>");
		put(b, "<li class=\"f\"><b>");
		esc(b, glean_rec_str(c, "kind"));
		put(b, "</b>");
		static const char *const about[] = { "when", "area", "text" };
		for (k = 0; k < 3; k++)
			if (glean_rec_str(c, about[k])) {
				put(b, " \xC2\xB7 ");
				esc(b, glean_rec_str(c, about[k]));
			}
		put(b, ":<ul>");
		json_array_foreach(json_object_get(c, "values"), k, v) {
			const char *key = value_key(v);
			const json_t *val = key ? json_object_get(v, key) : NULL;

			put(b, "<li>");
			if (json_is_string(val))
				esc(b, json_string_value(val));
			else
				put(b, "(none)");
			put(b, " <span class=\"evs\">");
			json_array_foreach(json_object_get(v, "sources"), m,
			    src)
				if (json_is_object(src) &&
				    json_is_string(json_object_get(src, "doc")))
					evidence(r, src, NULL, NULL);
			put(b, "</span></li>");
		}
		put(b, "</ul></li>");
	}
	if (n)
		put(b, "</ul></div>");
}

/* The cells of fact f of subject s's row, before its evidence cell. */
typedef void fact_cells(struct report *r, const json_t *s, const json_t *f);

/*
 * Subject s's facts of array key as a table of class key with caption
 * and head (its <th> cells but the last): a row a fact, its cells from
 * cells() and last its evidence (quotes near near_key and near_list,
 * as evidence_all takes them).  Nothing when there are none.
 */
static void
fact_table(struct report *r, const json_t *s, const char *key,
    const char *caption, const char *head, fact_cells *cells,
    const char *near_key, const char *near_list)
{
	struct glean_buf *b = &r->page;
	const json_t *f;
	size_t i;

	if (!json_array_size(json_object_get(s, key)))
		return;
	putf(b, "<table class=\"%s\"><caption>%s</caption><thead><tr>%s"
	    "<th>Evidence</th></tr></thead><tbody>", key, caption, head);
	json_array_foreach(json_object_get(s, key), i, f) {
		put(b, "<tr class=\"f\">");
		cells(r, s, f);
		put(b, "<td>");
		evidence_all(r, f, near_key, near_list);
		put(b, "</td></tr>");
	}
	put(b, "</tbody></table>");
}

/* An amount's cells: the amount, as written, what it is for. */
static void
money_cells(struct report *r, const json_t *s, const json_t *m)
{
	struct glean_buf *b = &r->page;
	const json_t *ctx;
	size_t k;

	(void)s;
	put(b, "<td class=\"amount\">");
	if (glean_rec_bool(m, "approx") == 1)
		put(b, "about ");
	look_amount(r->look, b, json_number_value(json_object_get(m,
	    "value")), glean_rec_str(m, "currency"));
	if (glean_rec_str(m, "per")) {
		put(b, " a ");
		esc(b, glean_rec_str(m, "per"));
	}
	put(b, "</td><td>");
	if (!source_values(b, m, "text"))
		esc(b, glean_rec_str(m, "text"));
	put(b, "</td><td>");
	json_array_foreach(json_object_get(m, "context"), k, ctx) {
		if (k)
			put(b, "; ");
		esc(b, json_string_value(ctx));
	}
	put(b, "</td>");
}

/* The roles of person name among s's people, ", "-separated and
 * escaped into b; 1 when there are any, else 0. */
static int
roles_of(struct glean_buf *b, const json_t *s, const char *name)
{
	struct glean_buf roles = { 0 };
	const char *r = glean_record_roles(&roles, s, name);

	if (r)
		esc(b, r);
	glean_buf_free(&roles);
	return r != NULL;
}

/* A person's cells: name, roles. */
static void
people_cells(struct report *r, const json_t *s, const json_t *p)
{
	struct glean_buf *b = &r->page;

	put(b, "<td class=\"name\">");
	esc(b, glean_rec_str(p, "name"));
	put(b, "</td><td>");
	roles_of(b, s, glean_rec_str(p, "name"));
	put(b, "</td>");
}

/* The speaker's role: the quotation's, a source's, else the roles the
 * subject's people list gives that name. */
static void
speaker_role(struct glean_buf *b, const json_t *s, const json_t *q)
{
	const char *speaker = glean_rec_str(q, "speaker");
	struct glean_buf roles = { 0 };

	if (glean_rec_str(q, "speaker_role"))
		esc(b, glean_rec_str(q, "speaker_role"));
	else if (source_values(&roles, q, "speaker_role") ||
	    roles_of(&roles, s, speaker))
		glean_buf_add(b, roles.s, roles.len);
	glean_buf_free(&roles);
}

static void
quotations(struct report *r, const json_t *s, const char *key,
    const char *title)
{
	struct glean_buf *b = &r->page;
	const json_t *q;
	size_t i, mark;

	if (!json_array_size(json_object_get(s, key)))
		return;
	putf(b, "<div class=\"quotes %s\"><h3>%s</h3><div class=\"list\">",
	    key, title);
	json_array_foreach(json_object_get(s, key), i, q) {
		put(b, "<figure class=\"f\"><blockquote>");
		esc(b, glean_rec_str(q, "text"));
		put(b, "</blockquote><figcaption>\xE2\x80\x94 <span "
		    "class=\"speaker\">");
		if (glean_rec_str(q, "speaker"))
			esc(b, glean_rec_str(q, "speaker"));
		else
			put(b, "unattributed");
		put(b, "</span>");
		mark = b->len;
		put(b, ", <span class=\"role\">");
		size_t before = b->len;
		speaker_role(b, s, q);
		if (b->len == before)
			b->len = mark;	/* no role: drop the comma */
		else
			put(b, "</span>");
		b->s[b->len] = '\0';
		glean_buf_addc(b, ' ');
		evidence_all(r, q, "text", NULL);
		put(b, "</figcaption></figure>");
	}
	put(b, "</div></div>");
}

void
subject_facts(struct report *r, const json_t *s)
{
	glean_buf_reset(&r->ev);
	put(&r->page, "<div class=\"tl\"><div class=\"plot\">");
	timeline(r, s);
	put(&r->page, "</div>");
	judgements(r, s);
	put(&r->page, "</div>");
	conflicts(r, s);
	put(&r->page, "<div class=\"facts\">");
	fact_table(r, s, "money", "Money", "<th>Amount</th><th>As written</th>"
	    "<th>For</th>", money_cells, "text", "context");
	fact_table(r, s, "people", "People", "<th>Name</th><th>Role</th>",
	    people_cells, NULL, NULL);
	put(&r->page, "</div>");
	quotations(r, s, "quotes", "Quotations");
	quotations(r, s, "findings", "Inspectors\xE2\x80\x99 findings");
	if (r->ev.len) {
		put(&r->page, "<div class=\"evidence\"><h3>Evidence</h3>"
		    "<ol>");
		glean_buf_add(&r->page, r->ev.s, r->ev.len);
		put(&r->page, "</ol></div>");
	}
}
