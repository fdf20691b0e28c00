import http from "node:http";
import { WebSocketServer } from "ws";

// The floor for the hand-raise burst on this machine: a bare `ws` server that relays every frame it
// receives to every connected socket, then answers the sender "ack", as Concord acknowledges a
// command after fanning its event out. No auth, no validation, no store, no rules.
const port = Number(process.env.PORT);
const server = http.createServer((_request, response) => response.end("ok"));
const sockets = new WebSocketServer({ server });
sockets.on("connection", (socket) => {
  socket.on("message", (data) => {
    for (const client of sockets.clients) client.send(data, { binary: false });
    socket.send("ack");
  });
});
server.listen(port, "127.0.0.1");
