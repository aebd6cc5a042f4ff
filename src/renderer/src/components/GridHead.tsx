export interface GridColumn {
  label: string
  /** Right-aligned numbers. */
  num?: boolean
  /** A column of row buttons: named for screen readers, not shown. */
  hidden?: boolean
}

/** The header row of a `.grid` table. */
export function GridHead({ columns }: { columns: readonly GridColumn[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c.label} scope="col" className={c.num ? 'num' : undefined}>
            {c.hidden ? <span className="visually-hidden">{c.label}</span> : c.label}
          </th>
        ))}
      </tr>
    </thead>
  )
}
