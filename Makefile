# Folio: `make` installs what is missing, builds, and renders content/ to out/;
# `make test` does the same set-up and runs every test.
BUILD   ?= build
FOLIO   := $(BUILD)/folio
NPROC   := $(shell nproc 2>/dev/null || echo 2)
CONTENT := $(wildcard content/*.yaml)
PDFS    := $(patsubst content/%.yaml,out/%.pdf,$(CONTENT))

.PHONY: all setup build pdfs test sanitize fuzz bench clean format

all: build
	@$(MAKE) --no-print-directory pdfs

setup:
	@bash tools/setup.sh

build: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j$(NPROC)

pdfs: $(PDFS)

# Each PDF depends on exactly the files it used (content, layout, fonts,
# images), as folio lists them in its depfile.
out/%.pdf: content/%.yaml $(FOLIO)
	@mkdir -p out
	$(FOLIO) render $< -o $@ --depfile out/$*.d

-include $(wildcard out/*.d)

test: all
	@cd $(BUILD) && ctest --output-on-failure -j$(NPROC)

# The whole test suite under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: setup
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DFOLIO_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j$(NPROC)
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j$(NPROC)

format:
	@clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'bench/*.cpp')

clean:
	rm -rf $(BUILD) build-asan out
