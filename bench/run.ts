import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { readBenchOptions, type BenchOptions } from './args.ts';
import { lessonPageWeights } from './page-weight.ts';
import { capacitySentence, comparisonRows, comparisonTable, pageWeightTable } from './report.ts';
import { runScenarios } from './scenarios.ts';

// `npm run bench`: the workshop server and a raw `ws` floor, side by side, in one run.
const options = readOptionsOrExit();
const progress = (line: string) => {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${line}`);
  else if (!/connected$/.test(line) || line.includes('all')) process.stderr.write(`${line}\n`);
};

console.log(`Benchmark: ${options.students} students, chat at ${options.rate}/s for ${options.seconds} s, ${options.workers} load workers`);
const workshop = await runScenarios('workshop', options, progress);
const floor = await runScenarios('ws', options, progress);
if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
const pageWeight = lessonPageWeights();

console.log(`\n${comparisonTable(workshop, floor)}\n`);
if (Object.keys(pageWeight).length) console.log(`${pageWeightTable(pageWeight)}\n`);
else console.log('No built site in dist/: run `npm run build` for the page weights.\n');
const sentence = capacitySentence(options.students, workshop);
console.log(sentence);

const cpu = cpus();
const result = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpu[0]?.model ?? 'unknown',
  cores: cpu.length,
  options,
  workshop,
  ws: floor,
  ratios: Object.fromEntries(comparisonRows(workshop, floor).map(([label, a, b]) => [label, b ? Math.round((a / b) * 100) / 100 : null])),
  pageWeight,
  sentence,
};
mkdirSync(dirname(options.out), { recursive: true });
writeFileSync(options.out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nWritten to ${options.out}`);
process.exit(0);

function readOptionsOrExit(): BenchOptions {
  try {
    return readBenchOptions();
  } catch (error) {
    console.error(`\n  ${(error as Error).message}\n`);
    process.exit(1);
  }
}
