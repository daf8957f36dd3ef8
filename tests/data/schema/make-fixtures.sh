#!/bin/sh
# Makes tests/data/schema/schema-N.db, one database per released schema: the jobtrack of
# the commit where schema N was the newest records the same small job search, as far as
# that version's commands go. tests/test-migrations.py opens each with today's jobtrack.
#   tests/data/schema/make-fixtures.sh [--keep] [N...]   (default 1..12; in a git clone)
# Each commit is built in a temporary worktree (/tmp/jt-old-N), removed afterwards.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel)

# The commit where each schema was the newest: 4 and 5 are the numbering that main took
# (listing filters, skills); main's own first schema 4 became 0006 in the merge 1ed565c.
commit_of() {
  case $1 in
  1) echo 6607cad1dfdfd4b1931062894cfb4391dece40e7 ;; # before reminders (fd9c5c2)
  2) echo c1b8115b9e9ffcc38f71eea8962b375e3f080030 ;; # before invitations (e517646)
  3) echo cbd3b98f8e07f0ae5eec11ed31eb517895e58f7e ;; # before listing filters merged
  4) echo ba3b46e948136df63abde5fb3b2f9b351eec1354 ;; # listing filters merged
  5) echo d902286bc4a31dc131fa547043556246801622a6 ;; # skills, before search's 0006
  6) echo 60e90793d746e4f604bb2326a3592e9d862760a6 ;; # before 0007 (d5e9e96)
  7) echo 3a80614c088474c48b46427dc157dfae6bb1f999 ;; # before 0008
  8) echo f192052d756ff85b6b3a430a1a97910c16358ad6 ;; # before 0009
  9) echo 50a8a6fa6af7244befd71baa951d17d177e6ec21 ;; # before 0010
  10) echo b4873de2547aefb40e85676a0b20b2663d7ccd8f ;; # before 0011
  11) echo 61795ea0c043abf5092f4bda24b99ceea82a948e ;; # before 0012
  12) echo 0bf45baeb93e7f1eec7b231e82396f95d3cf6b16 ;; # before 0013
  *) return 1 ;;
  esac
}

# Builds commit $2 in /tmp/jt-old-$1: only jobtrack and the modules it loads. A tree
# left by --keep is built again, not checked out again.
build() {
  tree=/tmp/jt-old-$1
  if [ ! -d "$tree" ]; then
    git -C "$root" worktree add --detach --force "$tree" "$2" >/dev/null
  fi
  [ -f "$tree/build/build.ninja" ] ||
    meson setup "$tree/build" "$tree" -Dwerror=false >/dev/null
  targets=$(meson introspect "$tree/build" --targets | /usr/bin/python3 -c '
import json, sys, os
for t in json.load(sys.stdin):
    if t["name"] == "jobtrack" or t["type"] == "shared module":
        print(os.path.relpath(t["filename"][0], sys.argv[1]))' "$tree/build")
  # shellcheck disable=SC2086 # one word per target
  ninja -C "$tree/build" -j2 $targets >/dev/null
}

# The job search, at Mon 2 Nov 2026 09:00 in Berlin, as far as schema $1's jobtrack goes.
record() {
  n=$1 jobtrack=$2 db=$3
  home=$(mktemp -d)
  rm -f "$db" "$db-wal" "$db-shm"
  jt() {
    env -i PATH="$PATH" HOME="$home" XDG_DATA_HOME="$home/data" \
      XDG_CONFIG_HOME="$home/config" LC_ALL=C.UTF-8 NO_COLOR=1 TZ=Europe/Berlin \
      JOBTRACK_NOW=2026-11-02T09:00:00 "$jobtrack" --db "$db" "$@" </dev/null
  }
  # 1: applied, through a network contact; 2: interviewed, two people met, assessed;
  # 3: an offer with a deadline; 4: rejected; 5: a lead.
  jt app add --company "Acme GmbH" --role "Platform Engineer" --source LinkedIn \
    --url https://acme.example/jobs/42 --status applied --interest 4 \
    --notes "Referred by Dana"
  jt add --company "Globex Corporation" --role SRE --at "2026-10-28 14:00" \
    --duration 1h --kind video --where https://meet.example/globex \
    --with "Raj Patel <raj@globex.example>, Engineering Manager" \
    --with "Lee Chen <lee@globex.example>, Staff Engineer" \
    --decision-maker "Raj Patel" --influencer "Lee Chen" --decision 2026-11-06 \
    --rating 4 --said "They liked the on-call redesign" \
    --edge "Ran the same migration at scale" \
    --problems "Pager fatigue; I would propose SLOs per team" \
    --objections "No Go experience" --next-step "Final round with the VP" \
    --may-call 2026-11-09 --notes "Good rapport with Raj; Lee sceptical about Go"
  jt app add --company Initech --role "Backend Engineer" --status interviewing
  jt outcome 3 offer --on 2026-10-30
  jt offer add --app 3 --received 2026-10-30 --deadline 2026-11-13 \
    --salary "EUR 85,000" --title "Senior Backend Engineer" --start 2027-01-04
  jt app add --company "Umbrella Corp" --role "DevOps Engineer" --status applied
  jt contact add --name "Ana Lima" --title "HR Partner" --roles hr \
    --email ana@umbrella.example --app 4
  jt outcome 4 rejected --on 2026-10-29
  jt app add --company Hooli --role "Data Engineer" --status lead \
    --url https://hooli.example/careers/7
  jt contact add --name "Dana Scully" --title Recruiter --company Freelance \
    --email dana@example.org --phone "+49 30 1234567" --network --hit-it-off
  jt touch add --app 1 --contact 4 --kind email --at "2026-10-26 10:00" \
    --about "Referral to Acme"
  jt touch add --app 2 --contact 1 --kind letter --at "2026-10-28 18:00" \
    --about "Thank-you letter"
  if [ "$n" -ge 2 ]; then
    # Follow-ups: a manual one left pending, one snoozed; a thank-you letter done, the
    # call to the rejected company's HR dismissed.
    jt remind add --app 1 --contact 4 --due "2026-11-05 10:00" "Ask Dana whether Acme replied"
    jt remind add --app 5 --due "2026-11-03 10:00" "Apply to Hooli"
    snoozed=$(sqlite3 "$db" "SELECT max(id) FROM reminders WHERE rule = 'manual'")
    jt snooze "$snoozed" "2026-11-04 10:00"
    done=$(sqlite3 "$db" "SELECT min(id) FROM reminders WHERE rule = 'thank_you'")
    jt "done" "$done"
    dismissed=$(sqlite3 "$db" "SELECT min(id) FROM reminders WHERE application_id = 4
                                AND state = 'pending'")
    jt dismiss "$dismissed"
  fi
  if [ "$n" -ge 11 ]; then
    # Documents: a résumé version sent to Acme, and the posting saved by hand for Hooli.
    printf 'Jane Doe\nPlatform engineer\n' >"$home/jane-doe-resume.txt"
    printf 'Hooli: Data Engineer. Apply by 30 November.\n' >"$home/hooli-posting.txt"
    jt resume add "$home/jane-doe-resume.txt" --name platform-v1
    jt app attach 1 --resume platform-v1
    jt app attach 5 "$home/hooli-posting.txt" --kind posting
  fi
  if [ "$n" -ge 12 ]; then
    # Saved postings: 6, a lead captured from a page posted on a day alone and closing
    # on one; 7, one sent, from a page posted at a time of day (west of UTC).
    cat >"$home/piedpiper.html" <<'EOF'
<!DOCTYPE html><html><head><title>Compression Engineer at Pied Piper</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "JobPosting", "title": "Compression Engineer",
 "hiringOrganization": {"@type": "Organization", "name": "Pied Piper"},
 "identifier": "PP-3", "datePosted": "2026-10-30", "validThrough": "2026-11-20",
 "baseSalary": {"@type": "MonetaryAmount", "currency": "USD",
                "value": {"@type": "QuantitativeValue", "value": 150000, "unitText": "YEAR"}},
 "description": "<p>Middle-out.</p>", "url": "https://piedpiper.example/jobs/3"}
</script></head><body></body></html>
EOF
    cat >"$home/vandelay.html" <<'EOF'
<!DOCTYPE html><html><head><title>Importer at Vandelay Industries</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "JobPosting", "title": "Importer",
 "hiringOrganization": {"@type": "Organization", "name": "Vandelay Industries"},
 "datePosted": "2026-10-29T16:30:00-07:00", "description": "<p>Latex.</p>",
 "url": "https://vandelay.example/jobs/9"}
</script></head><body></body></html>
EOF
    jt capture "$home/piedpiper.html" >/dev/null
    jt capture "$home/vandelay.html" --applied >/dev/null
  fi
  # Closed cleanly: everything in the main file, no -wal or -shm left.
  sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
  rm -rf "$home"
  echo "schema-$n.db: $(sqlite3 "$db" "PRAGMA user_version")"
}

remove() {
  git -C "$root" worktree remove --force "/tmp/jt-old-$1"
}

keep=false
if [ "${1:-}" = "--keep" ]; then
  keep=true
  shift
fi
[ $# -eq 0 ] && set -- 1 2 3 4 5 6 7 8 9 10 11 12
for n in "$@"; do
  build "$n" "$(commit_of "$n")"
  if [ "${BUILD_ONLY:-}" != 1 ]; then
    record "$n" "/tmp/jt-old-$n/build/cli/jobtrack" "$here/schema-$n.db"
  fi
  $keep || remove "$n"
done
