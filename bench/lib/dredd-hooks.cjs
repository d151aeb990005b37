// Dredd hooks for the benchmark: the request-id GUID check, which a description cannot express (status, Content-Type
// and the body schema are checked by Dredd itself from the Swagger description).
const hooks = require('hooks');

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

hooks.afterEach((transaction) => {
  const headers = transaction.real?.headers ?? {};
  const requestId = headers['request-id'];
  if (!GUID.test(requestId ?? '')) transaction.fail = `request-id is not a GUID: ${JSON.stringify(requestId)}`;
});
