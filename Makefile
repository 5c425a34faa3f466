# Building and installing atrous: `make install [PREFIX=/usr/local]`, `make uninstall`.
# The binary carries the Swift standard library and Foundation (--static-swift-stdlib), so it
# runs where no Swift toolchain is installed; it still needs the system's ncurses and libpng.

PREFIX ?= /usr/local
SWIFT ?= swift
INSTALL ?= install

RELEASE_FLAGS := -c release --static-swift-stdlib
BIN_DIR = $(shell $(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)
GENERATED := .build/install
MANUAL := .build/plugins/GenerateManual/outputs/atrous/atrous.1

# Where each file goes under the prefix, where the shells and man look for them.
bin_path := $(DESTDIR)$(PREFIX)/bin/atrous
man_path := $(DESTDIR)$(PREFIX)/share/man/man1/atrous.1
bash_path := $(DESTDIR)$(PREFIX)/share/bash-completion/completions/atrous
zsh_path := $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_atrous
fish_path := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/atrous.fish

.PHONY: all release manual completions install uninstall

all: release manual completions

# The manual plugin builds the package in release mode with dynamic linking, so it runs
# first and the static link comes after it.
release: manual
	$(SWIFT) build $(RELEASE_FLAGS)

# The man page, from the command's own help by swift-argument-parser's manual plugin.
manual:
	$(SWIFT) package --disable-sandbox plugin generate-manual

# Each shell's completion script, from the command's own definition.
completions: release
	mkdir -p $(GENERATED)
	for shell in bash zsh fish; do \
	  "$(BIN_DIR)/atrous" --generate-completion-script $$shell > $(GENERATED)/atrous.$$shell || exit 1; \
	done

install: all
	$(INSTALL) -d $(dir $(bin_path)) $(dir $(man_path)) $(dir $(bash_path)) $(dir $(zsh_path)) $(dir $(fish_path))
	$(INSTALL) -m 755 "$(BIN_DIR)/atrous" $(bin_path)
	$(INSTALL) -m 644 $(MANUAL) $(man_path)
	$(INSTALL) -m 644 $(GENERATED)/atrous.bash $(bash_path)
	$(INSTALL) -m 644 $(GENERATED)/atrous.zsh $(zsh_path)
	$(INSTALL) -m 644 $(GENERATED)/atrous.fish $(fish_path)

uninstall:
	rm -f $(bin_path) $(man_path) $(bash_path) $(zsh_path) $(fish_path)
