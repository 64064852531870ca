// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The peer of the export benchmarks: the official Increase Node SDK's own auto-pagination
// loop writing the same CSV as `increase-connections export --status all` (same columns,
// RFC 4180, CRLF, the same formula guard), so the two files can be compared byte for byte.
//
//   node bench-sdk.mjs BASE_URL API_KEY OUTPUT_FILE
//
// Prints one JSON line on stdout: rows, seconds (first request to file closed), requests,
// responses by status. The SDK keeps its defaults (retries, timeout), as a user's script
// would; a fetch wrapper only counts responses (it is how 429s are observed).
import Increase from 'increase';
import { closeSync, openSync, writeSync } from 'node:fs';

const [baseURL, apiKey, output, ...rest] = process.argv.slice(2);
if (!baseURL || !apiKey || !output || rest.length > 0) {
  console.error('usage: node bench-sdk.mjs BASE_URL API_KEY OUTPUT_FILE');
  process.exit(2);
}

const statuses = {};
let requests = 0;
async function countingFetch(url, init) {
  requests++;
  const response = await fetch(url, init);
  statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  return response;
}

const COLUMNS = ['id', 'created_at', 'deleted_at', 'group_id', 'oauth_application_id', 'status', 'type'];

// The exporter's CSV field: a formula-like start gets a quote, then RFC 4180 quoting.
function field(value) {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[,"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const client = new Increase({ apiKey, baseURL, fetch: countingFetch });
const fd = openSync(output, 'w');
const started = process.hrtime.bigint();
// Rows are written in blocks: one write per row would measure the file system, not the SDK.
let block = `${COLUMNS.join(',')}\r\n`;
let rows = 0;
for await (const connection of client.oauthConnections.list({ status: { in: ['active', 'inactive'] } })) {
  block += `${COLUMNS.map((column) => field(connection[column])).join(',')}\r\n`;
  if (++rows % 1000 === 0) {
    writeSync(fd, block);
    block = '';
  }
}
writeSync(fd, block);
closeSync(fd);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ rows, seconds, requests, statuses }));
