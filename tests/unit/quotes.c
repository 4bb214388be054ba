/* See LICENSE file for copyright and license details. */
/*
 * Unit tests of glean-quotes' pure per-document function and its helpers:
 * the stage's modules are compiled in here (its main renamed), as sds's
 * tests are built from sds.c.  Each case is written from the rule it
 * checks.  Needs the lexicons: $GLEAN_LEXICONS or ./lexicons.
 */
#define main glean_quotes_main
#include "../../stages/quotes/main.c"
#undef main
#include "../../stages/quotes/choice.c"
#include "../../stages/quotes/cues.c"
#include "../../stages/quotes/frames.c"
#include "../../stages/quotes/lexicon.c"
#include "../../stages/quotes/marks.c"
#include "../../stages/quotes/output.c"
#include "../../stages/quotes/report.c"
#include "../../stages/quotes/speakers.c"
#include "../../stages/quotes/text.c"

#include "testhelp.h"

static struct quotes_lex lex;
static struct qdoc qd;

/* Run quotes_process() on text; return the "quotes" array (owned by doc),
 * parsed from the JSON text the stage appends to its tail. */
static json_t *
run(json_t **doc, const char *text)
{
	char *err = NULL;
	struct glean_buf tail = { 0 };
	json_t *members;

	*doc = json_pack("{s:s}", "text", text);
	glean_buf_addc(&tail, '{');
	test_cond("process succeeds", quotes_process(*doc, &qd, &tail, &err) == 0);
	free(err);
	glean_buf_addc(&tail, '}');
	members = json_loadb(tail.s, tail.len, JSON_ALLOW_NUL, NULL);
	glean_buf_free(&tail);
	test_cond("the tail is JSON members", json_is_object(members));
	json_object_update(*doc, members);
	json_decref(members);
	return json_object_get(*doc, "quotes");
}

static const char *
qstr(json_t *qs, size_t i, const char *key)
{
	json_t *v = json_object_get(json_array_get(qs, i), key);

	return json_is_string(v) ? json_string_value(v) : "(null)";
}

/* Is member key of quotation i of qs the string want ("(null)": not a
 * string)? */
static int
qis(json_t *qs, size_t i, const char *key, const char *want)
{
	return strcmp(qstr(qs, i, key), want) == 0;
}

static long
qint(json_t *qs, size_t i, const char *key)
{
	json_t *v = json_object_get(json_array_get(qs, i), key);

	return json_is_integer(v) ? (long)json_integer_value(v) : -1;
}

int
main(void)
{
	const char *dir = getenv("GLEAN_LEXICONS");
	json_t *doc, *qs;
	struct offmap m = { 0 };
	const char *s;

	load_lexicons(&lex, dir && *dir ? dir : "lexicons");
	qdoc_init(&qd, &lex);

	/* offsets: code points, both ways, across multi-byte characters */
	s = "a£b“c”";
	om_init(&m, s, strlen(s));
	test_cond("ncps", m.ncps == 6);
	test_cond("cp of byte after £", om_cp(&m, 3) == 2);
	test_cond("byte of cp 4 (c)", om_byte(&m, 4) == 7);
	test_cond("byte past the end clamps", om_byte(&m, 99) == strlen(s));
	free(m.cp);

	/* apostrophes are not marks; a grade word in single marks is scare */
	qs = run(&doc, "The council's services, rated 'inadequate' in the "
	    "'90s, don't improve.");
	test_cond("one quote among apostrophes", json_array_size(qs) == 1);
	test_cond("grade word text", qis(qs, 0, "text", "inadequate"));
	test_cond("grade word is scare", qis(qs, 0, "kind", "scare"));
	test_cond("start after the mark", qint(qs, 0, "start") == 31);
	json_decref(doc);

	/* X, role, said: */
	qs = run(&doc, "Councillor Marc Bayliss, cabinet member for children, "
	    "said: \"I am very disappointed.\"");
	test_cond("X, role, said: speaker",
	    qis(qs, 0, "speaker", "Marc Bayliss"));
	test_cond("cue", qis(qs, 0, "cue", "said"));
	test_cond("speech", qis(qs, 0, "kind", "speech"));
	json_decref(doc);

	/* a report finding; the inspectors are the named inspectorate's */
	qs = run(&doc, "Ofsted visited. Inspectors said management oversight "
	    "\"lacks rigour\" across the service.");
	test_cond("report kind", qis(qs, 0, "kind", "report"));
	test_cond("report speaker", qis(qs, 0, "speaker", "Ofsted"));
	test_cond("report speaker kind",
	    qis(qs, 0, "speaker_kind", "inspectorate"));
	json_decref(doc);

	/* ... the one named most: two CQC, one Ofsted */
	qs = run(&doc, "The CQC and Ofsted visited. The Care Quality "
	    "Commission wrote first. Inspectors said care \"lacks "
	    "rigour\" on the wards.");
	test_cond("the inspectorate named most", qis(qs, 0, "speaker", "CQC"));
	json_decref(doc);

	/* ... and none when the article names none */
	qs = run(&doc, "Inspectors said management oversight \"lacks "
	    "rigour\" across the service.");
	test_cond("report without an inspectorate: kind",
	    qis(qs, 0, "kind", "report"));
	test_cond("report without an inspectorate: no speaker",
	    qis(qs, 0, "speaker", "(null)"));
	json_decref(doc);

	/* inspectorates by their patterns, under their short names */
	test_cond("CQC by its long name", inspectorate_of(&qd,
	    "the Care Quality Commission", 27) != NULL && strcmp(
	    inspectorate_of(&qd, "the Care Quality Commission", 27),
	    "CQC") == 0);
	test_cond("a council is no inspectorate",
	    inspectorate_of(&qd, "Barset Council", 14) == NULL);
	test_cond("Ofsted's at a word boundary only",
	    inspectorate_of(&qd, "Ofstedshire", 11) == NULL);

	/* the sex of a name: forenames.tsv; unknown when it cannot tell */
	test_cond("Mary is a woman's name",
	    name_sex(&lex, "Mary Martin", 11) == SEX_FEMALE);
	test_cond("Robert is a man's name",
	    name_sex(&lex, "Robert Evans", 12) == SEX_MALE);
	test_cond("Alex may be either",
	    name_sex(&lex, "Alex Smith", 10) == SEX_UNKNOWN);
	test_cond("a surname tells nothing",
	    name_sex(&lex, "Evans", 5) == SEX_UNKNOWN);

	/* pronouns are never speakers; acronyms are names */
	test_cond("He is a pronoun", is_pronoun_name(&lex, "He", 2));
	test_cond("they is a pronoun", is_pronoun_name(&lex, "they", 4));
	test_cond("US is a name", !is_pronoun_name(&lex, "US", 2));
	test_cond("WHO is a name", !is_pronoun_name(&lex, "WHO", 3));

	/* kinds: person, organisation, role */
	qs = run(&doc, "Jane Doe said: \"We will act.\" A spokesman for "
	    "the Barset Trust said: \"We agree with her.\" A council "
	    "official said: \"It is under way.\"");
	test_cond("person kind", qis(qs, 0, "speaker_kind", "person"));
	test_cond("spokesman for X: X", qis(qs, 1, "speaker", "Barset Trust"));
	test_cond("organisation kind",
	    qis(qs, 1, "speaker_kind", "organisation"));
	test_cond("role phrase", qis(qs, 2, "speaker", "A council official"));
	test_cond("role kind", qis(qs, 2, "speaker_kind", "role"));
	json_decref(doc);

	/* a lower-case fragment is no speaker: its phrase stays */
	qs = run(&doc, "Ofsted rated the service good, and that staff have "
	    "reported \"a positive shift\" in culture.");
	test_cond("fragment not a speaker",
	    !qis(qs, 0, "speaker", "that staff"));
	json_decref(doc);

	/* he: the last man named; she: none fits, no speaker */
	qs = run(&doc, "Mr Peter Black met Mrs Ann Green. \"It went well,\" "
	    "he said. Mr Tom Reed spoke. \"We will see,\" she said.");
	test_cond("he is Peter Black", qis(qs, 0, "speaker", "Peter Black"));
	test_cond("she is Ann Green (the last woman)",
	    qis(qs, 1, "speaker", "Ann Green"));
	json_decref(doc);
	qs = run(&doc, "Mr Tom Reed spoke. \"We will see,\" she said.");
	test_cond("she fits no one", qis(qs, 0, "speaker", "(null)"));
	json_decref(doc);

	/* the role link: "the chief executive of X said" is the person */
	qs = run(&doc, "The chief executive of Barset Council said \"I'm "
	    "sorry\" today.\n\nChief executive Jane Doe spoke to staff.");
	test_cond("role linked to the named person",
	    qis(qs, 0, "speaker", "Jane Doe"));
	json_decref(doc);

	/* unclosed: ends at its paragraph, flagged */
	qs = run(&doc, "Jane Doe said: \"It never closes\n\nNext paragraph.");
	test_cond("unclosed quote", json_is_false(json_object_get(
	    json_array_get(qs, 0), "closed")));
	test_cond("unclosed text", qis(qs, 0, "text", "It never closes"));
	json_decref(doc);

	/* stems: "says", "saying" and "said" are cues, "ad" is not */
	qs = run(&doc, "A TV ad \"was everywhere last night,\" they noted.");
	test_cond("inflected cue found", qis(qs, 0, "cue", "noted"));
	json_decref(doc);

	/* empty and markless documents get an empty layer */
	qs = run(&doc, "");
	test_cond("empty text", json_is_array(qs) && json_array_size(qs) == 0);
	json_decref(doc);

	qdoc_free(&qd);
	test_report();
}
