package schema

// Problem codes of resolving the values of workshop workbooks, which name
// fields, goals, actors and themes as people write them.
const (
	CodeGoalMissing      Code = "goal-missing"
	CodeUnknownGoal      Code = "unknown-goal"
	CodeGoalField        Code = "goal-in-other-field"
	CodeUnknownFieldName Code = "unknown-field-name"
	CodeUnknownActorName Code = "unknown-actor-name"
	CodeUnknownThemeName Code = "unknown-theme-name"
)

func init() {
	for c, m := range map[Code][2]string{
		CodeGoalMissing:      {"Ziel-Nr fehlt: jede Maßnahme gehört zu einem Ziel", "Ziel-Nr is missing: every measure belongs to a goal"},
		CodeUnknownGoal:      {"unbekannte Ziel-Nr „%s“: das Ziel muss in YAML oder im Blatt Ziele stehen", "unknown goal number “%s”: the goal must be defined in YAML or in the sheet Ziele"},
		CodeGoalField:        {"Ziel `%s` gehört zum Handlungsfeld „%s“, nicht zu „%s“", "goal `%s` belongs to the field of action “%s”, not to “%s”"},
		CodeUnknownFieldName: {"unbekanntes Handlungsfeld „%s“: erwartet die ID oder den genauen Titel", "unknown field of action “%s”: expected its id or exact title"},
		CodeUnknownActorName: {"unbekannter Akteur „%s“", "unknown actor “%s”"},
		CodeUnknownThemeName: {"unbekanntes Querschnittsthema „%s“", "unknown cross-cutting theme “%s”"},
	} {
		catalog[c] = m
	}
}
