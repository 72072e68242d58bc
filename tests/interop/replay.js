// Replays ncalayer-js-client's recorded exchanges through the real library, against the mock.
//
// Usage: node replay.js PLAN.json REPORT.json
// PLAN.json is a JSON array with one mock URL per recorded exchange of the library's
// test/test-data.json (the test starts the mock in the mode each exchange needs). Writes to
// REPORT.json (a pipe's 64 KiB would cut it) one JSON array: per exchange, every frame the
// library sent and received while it ran, and the library's result, or its error turned into
// text as the library's own test/index.js does.

'use strict';

const fs = require('fs');
const path = require('path');

const { NCALayerClient } = require('ncalayer-js-client');

const testData = require('ncalayer-js-client/test/test-data.json');

// The library's own mapping of "!!name" task parameters to its static constants.
function taskParams(task) {
  return task.params.map((param) => {
    if (typeof param === 'string' && param.startsWith('!!')) {
      return NCALayerClient[param.slice(2)];
    }
    return param;
  });
}

function newClient(url, frames) {
  // No KAZTOKEN HTTP API: the mock has none, and basicsSignCMS must use the WebSocket.
  const client = new NCALayerClient(url, false);
  client.onRequestReady = (text) => frames.requests.push(text);
  client.onResponseReady = (text) => frames.responses.push(String(text));
  return client;
}

async function replay(plan) {
  if (!Array.isArray(plan) || plan.length !== testData.length) {
    throw new Error(`the plan has ${plan && plan.length} URLs for ${testData.length} exchanges`);
  }
  const clients = new Map();
  const report = [];
  for (let index = 0; index < testData.length; index += 1) {
    const entry = testData[index];
    const task = JSON.parse(entry.task);
    const url = plan[index];
    const frames = { requests: [], responses: [] };
    let client;
    if (task.exec === 'connect') {
      // A connect task is about the greeting and the identification: a fresh socket.
      client = newClient(url, frames);
    } else {
      client = clients.get(url);
      if (!client) {
        const setup = { requests: [], responses: [] };
        client = newClient(url, setup);
        await client.connect(); // eslint-disable-line no-await-in-loop
        clients.set(url, client);
      }
      client.onRequestReady = (text) => frames.requests.push(text);
      client.onResponseReady = (text) => frames.responses.push(String(text));
    }
    const outcome = { index, exec: task.exec, url };
    try {
      const result = await client[task.exec](...taskParams(task)); // eslint-disable-line no-await-in-loop
      outcome.ok = true;
      outcome.resultType = result === undefined ? 'undefined' : typeof result;
      outcome.result = result === undefined ? null : result;
    } catch (error) {
      outcome.ok = false;
      outcome.resultType = 'error';
      outcome.result = error.toString();
    }
    outcome.requests = frames.requests;
    outcome.responses = frames.responses;
    if (task.exec === 'connect') {
      client.wsConnection.close();
    }
    report.push(outcome);
  }
  for (const client of clients.values()) {
    client.wsConnection.close();
  }
  return report;
}

async function main() {
  const [planFile, reportFile] = process.argv.slice(2);
  if (!planFile || !reportFile) {
    throw new Error('usage: node replay.js PLAN.json REPORT.json');
  }
  const plan = JSON.parse(fs.readFileSync(path.resolve(planFile), 'utf8'));
  const report = await replay(plan);
  // A file, written synchronously: stdout to a pipe is asynchronous in node, and the
  // process.exit() below cut a report of more than 64 KiB short.
  fs.writeFileSync(path.resolve(reportFile), JSON.stringify(report), 'utf8');
}

main().then(
  // connect() leaves a 1 s probe of KAZTOKEN's HTTP API behind: do not wait for it.
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error.stack || error}\n`);
    process.exit(1);
  },
);
