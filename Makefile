# glean - see README.md.  GNU make.
include config.mk

# Objects and programs go under $(O); the sanitizer build uses another $(O)
# and checks in glean-chain that the stages mark their tails right
# (GLEAN_CHECK_TAIL: stages/lib/stream.c).
O = build
ifeq ($(SAN),1)
O = build-san
CFLAGS += $(SAN_FLAGS) -DGLEAN_CHECK_TAIL
LDFLAGS += $(SAN_FLAGS)
endif

# A stage is stages/NAME.c, or a folder stages/NAME/ of modules (*.c) with
# one private header (NAME.h) when it is too big to read in one sitting.
# stages/chain.c is glean-chain, the per-document stages in one process
# (its rule is below).
FILE_STAGES = $(filter-out chain,$(patsubst stages/%.c,%,$(wildcard stages/*.c)))
DIR_STAGES = $(filter-out lib,$(patsubst stages/%/,%,$(wildcard stages/*/)))
STAGES = $(FILE_STAGES) $(DIR_STAGES) chain
BIN = $(STAGES:%=$(O)/bin/glean-%)
MAN = $(wildcard stages/*.1)
HDR = $(wildcard stages/lib/*.h)
STAGE_SRC = $(wildcard stages/*.c stages/*/*.c stages/*/*.h)
LIBOBJ = $(patsubst stages/lib/%.c,$(O)/lib/%.o,$(wildcard stages/lib/*.c))
LIB = $(O)/libglean.a
UNIT = $(patsubst tests/unit/%.c,$(O)/tests/%,$(wildcard tests/unit/*.c))
# helpers of the tests that are not tests themselves (token-arrays)
TOOLS = $(patsubst tests/tools/%.c,$(O)/tools/%,$(wildcard tests/tools/*.c))

ALL_CFLAGS = $(CFLAGS) $(PKG_CFLAGS) -Istages/lib
LIBS = $(PKG_LIBS) $(STEMMER_LIBS) -lm

SHARED = $(abspath ../shared)

all: $(BIN) $(UNIT) $(TOOLS)

$(O)/lib/%.o: stages/lib/%.c $(HDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(LIB): $(LIBOBJ)
	rm -f $@
	$(AR) rc $@ $(LIBOBJ)
	$(RANLIB) $@

$(O)/stages/%.o: stages/%.c $(HDR) $(wildcard stages/*/*.h)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# A file stage links its one object; a folder stage all of its modules.
define file_stage
$(O)/bin/glean-$(1): $(O)/stages/$(1).o $(LIB)
	@mkdir -p $$(@D)
	$$(CC) $$(LDFLAGS) -o $$@ $$(filter %.o,$$^) $(LIB) $$(LIBS)
endef
define dir_stage
$(O)/bin/glean-$(1): $(patsubst stages/%.c,$(O)/stages/%.o,$(wildcard stages/$(1)/*.c)) $(LIB)
	@mkdir -p $$(@D)
	$$(CC) $$(LDFLAGS) -o $$@ $$(filter %.o,$$^) $(LIB) $$(LIBS)
endef
$(foreach s,$(FILE_STAGES),$(eval $(call file_stage,$(s))))
# glean-export writes SQLite databases; no other program links it.
$(O)/stages/export.o: ALL_CFLAGS += $(SQLITE_CFLAGS)
$(O)/bin/glean-export: LIBS += $(SQLITE_LIBS)
$(foreach s,$(DIR_STAGES),$(eval $(call dir_stage,$(s))))

# glean-chain runs these stages in one process.  Each one's objects are
# linked into one relocatable object (ld -r) in which only its
# descriptor, glean_program_NAME, stays global (objcopy
# --keep-global-symbol): the stages' private names (ctx_init in dates and
# ratings, load_lexicons in entities and quotes, each main) then cannot
# meet, and no stage source has to rename anything.
CHAIN_STAGES = tokenize entities dates money quotes ratings
stage_objs = $(if $(filter $(1),$(FILE_STAGES)),$(O)/stages/$(1).o,$(patsubst stages/%.c,$(O)/stages/%.o,$(wildcard stages/$(1)/*.c)))
define chain_part
$(O)/chain/$(1).o: $(call stage_objs,$(1))
	@mkdir -p $$(@D)
	$$(LD) -r -o $$@.tmp $$^
	$$(OBJCOPY) --keep-global-symbol=glean_program_$(1) $$@.tmp $$@
	rm -f $$@.tmp
endef
$(foreach s,$(CHAIN_STAGES),$(eval $(call chain_part,$(s))))
$(O)/bin/glean-chain: $(O)/stages/chain.o $(CHAIN_STAGES:%=$(O)/chain/%.o) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(LIB) $(LIBS)

# a unit test may include its stage's source (tests/unit/quotes.c does)
$(O)/tests/%: tests/unit/%.c $(LIB) $(HDR) tests/unit/testhelp.h \
    $(STAGE_SRC)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LIBS)

$(O)/tools/%: tests/tools/%.c $(LIB) $(HDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LIBS)

TEST_ENV = GLEAN_BIN=$(abspath $(O)/bin) GLEAN_TESTBIN=$(abspath $(O)/tests) \
	GLEAN_LEXICONS=$(abspath lexicons) GLEAN_SHARED=$(SHARED) \
	GLEAN_TOP=$(CURDIR)

# check: the whole suite on the normal build, then again under ASan+UBSan.
check: all
	$(TEST_ENV) tests/run tests/*.test tests/score/*.sh
	$(MAKE) SAN=1 check-san

check-san: all
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	$(TEST_ENV) tests/run tests/*.test

# score: accuracy against ../shared/gold and ../shared/eval (skips without).
score: all
	$(TEST_ENV) tests/run tests/score/*.sh

score-%: all
	$(TEST_ENV) tests/run tests/score/$*.sh

# bench: timings, never in tests.
# Every bench runs even when one misses its target; the status says
# whether any did.
bench: all
	@st=0; for b in tests/bench/*.sh; do \
		case $$b in */common.sh|*/base.sh) continue ;; esac; \
		echo "== $$b"; $(TEST_ENV) sh $$b || st=1; \
	done; exit $$st

bench-%: all
	$(TEST_ENV) sh tests/bench/$*.sh

# install: programs, man pages and lexicons under $(DESTDIR)$(PREFIX).
# The programs find the lexicons wherever they end up (see glean_lexdir
# in stages/lib/cli.c), so make && make install PREFIX=/opt/x works.
install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 \
		$(DESTDIR)$(DATADIR)
	cp -f $(BIN) $(DESTDIR)$(BINDIR)/
	cp -f pipeline/glean $(DESTDIR)$(BINDIR)/glean
	cp -f pipeline/nightly $(DESTDIR)$(BINDIR)/glean-nightly
	for m in $(MAN); do b=$${m##*/}; \
		cp -f $$m $(DESTDIR)$(MANPREFIX)/man1/glean-$$b; done
	cp -f pipeline/glean.1 $(DESTDIR)$(MANPREFIX)/man1/glean.1
	cp -f pipeline/nightly.1 $(DESTDIR)$(MANPREFIX)/man1/glean-nightly.1
	cp -f lexicons/*.tsv $(DESTDIR)$(DATADIR)/

# uninstall: every file install wrote, and the lexicon folder.
uninstall:
	for s in $(STAGES); do rm -f $(DESTDIR)$(BINDIR)/glean-$$s \
		$(DESTDIR)$(MANPREFIX)/man1/glean-$$s.1; done
	rm -f $(DESTDIR)$(BINDIR)/glean $(DESTDIR)$(BINDIR)/glean-nightly
	rm -f $(DESTDIR)$(MANPREFIX)/man1/glean.1 \
		$(DESTDIR)$(MANPREFIX)/man1/glean-nightly.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-san

.PHONY: all check check-san score bench install uninstall clean
.SECONDARY:
