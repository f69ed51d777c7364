# Sourced by bin/test: the storage-azure and CLI tests run Azurite 3.37.0 (npm package azurite), installed into the
# gitignored .azurite/ at the repository root; the tests start it on a free 127.0.0.1 port and stop it after.
if [ ! -x "$repo/.azurite/node_modules/.bin/azurite-blob" ]; then
  if ! command -v npm >/dev/null; then
    apt_install nodejs npm
  fi
  echo "bin/test: installing azurite@3.37.0 into .azurite/ (npm)" >&2
  npm install --prefix "$repo/.azurite" --no-audit --no-fund --loglevel=error azurite@3.37.0 >&2
fi
