// The HTML view in a real browser (Debian's Chromium, headless): built
// from samples/ by kg, it loads without console errors, draws every entity
// that has a relation, shows a relation's evidence sentence when the
// relation is clicked, and finds an entity by one of its other names.
//
//   KG_BINARY=build/release/app/kg KG_NODE_MODULES=build/release/web/node_modules \
//     node --test tests/browser/view_test.mjs
// KG_SCREENSHOTS=DIR also saves what the browser showed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, open } from './chromium.mjs';

const source = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const kg = process.env.KG_BINARY;
const screenshots = process.env.KG_SCREENSHOTS;
let dir, graph, html, browser, page, errors;

before(async () => {
  assert.ok(kg, 'KG_BINARY must name the kg binary');
  dir = mkdtempSync(join(tmpdir(), 'kg-view-test-'));
  execFileSync(kg, ['build', join(source, 'samples'), '-q', '-o', join(dir, 'graph.json'), '--html', join(dir, 'built.html')]);
  execFileSync(kg, ['view', join(dir, 'graph.json'), '-q', '-o', join(dir, 'graph.html'), '--title', 'samples']);
  graph = JSON.parse(readFileSync(join(dir, 'graph.json'), 'utf8'));
  html = readFileSync(join(dir, 'graph.html'), 'utf8');
  browser = await launch();
  ({ page, errors } = await open(browser.context, join(dir, 'graph.html')));
});

after(async () => {
  if (browser) await browser.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const shot = async (name) => { if (screenshots) await page.screenshot({ path: join(screenshots, name) }); };

test('the page is self-contained: no file or address outside it is loaded', () => {
  assert.doesNotMatch(html, /<script[^>]+src=/i);
  assert.doesNotMatch(html, /<link[^>]+href=/i);
  assert.match(html, /Cytoscape Consortium/);  // the library is inlined
  assert.equal(readFileSync(join(dir, 'built.html'), 'utf8').length > 100000, true);
});

test('it loads without console errors and draws every entity that has a relation', async () => {
  assert.deepEqual(errors, []);
  const linked = new Set(graph.links.flatMap((link) => [link.source, link.target]));
  const drawn = await page.evaluate(() => window.kgView.cy.nodes().map((n) => window.kgView.data.nodes[n.data('index')].id));
  assert.equal(drawn.length, linked.size);
  assert.deepEqual(new Set(drawn), linked);
  assert.equal(await page.evaluate(() => window.kgView.cy.edges().length), graph.links.length);
  await shot('samples-view.png');
});

test('clicking a relation shows its evidence sentence with the document title', async () => {
  // A relation with evidence, found in the graph file, and clicked where
  // the browser drew it.
  const index = graph.links.findIndex((link) => link.evidence.length > 0 && link.source !== link.target);
  const link = graph.links[index];
  const point = await page.evaluate((i) => {
    const edge = window.kgView.cy.getElementById('e' + i);
    window.kgView.cy.fit(edge, 150);
    return edge.renderedMidpoint();
  }, index);
  const box = await page.locator('#graph').boundingBox();
  await page.mouse.click(box.x + point.x, box.y + point.y);
  const details = await page.locator('#details').innerText();
  const sentence = link.evidence[0].sentence.replace(/\s+/g, ' ');
  assert.ok(details.replace(/\s+/g, ' ').includes(sentence), details);
  const title = graph.graph.documents.find((d) => d.id === link.evidence[0].document).title;
  assert.ok(details.includes(title), details);
  assert.ok(details.includes(link.status), details);
  // The two entities' names are marked in the sentence.
  assert.ok(await page.locator('#details mark.entity').count() >= 1);
  await shot('samples-relation.png');
});

test('search finds an entity by another of its names', async () => {
  // An entity that is drawn (it has a relation) and has a name its label
  // does not contain.
  const linked = new Set(graph.links.flatMap((link) => [link.source, link.target]));
  const node = graph.nodes.find((n) => linked.has(n.id) && n.aliases.some((a) => !n.label.includes(a) && a.length > 3)) ||
    graph.nodes.find((n) => linked.has(n.id) && n.aliases.some((a) => a !== n.label));
  const alias = node.aliases.find((a) => a !== node.label && !node.label.includes(a)) || node.aliases.find((a) => a !== node.label);
  await page.fill('#search', alias.toLowerCase());
  await page.press('#search', 'Enter');
  assert.equal(await page.locator('#details h2').innerText(), node.label);
  const selected = await page.evaluate(() => window.kgView.cy.nodes(':selected').map((n) => n.data('label')));
  assert.deepEqual(selected, [node.label]);
  await page.fill('#search', 'no such entity anywhere');
  await page.press('#search', 'Enter');
  assert.match(await page.locator('#search-result').innerText(), /no entity/);
});

test('filters and the neighbourhood focus change what is drawn', async () => {
  const all = await page.evaluate(() => window.kgView.cy.nodes().length);
  await page.uncheck('#type-filters input[value="LOCATION"]');
  const places = await page.evaluate(() => window.kgView.cy.nodes().filter((n) => window.kgView.data.nodes[n.data('index')].type === 'LOCATION').length);
  assert.equal(places, 0);
  await page.check('#type-filters input[value="LOCATION"]');
  assert.equal(await page.evaluate(() => window.kgView.cy.nodes().length), all);
  // Focus: the entity with most relations, one hop.
  const degree = new Map();
  for (const l of graph.links) for (const id of [l.source, l.target]) degree.set(id, (degree.get(id) || 0) + 1);
  const [hub] = [...degree.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  const label = graph.nodes.find((n) => n.id === hub).label;
  await page.fill('#search', label);
  await page.press('#search', 'Enter');
  await page.locator('#hops').fill('1');
  const near = new Set([hub]);
  for (const l of graph.links) {
    if (l.source === hub) near.add(l.target);
    if (l.target === hub) near.add(l.source);
  }
  const drawn = await page.evaluate(() => window.kgView.cy.nodes().map((n) => window.kgView.data.nodes[n.data('index')].id));
  assert.deepEqual(new Set(drawn), near);
  await shot('samples-focus.png');
});
