#!/bin/sh
# fortschreibung.sh – prüft das Integrationskonzept und setzt das PDF der
# Fortschreibung, mit dem Kapitel „Änderungen gegenüber der Vorfassung“
# gegenüber dem letzten Git-Tag.
#
#   fortschreibung.sh [KONZEPTORDNER] [AUSGABEORDNER]
#
# KONZEPTORDNER (Standard: .) liegt in einem Git-Repository; AUSGABEORDNER
# (Standard: ausgabe) erhält integrationskonzept.pdf und aenderungen.md.
# Die Vorfassung ist der Stand des Ordners beim letzten Tag vor dem aktuellen
# Commit (git describe); ohne Tag entsteht das PDF ohne Änderungskapitel.
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

# 2. Die Vorfassung: der Konzeptordner beim letzten Tag.
mkdir -p "$ausgabe"
vorfassung=
if tag=$(git -C "$ordner" describe --tags --abbrev=0 HEAD^ 2>/dev/null); then
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	pfad=$(git -C "$ordner" rev-parse --show-prefix)
	git -C "$ordner" archive --format=tar "$tag:$pfad" | tar -x -C "$tmp"
	vorfassung=$tmp
	echo "Vorfassung: $tag"
	"$konzept" diff --format markdown "$vorfassung" "$ordner" >"$ausgabe/aenderungen.md"
else
	echo "kein früherer Tag: PDF ohne Änderungskapitel"
fi

# 3. Das PDF, byte-gleich reproduzierbar (Datum aus „stand“).
"$konzept" build --format "$format" "$ordner" -o "$ausgabe/integrationskonzept.pdf" \
	${vorfassung:+--vorfassung "$vorfassung"}
