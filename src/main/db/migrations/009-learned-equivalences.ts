// Word equivalences learned from the admin's own mappings ("Chiro" = "Chiropractic" after an org "Hartley Chiro" was
// mapped to "Hartley Chiropractic"). Words, not ids: they hold for every PSA. The mapping that taught each one is
// kept by name so the list can say where it came from; removing an entry only stops its use.
export default `
CREATE TABLE learned_equivalences (
  word_a TEXT NOT NULL,
  word_b TEXT NOT NULL,
  shown_a TEXT NOT NULL,
  shown_b TEXT NOT NULL,
  org_name TEXT NOT NULL,
  customer_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (word_a, word_b),
  CHECK (word_a < word_b)
);
`
