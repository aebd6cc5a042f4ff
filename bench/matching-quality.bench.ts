// Precision and recall of confident customer suggestions on the labelled sets, written to
// bench/matching-quality.md (committed, so a change in quality shows in review) and printed.
// Run: npm run bench quality (or npx tsx bench/matching-quality.bench.ts). The figures are deterministic.
import { writeFileSync } from 'node:fs'
import { suggestMatches } from '../src/main/customers/suggest'
import { evaluate, type Figures } from '../tests/fixtures/customers/labelled/evaluate'
import { loadRegression } from '../tests/fixtures/customers/labelled/regression'
import { loadLabelled } from '../tests/fixtures/customers/labelled/split'

const all = loadLabelled()
const sets = [
  { name: 'tune split', records: all.filter((r) => r.split === 'tune') },
  { name: 'test split', records: all.filter((r) => r.split === 'test') },
  { name: 'regression (hand set)', records: loadRegression() }
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
