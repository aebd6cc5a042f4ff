// Billing mappings carry the source of their org (issue 15): a PSA customer mapped from a JumpCloud org and from a
// SaaS Alerts org bills each on its own line, and org ids of two sources never meet. Existing rows are JumpCloud's,
// the only source that billed before.
export default `
ALTER TABLE billing_mappings ADD COLUMN source_kind TEXT NOT NULL DEFAULT 'jumpcloud';
CREATE INDEX billing_mappings_source_org ON billing_mappings (source_kind, org_id);
`
