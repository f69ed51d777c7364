# Sourced by the scripts in bin/, bench/ and .ci/: finds a JDK >= 21 and exports JAVA_HOME and PATH.
# Order: JAVA_HOME when it is new enough, else Temurin 25 at its Debian path, else a clear error.
# Also exports ATLAN_JAVA_MAJOR, the chosen JDK's feature version.

# The JDK's feature version: from its release file (no JVM start), else by asking the JVM.
atlan_java_major() {
  local version=""
  if [ -r "$1/release" ]; then
    local line
    while IFS= read -r line; do   # shell built-ins only: this runs on every launch
      case $line in
        JAVA_VERSION=\"*) version=${line#JAVA_VERSION=\"}; version=${version%%[!0-9]*}; break ;;
      esac
    done <"$1/release"
  fi
  if [ -z "$version" ]; then
    version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1)
  fi
  echo "$version"
}

atlan_find_java() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major=$(atlan_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate" ATLAN_JAVA_MAJOR="$major"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "error: atlan-storage needs a JDK 21 or newer. Set JAVA_HOME to one (JAVA_HOME is '${JAVA_HOME:-unset}')," \
       "or install Temurin 25 at /usr/lib/jvm/temurin-25-jdk-amd64." >&2
  return 1
}

# File names are UTF-8 only under a UTF-8 locale: under cron, systemd or `env -i` the locale is POSIX and the JVM
# encodes file names as ASCII (café.txt lists as caf?.txt). Keeps a UTF-8 locale the user has, else exports
# LC_ALL=C.UTF-8 (built into glibc >= 2.35; macOS always uses UTF-8 for file names).
atlan_utf8_locale() {
  local current=${LC_ALL:-${LC_CTYPE:-${LANG:-}}}
  case $current in
    *[Uu][Tt][Ff]-8* | *[Uu][Tt][Ff]8*) return 0 ;;
  esac
  export LC_ALL=C.UTF-8
}
