// Precision and recall of confident customer suggestions on the labelled sets, written to
// bench/matching-quality.md (committed, so a change in quality shows in review) and printed.
// Run: npm run bench quality (or npx tsx bench/matching-quality.bench.ts). The figures are deterministic (one run),
// so each set is one row of bench/RESULTS.md (benchRow) against the targets the unit tests hold.
import { writeFileSync } from 'node:fs'
import { suggestMatches } from '../src/main/customers/suggest'
import { evaluate, type Figures } from '../tests/fixtures/customers/labelled/evaluate'
import { loadRegression } from '../tests/fixtures/customers/labelled/regression'
import { loadLabelled } from '../tests/fixtures/customers/labelled/split'
import { benchRow } from './report'

const all = loadLabelled()
const sets = [
  // Targets: the ones tests/unit/customers/labelled*.test.ts hold (the large set's for both of its splits).
  { name: 'tune split', records: all.filter((r) => r.split === 'tune'), precision: 0.98, recall: 0.9 },
  { name: 'test split', records: all.filter((r) => r.split === 'test'), precision: 0.98, recall: 0.9 },
  { name: 'regression (hand set)', records: loadRegression(), precision: 0.99, recall: 0.85 }
]
const rows = sets.map((s) => ({ ...s, f: evaluate(s.records, (o, c) => suggestMatches(o, c)) }))
const line = (name: string, negatives: number, f: Figures) =>
  `| ${name} | ${f.truePairs} | ${negatives} | ${f.confident} | ${f.right} | ${f.wrong} | ` +
  `${f.precision.toFixed(3)} | ${f.recall.toFixed(3)} |`
const table = [
  '| set | true pairs | hard negatives | confident | right | wrong | precision | recall |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => line(r.name, r.records.filter((x) => !x.same).length, r.f))
].join('\n')
const doc = `# Customer matching quality

Written by \`bench/matching-quality.bench.ts\` (\`npm run bench quality\`). Confident suggestions only; each set is
matched as one list. The large set and how it was made: \`tests/fixtures/customers/labelled/README.md\`.

${table}
`
writeFileSync(new URL('./matching-quality.md', import.meta.url), doc)
console.log(table)
for (const r of rows)
  benchRow({
    what: `confident customer suggestions, ${r.name}: precision / recall`,
    target: `precision ≥ ${r.precision}, recall ≥ ${r.recall}`,
    measured: `${r.f.precision.toFixed(3)} / ${r.f.recall.toFixed(3)} (${r.f.right} right, ${r.f.wrong} wrong of ${r.f.truePairs} true pairs; deterministic, one run)`,
    met: r.f.precision >= r.precision && r.f.recall >= r.recall
  })
