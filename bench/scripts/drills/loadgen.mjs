// Open-loop read load through the gateway for drill.py --load-fault (issue 23): request i is due at
// start + i / rate whatever happened to the ones before, and its latency counts from that moment, so a stall shows
// as latency and not as a slower rate. Node's event loop on keep-alive sockets keeps up with 500 requests/s on a
// fraction of a core, where Python threads did not.
//
//   node loadgen.mjs CONFIG.json > RESULTS.json
//   CONFIG: { url, key, headers (optional, sent beside X-Api-Key), rate, duration, connections,
//             startAt (epoch ms of request 0), timeoutMs, seed, mix: [[share, [path, …]], …] }   (a request picks a row by share, then one of its paths)
//   RESULTS: { requests: [[due s, latency s (from due), status (0: no answer), on the wire s], …], sent, lagMaxMs }
//   ("on the wire": when a socket took the request; later than due when all sockets were busy, i.e. the stack behind)
import http from 'node:http';
import fs from 'node:fs';

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const { rate, duration, connections, startAt, timeoutMs = 10000 } = config;
const url = new URL(config.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const total = Math.round(rate * duration);
const results = new Array(total);
let seed = config.seed >>> 0 || 1;
const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32); // reproducible mix
const shares = config.mix.reduce((sum, [share]) => sum + share, 0);
const pick = () => {
  let x = random() * shares;
  for (const [share, paths] of config.mix) {
    if ((x -= share) < 0) return paths[Math.floor(random() * paths.length)];
  }
  return config.mix.at(-1)[1][0];
};

let sent = 0, done = 0, lagMaxMs = 0;
const send = (i) => {
  const due = startAt + (i * 1000) / rate;
  lagMaxMs = Math.max(lagMaxMs, Date.now() - due);
  let finished = false, wire = Date.now();
  const seconds = (ms) => +(ms / 1000).toFixed(4);
  const finish = (status) => {
    if (finished) return;
    finished = true;
    results[i] = [seconds(due - startAt), seconds(Date.now() - due), status, seconds(wire - startAt)];
    if (++done === total) {
      agent.destroy();
      process.stdout.write(JSON.stringify({ requests: results, sent, lagMaxMs }));
    }
  };
  const req = http.request({ host: url.hostname, port: url.port, path: pick(), agent, headers: { 'X-Api-Key': config.key, ...config.headers } }, (res) => {
    res.on('data', () => {});
    res.on('end', () => finish(res.statusCode));
    res.on('close', () => finish(res.complete ? res.statusCode : 0)); // a body cut off: no answer
  });
  const timer = setTimeout(() => req.destroy(new Error('timeout')), timeoutMs); // the whole exchange, not idle time
  req.on('close', () => { clearTimeout(timer); finish(0); }); // after 'end' this is a no-op
  req.on('error', () => finish(0));
  req.on('socket', () => { wire = Date.now(); });
  req.end();
  sent++;
};

// Every millisecond or so, send what is due (setTimeout's resolution is ~1 ms; a late tick sends a burst).
const tick = () => {
  const now = Date.now();
  while (sent < total && startAt + (sent * 1000) / rate <= now) send(sent);
  if (sent < total) setTimeout(tick, Math.max(0, Math.min(5, startAt + (sent * 1000) / rate - Date.now())));
};
setTimeout(tick, Math.max(0, startAt - Date.now()));
