/* See LICENSE file for copyright and license details. */
/*
 * report.h - glean-report's modules: html.c (escaped output), look.c (grade
 * colours and amounts, from the lexicons), timeline.c (the SVG timeline),
 * facts.c (the tables of a subject and their evidence), main.c (the page).
 */
#ifndef REPORT_H
#define REPORT_H

#include <stddef.h>

#include "glean.h"
#include "record.h"

/* A grade and how it is drawn (lexicons/grade-colours.tsv). */
struct grade_look {
	const char *grade;
	const char *fill;	/* "#rrggbb" */
	const char *ink;	/* text colour on the fill */
};

/* What the page looks like: read once from the lexicons. */
struct look {
	struct glean_lexicon *grades_lx, *currencies_lx, *multipliers_lx;
	struct grade_look *grades;
	size_t ngrades;
};

/* One page being written. */
struct report {
	const struct glean_record *rec;
	const struct look *look;
	struct glean_buf page;	/* the whole page, written out at the end */
	struct glean_buf ev;	/* the current subject's evidence list */
	json_t *doc_pos;	/* document id -> its row in the documents */
	size_t subject;		/* index of the current subject */
	size_t nev;		/* evidence items so far on the page */
};

/* ---- html.c ---- */
void put(struct glean_buf *b, const char *s);
void putf(struct glean_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* s as HTML text or attribute value: & < > " ' escaped, control
 * characters shown as U+FFFD.  NULL writes nothing. */
void esc(struct glean_buf *b, const char *s);
/* The same, cut to at most max code points with an ellipsis. */
void esc_cut(struct glean_buf *b, const char *s, size_t max);

/* ---- look.c ---- */
/* Load the lexicons; a missing or bad one is fatal (exit 2). */
void look_load(struct look *lk, const char *lexdir);
void look_free(struct look *lk);
/* The look of grade g; an unknown grade gets a neutral grey. */
const struct grade_look *look_grade(const struct look *lk, const char *g);
/* An amount for people: "£3.5m", "£139,000", "USD 12". */
void look_amount(const struct look *lk, struct glean_buf *b, double value,
    const char *currency);

/* ---- timeline.c ---- */
/* The SVG timeline of subject s's judgements (nothing when it has none). */
void timeline(struct report *r, const json_t *s);
/* Year of a "when" ("2017-01" -> 2017); 0 when there is none. */
int when_year(const char *when);
/* Is there a judgement conflict for subject s, this when and area? */
int judgement_conflict(const struct report *r, const json_t *s,
    const char *when, const char *area);

/* ---- facts.c ---- */
/* The timeline of subject s beside its judgements, then its conflicts, money, people,
 * quotations, findings, then its evidence list. */
void subject_facts(struct report *r, const json_t *s);

#endif
