# glean version and build settings; override on the make command line.
VERSION = 0.1.0

PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANPREFIX = $(PREFIX)/share/man
DATADIR = $(PREFIX)/share/glean

CC = cc
AR = ar
RANLIB = ranlib
OBJCOPY = objcopy
PKG_CONFIG = pkg-config

# libstemmer ships no .pc file (snowballstem/snowball#190).
STEMMER_LIBS = -lstemmer

PKGS = jansson libpcre2-8 libutf8proc libxml-2.0 zlib
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS))
# glean-export alone links SQLite.
SQLITE_CFLAGS = $(shell $(PKG_CONFIG) --cflags sqlite3)
SQLITE_LIBS = $(shell $(PKG_CONFIG) --libs sqlite3)

CFLAGS = -std=c11 -O2 -g -Wall -Wextra -Werror -Wstrict-prototypes \
	-Wno-missing-field-initializers
CPPFLAGS = -D_GNU_SOURCE -DVERSION='"$(VERSION)"' -DDATADIR='"$(DATADIR)"' \
	-DBINDIR='"$(BINDIR)"'
LDFLAGS =

# make SAN=1: AddressSanitizer + UndefinedBehaviorSanitizer build.
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-fno-omit-frame-pointer
