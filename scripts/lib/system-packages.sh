# Installs missing Debian packages. Usage: ensure_packages CHECK:PACKAGE ...
# CHECK is a command on PATH, or a file path (starting with /) that the package provides.
ensure_packages() {
  local missing=() spec check pkg
  for spec in "$@"; do
    check=${spec%%:*}; pkg=${spec#*:}
    if [[ $check == /* ]]; then [[ -e $check ]] && continue
    else command -v "$check" >/dev/null 2>&1 && continue; fi
    missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  echo "installing system packages: ${missing[*]}" >&2
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq "${missing[@]}" >&2
}

# Everything clv needs to build, run and test (protoc and protoc-c: CI regenerates the code from proto/).
ensure_clv_packages() {
  ensure_packages \
    /usr/include/postgresql/libpq-fe.h:libpq-dev \
    /usr/include/protobuf-c/protobuf-c.h:libprotobuf-c-dev \
    protoc-c:protobuf-c-compiler \
    protoc:protobuf-compiler \
    /usr/include/google/protobuf/descriptor.proto:libprotobuf-dev \
    pkg-config:pkg-config \
    psql:postgresql-client \
    runuser:util-linux
  # initdb/pg_ctl live under /usr/lib/postgresql/<version>/bin, not on PATH.
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || ensure_packages /nonexistent:postgresql
}
