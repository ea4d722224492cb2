# Used by `sam build`, not by developers: every function in template.yaml has
# `Metadata: BuildMethod: makefile`, so SAM runs `make build-<LogicalId>` once per function with
# ARTIFACTS_DIR set to that function's output folder.
#
# All functions ship the same shaded jar. Maven runs only when the jar is missing or older than
# its sources, so one `sam build` builds it once and then copies it ten times. The jar goes to
# lib/ of each artifact, where the Lambda Java runtime puts it on the class path as a jar (which
# keeps its Multi-Release manifest; an unpacked jar would lose it).
#
# Paths are taken from this file's own location, so the build happens in the repository even
# when SAM runs make from a scratch copy of it (samconfig.toml asks for build_in_source, which
# avoids that copy). Do not use `sam build --parallel`: concurrent Maven runs in one tree collide.

ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
JAR := $(ROOT)/functions/target/functions.jar
SOURCES := $(shell find $(ROOT)/pom.xml $(ROOT)/shared/pom.xml $(ROOT)/shared/src/main \
	$(ROOT)/functions/pom.xml $(ROOT)/functions/src/main -type f)

.PHONY: jar
jar: $(JAR)

$(JAR): $(SOURCES)
	cd $(ROOT) && ./mvnw -B -q -pl functions -am -DskipTests package

build-%: $(JAR)
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(JAR) "$(ARTIFACTS_DIR)/lib/functions.jar"
