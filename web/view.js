// kg view: the graph of graph.json drawn with Cytoscape.js, with filters,
// search by any name, a neighbourhood focus, and the evidence of every
// relation one click away. Everything it needs is inlined in this file.
(function () {
  'use strict';
  const timing = { start: performance.now() };  // milliseconds per step, for the benchmark
  const data = JSON.parse(document.getElementById('kg-data').textContent);
  timing.parse = performance.now() - timing.start;
  const TYPE_STYLE = {
    PERSON: { shape: 'ellipse', fill: '#dbe9ff', border: '#3b6fb6', name: 'person' },
    ORGANIZATION: { shape: 'round-rectangle', fill: '#fff1c2', border: '#b8860b', name: 'organization' },
    LOCATION: { shape: 'hexagon', fill: '#d9f2d9', border: '#2e7d32', name: 'place' },
  };
  const KIND_COLOR = { hostile: '#c62828', cooperative: '#2e7d32', pressure: '#ef6c00', role: '#8d8d8d', neutral: '#455a64' };
  const STATUSES = ['asserted', 'negated', 'hypothetical'];
  const large = data.links.length > 3000 || data.nodes.length > 3000;

  const predicateInfo = (p) => data.predicates[p] || { kind: 'neutral', symmetric: false };
  const esc = (text) => String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const relationText = (link) => {
    const p = link.predicate;
    return link.status === 'negated' ? 'not ' + p : link.status === 'hypothetical' ? p + '?' : p;
  };

  // ---- elements, made when first shown: drawn entities have positions
  // from the layout. Cytoscape holds at most MAX_NODES entities and
  // MAX_EDGES relations at a time (the most connected first), so a graph
  // of any size opens and pans quickly; filters and focus choose others.
  const MAX_NODES = 1500, MAX_EDGES = 3000;
  const nodeElement = (i) => {
    const node = data.nodes[i];
    return {
      group: 'nodes',
      data: {
        id: 'n' + i, index: i, label: node.label, size: node.size,
        shape: TYPE_STYLE[node.type].shape, fill: TYPE_STYLE[node.type].fill, border: TYPE_STYLE[node.type].border,
        // Important entities get larger labels, which stay readable when
        // zoomed out while the others hide (min-zoomed-font-size).
        font: Math.round(8 + node.size / 3),
      },
      position: { x: node.x, y: -node.y },
    };
  };
  const edgeElement = (i) => {
    const link = data.links[i];
    const info = predicateInfo(link.predicate);
    return {
      group: 'edges',
      data: {
        id: 'e' + i, index: i, source: 'n' + link.source, target: 'n' + link.target,
        label: relationText(link) + (link.weight > 1 ? ' (' + link.weight + ')' : ''),
        color: KIND_COLOR[info.kind] || KIND_COLOR.neutral,
        width: Math.min(1 + Math.log2(Math.max(link.weight, 1)), 6),
        line: link.status === 'negated' || (info.kind === 'role' && link.status === 'asserted') ? 'dashed' : link.status === 'hypothetical' ? 'dotted' : 'solid',
        arrow: info.symmetric ? 'none' : 'triangle',
        arrowFill: info.kind === 'role' ? 'hollow' : 'filled',
      },
    };
  };

  const cy = cytoscape({
    container: document.getElementById('graph'),
    layout: { name: 'preset' },
    wheelSensitivity: 0.3,
    minZoom: 0.02,
    maxZoom: 6,
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    pixelRatio: large ? 1 : 'auto',
    style: [
      { selector: 'node', style: {
        'shape': 'data(shape)', 'background-color': 'data(fill)', 'border-color': 'data(border)',
        'border-width': 1.5, 'width': 'data(size)', 'height': 'data(size)',
        'label': 'data(label)', 'font-size': 'data(font)',
        'text-valign': 'bottom', 'text-margin-y': 3, 'color': '#222',
        'text-outline-color': 'white', 'text-outline-width': large ? 0 : 2,
        'min-zoomed-font-size': 9,
      } },
      { selector: 'edge', style: {
        'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'width': 'data(width)',
        'line-style': 'data(line)', 'target-arrow-shape': 'data(arrow)', 'target-arrow-fill': 'data(arrowFill)',
        'curve-style': large ? 'haystack' : 'bezier', 'opacity': 0.8,
      } },
      // Edge labels only where they can be read: small graphs, or selected.
      { selector: large ? 'edge:selected' : 'edge', style: {
        'label': 'data(label)', 'font-size': 8, 'color': 'data(color)', 'text-rotation': 'autorotate',
        'text-outline-color': 'white', 'text-outline-width': 2, 'min-zoomed-font-size': 10,
      } },
      { selector: ':selected', style: { 'overlay-color': '#1a5fb4', 'overlay-opacity': 0.25, 'overlay-padding': 4 } },
      { selector: '.hidden', style: { 'display': 'none' } },
    ],
  });
  timing.cytoscape = performance.now() - timing.start;
  window.kgView = { cy, data, ready: false, timing };

  // ---- controls
  const $ = (id) => document.getElementById(id);
  $('title').textContent = data.title;
  document.title = data.title;
  const drawn = data.nodes.filter((n) => n.x !== undefined).length;
  $('summary').textContent = data.nodes.length.toLocaleString('en') + ' entities (' + drawn.toLocaleString('en') +
    ' with relations drawn), ' + data.links.length.toLocaleString('en') + ' relations, ' +
    data.documents.length.toLocaleString('en') + ' documents';

  const checkbox = (container, value, text, color) => {
    const label = document.createElement('label');
    label.innerHTML = '<input type="checkbox" checked value="' + esc(value) + '"> ' +
      (color ? '<span class="swatch" style="background:' + color + '"></span>' : '') + esc(text);
    container.appendChild(label);
    return label.firstChild;
  };
  for (const [type, style] of Object.entries(TYPE_STYLE)) checkbox($('type-filters'), type, style.name, style.fill);
  for (const status of STATUSES) checkbox($('status-filters'), status, status);
  const predicateCounts = {};
  for (const link of data.links) predicateCounts[link.predicate] = (predicateCounts[link.predicate] || 0) + 1;
  for (const p of Object.keys(predicateCounts).sort()) {
    checkbox($('predicate-filters'), p, p + ' (' + predicateCounts[p] + ')', KIND_COLOR[predicateInfo(p).kind]);
  }
  data.documents.forEach((doc, i) => {
    const option = document.createElement('option');
    option.value = String(i);
    option.textContent = doc.title || doc.id;
    $('document').appendChild(option);
  });
  const maxWeight = data.links.reduce((m, l) => Math.max(m, l.weight), 1);
  $('min-weight').max = String(Math.max(2, Math.min(maxWeight, 50)));

  // Names for search: every alias and label, lower-cased, to node indexes.
  const byName = new Map();
  data.nodes.forEach((node, i) => {
    for (const name of [node.label, ...node.aliases]) {
      const key = name.toLowerCase();
      if (!byName.has(key)) byName.set(key, []);
      if (!byName.get(key).includes(i)) byName.get(key).push(i);
    }
  });
  const names = document.createDocumentFragment();
  for (const name of [...new Set(data.nodes.flatMap((n) => [n.label, ...n.aliases]))].sort().slice(0, 10000)) {
    const option = document.createElement('option');
    option.value = name;
    names.appendChild(option);
  }
  $('names').appendChild(names);

  // ---- filtering: what is visible follows every control at once.
  let focus = null;  // node index
  const checked = (id) => new Set([...$(id).querySelectorAll('input:checked')].map((i) => i.value));
  function applyFilters() {
    const types = checked('type-filters'), statuses = checked('status-filters'), predicates = checked('predicate-filters');
    const minWeight = Number($('min-weight').value);
    const doc = $('document').value === '' ? null : Number($('document').value);
    const hops = Number($('hops').value);
    $('min-weight-value').textContent = String(minWeight);
    $('hops-value').textContent = hops === 0 || focus === null ? 'off' : String(hops);
    const nodeOk = (i) => types.has(data.nodes[i].type) && (doc === null || data.nodes[i].documents.includes(doc));
    const edgeOk = (link) => statuses.has(link.status) && predicates.has(link.predicate) && link.weight >= minWeight &&
      (doc === null || link.evidence.some((ev) => ev.document === doc)) && nodeOk(link.source) && nodeOk(link.target);
    // Breadth-first over the relations that pass, from the focus.
    let near = null;
    if (focus !== null && hops > 0) {
      near = new Map([[focus, 0]]);
      let frontier = [focus];
      const adjacency = neighbours();
      for (let h = 1; h <= hops && frontier.length; ++h) {
        const next = [];
        for (const n of frontier) for (const [m, li] of adjacency[n]) {
          if (!near.has(m) && edgeOk(data.links[li])) { near.set(m, h); next.push(m); }
        }
        frontier = next;
      }
    }
    let edges = [];
    data.links.forEach((link, li) => {
      if (edgeOk(link) && (near === null || (near.has(link.source) && near.has(link.target)))) edges.push(li);
    });
    let nodes = new Set();
    for (const li of edges) { nodes.add(data.links[li].source); nodes.add(data.links[li].target); }
    if (near !== null && data.nodes[focus].x !== undefined) nodes.add(focus);
    // Level of detail: the most connected entities, then their heaviest relations.
    const total = nodes.size;
    if (nodes.size > MAX_NODES) {
      nodes = new Set([...nodes].sort((a, b) => data.nodes[b].size - data.nodes[a].size || a - b).slice(0, MAX_NODES));
      edges = edges.filter((li) => nodes.has(data.links[li].source) && nodes.has(data.links[li].target));
    }
    if (edges.length > MAX_EDGES) edges = edges.sort((a, b) => data.links[b].weight - data.links[a].weight || a - b).slice(0, MAX_EDGES);
    $('lod').textContent = nodes.size < total ? 'showing the ' + nodes.size.toLocaleString('en') + ' most connected of ' +
      total.toLocaleString('en') + ' entities; filter or focus to see others' : '';
    $('lod').hidden = nodes.size >= total;
    sync(nodes, new Set(edges));
    if (near !== null) {
      // A neighbourhood is drawn in rings around its entity, by distance.
      cy.layout({
        name: 'concentric', animate: false, minNodeSpacing: 70, avoidOverlap: true,
        concentric: (n) => hops - near.get(n.data('index')), levelWidth: () => 1,
      }).run();
      cy.fit(cy.elements(), 40);
    } else if (moved) {
      cy.nodes().positions((n) => ({ x: data.nodes[n.data('index')].x, y: -data.nodes[n.data('index')].y }));
    }
    moved = near !== null;
  }
  let moved = false;  // positions changed by a neighbourhood layout
  // Makes Cytoscape hold exactly these entities and relations.
  function sync(nodes, edges) {
    cy.batch(() => {
      cy.elements().forEach((element) => {
        const i = element.data('index');
        if (element.isNode() ? !nodes.has(i) : !edges.has(i)) element.remove();
      });
      const add = [];
      for (const i of nodes) if (cy.getElementById('n' + i).empty()) add.push(nodeElement(i));
      for (const i of edges) if (cy.getElementById('e' + i).empty()) add.push(edgeElement(i));
      cy.add(add);
    });
  }
  let adjacencyCache = null;
  function neighbours() {
    if (adjacencyCache) return adjacencyCache;
    adjacencyCache = data.nodes.map(() => []);
    data.links.forEach((link, i) => {
      adjacencyCache[link.source].push([link.target, i]);
      adjacencyCache[link.target].push([link.source, i]);
    });
    return adjacencyCache;
  }
  for (const id of ['type-filters', 'status-filters', 'predicate-filters']) $(id).addEventListener('change', applyFilters);
  for (const id of ['min-weight', 'hops']) $(id).addEventListener('input', applyFilters);
  $('document').addEventListener('change', applyFilters);
  $('predicates-all').addEventListener('click', () => { $('predicate-filters').querySelectorAll('input').forEach((i) => { i.checked = true; }); applyFilters(); });
  $('predicates-none').addEventListener('click', () => { $('predicate-filters').querySelectorAll('input').forEach((i) => { i.checked = false; }); applyFilters(); });
  $('fit').addEventListener('click', () => cy.fit(cy.elements(':visible'), 30));

  // ---- details
  const details = $('details');
  const entityLink = (i) => '<a class="entity" data-node="' + i + '">' + esc(data.nodes[i].label) + '</a>';
  const docTitle = (d) => esc(data.documents[d].title || data.documents[d].id);

  // Byte offsets (UTF-8) within the sentence to string indexes.
  const encoder = new TextEncoder(), decoder = new TextDecoder();
  function highlight(sentence, triggers, names) {
    const bytes = encoder.encode(sentence);
    const marks = [];  // [start, end, class] in string indexes
    for (const [b, e] of triggers || []) {
      if (b < 0 || e > bytes.length || b >= e) continue;
      const start = decoder.decode(bytes.subarray(0, b)).length;
      marks.push([start, start + decoder.decode(bytes.subarray(b, e)).length, 'trigger']);
    }
    const lower = sentence.toLowerCase();
    for (const name of names) {
      if (name.length < 2) continue;
      for (let at = lower.indexOf(name.toLowerCase()); at >= 0; at = lower.indexOf(name.toLowerCase(), at + 1)) {
        marks.push([at, at + name.length, 'entity']);
      }
    }
    marks.sort((a, b) => a[0] - b[0] || (b[1] - b[0]) - (a[1] - a[0]));
    let out = '', pos = 0;
    for (const [start, end, cls] of marks) {
      if (start < pos) continue;  // overlaps an earlier mark
      out += esc(sentence.slice(pos, start)) + '<mark class="' + cls + '">' + esc(sentence.slice(start, end)) + '</mark>';
      pos = end;
    }
    return out + esc(sentence.slice(pos));
  }

  function showEntity(i) {
    const node = data.nodes[i];
    const relations = neighbours()[i].map(([, li]) => li).sort((a, b) => data.links[b].weight - data.links[a].weight);
    let html = '<h2>' + esc(node.label) + '</h2><span class="type type-' + node.type + '">' + TYPE_STYLE[node.type].name + '</span>' +
      ' <span class="hint">' + node.mentions + ' mentions</span>';
    html += '<h3>Names</h3><ul>' + [node.label, ...node.aliases.filter((a) => a !== node.label)].map((a) => '<li>' + esc(a) + '</li>').join('') + '</ul>';
    html += '<h3>Relations (' + relations.length + ')</h3><ul>' + relations.map((li) => {
      const link = data.links[li];
      return '<li>' + entityLink(link.source) + ' <a class="relation" data-link="' + li + '">' + esc(relationText(link)) + '</a> ' +
        entityLink(link.target) + (link.weight > 1 ? ' (' + link.weight + ')' : '') + '</li>';
    }).join('') + '</ul>';
    html += '<h3>Documents (' + node.documents.length + ')</h3><ul>' + node.documents.map((d) => '<li>' + docTitle(d) + '</li>').join('') + '</ul>';
    details.innerHTML = html;
    focus = i;
    $('focus-name').textContent = node.label;
    if (Number($('hops').value) > 0) applyFilters();
  }

  function showRelation(li) {
    const link = data.links[li];
    const names = [data.nodes[link.source], data.nodes[link.target]].flatMap((n) => [n.label, ...n.aliases]);
    let html = '<h2>' + entityLink(link.source) + ' <span class="status-' + link.status + '">' + esc(relationText(link)) + '</span> ' +
      entityLink(link.target) + '</h2>';
    html += '<p>status: <b class="status-' + link.status + '">' + link.status + '</b>, found ' + link.weight + ' time' + (link.weight === 1 ? '' : 's') +
      (predicateInfo(link.predicate).symmetric ? ' (symmetric)' : '') + '</p>';
    html += '<h3>Evidence (' + link.evidence.length + ')</h3>' + link.evidence.map((ev) =>
      '<div class="evidence"><div class="source">' + docTitle(ev.document) + '</div><div class="sentence">' +
      highlight(ev.sentence, ev.triggers, names) + '</div></div>').join('');
    if (link.evidence.length < link.weight) html += '<p class="hint">' + (link.weight - link.evidence.length) + ' more not kept (--max-evidence).</p>';
    details.innerHTML = html;
  }

  // An entity left out by the level of detail is drawn with its neighbourhood.
  function reveal(i) {
    if (data.nodes[i].x === undefined || cy.getElementById('n' + i).nonempty()) return;
    if (Number($('hops').value) === 0) $('hops').value = '1';
    applyFilters();
  }

  function select(element) {
    cy.elements().unselect();
    element.select();
  }
  details.addEventListener('click', (event) => {
    const target = event.target.closest('a');
    if (!target) return;
    if (target.dataset.node !== undefined) {
      const i = Number(target.dataset.node);
      showEntity(i);
      reveal(i);
      const n = cy.getElementById('n' + i);
      if (n.nonempty()) { select(n); cy.center(n); }
    } else if (target.dataset.link !== undefined) {
      const li = Number(target.dataset.link);
      showRelation(li);
      select(cy.getElementById('e' + li));
    }
  });
  cy.on('tap', 'node', (event) => showEntity(event.target.data('index')));
  cy.on('tap', 'edge', (event) => showRelation(event.target.data('index')));

  function search() {
    const query = $('search').value.trim().toLowerCase();
    if (!query) return;
    let found = byName.get(query);
    if (!found) {
      // Otherwise the first name that contains the query.
      for (const [name, nodes] of byName) if (name.includes(query)) { found = nodes; break; }
    }
    if (!found) { $('search-result').textContent = 'no entity is called "' + $('search').value + '"'; return; }
    $('search-result').textContent = '';
    const i = found[0];
    showEntity(i);
    reveal(i);
    const n = cy.getElementById('n' + i);
    if (n.nonempty()) {
      select(n);
      if (!moved) cy.fit(n.closedNeighborhood(), 60);
    }
  }
  $('search').addEventListener('change', search);
  $('search').addEventListener('keydown', (event) => { if (event.key === 'Enter') search(); });

  applyFilters();
  cy.ready(() => {
    cy.fit(undefined, 30);
    timing.ready = performance.now() - timing.start;
    window.kgView.ready = true;
  });
})();
