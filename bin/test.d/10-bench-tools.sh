# Sourced by bin/test: the benchmark smoke run drives rclone and the AWS CLI from Debian's packages.
missing=()
[ -x /usr/bin/rclone ] || missing+=(rclone)
[ -x /usr/bin/aws ] || missing+=(awscli)
[ -x /usr/bin/jq ] || missing+=(jq)
[ -x /usr/bin/time ] || missing+=(time)
[ -x /usr/bin/python3 ] || missing+=(python3)
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
unset missing
