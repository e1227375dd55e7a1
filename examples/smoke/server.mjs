// A tiny app to try `npx shipkit smoke` against: node examples/smoke/server.mjs [port]
// It takes a moment to become healthy, like a real deploy, and sends the security headers.
import http from 'node:http';

const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
const readyAt = Date.now() + 1500;
const secure = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'self'",
};

const server = http.createServer((req, res) => {
  const send = (status, type, body) => {
    res.writeHead(status, { 'content-type': type, ...secure });
    res.end(body);
  };
  if (req.url === '/health') {
    if (Date.now() < readyAt) return send(503, 'application/json', '{"status":"starting"}');
    return send(200, 'application/json', '{"status":"ok","version":"1.4.2"}');
  }
  if (req.url === '/')
    return send(200, 'text/html; charset=utf-8', '<!doctype html><title>Shop</title><h1>Welcome</h1>');
  if (req.url === '/api/products') {
    return send(200, 'application/json', JSON.stringify({ items: [{ id: 1, name: 'Tea' }], total: 1 }));
  }
  if (req.url === '/login' && req.method === 'POST') {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { user } = JSON.parse(body || '{}');
      send(user ? 200 : 400, 'application/json', JSON.stringify(user ? { token: 'demo', user } : { error: 'user?' }));
    });
    return;
  }
  send(404, 'application/json', '{"error":"not found"}');
});
server.listen(port, '127.0.0.1', () => console.log(`example app on http://127.0.0.1:${port}`));
