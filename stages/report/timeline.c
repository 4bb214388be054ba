/* See LICENSE file for copyright and license details. */
/*
 * The timeline of one subject: an inline SVG with one lane per judgement
 * area and one column per year, a mark per judgement coloured by its grade
 * with the grade written under it; the area, inspectorate and sources show
 * on hover (an SVG <title>), and each mark links to its row in the table.
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"

enum {
	LABEL_W = 172,		/* the lane labels, left of the plot */
	SLOT_MIN = 54,		/* the narrowest column a year gets */
	PLOT_MIN = 430,		/* the narrowest plot */
	LANE_H = 50,
	TOP = 8,
	AXIS_H = 28,
	AREA_CUT = 27,		/* lane labels longer than this are cut */
	YEAR_MIN = 1800,	/* years outside are drawn as undated */
	YEAR_MAX = 2200
};

int
when_year(const char *when)
{
	int y;

	if (!when || strspn(when, "0123456789") < 4)
		return 0;
	y = (when[0] - '0') * 1000 + (when[1] - '0') * 100 +
	    (when[2] - '0') * 10 + (when[3] - '0');
	return y >= YEAR_MIN && y <= YEAR_MAX ? y : 0;
}

int
judgement_conflict(const struct report *r, const json_t *s,
    const char *when, const char *area)
{
	const char *code = glean_rec_str(s, "code"),
	    *name = glean_rec_str(s, "name");
	const json_t *c;
	size_t i;

	json_array_foreach(r->rec->conflicts, i, c) {
		const char *cw = glean_rec_str(c, "when"),
		    *cc = glean_rec_str(c, "code"),
		    *cn = glean_rec_str(c, "subject");

		if (strcmp(glean_rec_str(c, "kind"), "judgement") != 0)
			continue;
		if ((cc && code ? strcmp(cc, code) : cn && name ?
		    strcmp(cn, name) : 1) != 0)
			continue;
		if (when_year(cw) != when_year(when) ||
		    !glean_rec_str(c, "area") ||
		    strcmp(glean_rec_str(c, "area"), area) != 0)
			continue;
		return 1;
	}
	return 0;
}

/* The index of area in lanes[0..n), added when new. */
static size_t
lane_of(const char **lanes, size_t *n, const char *area)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp(lanes[i], area) == 0)
			return i;
	lanes[*n] = area;
	return (*n)++;
}

/* The grade under its mark, on two lines when it is long. */
static void
grade_label(struct glean_buf *b, const char *grade, int x, int y)
{
	const char *mid = NULL, *p;
	size_t n = strlen(grade);

	for (p = grade; *p && n > 12; p++)
		if (*p == ' ' && (!mid || abs((int)(p - grade) - (int)n / 2) <
		    abs((int)(mid - grade) - (int)n / 2)))
			mid = p;
	putf(b, "<text class=\"gl\" x=\"%d\" y=\"%d\">", x, y);
	if (!mid) {
		esc(b, grade);
		put(b, "</text>");
		return;
	}
	char *first = glean_strndup(grade, (size_t)(mid - grade));
	putf(b, "<tspan x=\"%d\">", x);
	esc(b, first);
	putf(b, "</tspan><tspan x=\"%d\" dy=\"11\">", x);
	esc(b, mid + 1);
	put(b, "</tspan></text>");
	free(first);
}

/* The distinct inspectorates of a judgement's sources, ", "-separated. */
static void
inspectorates(struct glean_buf *b, const json_t *j)
{
	const json_t *src, *other;
	size_t i, k, n = 0;

	json_array_foreach(json_object_get(j, "sources"), i, src) {
		const char *in = glean_rec_str(src, "inspectorate");
		int seen = 0;

		for (k = 0; in && k < i; k++) {
			other = json_array_get(json_object_get(j, "sources"), k);
			const char *o = glean_rec_str(other, "inspectorate");
			seen |= o && strcmp(o, in) == 0;
		}
		if (!in || seen)
			continue;
		if (n++)
			put(b, ", ");
		esc(b, in);
	}
	if (!n && glean_rec_str(j, "inspectorate"))
		esc(b, glean_rec_str(j, "inspectorate"));
}

/* One judgement's mark. */
static void
mark(struct report *r, const json_t *s, const json_t *j, const char *when,
    size_t k, int x, int y)
{
	struct glean_buf *b = &r->page;
	const char *grade = glean_rec_str(j, "grade"),
	    *area = glean_rec_str(j, "area");
	const struct grade_look *gl = look_grade(r->look, grade);
	size_t nsrc = json_array_size(json_object_get(j, "sources"));
	int conflict = judgement_conflict(r, s, when, area);

	putf(b, "<a href=\"#s%zu-j%zu\"><g class=\"mark%s\" data-year=\"%d\""
	    " data-grade=\"", r->subject, k, conflict ? " conflict" : "",
	    when_year(when));
	esc(b, grade);
	put(b, "\" data-area=\"");
	esc(b, area);
	put(b, "\"><title>");
	esc(b, when);
	put(b, " \xC2\xB7 ");
	esc(b, area);
	put(b, ": ");
	esc(b, grade);
	struct glean_buf insp = { 0 };
	inspectorates(&insp, j);
	if (insp.len) {
		put(b, " \xC2\xB7 ");
		glean_buf_add(b, insp.s, insp.len);
	}
	glean_buf_free(&insp);
	putf(b, " \xC2\xB7 %zu source%s%s</title>", nsrc, nsrc == 1 ? "" : "s",
	    conflict ? " \xC2\xB7 articles disagree" : "");
	if (conflict)
		putf(b, "<circle class=\"ring\" cx=\"%d\" cy=\"%d\" r=\"13\"/>",
		    x, y);
	putf(b, "<circle cx=\"%d\" cy=\"%d\" r=\"9\" fill=\"%s\"/>", x, y,
	    gl->fill);
	grade_label(b, grade, x, y + 22);
	put(b, "</g></a>");
}

/* A judgement placed on the timeline. */
struct placed {
	const json_t *j;
	const char *when;
	size_t idx;		/* its row in the judgements table */
	size_t lane;
	int year;
	int row;		/* its row within the lane, for one year */
};

/* The dated judgements of s, each given its lane (its area) and, when a
 * lane has several in one year (articles disagree), a row of its own.
 * Returns the number placed; lanes[] and rows[] (per lane) are filled. */
static size_t
place(const json_t *s, struct placed *p, const char **lanes,
    size_t *nlanes, int *rows)
{
	const json_t *insp, *j;
	size_t i, k, m, n = 0, idx = 0;

	json_array_foreach(json_object_get(s, "inspections"), i, insp) {
		const char *when = glean_rec_str(insp, "when");
		int yr = when_year(when);

		json_array_foreach(json_object_get(insp, "judgements"), k, j) {
			if (!yr) {
				idx++;
				continue;
			}
			p[n] = (struct placed){ j, when, idx++,
				lane_of(lanes, nlanes, glean_rec_str(j, "area")),
				yr, 0 };
			for (m = 0; m < n; m++)
				if (p[m].lane == p[n].lane && p[m].year == yr)
					p[n].row++;
			if (p[n].row + 1 > rows[p[n].lane])
				rows[p[n].lane] = p[n].row + 1;
			n++;
		}
	}
	return n;
}

/*
 * The years subject s's inspections span, into *lo and *hi (0 when none
 * has a year); returns how many judgements they hold.
 */
static size_t
year_span(const json_t *s, int *lo, int *hi)
{
	const json_t *insp;
	size_t i, total = 0;

	*lo = *hi = 0;
	json_array_foreach(json_object_get(s, "inspections"), i, insp) {
		int yr = when_year(glean_rec_str(insp, "when"));

		total += json_array_size(json_object_get(insp, "judgements"));
		if (yr && (!*lo || yr < *lo))
			*lo = yr;
		if (yr > *hi)
			*hi = yr;
	}
	return total;
}

/*
 * The lanes (one per area, rows[i] rows high from top[i]) and the year
 * axis at y with n ticks from year lo, slot pixels apart, in a plot w
 * wide.
 */
static void
lanes_and_axis(struct glean_buf *b, const char **lanes, size_t nlanes,
    const int *rows, const int *top, int w, int y, int lo, size_t n,
    int slot)
{
	size_t i;

	for (i = 0; i < nlanes; i++) {
		putf(b, "<rect class=\"lane%s\" x=\"0\" y=\"%d\" width=\"%d\" "
		    "height=\"%d\"/><text class=\"area\" x=\"%d\" y=\"%d\">",
		    i % 2 ? " odd" : "", top[i], w, rows[i] * LANE_H,
		    LABEL_W - 10, top[i] + 19);
		esc_cut(b, lanes[i], AREA_CUT);
		put(b, "</text>");
	}
	putf(b, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
	    LABEL_W, y, w - 8, y);
	for (i = 0; i < n; i++) {
		int x = LABEL_W + (int)i * slot + slot / 2;
		putf(b, "<line class=\"tick\" x1=\"%d\" y1=\"%d\" x2=\"%d\" "
		    "y2=\"%d\"/><text class=\"year\" x=\"%d\" y=\"%d\">%d"
		    "</text>", x, TOP, x, y + 4, x, y + 18, lo + (int)i);
	}
}

/*
 * Subject s's judgements as an SVG timeline on r's page: a lane per
 * area, a column per year (one either side to spare), a mark per
 * judgement.  Nothing when no inspection has a year.
 */
void
timeline(struct report *r, const json_t *s)
{
	const char **lanes;
	struct placed *p;
	size_t i, n, np, nlanes = 0, total;
	int lo, hi, slot, w, h, y, *rows, *top;
	struct glean_buf *b = &r->page;

	total = year_span(s, &lo, &hi);
	if (!lo)
		return;
	lanes = glean_calloc(total + 1, sizeof *lanes);
	rows = glean_calloc(total + 1, sizeof *rows);
	top = glean_calloc(total + 1, sizeof *top);
	p = glean_calloc(total + 1, sizeof *p);
	np = place(s, p, lanes, &nlanes, rows);
	lo--, hi++;
	n = (size_t)(hi - lo + 1);
	slot = (int)n * SLOT_MIN >= PLOT_MIN ? SLOT_MIN : PLOT_MIN / (int)n;
	w = LABEL_W + (int)n * slot + 8;
	for (i = 0, h = TOP; i < nlanes; i++) {
		top[i] = h;
		h += rows[i] * LANE_H;
	}
	y = h;
	h += AXIS_H;
	putf(b, "<svg class=\"timeline\" role=\"img\" width=\"%d\" "
	    "height=\"%d\" viewBox=\"0 0 %d %d\"><title>Judgements of ",
	    w, h, w, h);
	esc(b, glean_rec_str(s, "name"));
	put(b, " by year</title>");
	lanes_and_axis(b, lanes, nlanes, rows, top, w, y, lo, n, slot);
	for (i = 0; i < np; i++)
		mark(r, s, p[i].j, p[i].when, p[i].idx, LABEL_W +
		    (p[i].year - lo) * slot + slot / 2,
		    top[p[i].lane] + p[i].row * LANE_H + 16);
	put(b, "</svg>");
	free(lanes);
	free(rows);
	free(top);
	free(p);
}
