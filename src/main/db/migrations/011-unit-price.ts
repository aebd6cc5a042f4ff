// A billing mapping's unit price, synced like its unit cost (issue 10 #2). Text, like unit_cost, so an amount is
// never rounded through a float column; NULL = the mapping leaves the PSA's price alone.
export default `
ALTER TABLE billing_mappings ADD COLUMN unit_price TEXT;
`
