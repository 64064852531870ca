// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the official Increase Node SDK, unchanged, against a server that implements the
// OAuth connection, application and event endpoints of the contract (the local sandbox),
// and checks what it gets back.
//
//   node conformance.mjs BASE_URL API_KEY [--no-auth-check]
//
// --no-auth-check: the server accepts any key, so a wrong key cannot be tested.
// Prints a summary; exits 1 on any mismatch, 2 on bad usage.
import Increase, {
  AuthenticationError,
  BadRequestError,
  InvalidAPIKeyError,
  InvalidParametersError,
  NotFoundError,
  ObjectNotFoundError,
} from 'increase';
import { isDeepStrictEqual } from 'node:util';

const [baseURL, apiKey, ...flags] = process.argv.slice(2);
if (!baseURL || !apiKey || flags.some((flag) => flag !== '--no-auth-check')) {
  console.error('usage: node conformance.mjs BASE_URL API_KEY [--no-auth-check]');
  process.exit(2);
}
const checkAuth = !flags.includes('--no-auth-check');

// No retries: a conformant server never needs one here, and a retry would hide a fault.
const client = new Increase({ apiKey, baseURL, maxRetries: 0, timeout: 30_000 });

const failures = [];
const lines = [];
function check(condition, message) {
  if (!condition) failures.push(message);
  return condition;
}

const CONNECTION_FIELDS = ['created_at', 'deleted_at', 'group_id', 'id', 'oauth_application_id', 'status', 'type'];
const APPLICATION_FIELDS = ['client_id', 'created_at', 'deleted_at', 'id', 'name', 'status', 'type'];
const EVENT_FIELDS = ['associated_object_id', 'associated_object_type', 'category', 'created_at', 'id', 'type'];
const sameKeys = (object, fields) => isDeepStrictEqual(Object.keys(object).sort(), fields);

// The SDK's own auto-pagination loop, as its README shows it.
async function listConnections(params) {
  const items = [];
  for await (const connection of client.oauthConnections.list(params)) items.push(connection);
  return items;
}

function checkListing(name, items, { statuses, applicationId } = {}) {
  const ids = new Set(items.map((item) => item.id));
  check(ids.size === items.length, `${name}: duplicate ids`);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!check(sameKeys(item, CONNECTION_FIELDS), `${name}: ${item.id} has fields ${Object.keys(item)}`)) break;
    if (statuses && !check(statuses.includes(item.status), `${name}: ${item.id} is ${item.status}`)) break;
    if (applicationId && !check(item.oauth_application_id === applicationId, `${name}: ${item.id} is of another application`)) break;
    check((item.status === 'active') === (item.deleted_at === null), `${name}: ${item.id} status/deleted_at disagree`);
    if (i > 0) {
      const previous = items[i - 1];
      const ordered = previous.created_at > item.created_at
        || (previous.created_at === item.created_at && previous.id > item.id);
      if (!check(ordered, `${name}: ${previous.id} then ${item.id} is not newest first, ties by id descending`)) break;
    }
  }
  lines.push(`${name}: ${items.length} connections`);
}

async function listEvents(params) {
  const items = [];
  for await (const event of client.events.list(params)) items.push(event);
  return items;
}

function checkEvents(name, items, { categories, objectId } = {}) {
  const ids = new Set(items.map((item) => item.id));
  check(ids.size === items.length, `${name}: duplicate ids`);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!check(sameKeys(item, EVENT_FIELDS), `${name}: ${item.id} has fields ${Object.keys(item)}`)) break;
    if (categories && !check(categories.includes(item.category), `${name}: ${item.id} is ${item.category}`)) break;
    if (objectId && !check(item.associated_object_id === objectId, `${name}: ${item.id} is of another object`)) break;
    check(item.type === 'event' && item.associated_object_type === 'oauth_connection', `${name}: ${item.id} type`);
    if (i > 0) {
      const previous = items[i - 1];
      const ordered = previous.created_at < item.created_at
        || (previous.created_at === item.created_at && previous.id < item.id);
      if (!check(ordered, `${name}: ${previous.id} then ${item.id} is not oldest first, ties by id`)) break;
    }
  }
  lines.push(`${name}: ${items.length} events`);
}

async function checkEventEndpoints(connections) {
  const CREATED = 'oauth_connection.created';
  const DEACTIVATED = 'oauth_connection.deactivated';
  const events = await listEvents();
  checkEvents('events', events);
  const inactive = connections.filter((c) => c.status === 'inactive');
  check(events.length === connections.length + inactive.length,
    `events: ${events.length}, expected one per connection and one per deactivation`);
  const created = await listEvents({ category: { in: [CREATED] } });
  checkEvents(`events category.in=[${CREATED}]`, created, { categories: [CREATED] });
  check(created.length === connections.length, 'not one created event per connection');
  const deactivated = await listEvents({ category: { in: [DEACTIVATED] }, limit: 13 });
  checkEvents(`events category.in=[${DEACTIVATED}], limit 13`, deactivated, { categories: [DEACTIVATED] });
  const deletedAt = new Map(inactive.map((c) => [c.id, c.deleted_at]));
  check(deactivated.length === inactive.length
    && deactivated.every((e) => deletedAt.get(e.associated_object_id) === e.created_at),
    'deactivated events differ from the inactive connections');
  const both = await listEvents({ category: { in: [CREATED, DEACTIVATED] }, limit: 37 });
  check(isDeepStrictEqual(both, events), 'both categories, limit 37, differ from the whole listing');

  const connection = inactive[0] ?? connections[0];
  const history = await listEvents({ associated_object_id: connection.id });
  checkEvents(`events of ${connection.id}`, history, { objectId: connection.id });
  check(history[0]?.category === CREATED && history[0]?.created_at === connection.created_at,
    `${connection.id}: no created event at its created_at`);
  check(history.length === (connection.deleted_at === null ? 1 : 2), `${connection.id}: ${history.length} events`);

  const middle = events[Math.floor(events.length / 2)].created_at;
  const later = await listEvents({ created_at: { on_or_after: middle } });
  check(isDeepStrictEqual(later, events.filter((e) => e.created_at >= middle)), 'created_at.on_or_after differs');
  const earlier = await listEvents({ created_at: { before: middle } });
  check(earlier.length + later.length === events.length, 'created_at.before and on_or_after do not split the list');

  const retrieved = await client.events.retrieve(events[0].id);
  check(isDeepStrictEqual(retrieved, events[0]), `retrieve ${events[0].id} differs from the listing`);
  lines.push(`retrieve event: ${retrieved.id}`);
  await expectError('retrieve unknown event', client.events.retrieve('event_doesnotexist000000000'),
    NotFoundError, ObjectNotFoundError, (e) => e.status === 404);
  await expectError('events category.in=[bogus]', client.events.list({ category: { in: ['bogus'] } }),
    BadRequestError, InvalidParametersError, (e) => e.status === 400);
  await expectError('events created_at.after=soon', client.events.list({ created_at: { after: 'soon' } }),
    BadRequestError, InvalidParametersError);
}

async function expectError(name, promise, errorClass, specificClass, extra = () => true) {
  try {
    await promise;
    check(false, `${name}: succeeded, expected ${specificClass.name}`);
  } catch (error) {
    const ok = error instanceof errorClass && error instanceof specificClass && extra(error);
    check(ok, `${name}: got ${error?.constructor?.name} ${error?.status} ${error?.message}`);
    if (ok) lines.push(`${name}: ${specificClass.name} (${error.status} ${error.type})`);
  }
}

async function main() {
  const all = await listConnections({ status: { in: ['active', 'inactive'] } });
  checkListing('status.in=[active,inactive]', all, { statuses: ['active', 'inactive'] });
  check(all.length > 0, 'the sandbox has no connections');

  const byDefault = await listConnections();
  checkListing('default filter', byDefault, { statuses: ['active'] });
  const active = await listConnections({ status: { in: ['active'] } });
  checkListing('status.in=[active]', active, { statuses: ['active'] });
  check(isDeepStrictEqual(byDefault, active), 'the default filter is not status.in=[active]');
  const inactive = await listConnections({ status: { in: ['inactive'] } });
  checkListing('status.in=[inactive]', inactive, { statuses: ['inactive'] });
  const merged = [...active, ...inactive].map((c) => c.id).sort();
  check(isDeepStrictEqual(merged, all.map((c) => c.id).sort()), 'active + inactive is not every connection');

  const small = await listConnections({ status: { in: ['active', 'inactive'] }, limit: 37 });
  check(isDeepStrictEqual(small, all), 'limit=37 pages differ from limit=100 pages');
  lines.push(`limit=37: ${small.length} connections, same order`);

  const applications = [];
  for await (const application of client.oauthApplications.list()) applications.push(application);
  check(applications.length > 0, 'no applications');
  for (const application of applications) {
    check(sameKeys(application, APPLICATION_FIELDS), `application ${application.id} has fields ${Object.keys(application)}`);
  }
  lines.push(`applications: ${applications.length}`);
  const deleted = [];
  for await (const application of client.oauthApplications.list({ status: { in: ['deleted'] } })) deleted.push(application);
  check(deleted.every((a) => a.status === 'deleted'), 'status.in=[deleted] returned an active application');

  let perApplication = 0;
  for (const application of applications) {
    const items = await listConnections({ oauth_application_id: application.id, status: { in: ['active', 'inactive'] } });
    checkListing(`application ${application.id}`, items, { applicationId: application.id });
    perApplication += items.length;
  }
  check(perApplication === all.length, `per-application listings hold ${perApplication}, not ${all.length}`);
  const firstActive = await listConnections({ oauth_application_id: applications[0].id });
  checkListing(`application ${applications[0].id}, default filter`, firstActive, {
    statuses: ['active'], applicationId: applications[0].id,
  });

  const retrieved = await client.oauthConnections.retrieve(all[0].id);
  check(isDeepStrictEqual(retrieved, all[0]), `retrieve ${all[0].id} differs from the listing`);
  const application = await client.oauthApplications.retrieve(applications[0].id);
  check(isDeepStrictEqual(application, applications[0]), 'retrieved application differs from the listing');
  lines.push(`retrieve: ${retrieved.id}, ${application.id}`);

  await expectError('retrieve unknown id', client.oauthConnections.retrieve('connection_doesnotexist00000000'),
    NotFoundError, ObjectNotFoundError, (e) => e.status === 404);
  for (const limit of [0, 101]) {
    await expectError(`limit=${limit}`, client.oauthConnections.list({ limit }),
      BadRequestError, InvalidParametersError, (e) => e.status === 400 && e.errors.length > 0);
  }
  await expectError('status.in=[bogus]', client.oauthConnections.list({ status: { in: ['bogus'] } }),
    BadRequestError, InvalidParametersError);
  await checkEventEndpoints(all);
  if (checkAuth) {
    const stranger = new Increase({ apiKey: `${apiKey}-wrong`, baseURL, maxRetries: 0 });
    await expectError('wrong API key', stranger.oauthConnections.list(),
      AuthenticationError, InvalidAPIKeyError, (e) => e.status === 401 && e.reason === 'no_credential');
  }
}

try {
  await main();
} catch (error) {
  failures.push(`unexpected ${error?.constructor?.name}: ${error?.message}`);
}
for (const line of lines) console.log(`ok   ${line}`);
for (const failure of failures) console.log(`FAIL ${failure}`);
console.log(`${failures.length === 0 ? 'PASS' : 'FAIL'}: official Node SDK (increase) against ${baseURL}: ` +
  `${lines.length} steps ok, ${failures.length} mismatches`);
process.exit(failures.length === 0 ? 0 : 1);
