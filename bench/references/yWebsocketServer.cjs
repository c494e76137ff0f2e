// The classic y-websocket server (y-websocket 2.1.0, bin/utils.cjs), as its bin/server.cjs
// runs it, on 127.0.0.1 and a given port, announcing the bound port like Flet does.
const http = require('node:http');
const { WebSocketServer } = require('ws');
const { setupWSConnection } = require('y-websocket-v2/bin/utils');

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 0);

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('okay');
});
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(port, host, () => {
  process.stdout.write(JSON.stringify({ msg: 'listening', port: server.address().port }) + '\n');
});
process.on('SIGTERM', () => process.exit(0));
