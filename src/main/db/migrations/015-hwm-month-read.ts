// Reading every HWM of a month (Billing screen, each saveBillingMapping, each run) groups by source and metric: on the
// primary key (month, source, org, metric) SQLite scanned the wide rows and sorted 10,000 of them in a temp B-tree.
// This index is in group order and holds every column the read needs: 10.8 → 4.2 ms CPU at 5,000 orgs (issue 12).
export default `
CREATE INDEX usage_hwm_months_read ON usage_hwm_months (month, source_kind, metric, org_id, hwm);
`
