# Sourced by bin/test: the state store tests run PostgreSQL and Redis from Debian's packages. The tests start
# their own servers (initdb + pg_ctl, redis-server) on free loopback ports under a temporary folder and stop
# them; ATLAN_STORAGE_TEST_POSTGRES_URL / ATLAN_STORAGE_TEST_REDIS_URL point them at running servers instead.
missing=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
unset missing
