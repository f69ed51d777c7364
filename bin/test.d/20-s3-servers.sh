# Sourced by bin/test: the S3 servers the storage-s3 tests run besides the in-process S3Proxy, each started by the
# tests on a free 127.0.0.1 port:
#   - npm s3rver 3.7.1, installed into .test-servers/s3rver (gitignored);
#   - Adobe S3Mock 4.12.4 (Maven), built with its classpath from storage-s3/src/test/servers/s3mock.
if [ ! -x "$repo/.test-servers/s3rver/node_modules/.bin/s3rver" ]; then
  if ! command -v npm >/dev/null; then
    apt_install nodejs npm
  fi
  echo "bin/test: installing s3rver@3.7.1 (npm) into .test-servers/s3rver" >&2
  npm install --prefix "$repo/.test-servers/s3rver" --no-audit --no-fund --silent s3rver@3.7.1 >&2
fi
s3mock="$repo/storage-s3/src/test/servers/s3mock"
if [ ! -f "$s3mock/target/classpath.txt" ] || [ ! -f "$s3mock/target/s3mock-runner-1.jar" ]; then
  echo "bin/test: building the S3Mock runner (storage-s3/src/test/servers/s3mock)" >&2
  "$repo/mvnw" -B -q -ntp -f "$s3mock/pom.xml" package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt >&2
fi
unset s3mock
