// The benchmark queries of bench/graph_bench.cpp in Kuzu (an embedded
// Cypher database), on the CSV files kg_graph_bench --kuzu-csv DIR writes:
//
//   cd bench/kuzu && npm install
//   node kuzu_bench.mjs load DIR DB     # once: create the database, COPY the CSVs
//   node kuzu_bench.mjs run DB [RUNS]   # open time, each query's median time, peak memory
//
// Queries are written as one would in Kuzu (walk semantics for the 2-hop
// neighbourhood; kg walks trails and leaves the start out, so its count can
// differ by one). Each query runs in this process after one warm-up run.
import kuzu from "kuzu";

const [mode, a, b] = process.argv.slice(2);
const now = () => Number(process.hrtime.bigint()) / 1e6;

async function all(conn, query) {
  const result = await conn.query(query);
  return result.getAll();
}

if (mode === "load") {
  const start = now();
  const db = new kuzu.Database(b);
  const conn = new kuzu.Connection(db);
  await all(conn, "CREATE NODE TABLE Entity(id STRING PRIMARY KEY, label STRING, type STRING, mentions INT64)");
  await all(conn, "CREATE REL TABLE Rel(FROM Entity TO Entity, predicate STRING, status STRING, weight INT64, eid INT64)");
  await all(conn, `COPY Entity FROM '${a}/entities.csv' (HEADER=false)`);
  await all(conn, `COPY Rel FROM '${a}/relations.csv' (HEADER=false)`);
  console.log(`loaded in ${((now() - start) / 1000).toFixed(1)} s`);
} else if (mode === "run") {
  const runs = Number(b ?? 5);
  let start = now();
  const cpuOpen = process.cpuUsage();
  const db = new kuzu.Database(a);
  const conn = new kuzu.Connection(db);
  await all(conn, "MATCH (a:Entity) WHERE a.id = 'e0' RETURN a.label");
  const openCpu = process.cpuUsage(cpuOpen);
  console.log(`open the database (first query included)     ${(now() - start).toFixed(1)} ms  cpu ${((openCpu.user + openCpu.system) / 1000).toFixed(1)} ms`);
  const queries = [
    ["2-hop from a hub (e106)", "MATCH (a:Entity {id: 'e106'})-[:Rel*1..2]-(b:Entity) RETURN count(DISTINCT b)"],
    ["shortest path e999999 - e500001", "MATCH p = (a:Entity {id: 'e999999'})-[:Rel* SHORTEST 1..6]-(b:Entity {id: 'e500001'}) RETURN length(p)"],
    ["filtered scan with count(*)", "MATCH (a:Entity)-[r:Rel]->(b:Entity) WHERE a.type = 'PERSON' AND r.predicate = 'pressed' AND r.weight >= 3 AND r.status = 'asserted' RETURN count(*)"],
    ["top 10 by degree with count(*)", "MATCH (a:Entity)-[r:Rel]-(b:Entity) RETURN a.label, count(*) AS n ORDER BY n DESC, a.label LIMIT 10"],
  ];
  for (const [name, query] of queries) {
    let answer = await all(conn, query);  // warm-up
    const times = [];
    const cpu = [];
    for (let i = 0; i < runs; ++i) {
      start = now();
      const cpuStart = process.cpuUsage();
      answer = await all(conn, query);
      times.push(now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
    }
    const median = (xs) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const first = answer.length ? Object.values(answer[0]).at(-1) : "none";
    console.log(`${name.padEnd(44)} ${median(times).toFixed(3)} ms  cpu ${median(cpu).toFixed(3)} ms  (${answer.length} rows, first ${first})`);
  }
  console.log(`peak memory                                  ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} else {
  console.error("usage: node kuzu_bench.mjs load CSV_DIR DB | run DB [RUNS]");
  process.exit(2);
}
