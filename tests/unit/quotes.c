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
#include "../../stages/quotes/entities.c"
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

/* Names and the sex name_sex() must tell from them. */
static const struct {
	const char *name;
	int sex;
	const char *why;
} sexes[] = {
	{ "Mary Martin", SEX_FEMALE, "Mary is a woman's name" },
	{ "Robert Evans", SEX_MALE, "Robert is a man's name" },
	{ "Alex Smith", SEX_UNKNOWN, "Alex may be either" },
	{ "Evans", SEX_UNKNOWN, "a surname tells nothing" },
};

/*
 * The entities layer read from its text as jansson would read it: the
 * last of duplicate members wins, a number with a fraction is no
 * integer, escapes in keys and values decoded, members that are not
 * objects and members not kept skipped (nested values, strings holding
 * brackets and escaped quotes).
 */
static void
entities_reader(void)
{
	const char *layer = "[ 7, \"x\", [1, {\"start\": 2}],"
	    "{\"st\\u0061rt\": 1, \"role\": {\"a\": [\"]}\\\"\"]},"
	    " \"end\": 9, \"kind\": \"pers\\u006fn\","
	    " \"canonical\": \"J\\u00f6rg \\\"Jo\\\" Ek\"},"
	    "{\"start\": 3, \"start\": 4, \"end\": 5.0, \"kind\": 1},"
	    "{\"start\": 5, \"end\": 6, \"kind\": \"place\", \"canonical\": null} ]";
	struct glean_arena a = { 0 };
	struct entities r;
	struct entity e;
	size_t n;

	test_cond("the layer is an array",
	    entities_open(&r, &a, layer, strlen(layer)));
	test_cond("a number member", entity_next(&r, &e) && !e.has_start &&
	    !e.kind.ok);
	test_cond("a string member", entity_next(&r, &e) && !e.has_start);
	test_cond("an array member", entity_next(&r, &e) && !e.has_start);
	test_cond("escaped key and kind", entity_next(&r, &e) &&
	    e.has_start && e.start == 1 && e.has_end && e.end == 9 &&
	    JSTR_IS(&a, &e.kind, "person"));
	test_str("escaped canonical", e.canon.ok ?
	    jstr_text(&a, &e.canon, &n) : "", "J\xc3\xb6rg \"Jo\" Ek");
	test_cond("last start wins; a real end and a number kind are not "
	    "kept", entity_next(&r, &e) && e.has_start && e.start == 4 &&
	    !e.has_end && !e.kind.ok);
	test_cond("a null canonical is none", entity_next(&r, &e) &&
	    JSTR_IS(&a, &e.kind, "place") && !e.canon.ok);
	test_cond("then the end", !entity_next(&r, &e));
	test_cond("null is no array", !entities_open(&r, &a, "null", 4));
	glean_arena_free(&a);
}

int
main(void)
{
	const char *dir = getenv("GLEAN_LEXICONS");
	json_t *doc, *qs;
	struct offmap m = { 0 };
	const char *s;
	size_t i;

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
	for (i = 0; i < sizeof sexes / sizeof sexes[0]; i++)
		test_cond(sexes[i].why, name_sex(&lex, sexes[i].name,
		    strlen(sexes[i].name)) == sexes[i].sex);

	/* pronouns are never speakers; acronyms are names */
	test_cond("He is a pronoun", is_pronoun_name(&lex, "He", 2));
	test_cond("they is a pronoun", is_pronoun_name(&lex, "they", 4));
	test_cond("US is a name", !is_pronoun_name(&lex, "US", 2));
	test_cond("WHO is a name", !is_pronoun_name(&lex, "WHO", 3));

	/* unclosed: ends at its paragraph, flagged */
	qs = run(&doc, "Jane Doe said: \"It never closes\n\nNext paragraph.");
	test_cond("unclosed quote", json_is_false(json_object_get(
	    json_array_get(qs, 0), "closed")));
	test_cond("unclosed text", qis(qs, 0, "text", "It never closes"));
	json_decref(doc);

	/* a lower-case fragment is no speaker (tests/cases/quotes.cases
	 * holds the speakers of the other phrasing classes) */
	qs = run(&doc, "Ofsted rated the service good, and that staff have "
	    "reported \"a positive shift\" in culture.");
	test_cond("fragment not a speaker",
	    !qis(qs, 0, "speaker", "that staff"));
	json_decref(doc);

	entities_reader();

	/* empty and markless documents get an empty layer */
	qs = run(&doc, "");
	test_cond("empty text", json_is_array(qs) && json_array_size(qs) == 0);
	json_decref(doc);

	qdoc_free(&qd);
	test_report();
}
