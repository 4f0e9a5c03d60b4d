// How fast kg view pages open in Debian's Chromium (headless): for each
// HTML file, RUNS fresh pages in one browser, each timed from navigation
// until the first drawing is on screen; prints the median time on the
// clock, the median processor time all of Chromium's processes used for
// it (steadier on a shared machine), and the page's own timing of its
// steps. Make pages with `kg view`; a graph of 10,000 entities and 30,000
// relations should open in under 5 s.
//
//   KG_NODE_MODULES=build/release/web/node_modules \
//     node bench/view_bench.mjs [--runs N] [--screenshots DIR] [--trace DIR] PAGE.html...
//
// --trace DIR records a DevTools performance trace of the first run of
// each page (open DIR/PAGE.json in Chrome's Performance panel) and prints
// where the renderer's main thread spent its time.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { launch, open } from '../tests/browser/chromium.mjs';

const args = process.argv.slice(2);
let screenshots = null, traces = null, runs = 5;
for (;;) {
  if (args[0] === '--screenshots') { screenshots = args[1]; args.splice(0, 2); }
  else if (args[0] === '--trace') { traces = args[1]; args.splice(0, 2); }
  else if (args[0] === '--runs') { runs = Math.max(1, Number(args[1])); args.splice(0, 2); }
  else break;
}

// Processor seconds (user + system) used so far by each process descended
// from this one: the browser and its helpers, by pid.
const ticks = Number(execFileSync('getconf', ['CLK_TCK']).toString());
function chromiumSeconds() {
  const parent = new Map(), used = new Map();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat;
    try { stat = readFileSync(`/proc/${pid}/stat`, 'utf8'); } catch { continue; }  // it ended
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parent.set(Number(pid), Number(fields[1]));
    used.set(Number(pid), (Number(fields[11]) + Number(fields[12])) / ticks);
  }
  const ours = new Map();
  for (const [pid, seconds] of used) {
    for (let p = parent.get(pid); p; p = parent.get(p)) {
      if (p === process.pid) { ours.set(pid, seconds); break; }
    }
  }
  return ours;
}
// What the processes alive at `after` used since `before` (a process that
// started in between counts from zero: the page's renderer often does).
const usedSince = (before, after) =>
  [...after].reduce((sum, [pid, seconds]) => sum + seconds - (before.get(pid) || 0), 0);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Where the page's renderer main thread spent its time: self time (an
// event's duration less that of the events inside it) by event name.
function summarize(events) {
  const mains = events.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const count = (m) => events.filter((e) => e.pid === m.pid && e.tid === m.tid).length;
  const main = mains.sort((a, b) => count(b) - count(a))[0];
  if (!main) return '    (no renderer main thread in the trace)';
  const spans = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur > 0)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];  // open events: {name, end, children}
  const close = (until) => {
    while (stack.length && stack[stack.length - 1].end <= until) {
      const e = stack.pop();
      self.set(e.name, (self.get(e.name) || 0) + (e.end - e.start - e.children) / 1000);
    }
  };
  for (const e of spans) {
    close(e.ts);
    if (stack.length) stack[stack.length - 1].children += e.dur;
    stack.push({ name: e.name, start: e.ts, end: e.ts + e.dur, children: 0 });
  }
  close(Infinity);
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)
    .map(([name, ms]) => `    ${ms.toFixed(0).padStart(7)} ms  ${name}`).join('\n');
}

async function startTrace(page) {
  const session = await page.context().newCDPSession(page);
  const events = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
  await session.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink,__metadata',
    transferMode: 'ReportEvents',
  });
  return async () => { await session.send('Tracing.end'); await done; return events; };
}

const browser = await launch();
try {
  for (const file of args) {
    const clock = [], cpu = [];
    let info = null, errors = [];
    for (let run = 0; run < runs; ++run) {
      let stopTrace = null;
      const before = chromiumSeconds();
      const opened = await open(browser.context, resolve(file),
        traces && run === 0 ? async (page) => { stopTrace = await startTrace(page); } : null);
      cpu.push(usedSince(before, chromiumSeconds()));
      clock.push(opened.seconds);
      errors = opened.errors;
      const page = opened.page;
      if (stopTrace) {
        const events = await stopTrace();
        const out = join(traces, basename(file).replace(/\.html$/, '.json'));
        writeFileSync(out, JSON.stringify({ traceEvents: events }));
        console.log(`${basename(file)}: trace in ${out}; renderer main thread:\n${summarize(events)}`);
      }
      info = await page.evaluate(() => ({
        timing: window.kgView.timing,
        entities: window.kgView.data.nodes.length,
        relations: window.kgView.data.links.length,
        drawn: window.kgView.cy.nodes().length,
        drawnRelations: window.kgView.cy.edges().length,
      }));
      if (screenshots && run === 0) await page.screenshot({ path: join(screenshots, basename(file).replace(/\.html$/, '.png')) });
      await page.close();
    }
    const t = info.timing;
    console.log(`${basename(file)}: ${info.entities} entities, ${info.relations} relations; ` +
      `${info.drawn} entities and ${info.drawnRelations} relations drawn; ` +
      `open in ${median(clock).toFixed(2)} s (median of ${runs}: ${clock.map((s) => s.toFixed(2)).join(' ')}), ` +
      `Chromium processor time ${median(cpu).toFixed(2)} s; ` +
      `last run: script started ${(t.start / 1000).toFixed(2)} s, data parsed +${(t.parse / 1000).toFixed(2)} s, ` +
      `ready +${(t.ready / 1000).toFixed(2)} s` +
      (errors.length ? `; console errors: ${errors.join(' | ')}` : ''));
  }
} finally {
  await browser.close();
}
