#!/usr/bin/env bash
# scripts/setup-debian.sh keeps services from starting during its own apt-get install only (issue 12, defect 6):
# its policy-rc.d is there while apt-get installs, and gone afterwards, also when apt-get fails; a policy-rc.d
# that was there before is kept as it was. dpkg-query, apt-get and sudo are stubs on PATH: nothing is installed.
set -uo pipefail
SCRIPT="$1/scripts/setup-debian.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

cat >"$work/bin/dpkg-query" <<'STUB'
#!/bin/sh
# every package is missing, unless STUB_ALL_INSTALLED is set
[ -n "${STUB_ALL_INSTALLED:-}" ] && printf 'install ok installed'
exit 0
STUB
cat >"$work/bin/apt-get" <<'STUB'
#!/bin/sh
# records what policy-rc.d said while packages were installed
if [ "$1" = install ]; then
  if [ -x "$PGHA_POLICY_RC_D" ]; then "$PGHA_POLICY_RC_D" x start; echo "policy=$?" >>"$STUB_LOG"; else echo "policy=none" >>"$STUB_LOG"; fi
  exit "${STUB_INSTALL_EXIT:-0}"
fi
exit 0
STUB
printf '#!/bin/sh\nexec "$@"\n' >"$work/bin/sudo"
chmod +x "$work/bin/"*

run() {  # run CASE [ENV...]
  local name="$1"; shift
  rm -f "$work/log"
  env PATH="$work/bin:$PATH" PGHA_POLICY_RC_D="$work/policy-rc.d" STUB_LOG="$work/log" "$@" \
    bash "$SCRIPT" >"$work/$name.out" 2>&1
}

# 1. Nothing there before: present (exit 101) during the install, gone afterwards.
rm -f "$work/policy-rc.d"
run fresh; rc=$?
[ "$rc" -eq 0 ] || fail "fresh: exit $rc: $(cat "$work/fresh.out")"
grep -qx 'policy=101' "$work/log" 2>/dev/null || fail "fresh: policy-rc.d did not refuse starts during the install: $(cat "$work/log" 2>&1)"
[ ! -e "$work/policy-rc.d" ] || fail "fresh: policy-rc.d left behind"

# 2. The install fails: the script fails and still removes its policy-rc.d.
run failing STUB_INSTALL_EXIT=100; rc=$?
[ "$rc" -ne 0 ] || fail "failing: exit 0 although apt-get failed"
grep -qx 'policy=101' "$work/log" 2>/dev/null || fail "failing: no policy-rc.d during the install"
[ ! -e "$work/policy-rc.d" ] || fail "failing: policy-rc.d left behind after a failed install"

# 3. One was there before (the machine's own): kept, content and all.
printf '#!/bin/sh\n# the admin'"'"'s own\nexit 0\n' >"$work/policy-rc.d"
chmod 755 "$work/policy-rc.d"
before=$(sha256sum <"$work/policy-rc.d")
run existing; rc=$?
[ "$rc" -eq 0 ] || fail "existing: exit $rc"
grep -qx 'policy=0' "$work/log" 2>/dev/null || fail "existing: the admin's policy-rc.d was not the one in force"
[ -e "$work/policy-rc.d" ] || fail "existing: the pre-existing policy-rc.d was removed"
[ "$(sha256sum <"$work/policy-rc.d")" = "$before" ] || fail "existing: the pre-existing policy-rc.d was changed"
rm -f "$work/policy-rc.d"

# 4. Nothing missing: no apt-get install, no policy-rc.d.
run complete STUB_ALL_INSTALLED=1; rc=$?
[ "$rc" -eq 0 ] || fail "complete: exit $rc"
[ ! -e "$work/log" ] || fail "complete: apt-get install ran although nothing was missing"
[ ! -e "$work/policy-rc.d" ] || fail "complete: policy-rc.d created"

if [ "$fails" -gt 0 ]; then echo "$fails failure(s)"; exit 1; fi
echo "setup-debian policy-rc.d: 4 cases passed"
