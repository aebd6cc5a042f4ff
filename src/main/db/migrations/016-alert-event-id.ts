// Alert rows are keyed by (source_kind, event_id) since migration 14, but delivery updates and looks them up by
// event_id: without this index every such statement scanned the table, so a cycle of n alerts cost O(n²)
// (10,000 alerts: ~70 s of CPU, issue 12's alert-delivery row).
export default `
CREATE INDEX alert_events_event_id ON alert_events (event_id);
`
