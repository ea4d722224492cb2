# Sourced by ./mvnw, ./csat, .ci/run and bench/ scripts: exports JAVA_HOME pointing at a JDK >= 21.
# Lambda's runtime is java21, so the build needs javac >= 21 for --release 21; the machine's
# default java may be older, so we look beyond it rather than fail.
csat_java_major() {
  "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}
csat_find_jdk() {
  for candidate in "${JAVA_HOME-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
      /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(csat_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}
if csat_jdk=$(csat_find_jdk); then
  JAVA_HOME=$csat_jdk
  export JAVA_HOME
else
  echo "No JDK >= 21 found: set JAVA_HOME to one (Lambda's runtime is java21)." >&2
  exit 1
fi
