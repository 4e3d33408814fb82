#!/usr/bin/env bash
# Column-level quality of personal_data on public sample databases we did not write (issue 8):
# Sakila (jOOQ/sakila, BSD-2-Clause) on PostgreSQL and copied from there into jOOQ's SQLite schema,
# Sakila (datacharmer/test_db's MySQL copy) on MariaDB and the MySQL employees database (datacharmer/test_db, CC BY-SA 3.0) on MariaDB, each
# read by wct's real database connector (default sampling) and analysed by personal_data in one
# `wct run`; the findings are scored per (column, category) against the hand-made ground truth
# bench/quality/sample-databases-truth.csv (written from the schemas before any scan).
#
#   bench/quality/sample-databases.sh            needs client-cli/target/wct.jar, psql, mysql,
#                                                 PostgreSQL on 127.0.0.1:5432 (postgres, trust)
#                                                 and MariaDB on 127.0.0.1:3306 (root, no password)
#   SAKILA_REPO=DIR TEST_DB_REPO=DIR bench/quality/sample-databases.sh
#       checkouts of https://github.com/jOOQ/sakila and https://github.com/datacharmer/test_db
#       (default: cloned into a temporary folder; nothing of them is committed)
#   EMPLOYEES_DUMP=FILE   a load_employees.dump to use when TEST_DB_REPO lacks it (LFS-less copies)
#
# Databases created (and dropped at the end unless KEEP=1): PostgreSQL wct_quality_sakila,
# MariaDB wct_quality_sakila and wct_quality_employees. Results: per-category and overall tables
# on standard output (Markdown), the scored rows in $OUT (default target/quality/sample-databases).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="${WCT_JAR:-$root/client-cli/target/wct.jar}"
truth="$root/bench/quality/sample-databases-truth.csv"
out="${OUT:-$root/target/quality/sample-databases}"
[ -f "$jar" ] || { echo "sample-databases: $jar not found; build client-cli first" >&2; exit 2; }
for tool in psql mysql sqlite3 python3 java; do
  command -v "$tool" >/dev/null || { echo "sample-databases: $tool not found" >&2; exit 2; }
done
work="$(mktemp -d /tmp/wct-quality-db.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
sakila="${SAKILA_REPO:-}"
test_db="${TEST_DB_REPO:-}"
if [ -z "$sakila" ]; then git clone -q --depth 1 https://github.com/jOOQ/sakila "$work/sakila"; sakila="$work/sakila"; fi
if [ -z "$test_db" ]; then git clone -q --depth 1 https://github.com/datacharmer/test_db "$work/test_db"; test_db="$work/test_db"; fi

PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
MYSQL=(mysql -h 127.0.0.1 -uroot)

echo "loading Sakila into PostgreSQL wct_quality_sakila" >&2
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS wct_quality_sakila" -c "CREATE DATABASE wct_quality_sakila" >/dev/null
"${PSQL[@]}" -d wct_quality_sakila -f "$sakila/postgres-sakila-db/postgres-sakila-schema.sql" >/dev/null 2>"$work/pg-schema.err" \
  || { cat "$work/pg-schema.err" >&2; exit 1; }
"${PSQL[@]}" -d wct_quality_sakila -f "$sakila/postgres-sakila-db/postgres-sakila-insert-data-using-copy.sql" >/dev/null 2>"$work/pg-data.err" \
  || { cat "$work/pg-data.err" >&2; exit 1; }

echo "copying Sakila from PostgreSQL into SQLite $out/sakila.sqlite" >&2
# jOOQ's SQLite schema, its rows copied from the PostgreSQL copy (the SQLite insert script is the
# same data); film_text, which PostgreSQL lacks, is made from film as MySQL's triggers do.
rm -f "$out/sakila.sqlite"
sqlite3 "$out/sakila.sqlite" <"$sakila/sqlite-sakila-db/sqlite-sakila-schema.sql"
for table in $(sqlite3 "$out/sakila.sqlite" "SELECT name FROM sqlite_master WHERE type = 'table'"); do
  from="$table"; [ "$table" = film_text ] && from=film
  have=",$("${PSQL[@]}" -d wct_quality_sakila -At -c "SELECT string_agg(column_name, ',') FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = '$from'"),"
  columns=""
  for column in $(sqlite3 "$out/sakila.sqlite" "SELECT name FROM pragma_table_info('$table')"); do
    # A column PostgreSQL's copy lacks (payment.last_update) is a record timestamp: now.
    case "$have" in *",$column,"*) expr="$column" ;; *) expr="now()::timestamp(0) AS $column" ;; esac
    columns="${columns:+$columns,}$expr"
  done
  "${PSQL[@]}" -d wct_quality_sakila -c "\\copy (SELECT $columns FROM $from) TO STDOUT WITH CSV" \
    | sqlite3 -cmd '.mode csv' "$out/sakila.sqlite" ".import /dev/stdin $table"
done

echo "loading Sakila into MariaDB wct_quality_sakila" >&2
rename_db() { sed -E "s/^(CREATE (DATABASE|SCHEMA)( IF NOT EXISTS)?|DROP (DATABASE|SCHEMA)( IF EXISTS)?|USE) +\`?$1\`?/\1 $2/I"; }
{ cat "$test_db/sakila/sakila-mv-schema.sql"; cat "$test_db/sakila/sakila-mv-data.sql"; } \
  | rename_db sakila wct_quality_sakila | sed -E 's/([^_a-z])sakila\./\1wct_quality_sakila./g' \
  | "${MYSQL[@]}" >/dev/null

echo "loading employees into MariaDB wct_quality_employees" >&2
employees_dump="${EMPLOYEES_DUMP:-$test_db/load_employees.dump}"
{
  # The schema and the loads of employees.sql, without its `source` lines (the dumps follow here).
  grep -v '^ *source ' "$test_db/employees.sql" | rename_db employees wct_quality_employees
  echo 'SET FOREIGN_KEY_CHECKS = 0;' # a partial copy of a dump may lack rows others refer to
  for dump in load_departments.dump "$employees_dump" load_dept_emp.dump load_dept_manager.dump \
      load_titles.dump load_salaries1.dump load_salaries2.dump load_salaries3.dump; do
    file="$dump"; [ -f "$file" ] || file="$test_db/$dump"
    if [ -s "$file" ] && ! head -c 200 "$file" | grep -q 'git-lfs'; then
      # A public copy of a dump may carry its own CREATE statements and a cut-off last row.
      grep -v -E '^(DROP|CREATE) DATABASE' "$file" | sed '/^CREATE TABLE/,/^);/d' \
        | python3 -c 'import re,sys; t=sys.stdin.read().rstrip(); t=t if t.endswith(";") else t[:t.rfind("),")+1]+";"; print(t)'
    else
      echo "sample-databases: $dump not available, its table stays empty" >&2
    fi
  done
} | "${MYSQL[@]}" >/dev/null
for table in employees departments dept_emp dept_manager titles salaries; do
  printf '  employees.%s: %s rows\n' "$table" "$("${MYSQL[@]}" -N -e "SELECT COUNT(*) FROM wct_quality_employees.$table")" >&2
done

# The base tables' columns of each copy: the truth is scored on the columns that exist there.
"${PSQL[@]}" -d wct_quality_sakila -At -F, -c "SELECT c.table_name, c.column_name FROM information_schema.columns c
  JOIN information_schema.tables t USING (table_schema, table_name)
  WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'" >"$out/sakila_pg.columns"
sqlite3 -separator , "$out/sakila.sqlite" "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
  WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'" >"$out/sakila_sqlite.columns"
for db in wct_quality_sakila wct_quality_employees; do
  "${MYSQL[@]}" -N -B -e "SELECT c.table_name, c.column_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = '$db' AND t.table_type = 'BASE TABLE'" | tr '\t' , >"$out/$db.columns"
done

cat >"$work/runbook.yaml" <<'YAML'
name: "Quality: public sample databases"
description: "Sakila on PostgreSQL, SQLite and MariaDB, employees on MariaDB, each analysed for personal data"
artifacts:
  sakila_pg:
    source:
      type: postgresql
      properties: {host: 127.0.0.1, user: postgres, database: wct_quality_sakila, schemas: [public]}
  sakila_mariadb:
    source:
      type: mysql
      properties: {host: 127.0.0.1, user: root, database: wct_quality_sakila}
  sakila_sqlite:
    source:
      type: sqlite
      properties: {database_path: "${SAKILA_SQLITE}"}
  employees_mariadb:
    source:
      type: mysql
      properties: {host: 127.0.0.1, user: root, database: wct_quality_employees}
  sakila_pg_pd:
    inputs: sakila_pg
    process: {type: personal_data, properties: {maximum_evidence_count: 1}}
    output: true
  sakila_mariadb_pd:
    inputs: sakila_mariadb
    process: {type: personal_data, properties: {maximum_evidence_count: 1}}
    output: true
  sakila_sqlite_pd:
    inputs: sakila_sqlite
    process: {type: personal_data, properties: {maximum_evidence_count: 1}}
    output: true
  employees_mariadb_pd:
    inputs: employees_mariadb
    process: {type: personal_data, properties: {maximum_evidence_count: 1}}
    output: true
YAML
cp "$work/runbook.yaml" "$out/runbook.yaml"
echo "running wct" >&2
(cd "$work" && SAKILA_SQLITE="$out/sakila.sqlite" java ${WCT_JAVA_OPTS:-} -jar "$jar" run runbook.yaml --quiet --store "$work/.wct" \
    --output "$out/results.json" >"$work/wct.out" 2>&1) \
  || { rc=$?; [ "$rc" = 3 ] || { echo "wct run failed ($rc):" >&2; tail -30 "$work/wct.out" >&2; exit 1; }; }
python3 "$root/bench/quality/score_columns.py" "$truth" "$out/results.json" \
  "sakila_pg_pd=sakila:$out/sakila_pg.columns" \
  "sakila_mariadb_pd=sakila:$out/wct_quality_sakila.columns" \
  "sakila_sqlite_pd=sakila:$out/sakila_sqlite.columns" \
  "employees_mariadb_pd=employees:$out/wct_quality_employees.columns" | tee "$out/scores.md"

if [ "${KEEP:-0}" != 1 ]; then
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS wct_quality_sakila" >/dev/null
  "${MYSQL[@]}" -e "DROP DATABASE IF EXISTS wct_quality_sakila; DROP DATABASE IF EXISTS wct_quality_employees"
fi
