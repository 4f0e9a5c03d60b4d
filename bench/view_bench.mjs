// How fast kg view pages open in Debian's Chromium (headless): for each
// HTML file, the seconds from navigation until the first drawing is on
// screen, and the page's own timing of its steps. With --screenshots DIR,
// also saves what was drawn. Make pages with `kg view`; a graph of 10,000
// entities and 30,000 relations opens in under 5 s on the development
// machine when it is not otherwise busy.
//
//   KG_NODE_MODULES=build/release/web/node_modules \
//     node bench/view_bench.mjs [--screenshots DIR] PAGE.html...
import { basename, join, resolve } from 'node:path';
import { launch, open } from '../tests/browser/chromium.mjs';

const args = process.argv.slice(2);
let screenshots = null;
if (args[0] === '--screenshots') { screenshots = args[1]; args.splice(0, 2); }
const browser = await launch();
try {
  for (const file of args) {
    const { page, seconds, errors } = await open(browser.context, resolve(file));
    const info = await page.evaluate(() => ({
      timing: window.kgView.timing,
      entities: window.kgView.data.nodes.length,
      relations: window.kgView.data.links.length,
      drawn: window.kgView.cy.nodes().length,
      drawnRelations: window.kgView.cy.edges().length,
    }));
    const t = info.timing;
    console.log(`${basename(file)}: ${info.entities} entities, ${info.relations} relations; ` +
      `${info.drawn} entities and ${info.drawnRelations} relations drawn; ` +
      `open ${seconds.toFixed(2)} s (script ready at ${((t.start + t.ready) / 1000).toFixed(2)} s)` +
      (errors.length ? `; console errors: ${errors.join(' | ')}` : ''));
    if (screenshots) await page.screenshot({ path: join(screenshots, basename(file).replace(/\.html$/, '.png')) });
    await page.close();
  }
} finally {
  await browser.close();
}
