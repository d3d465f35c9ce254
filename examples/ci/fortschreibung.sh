#!/bin/sh
# fortschreibung.sh – prüft das Integrationskonzept und setzt das PDF der
# Fortschreibung, mit dem Kapitel „Änderungen gegenüber der Vorfassung“
# gegenüber dem letzten Git-Tag.
#
#   fortschreibung.sh [KONZEPTORDNER] [AUSGABEORDNER]
#
# KONZEPTORDNER (Standard: .) liegt in einem Git-Repository; AUSGABEORDNER
# (Standard: ausgabe) erhält integrationskonzept.pdf und aenderungen.md.
# Die Vorfassung ist der Stand des Ordners beim letzten Tag „fassung-…“ vor
# dem aktuellen Commit (git describe); ohne solchen Tag entsteht das PDF ohne
# Änderungskapitel. Die Vorfassung wird mitgeprüft; Fehler darin brechen ab,
# Warnungen nicht (auch mit --strict nicht: sie ist beschlossen).
# KONZEPT nennt das Programm (Standard: konzept im PATH). In GitHub Actions
# erscheinen Probleme als Anmerkungen an Datei und Zeile.
set -eu

ordner=${1:-.}
ausgabe=${2:-ausgabe}
konzept=${KONZEPT:-konzept}
format=text
if [ "${GITHUB_ACTIONS:-}" = true ]; then
	format=github
fi

"$konzept" version
# 1. Prüfen: jeder Fehler bricht ab, Warnungen werden gemeldet.
"$konzept" validate --format "$format" "$ordner"

# 2. Die Vorfassung: der Konzeptordner beim letzten Tag „fassung-…“ vor dem
#    aktuellen Commit (TAGMUSTER ändert das Muster).
mkdir -p "$ausgabe"
vorfassung=
if tag=$(git -C "$ordner" describe --tags --abbrev=0 --match "${TAGMUSTER:-fassung-*}" HEAD^ 2>/dev/null); then
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	vorfassung=$tmp/$tag # so heißt die Vorfassung in Meldungen
	mkdir "$vorfassung"
	pfad=$(git -C "$ordner" rev-parse --show-prefix)
	git -C "$ordner" archive --format=tar "$tag:$pfad" | tar -x -C "$vorfassung"
	echo "Vorfassung: $tag"
	"$konzept" diff --format markdown "$vorfassung" "$ordner" >"$tmp/aenderungen.md"
	mv "$tmp/aenderungen.md" "$ausgabe/aenderungen.md"
elif [ "$(git -C "$ordner" rev-parse --is-shallow-repository)" = true ]; then
	echo "flacher Klon ohne Tags: bitte mit allen Tags klonen (GitHub: fetch-depth: 0, GitLab: GIT_DEPTH: 0)" >&2
	exit 1
else
	echo "kein früherer Tag ${TAGMUSTER:-fassung-*}: PDF ohne Änderungskapitel"
fi

# 3. Das PDF, byte-gleich reproduzierbar (Datum aus „stand“).
"$konzept" build --format "$format" "$ordner" -o "$ausgabe/integrationskonzept.pdf" \
	${vorfassung:+--vorfassung "$vorfassung"}
