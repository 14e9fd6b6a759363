# Folio: `make` installs what is missing, builds, and renders content/ to out/;
# `make test` does the same set-up and runs every test.
BUILD   ?= build
FOLIO   := $(BUILD)/folio
NPROC   := $(shell nproc 2>/dev/null || echo 2)
CONTENT := $(wildcard content/*.yaml)
PDFS    := $(patsubst content/%.yaml,out/%.pdf,$(CONTENT))

.PHONY: all setup build pdfs test sanitize fuzz bench clean format golden

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

# Regenerates the golden frame dumps (tests/golden/) after an intended change
# of layout; review `git diff tests/golden` before committing.
golden: build
	@bash tools/update-golden.sh $(FOLIO)

# The whole test suite under AddressSanitizer and UndefinedBehaviorSanitizer.
# intercept_tls_get_addr=0: GCC 12's sanitizer runtime takes a dynamic TLS
# block whose address happens to end in 0x010 for a glibc 2.19 block header
# and reads a bogus range from before it; the leak checker's tracer then
# dies at exit ("Tracer caught signal 11", google/sanitizers#1322, fixed in
# LLVM 17 / GCC 14). It struck a random multi-threaded e2e run about once a
# suite. Without the interceptor the dynamic TLS blocks are still reached
# through each thread's DTV, so no leak goes unseen.
sanitize: setup
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DFOLIO_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j$(NPROC)
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1:intercept_tls_get_addr=0 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  ctest --output-on-failure -j$(NPROC)

# libFuzzer harnesses for the YAML loader, the inline parser, the image
# readers and the whole render, each run for FUZZ_SECONDS from the seed
# corpus in tests/fuzz/corpus (with a dictionary of its tokens).
FUZZ_SECONDS ?= 60
FUZZ_HARNESSES ?= yaml markup image render
fuzz: setup
	@cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
	  -DFOLIO_FUZZ=ON -DFOLIO_TESTS=OFF -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined" >/dev/null
	@cmake --build build-fuzz -j$(NPROC) --target $(addprefix fuzz_,$(FUZZ_HARNESSES))
	@mkdir -p build-fuzz/crashes
	@for h in $(FUZZ_HARNESSES); do \
	  mkdir -p build-fuzz/corpus-$$h; \
	  echo "fuzz_$$h: $(FUZZ_SECONDS) s"; \
	  build-fuzz/tests/fuzz/fuzz_$$h build-fuzz/corpus-$$h tests/fuzz/corpus/$$h -max_total_time=$(FUZZ_SECONDS) \
	    -dict=tests/fuzz/$$h.dict -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=build-fuzz/crashes/$$h- >build-fuzz/fuzz-$$h.log 2>&1; rc=$$?; \
	  tail -12 build-fuzz/fuzz-$$h.log; [ $$rc -eq 0 ] || exit 1; \
	done

# Whole-process and micro benchmarks with peers (see docs/performance.md).
bench: setup
	@bench/run

format:
	@clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'bench/*.cpp')

clean:
	rm -rf $(BUILD) build-asan build-fuzz out
