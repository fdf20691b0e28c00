import http from "node:http";
import { WebSocketServer } from "ws";

// The floor for fan-out on this machine: a bare `ws` server that, when any client says "go",
// sends one prepared payload to every connected socket. No auth, no store, no rules.
const port = Number(process.env.PORT);
let payload = "";
const server = http.createServer((_request, response) => response.end("ok"));
const sockets = new WebSocketServer({ server });
sockets.on("connection", (socket) => {
  socket.on("message", (data) => {
    const text = (data as Buffer).toString("utf8");
    if (text.startsWith("payload:")) payload = text.slice("payload:".length);
    else for (const client of sockets.clients) client.send(payload);
  });
});
server.listen(port, "127.0.0.1");
